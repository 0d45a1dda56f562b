/**
 * The mock backend's sharing history (SPEC §10): every write that changes an access list records one change set in
 * the same step, and the history endpoint pages them, newest first.
 */
import {
  type ChangeCause,
  type ChangedPrincipal,
  changeSetOf,
  type GrantDifference,
  touchesPrincipal,
} from '../sharing/history.ts';
import type { Principal } from '../sharing/types.ts';
import type { MockDatabase, StoredChangeSet } from './db.ts';

/** A principal as the history names it. */
export function changedPrincipalOf(principal: Principal): ChangedPrincipal {
  return { id: principal.id, type: principal.type, name: principal.name, displayName: principal.displayName };
}

/** Who, when, why and with which note a write changed an access list. */
export interface WriteMeta {
  /** When (ms since the epoch, on the backend's clock). */
  at: number;
  /** Who wrote it; null for a change nobody made (an expiry). */
  actor: Principal | null;
  note?: string | undefined;
  cause: ChangeCause;
}

/**
 * Records what a write changed on one asset's access list as one change set, each principal named as it is now.
 * A write that changed nothing records nothing.
 */
export function recordChangeSet(
  db: MockDatabase,
  assetId: string,
  meta: WriteMeta,
  differences: readonly GrantDifference[],
): void {
  const changeSet = changeSetOf(
    {
      id: db.newId(),
      at: new Date(meta.at).toISOString(),
      actor: meta.actor ? { id: meta.actor.id, fullName: meta.actor.displayName } : null,
      note: meta.note?.trim() ? meta.note : null,
      cause: meta.cause,
    },
    differences,
    (difference) => {
      const principal = db.directory.byId(difference.principalId);
      return principal
        ? changedPrincipalOf(principal)
        : {
            id: difference.principalId,
            type: difference.principalType,
            name: difference.principalId,
            displayName: difference.principalId,
          };
    },
  );
  if (changeSet) db.changeSets.push({ ...changeSet, assetId });
}

/** What a page of history asks for. */
export interface HistoryPageRequest {
  offset: number;
  limit: number;
  principalId?: string | undefined;
}

/**
 * A page of an asset's change sets, newest first (by `at`; of two at the same instant, the one recorded later
 * first), optionally only those touching a principal. Reads the asset's own change sets, never the whole history.
 */
export function historyPage(
  db: MockDatabase,
  assetId: string,
  request: HistoryPageRequest,
): { totalCount: number; items: StoredChangeSet[] } {
  const { principalId, offset, limit } = request;
  const oldestFirst = db.changeSetsOf(assetId);
  const matching =
    principalId === undefined
      ? oldestFirst
      : oldestFirst.filter((changeSet) => touchesPrincipal(changeSet, principalId));
  // Oldest first, so page `offset` of the newest-first history ends `offset` change sets before the last.
  const end = Math.max(0, matching.length - offset);
  const start = Math.max(0, end - limit);
  return { totalCount: matching.length, items: matching.slice(start, end).reverse() };
}
