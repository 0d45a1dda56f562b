import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  assertMockWorkerMayStart,
  isProductionBuild,
  isUnderBaseUrl,
  resolveBaseUrl,
} from './worker-scope.ts';

afterEach(() => vi.unstubAllEnvs());

describe('resolveBaseUrl and isUnderBaseUrl', () => {
  const base = resolveBaseUrl('/api/v2/', 'https://portal.example');

  it('makes a relative base absolute against the page’s origin', () => {
    expect(base.href).toBe('https://portal.example/api/v2');
  });

  it('takes the base and what lies below it, nothing else', () => {
    expect(isUnderBaseUrl('https://portal.example/api/v2', base)).toBe(true);
    expect(isUnderBaseUrl('https://portal.example/api/v2/datasets?limit=5', base)).toBe(true);
    expect(isUnderBaseUrl('https://portal.example/api/v20/account', base)).toBe(false);
    expect(isUnderBaseUrl('https://portal.example/other/api/v2/account', base)).toBe(false);
    expect(isUnderBaseUrl('https://analytics.example/api/v2/account', base)).toBe(false);
    expect(isUnderBaseUrl('http://portal.example/api/v2/account', base)).toBe(false);
  });
});

describe('isProductionBuild and assertMockWorkerMayStart', () => {
  it('reads the build from NODE_ENV, as host bundlers set it', () => {
    vi.stubEnv('NODE_ENV', 'production');
    expect(isProductionBuild()).toBe(true);
    vi.stubEnv('NODE_ENV', 'development');
    expect(isProductionBuild()).toBe(false);
  });

  it('refuses a production build unless allowed explicitly', () => {
    vi.stubEnv('NODE_ENV', 'production');
    expect(() => assertMockWorkerMayStart(undefined)).toThrow(/allowInProduction: true/);
    expect(() => assertMockWorkerMayStart(false)).toThrow();
    expect(() => assertMockWorkerMayStart(true)).not.toThrow();
    vi.stubEnv('NODE_ENV', 'test');
    expect(() => assertMockWorkerMayStart(undefined)).not.toThrow();
  });
});
