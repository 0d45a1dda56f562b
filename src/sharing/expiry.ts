/**
 * Expiring access (SPEC §9): when a grant ends, and whether an expiry may be set. Time is always an input
 * (`now`, milliseconds since the epoch): nothing here reads a clock, so an expired grant is absent wherever access
 * is computed, at whatever instant the caller judges it — no sweeper that may lag.
 */
import { type Grant, type Level, OWNER_LEVEL } from './types.ts';

/** One day, in milliseconds. */
export const DAY_MS = 86_400_000;

/** R19: how far ahead an expiry may lie, in days. */
export const MAX_EXPIRY_DAYS = 365;

/** How many days before its end a recipient is told that their access ends. */
export const EXPIRY_NOTICE_DAYS = 3;

/** The durations the dialog offers new recipients, in days. */
export const EXPIRY_PRESET_DAYS = [7, 30, 90] as const;

/** The instant an RFC 3339 date-time names, in milliseconds; NaN when it names none. */
export function instantOf(dateTime: string): number {
  // Date.parse accepts loose forms too ("2025", "July 4"); an expiry must name a full instant.
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/i.test(dateTime))
    return Number.NaN;
  return Date.parse(dateTime);
}

/** The instant a grant ends, or null when it never does. */
export function expiryOf(grant: Pick<Grant, 'expiresAt'>): number | null {
  return grant.expiresAt === undefined ? null : instantOf(grant.expiresAt);
}

/** Whether a grant has ended at `now`: from the instant it expires it grants nothing. */
export function isExpired(grant: Pick<Grant, 'expiresAt'>, now: number): boolean {
  const expiry = expiryOf(grant);
  // An unreadable expiry grants nothing rather than everything forever.
  return expiry !== null && !(expiry > now);
}

/** Whether a grant never expires. */
export function isPermanent(grant: Pick<Grant, 'expiresAt'>): boolean {
  return grant.expiresAt === undefined;
}

/** The grants still in force at `now`. Answers the same array when none has expired. */
export function unexpiredGrants<G extends Pick<Grant, 'expiresAt'>>(
  grants: readonly G[],
  now: number,
): readonly G[] {
  return grants.some((grant) => isExpired(grant, now))
    ? grants.filter((grant) => !isExpired(grant, now))
    : grants;
}

/** The earliest instant after `now` at which one of these grants expires (Infinity when none will). */
export function nextExpiryAfter(grants: readonly Pick<Grant, 'expiresAt'>[], now: number): number {
  let next = Number.POSITIVE_INFINITY;
  for (const grant of grants) {
    const expiry = expiryOf(grant);
    if (expiry !== null && expiry > now && expiry < next) next = expiry;
  }
  return next;
}

/** Whether a grant is in force at `now` and ends within `days` days: the dialog marks it, the recipient is told. */
export function expiresWithin(
  grant: Pick<Grant, 'expiresAt'>,
  now: number,
  days = EXPIRY_NOTICE_DAYS,
): boolean {
  const expiry = expiryOf(grant);
  return expiry !== null && expiry > now && expiry - now <= days * DAY_MS;
}

/** Whole days from `now` until an instant, rounded up (an expiry later today is "in 1 day"). */
export function daysUntil(instant: number, now: number): number {
  return Math.ceil((instant - now) / DAY_MS);
}

/** The instant `days` days after `now`, as the wire writes it (RFC 3339, UTC). */
export function expiryAfterDays(now: number, days: number): string {
  return new Date(now + days * DAY_MS).toISOString();
}

/** The latest instant an expiry set at `now` may name (R19). */
export function latestExpiry(now: number): number {
  return now + MAX_EXPIRY_DAYS * DAY_MS;
}

/** The same instant in the one form the backend stores and answers (UTC, milliseconds); unreadable input kept. */
export function canonicalInstant(dateTime: string): string {
  const instant = instantOf(dateTime);
  return Number.isNaN(instant) ? dateTime : new Date(instant).toISOString();
}

/** What is wrong with an expiry under R19, or null when nothing is. */
export type ExpiryProblem = 'notAnInstant' | 'notInFuture' | 'tooFar' | 'ownerLevel' | 'revocation';

/**
 * R19: an expiry lies in the future and at most 365 days ahead; an owner-level grant never expires; a revocation
 * carries none. `level` is the level of the grant as the change would leave it, null for a revocation. A `null`
 * expiry (none, or clearing one) is always fine.
 */
export function expiryProblem(
  expiresAt: string | null,
  level: Level | null,
  now: number,
): ExpiryProblem | null {
  if (expiresAt === null) return null;
  if (level === null) return 'revocation';
  if (level === OWNER_LEVEL) return 'ownerLevel';
  const instant = instantOf(expiresAt);
  if (Number.isNaN(instant)) return 'notAnInstant';
  if (instant <= now) return 'notInFuture';
  if (instant > latestExpiry(now)) return 'tooFar';
  return null;
}
