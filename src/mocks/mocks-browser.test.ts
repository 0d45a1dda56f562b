/**
 * `sharewell/mocks/browser`: a host that forgets its flag must not ship a fake backend. The worker refuses to be
 * created in a production build unless the host says so explicitly. (MSW's own worker needs a browser; it is
 * stood in for here, the decision to create it is what is tested.)
 */
import { afterEach, describe, expect, it, vi } from 'vitest';

const created = vi.hoisted(() => ({ count: 0 }));
vi.mock('msw/browser', () => ({
  setupWorker: (...handlers: unknown[]) => {
    created.count += 1;
    return { handlers, start: async () => undefined };
  },
}));

const { createMockWorker } = await import('./browser.ts');

afterEach(() => {
  vi.unstubAllEnvs();
  created.count = 0;
});

describe('createMockWorker', () => {
  it('refuses a production build, and creates no worker', () => {
    vi.stubEnv('NODE_ENV', 'production');
    expect(() => createMockWorker({ baseUrl: 'https://portal.example/api/v2' })).toThrow(
      /does not start in a production build/,
    );
    expect(created.count).toBe(0);
  });

  it('starts in a production build only when told explicitly', () => {
    vi.stubEnv('NODE_ENV', 'production');
    createMockWorker({ baseUrl: 'https://portal.example/api/v2', allowInProduction: true });
    expect(created.count).toBe(1);
  });

  it('starts in development without being told', () => {
    vi.stubEnv('NODE_ENV', 'development');
    createMockWorker({ baseUrl: 'https://portal.example/api/v2' });
    expect(created.count).toBe(1);
  });
});
