import { describe, expect, it } from 'vitest';
import { readSearchDebounceMs } from './search-debounce.ts';

describe('readSearchDebounceMs', () => {
  it('reads the exported constant, digit separators included', () => {
    expect(readSearchDebounceMs('export const RECIPIENT_SEARCH_DEBOUNCE_MS = 1_250;')).toBe(1250);
  });

  it('fails loudly when the constant is gone, rather than subtracting nothing', () => {
    expect(() => readSearchDebounceMs('const SEARCH_DELAY = 200;')).toThrow(/not found/);
  });

  it('finds the debounce in the recipient search source', () => {
    expect(readSearchDebounceMs()).toBeGreaterThan(0);
  });
});
