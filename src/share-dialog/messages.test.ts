import { describe, expect, it } from 'vitest';
import { defaultMessages } from './messages.ts';

describe('defaultMessages', () => {
  it('counts the impact preview in singular and plural', () => {
    expect(defaultMessages.impactSummary({ gains: 1, changes: 1, loses: 1, expiries: 1 })).toBe(
      '1 person gains access · 1 change · 1 person loses access · 1 person gets a new end date',
    );
    expect(defaultMessages.impactSummary({ gains: 2, changes: 2, loses: 2, expiries: 2 })).toBe(
      '2 people gain access · 2 changes · 2 people lose access · 2 people get a new end date',
    );
    expect(defaultMessages.impactSummary({ gains: 0, changes: 1_200, loses: 0, expiries: 0 })).toBe(
      '1,200 changes',
    );
  });
});
