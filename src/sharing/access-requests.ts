/**
 * Access requests (SPEC §12, R20): a person who can see an asset asks for a role above their own; those who may
 * grant that role (R5, R7) approve it in a save or decline it. Plain data and rules, used by the dialog and the
 * mock backend alike.
 */
import { findRole } from './asset-types.ts';
import { canReshareRole } from './capabilities.ts';
import { ruleOfCode } from './errors.ts';
import { type MessageFacts, messageFor } from './messages.ts';
import { checkNoteLength, MAX_NOTE_LENGTH } from './policy.ts';
import type {
  ActorStanding,
  AssetTypeConfig,
  Level,
  Permission,
  RoleDefinition,
  RuleCode,
  Violation,
} from './types.ts';

/** Where a request stands: waiting, approved or declined by someone, or granted some other way. */
export type AccessRequestStatus = 'pending' | 'approved' | 'declined' | 'granted';

/** One access request on one asset. */
export interface AccessRequest {
  /** 24 hex characters. */
  id: string;
  requesterId: string;
  /** Wire name of the role asked for, upper case. */
  role: string;
  message: string;
  status: AccessRequestStatus;
  /** ISO 8601. */
  createdAt: string;
  /** When it stopped being pending (ISO 8601). */
  decidedAt?: string;
  /** Who approved or declined it. */
  deciderId?: string;
  /** What the person who declined wrote. */
  declineMessage?: string;
}

/** Who asks, as a person reads it. */
export interface RequesterSummary {
  id: string;
  fullName: string;
  /** An e-mail. */
  username: string;
}

/** What R20 reads about the person asking: their effective level and their RBAC ceiling. */
export interface RequesterStanding {
  principalId: string;
  /** The name a person reads, for R8's message. */
  displayName: string;
  level: Level | 0;
  ceiling: Level;
}

/** What one asks for: a role (any case) and a message. */
export interface AccessRequestAsk {
  role: string;
  message: string;
}

/** R20: a request's message is a note, at most 1,000 characters (R14). */
export const MAX_REQUEST_MESSAGE_LENGTH = MAX_NOTE_LENGTH;

function violation<Code extends RuleCode>(code: Code, facts: MessageFacts[Code]): Violation {
  return { rule: ruleOfCode[code], code, index: null, message: messageFor(code, facts) };
}

/** R20: the roles a person may ask for: above their own level, up to their RBAC ceiling (highest first). */
export function requestableRoles(assetType: AssetTypeConfig, requester: RequesterStanding): RoleDefinition[] {
  return assetType.roles.filter((role) => role.level > requester.level && role.level <= requester.ceiling);
}

/** The request of a person that is still waiting for an answer, if any. */
export function pendingRequestOf(
  requests: readonly AccessRequest[],
  requesterId: string,
): AccessRequest | undefined {
  return requests.find((request) => request.requesterId === requesterId && request.status === 'pending');
}

/**
 * R20: every reason a person may not ask for a role: not a role of the type (R11), not above their own level
 * (`REQUEST_NOT_NEEDED`), above their ceiling (R8, with its suggestion), a message over 1,000 characters (R14),
 * or a request already pending (`REQUEST_PENDING`). Empty = the request may be made.
 */
export function checkAccessRequest(
  assetType: AssetTypeConfig,
  requester: RequesterStanding,
  requests: readonly AccessRequest[],
  ask: AccessRequestAsk,
): Violation[] {
  const found: Violation[] = [];
  const role = findRole(assetType, ask.role);
  if (!role) found.push(violation('INVALID_ROLE', { role: ask.role, assetType }));
  else if (role.level <= requester.level) {
    found.push(violation('REQUEST_NOT_NEEDED', { assetType, ownLevel: requester.level }));
  } else if (role.level > requester.ceiling) {
    found.push(
      violation('ROLE_ABOVE_RECIPIENT_CEILING', {
        recipient: requester.displayName,
        assetType,
        ceiling: requester.ceiling,
      }),
    );
  }
  const tooLong = checkNoteLength({ changes: [], note: ask.message });
  if (tooLong) found.push(tooLong);
  const pending = pendingRequestOf(requests, requester.principalId);
  if (pending) {
    const label = findRole(assetType, pending.role)?.label ?? pending.role;
    found.push(violation('REQUEST_PENDING', { assetType, role: label }));
  }
  return found;
}

