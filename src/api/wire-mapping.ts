/**
 * Every mapping between the domain's types (`sharing/`) and the wire's (`contract.ts`), both directions, in one
 * place: the dialog writes requests and reads answers with these, the mock backend reads requests and writes
 * answers with the same functions, so the two sides cannot drift apart.
 */
import type { AccessRequest, RequesterSummary } from '../sharing/access-requests.ts';
import { findRole, roleAtLevel } from '../sharing/asset-types.ts';
import type { ChangeSet } from '../sharing/history.ts';
import type { AccessImpact, ImpactEntry } from '../sharing/policy.ts';
import type {
  AssetTypeConfig,
  ChangeRequest,
  Grant,
  GrantChange,
  Level,
  Principal,
  Violation,
} from '../sharing/types.ts';
import type {
  AccessImpact as AccessImpactBody,
  AccessRequestBody,
  ErrorEntry,
  ImpactEntry as ImpactEntryBody,
  SharedRole,
  SharedRolesUpdateBody,
  SharedRoleUpdate,
} from './contract.ts';
import type { ChangeSetBody } from './history-contract.ts';

// --- A change request: `roles[i]` is `changes[i]`, so errors map back by index.

function roleUpdateOf(change: GrantChange): SharedRoleUpdate {
  const { recipient } = change;
  const entry: SharedRoleUpdate = { shareRecipientType: recipient.type, role: change.role };
  if (recipient.id) entry.id = recipient.id;
  else if (recipient.type === 'user') entry.username = recipient.name;
  else entry.name = recipient.name;
  if (change.canShare !== undefined) entry.canShare = change.canShare;
  if (change.canUseData !== undefined) entry.canUseData = change.canUseData;
  if (change.expiresAt !== undefined) entry.expiresAt = change.expiresAt;
  return entry;
}

/** DataRobot names users by `username`, anything by `name` or `id`; a change names its recipient by id or name. */
function grantChangeOf(entry: SharedRoleUpdate): GrantChange {
  const name = entry.username ?? entry.name;
  const change: GrantChange = {
    recipient: {
      type: entry.shareRecipientType,
      ...(entry.id !== undefined ? { id: entry.id } : {}),
      ...(name !== undefined ? { name } : {}),
    },
    role: entry.role,
  };
  if (entry.canShare !== undefined) change.canShare = entry.canShare;
  if (entry.canUseData !== undefined) change.canUseData = entry.canUseData;
  if (entry.expiresAt !== undefined) change.expiresAt = entry.expiresAt;
  return change;
}

/** The wire body (SPEC §5) of a change request. An empty note is left out. */
export function changeRequestToBody(request: ChangeRequest): SharedRolesUpdateBody {
  const body: SharedRolesUpdateBody = { operation: 'updateRoles', roles: request.changes.map(roleUpdateOf) };
  if (request.note) body.note = request.note;
  if (request.sendNotification !== undefined) body.sendNotification = request.sendNotification;
  if (request.shareWithLineage !== undefined) body.applyGrantToLinkedObjects = request.shareWithLineage;
  if (request.approvesRequests?.length) body.approvesRequests = [...request.approvesRequests];
  return body;
}

/** The change request a wire body (SPEC §5) asks for, as the policy reads it. */
export function changeRequestOf(body: SharedRolesUpdateBody): ChangeRequest {
  const request: ChangeRequest = { changes: body.roles.map(grantChangeOf) };
  if (body.note !== undefined) request.note = body.note;
  if (body.sendNotification !== undefined) request.sendNotification = body.sendNotification;
  if (body.applyGrantToLinkedObjects !== undefined) request.shareWithLineage = body.applyGrantToLinkedObjects;
  if (body.approvesRequests?.length) request.approvesRequests = [...body.approvesRequests];
  return request;
}

// --- An access-list entry: a grant, with what a person reads about its holder.

/**
 * The wire entry of a grant. `holder` is its principal when the directory still knows it (a grant whose principal
 * has gone is named by its id); `memberCount` is how many users a group, organization or role reaches. `expiresAt`
 * is always answered, `null` for a grant that does not end.
 */
export function sharedRoleOf(grant: Grant, holder: Principal | undefined, memberCount?: number): SharedRole {
  const entry: SharedRole = {
    id: grant.principalId,
    name: holder?.name ?? grant.principalId,
    shareRecipientType: grant.principalType,
    role: grant.role,
    canShare: grant.canShare,
    canUseData: grant.canUseData,
    expiresAt: grant.expiresAt ?? null,
  };
  if (holder?.type === 'user') entry.userFullName = holder.displayName;
  if (memberCount !== undefined) entry.memberCount = memberCount;
  return entry;
}

/**
 * The grant an access-list entry stands for; roles come in any case and are read upper case. A backend of
 * DataRobot's shape sends no `expiresAt`: its grants do not end.
 */
export function grantOf(entry: SharedRole): Grant {
  const grant: Grant = {
    principalId: entry.id,
    principalType: entry.shareRecipientType,
    role: entry.role.toUpperCase(),
    canShare: entry.canShare,
    canUseData: entry.canUseData,
  };
  if (entry.expiresAt) grant.expiresAt = entry.expiresAt;
  return grant;
}

/** The name a person reads for an access-list entry: the full name of a user, else its name. */
export function displayNameOf(entry: SharedRole): string {
  return entry.userFullName || entry.name;
}

