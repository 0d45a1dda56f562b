import { describe, expect, it } from 'vitest';
import {
  canonicalInstant,
  DAY_MS,
  daysUntil,
  expiresWithin,
  expiryAfterDays,
  expiryProblem,
  instantOf,
  isExpired,
  nextExpiryAfter,
  unexpiredGrants,
} from './expiry.ts';
import { assetType, eddie, grantTo, TEST_NOW } from './test-fixtures.ts';

const deployment = assetType('deployment');
const iso = (instant: number) => new Date(instant).toISOString();

describe('instantOf', () => {
  it('reads RFC 3339 date-times, in UTC or with an offset', () => {
    expect(instantOf('2025-07-08T12:00:00Z')).toBe(Date.UTC(2025, 6, 8, 12));
    expect(instantOf('2025-07-08T14:00:00.000+02:00')).toBe(Date.UTC(2025, 6, 8, 12));
  });

  it('refuses what is not a full instant, even where Date.parse would guess', () => {
    for (const text of ['2025-07-08', 'July 8, 2025', '2025', 'tomorrow', '', '2025-07-08T12:00']) {
      expect(instantOf(text), text).toBeNaN();
    }
  });

  it('writes the one form the backend stores', () => {
    expect(canonicalInstant('2025-07-08T14:00:00+02:00')).toBe('2025-07-08T12:00:00.000Z');
    expect(canonicalInstant('not a date')).toBe('not a date');
  });
});

describe('isExpired', () => {
  const expiring = { expiresAt: iso(TEST_NOW + 1000) };

  it('is in force until the instant it expires, and grants nothing from that instant on', () => {
    expect(isExpired(expiring, TEST_NOW)).toBe(false);
    expect(isExpired(expiring, TEST_NOW + 999)).toBe(false);
    expect(isExpired(expiring, TEST_NOW + 1000)).toBe(true);
    expect(isExpired(expiring, TEST_NOW + 10 * DAY_MS)).toBe(true);
  });

  it('never expires a grant without an end, and treats an unreadable end as ended', () => {
    expect(isExpired({}, TEST_NOW + 1000 * DAY_MS)).toBe(false);
    expect(isExpired({ expiresAt: 'soon' }, TEST_NOW)).toBe(true);
  });
});

describe('unexpiredGrants and nextExpiryAfter', () => {
  const permanent = grantTo(deployment, eddie, 2);
  const soon = { ...permanent, principalId: 'a', expiresAt: iso(TEST_NOW + DAY_MS) };
  const past = { ...permanent, principalId: 'b', expiresAt: iso(TEST_NOW - DAY_MS) };

  it('leaves out what has expired, and answers the very list when nothing has', () => {
    const list = [permanent, soon];
    expect(unexpiredGrants(list, TEST_NOW)).toBe(list);
    expect(unexpiredGrants([permanent, soon, past], TEST_NOW)).toEqual([permanent, soon]);
    expect(unexpiredGrants([permanent, soon, past], TEST_NOW + DAY_MS)).toEqual([permanent]);
  });

  it('names the next instant the list changes', () => {
    expect(nextExpiryAfter([permanent, soon, past], TEST_NOW)).toBe(TEST_NOW + DAY_MS);
    expect(nextExpiryAfter([permanent], TEST_NOW)).toBe(Number.POSITIVE_INFINITY);
  });
});

describe('expiresWithin and daysUntil', () => {
  it('marks access that ends within three days, and not access that has ended', () => {
    expect(expiresWithin({ expiresAt: iso(TEST_NOW + 3 * DAY_MS) }, TEST_NOW)).toBe(true);
    expect(expiresWithin({ expiresAt: iso(TEST_NOW + 3 * DAY_MS + 1) }, TEST_NOW)).toBe(false);
    expect(expiresWithin({ expiresAt: iso(TEST_NOW - 1) }, TEST_NOW)).toBe(false);
    expect(expiresWithin({}, TEST_NOW)).toBe(false);
  });

  it('counts whole days, rounding up', () => {
    expect(daysUntil(TEST_NOW + 6 * DAY_MS, TEST_NOW)).toBe(6);
    expect(daysUntil(TEST_NOW + 5 * DAY_MS + 1, TEST_NOW)).toBe(6);
    expect(daysUntil(TEST_NOW + 1, TEST_NOW)).toBe(1);
    expect(expiryAfterDays(TEST_NOW, 7)).toBe(iso(TEST_NOW + 7 * DAY_MS));
  });
});

describe('expiryProblem (R19)', () => {
  it('accepts a future end up to 365 days ahead, and no end at all', () => {
    expect(expiryProblem(iso(TEST_NOW + 1), 2, TEST_NOW)).toBeNull();
    expect(expiryProblem(iso(TEST_NOW + 365 * DAY_MS), 1, TEST_NOW)).toBeNull();
    expect(expiryProblem(null, 3, TEST_NOW)).toBeNull();
    expect(expiryProblem(null, null, TEST_NOW)).toBeNull();
  });

  it('names each problem', () => {
    expect(expiryProblem(iso(TEST_NOW), 2, TEST_NOW)).toBe('notInFuture');
    expect(expiryProblem(iso(TEST_NOW - DAY_MS), 2, TEST_NOW)).toBe('notInFuture');
    expect(expiryProblem(iso(TEST_NOW + 365 * DAY_MS + 1), 2, TEST_NOW)).toBe('tooFar');
    expect(expiryProblem(iso(TEST_NOW + DAY_MS), 3, TEST_NOW)).toBe('ownerLevel');
    expect(expiryProblem(iso(TEST_NOW + DAY_MS), null, TEST_NOW)).toBe('revocation');
    expect(expiryProblem('next week', 2, TEST_NOW)).toBe('notAnInstant');
  });
});