/** The role a request asks for; an unknown one is judged as the type's highest, the hardest to grant. */
function requestedRole(assetType: AssetTypeConfig, request: AccessRequest): RoleDefinition {
  return findRole(assetType, request.role) ?? (assetType.roles[0] as RoleDefinition);
}

/** R5, R7: whether the actor may approve or decline a request: only someone who could grant its role. */
export function canActOnRequest(
  assetType: AssetTypeConfig,
  actor: ActorStanding,
  request: AccessRequest,
): Permission {
  return canReshareRole(assetType, actor, requestedRole(assetType, request));
}

/** The requests a person is answered: pending ones they may act on, and their own, whatever their status. */
export function requestsVisibleTo(
  assetType: AssetTypeConfig,
  actor: ActorStanding,
  requests: readonly AccessRequest[],
): AccessRequest[] {
  return requests.filter(
    (request) =>
      request.requesterId === actor.principalId ||
      (request.status === 'pending' && canActOnRequest(assetType, actor, request).allowed),
  );
}

/** Pending requests whose role the requester now holds (granted some other way) are closed as granted. */
export function closeGrantedRequests(
  assetType: AssetTypeConfig,
  requests: readonly AccessRequest[],
  levelOf: (requesterId: string) => Level | 0,
  now: string,
): AccessRequest[] {
  return requests.map((request) =>
    request.status === 'pending' && levelOf(request.requesterId) >= requestedRole(assetType, request).level
      ? { ...request, status: 'granted', decidedAt: now }
      : request,
  );
}

/**
 * Every reason a save may not approve the requests it names: each must be a pending request of this asset, the
 * actor must be able to grant its role (R5, R7), and the save must leave the requester at that role or above.
 * `levelAfter` is null when the save's own entries are refused: what the save would leave is then not judged, but
 * whether each request may be approved at all still is, so that every violation is answered together (SPEC §4).
 */
export function checkApprovals(
  assetType: AssetTypeConfig,
  actor: ActorStanding,
  requests: readonly AccessRequest[],
  requestIds: readonly string[],
  levelAfter: ((requesterId: string) => Level | 0) | null,
  nameOf: (requesterId: string) => string,
): Violation[] {
  return requestIds.flatMap((requestId): Violation[] => {
    const request = requests.find((candidate) => candidate.id === requestId);
    if (request?.status !== 'pending') {
      return [violation('REQUEST_NOT_PENDING', { kind: 'unknown', requestId })];
    }
    const permission = canActOnRequest(assetType, actor, request);
    if (!permission.allowed) {
      return [{ rule: permission.rule, code: permission.code, index: null, message: permission.reason }];
    }
    const level = requestedRole(assetType, request).level;
    if (levelAfter === null || levelAfter(request.requesterId) >= level) return [];
    return [
      violation('REQUEST_NOT_PENDING', {
        kind: 'notGranted',
        requester: nameOf(request.requesterId),
        assetType,
        level,
      }),
    ];
  });
}

/** The requests after a save approved some of them. */
export function approveRequests(
  requests: readonly AccessRequest[],
  requestIds: readonly string[],
  deciderId: string,
  now: string,
): AccessRequest[] {
  const approved = new Set(requestIds);
  return requests.map((request) =>
    approved.has(request.id) && request.status === 'pending'
      ? { ...request, status: 'approved', decidedAt: now, deciderId }
      : request,
  );
}

/** A request declined, with what the person who declined wrote (an empty message is left out). */
export function declineRequest(
  request: AccessRequest,
  deciderId: string,
  now: string,
  message?: string,
): AccessRequest {
  const declined: AccessRequest = { ...request, status: 'declined', decidedAt: now, deciderId };
  if (message?.trim()) declined.declineMessage = message;
  return declined;
}

/** Whether a request can still be approved or declined. */
export function checkRequestPending(request: AccessRequest): Violation | null {
  if (request.status === 'pending') return null;
  return violation('REQUEST_NOT_PENDING', { kind: 'unknown', requestId: request.id });
}
