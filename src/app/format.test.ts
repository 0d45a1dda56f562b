import { describe, expect, it } from 'vitest';
import { accessCountLabel, initials, roleLabel, timeAgo } from './format.ts';

describe('format', () => {
  it('reads role names the way each asset type labels them', () => {
    expect(roleLabel('deployment', 'USER')).toBe('User');
    expect(roleLabel('governedModel', 'write')).toBe('Write');
    expect(roleLabel('unknownType', 'EDITOR')).toBe('Editor');
  });

  it('counts access in words', () => {
    expect(accessCountLabel(1)).toBe('1 has access');
    expect(accessCountLabel(10000)).toBe('10,000 have access');
  });

  it('makes initials from a full name', () => {
    expect(initials('Olivia Owens')).toBe('OO');
    expect(initials('Risk')).toBe('R');
    expect(initials('Siobhán O’Brien Kelly')).toBe('SK');
  });

  it('says how long ago something happened', () => {
    const now = Date.parse('2026-01-10T12:00:00Z');
    expect(timeAgo('2026-01-10T11:59:50Z', now)).toBe('just now');
    expect(timeAgo('2026-01-10T11:55:00Z', now)).toBe('5 minutes ago');
    expect(timeAgo('2026-01-09T12:00:00Z', now)).toBe('yesterday');
    expect(timeAgo('not a date', now)).toBe('not a date');
  });
});
