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

/** A user's standing as R20 reads it: effective level on the asset, and RBAC ceiling. */
export function requesterStandingOf(
  db: MockDatabase,
  asset: StoredAsset,
  user: Principal,
): RequesterStanding {
  return {
    principalId: user.id,
    displayName: user.displayName,
    level: effectiveLevel(db.assetTypeOf(asset), db.grantIndex(asset, db.clock.now()), user),
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

function levelsOn(db: MockDatabase, asset: StoredAsset, grants: readonly Grant[]) {
  const assetType = db.assetTypeOf(asset);
  const index =
    grants === asset.grants ? db.grantIndex(asset, db.clock.now()) : indexGrants(grants, db.clock.now());
  return (userId: string) => {
    const user = db.user(userId);
    return user ? effectiveLevel(assetType, index, user) : 0;
  };
}

/**
 * The access requests of an asset, oldest first; those whose role the requester now holds (granted some other
 * way, e.g. through a group) are closed as granted first.
 */
export function requestsOf(db: MockDatabase, asset: StoredAsset): StoredAccessRequest[] {
  const stored = db.accessRequests.filter((request) => request.assetId === asset.id);
  const settled = closeGrantedRequests(
    db.assetTypeOf(asset),
    stored,
    levelsOn(db, asset, asset.grants),
    new Date(db.clock.now()).toISOString(),
  );
  if (settled.some((request, index) => request !== stored[index])) putRequestsOf(db, asset, settled);
  return db.accessRequests.filter((request) => request.assetId === asset.id);
}

/** The active users of the actor's organization who could grant a request's role now (R5, R7), the requester aside. */
export function grantorsOf(db: MockDatabase, asset: StoredAsset, request: AccessRequest): string[] {
  const assetType = db.assetTypeOf(asset);
  const index = db.grantIndex(asset, db.clock.now());
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

/** Why a save may not approve the requests it names, judged on the list the save would leave. */
export function approvalViolations(
  db: MockDatabase,
  asset: StoredAsset,
  actor: Principal,
  requestIds: readonly string[],
  grantsAfter: readonly Grant[],
): Violation[] {
  if (requestIds.length === 0) return [];
  const assetType = db.assetTypeOf(asset);
  return checkApprovals(
    assetType,
    actorStanding(assetType, db.grantIndex(asset, db.clock.now()), actor),
    requestsOf(db, asset),
    requestIds,
    levelsOn(db, asset, grantsAfter),
    (userId) => db.user(userId)?.displayName ?? 'This person',
  );
}

/** After a save was applied: the requests it approves are approved, and others it granted are closed as granted. */
export function settleRequestsAfterSave(
  db: MockDatabase,
  asset: StoredAsset,
  actor: Principal,
  requestIds: readonly string[],
): void {
  const now = new Date().toISOString();
  const stored = db.accessRequests.filter((request) => request.assetId === asset.id);
  putRequestsOf(db, asset, approveRequests(stored, requestIds, actor.id, now));
  requestsOf(db, asset);
}
