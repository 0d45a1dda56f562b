import { actorStanding, ceilingOf, effectiveLevel, indexGrants } from '../sharing/access.ts';
import {
  type AccessRequest,
  approveRequests,
  canActOnRequest,
  checkApprovals,
  closeGrantedRequests,
  type RequesterStanding,
} from '../sharing/access-requests.ts';
import type { Grant, Principal, Violation } from '../sharing/types.ts';
import type { MockDatabase, StoredAccessRequest, StoredAsset } from './db.ts';

/**
 * Every function here judges at one instant, `now`, on the backend's clock: the one a handler read for its request,
 * so that a request is judged, and its requests dated, at one instant.
 */

/** A user's standing as R20 reads it at `now`: effective level on the asset, and RBAC ceiling. */
export function requesterStandingOf(
  db: MockDatabase,
  asset: StoredAsset,
  user: Principal,
  now: number,
): RequesterStanding {
  return {
    principalId: user.id,
    displayName: user.displayName,
    level: effectiveLevel(db.assetTypeOf(asset), db.grantIndex(asset, now), user),
    ceiling: ceilingOf(user),
  };
}

/** Replaces the requests of one asset, keeping every other asset's. */
function putRequestsOf(db: MockDatabase, asset: StoredAsset, requests: readonly AccessRequest[]): void {
  const byId = new Map(requests.map((request) => [request.id, request]));
  db.accessRequests = db.accessRequests.map((stored) => {
    const next = stored.assetId === asset.id ? byId.get(stored.id) : undefined;
    return next && next !== stored ? { ...stored, ...next } : stored;
  });
}

function levelsOn(db: MockDatabase, asset: StoredAsset, grants: readonly Grant[], now: number) {
  const assetType = db.assetTypeOf(asset);
  const index = grants === asset.grants ? db.grantIndex(asset, now) : indexGrants(grants, now);
  return (userId: string) => {
    const user = db.user(userId);
    return user ? effectiveLevel(assetType, index, user) : 0;
  };
}

/**
 * The access requests of an asset, oldest first; those whose role the requester now holds (granted some other
 * way, e.g. through a group) are closed as granted first.
 */
export function requestsOf(db: MockDatabase, asset: StoredAsset, now: number): StoredAccessRequest[] {
  const stored = db.accessRequests.filter((request) => request.assetId === asset.id);
  const settled = closeGrantedRequests(
    db.assetTypeOf(asset),
    stored,
    levelsOn(db, asset, asset.grants, now),
    new Date(now).toISOString(),
  );
  if (settled.some((request, index) => request !== stored[index])) putRequestsOf(db, asset, settled);
  return db.accessRequests.filter((request) => request.assetId === asset.id);
}

/** The active users of the actor's organization who could grant a request's role now (R5, R7), the requester aside. */
export function grantorsOf(
  db: MockDatabase,
  asset: StoredAsset,
  request: AccessRequest,
  now: number,
): string[] {
  const assetType = db.assetTypeOf(asset);
  const index = db.grantIndex(asset, now);
  const requester = db.user(request.requesterId);
  const seen = new Set<string>();
  const grantors: string[] = [];
  for (const grant of asset.grants) {
    const users =
      grant.principalType === 'user'
        ? [db.user(grant.principalId)].filter((user) => user !== undefined)
        : db.directory.membersOf(grant.principalId);
    for (const user of users) {
      if (seen.has(user.id) || user.id === request.requesterId || !user.active) continue;
      seen.add(user.id);
      if (requester && user.orgId !== requester.orgId) continue;
      if (canActOnRequest(assetType, actorStanding(assetType, index, user), request).allowed)
        grantors.push(user.id);
    }
  }
  return grantors;
}

/**
 * Why a save may not approve the requests it names, judged on the list the save would leave — or, when the save's
 * entries are refused anyway (`grantsAfter` null), only whether each may be approved at all.
 */
export function approvalViolations(
  db: MockDatabase,
  asset: StoredAsset,
  actor: Principal,
  requestIds: readonly string[],
  grantsAfter: readonly Grant[] | null,
  now: number,
): Violation[] {
  if (requestIds.length === 0) return [];
  const assetType = db.assetTypeOf(asset);
  return checkApprovals(
    assetType,
    actorStanding(assetType, db.grantIndex(asset, now), actor),
    requestsOf(db, asset, now),
    requestIds,
    grantsAfter && levelsOn(db, asset, grantsAfter, now),
    (userId) => db.user(userId)?.displayName ?? 'This person',
  );
}

/** After a save was applied: the requests it approves are approved, and others it granted are closed as granted. */
export function settleRequestsAfterSave(
  db: MockDatabase,
  asset: StoredAsset,
  actor: Principal,
  requestIds: readonly string[],
  now: number,
): void {
  const stored = db.accessRequests.filter((request) => request.assetId === asset.id);
  putRequestsOf(db, asset, approveRequests(stored, requestIds, actor.id, new Date(now).toISOString()));
  requestsOf(db, asset, now);
}
