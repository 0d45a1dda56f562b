/**
 * Expired grants leave the stored access lists the first time the backend reads them after they end — no
 * sweeper. Access never waits for this: `sharing/` already treats an expired grant as absent at any instant it is
 * asked about. Settling makes it final: each expiry is recorded as its own change set (cause `expiry`, dated when
 * the grant ended), the list's version moves on, and moving the demo clock back brings nothing back.
 */
import { expiryOf, isExpired } from '../sharing/expiry.ts';
import type { Grant } from '../sharing/types.ts';
import type { MockDatabase, StoredAsset } from './db.ts';
import { recordChangeSet } from './history.ts';

function byInstant(expired: readonly Grant[]): Map<number, Grant[]> {
  const groups = new Map<number, Grant[]>();
  for (const grant of expired) {
    const instant = expiryOf(grant) ?? Number.NaN;
    // An unreadable end is settled as ending at the epoch: it never granted anything.
    const key = Number.isNaN(instant) ? 0 : instant;
    groups.set(key, [...(groups.get(key) ?? []), grant]);
  }
  return groups;
}

/**
 * Takes the grants of an asset that have expired by `now` off its list, recording one change set per instant at
 * which some ended. Answers whether anything changed (the caller persists).
 */
export function settleExpiredGrants(db: MockDatabase, asset: StoredAsset, now: number): boolean {
  if (!asset.grants.some((grant) => isExpired(grant, now))) return false;
  const expired = asset.grants.filter((grant) => isExpired(grant, now));
  db.replaceGrants(
    asset,
    asset.grants.filter((grant) => !isExpired(grant, now)),
  );
  const instants = [...byInstant(expired)].sort(([a], [b]) => a - b);
  for (const [instant, grants] of instants) {
    recordChangeSet(
      db,
      asset.id,
      { at: instant, actor: null, cause: 'expiry' },
      grants.map((grant) => ({
        principalId: grant.principalId,
        principalType: grant.principalType,
        before: grant,
        after: null,
      })),
    );
  }
  return true;
}

/** Settles every asset at `now`: what the demo clock does before it moves, so that nothing expired comes back. */
export function settleAllExpiredGrants(db: MockDatabase, now: number): boolean {
  let changed = false;
  for (const asset of db.assets.values()) changed = settleExpiredGrants(db, asset, now) || changed;
  return changed;
}

/** How the demo moves the backend's clock. */
export type ClockMove = { to: number } | { advanceDays: number } | { realTime: true };

/**
 * Moves the demo clock. Every grant that has expired by the time the clock shows now is settled first, so moving
 * the clock back brings back nothing that ended. Answers whether any access list changed.
 */
export function moveDemoClock(db: MockDatabase, move: ClockMove): boolean {
  const changed = settleAllExpiredGrants(db, db.clock.now());
  if ('to' in move) db.clock.setNow(move.to);
  else if ('advanceDays' in move) db.clock.advanceDays(move.advanceDays);
  else db.clock.reset();
  return changed;
}
