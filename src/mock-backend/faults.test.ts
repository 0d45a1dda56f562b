import { describe, expect, it } from 'vitest';
import { FaultRegistry, faultPathMatches, parseFaultParam } from './faults.ts';

describe('faultPathMatches', () => {
  it('matches the end of a path, segment by segment, with * for one segment', () => {
    expect(faultPathMatches('/sharedRoles', '/api/v2/datasets/abc/sharedRoles')).toBe(true);
    expect(faultPathMatches('…/sharedRoles', '/api/v2/datasets/abc/sharedRoles')).toBe(true);
    expect(faultPathMatches('/datasets/*/sharedRoles', '/api/v2/datasets/abc/sharedRoles')).toBe(true);
    expect(faultPathMatches('/models/*/sharedRoles', '/api/v2/datasets/abc/sharedRoles')).toBe(false);
    expect(faultPathMatches('/roles', '/api/v2/datasets/abc/sharedRoles')).toBe(false);
    expect(faultPathMatches('/sharedRoles', '/api/v2/datasets/abc/sharedRoles/preview')).toBe(false);
  });
});

describe('FaultRegistry', () => {
  it('applies a fault to matching requests only, `times` times', () => {
    const faults = new FaultRegistry();
    faults.add({ path: '/sharedRoles', method: 'patch', status: 500, times: 2 });
    expect(faults.take('GET', '/api/v2/datasets/x/sharedRoles')).toBeUndefined();
    expect(faults.take('PATCH', '/api/v2/datasets/x/sharedRoles')).toEqual({
      kind: 'status',
      status: 500,
      delayMs: 0,
    });
    expect(faults.take('PATCH', '/api/v2/datasets/x/sharedRoles')).toBeDefined();
    expect(faults.take('PATCH', '/api/v2/datasets/x/sharedRoles')).toBeUndefined();
  });

  it('keeps a fault without `times` until cleared', () => {
    const faults = new FaultRegistry();
    faults.add({ path: '/principals', networkError: true });
    expect(faults.take('GET', '/api/v2/principals')).toEqual({ kind: 'networkError', delayMs: 0 });
    expect(faults.take('GET', '/api/v2/principals')).toEqual({ kind: 'networkError', delayMs: 0 });
    faults.clear();
    expect(faults.take('GET', '/api/v2/principals')).toBeUndefined();
  });
});

describe('parseFaultParam', () => {
  it('reads status, delay and network faults from the URL', () => {
    expect(parseFaultParam('PATCH:/sharedRoles:500:1')).toEqual({
      method: 'PATCH',
      path: '/sharedRoles',
      status: 500,
      times: 1,
    });
    expect(parseFaultParam('*:/principals:delay3000')).toEqual({ path: '/principals', delayMs: 3000 });
    expect(parseFaultParam('get:/account:network')).toEqual({
      method: 'GET',
      path: '/account',
      networkError: true,
    });
  });

  it('ignores what it cannot read', () => {
    expect(parseFaultParam('PATCH:/sharedRoles')).toBeNull();
    expect(parseFaultParam('PATCH:/sharedRoles:boom')).toBeNull();
    expect(parseFaultParam('PATCH:/sharedRoles:500:0')).toBeNull();
  });
});