// --- Who gains, changes or loses access: levels in the domain, the asset type's role names on the wire.

function roleNameAt(assetType: AssetTypeConfig, level: Level | 0): string | null {
  return level === 0 ? null : (roleAtLevel(assetType, level)?.name ?? null);
}

function levelOfRoleName(assetType: AssetTypeConfig, role: string | null): Level | 0 {
  return role === null ? 0 : (findRole(assetType, role)?.level ?? 0);
}

/** An impact as the preview answers it: levels become the asset type's role names (`null` for no access). */
export function accessImpactBodyOf(assetType: AssetTypeConfig, impact: AccessImpact): AccessImpactBody {
  const entryOf = ({ principal, beforeLevel, afterLevel, afterExpiresAt }: ImpactEntry): ImpactEntryBody => ({
    id: principal.id,
    name: principal.name,
    displayName: principal.displayName,
    beforeRole: roleNameAt(assetType, beforeLevel),
    afterRole: roleNameAt(assetType, afterLevel),
    afterExpiresAt,
  });
  return {
    gains: impact.gains.map(entryOf),
    changes: impact.changes.map(entryOf),
    loses: impact.loses.map(entryOf),
    expiries: impact.expiries.map(entryOf),
    counts: { ...impact.counts },
  };
}

/** An impact as the domain reads it: the asset type's role names become levels again. */
export function accessImpactOf(assetType: AssetTypeConfig, body: AccessImpactBody): AccessImpact {
  const entryOf = (entry: ImpactEntryBody): ImpactEntry => ({
    principal: { id: entry.id, name: entry.name, displayName: entry.displayName },
    beforeLevel: levelOfRoleName(assetType, entry.beforeRole),
    afterLevel: levelOfRoleName(assetType, entry.afterRole),
    // An end left out is none: the access does not end.
    afterExpiresAt: entry.afterExpiresAt ?? null,
  });
  return {
    gains: body.gains.map(entryOf),
    changes: body.changes.map(entryOf),
    loses: body.loses.map(entryOf),
    expiries: body.expiries.map(entryOf),
    counts: { ...body.counts },
  };
}

// --- A broken rule, as `errors[]` carries it (the rule itself is known by its code).

/** A violation as `errors[]` carries it; the rule is left out (its code names it). */
export function errorEntryOf(violation: Violation): ErrorEntry {
  const entry: ErrorEntry = { index: violation.index, code: violation.code, message: violation.message };
  if (violation.recipient !== undefined) entry.recipient = violation.recipient;
  return entry;
}

// --- An access request: the domain's request, with the names of who asks.

/** The wire form of an access request and its requester. */
export function accessRequestBodyOf(request: AccessRequest, requester: RequesterSummary): AccessRequestBody {
  const body: AccessRequestBody = {
    id: request.id,
    requester: { id: requester.id, fullName: requester.fullName, username: requester.username },
    role: request.role,
    message: request.message,
    status: request.status,
    createdAt: request.createdAt,
  };
  if (request.decidedAt !== undefined) body.decidedAt = request.decidedAt;
  if (request.declineMessage !== undefined) body.declineMessage = request.declineMessage;
  return body;
}

/** The access request a wire entry stands for, and who asks; roles come in any case and are read upper case. */
export function accessRequestOf(body: AccessRequestBody): {
  request: AccessRequest;
  requester: RequesterSummary;
} {
  const request: AccessRequest = {
    id: body.id,
    requesterId: body.requester.id,
    role: body.role.toUpperCase(),
    message: body.message,
    status: body.status,
    createdAt: body.createdAt,
  };
  if (body.decidedAt !== undefined) request.decidedAt = body.decidedAt;
  if (body.declineMessage !== undefined) request.declineMessage = body.declineMessage;
  return { request, requester: { ...body.requester } };
}

// --- A change set of the sharing history (SPEC §10): each principal named as the access list names it.

/** The wire form of a change set. */
export function changeSetBodyOf(changeSet: ChangeSet): ChangeSetBody {
  return {
    id: changeSet.id,
    at: changeSet.at,
    actor: changeSet.actor ? { id: changeSet.actor.id, fullName: changeSet.actor.fullName } : null,
    note: changeSet.note,
    cause: changeSet.cause,
    changes: changeSet.changes.map(({ principal, before, after }) => ({
      principal: {
        id: principal.id,
        name: principal.name,
        ...(principal.type === 'user' ? { userFullName: principal.displayName } : {}),
        shareRecipientType: principal.type,
      },
      before: before ? { ...before } : null,
      after: after ? { ...after } : null,
    })),
  };
}

/** The change set a wire entry stands for; roles come in any case and are read upper case. */
export function changeSetOfBody(body: ChangeSetBody): ChangeSet {
  return {
    id: body.id,
    at: body.at,
    actor: body.actor ? { id: body.actor.id, fullName: body.actor.fullName } : null,
    note: body.note,
    cause: body.cause,
    changes: body.changes.map(({ principal, before, after }) => ({
      principal: {
        id: principal.id,
        type: principal.shareRecipientType,
        name: principal.name,
        displayName: principal.userFullName ?? principal.name,
      },
      before: before ? { ...before, role: before.role.toUpperCase() } : null,
      after: after ? { ...after, role: after.role.toUpperCase() } : null,
    })),
  };
}
