import {
  actorStanding,
  canActAt,
  ceilingOf,
  effectiveAccess,
  effectiveLevel,
  effectiveLevelUntil,
  type GrantIndex,
  indexGrants,
  sameGrant,
} from './access.ts';
import { findRole, roleAtLevel } from './asset-types.ts';
import {
  canActorShare,
  canChangeGrant,
  canGrantRole,
  canPassOnDataUse,
  countsAsOwner,
  countsAsSharer,
  type HolderCanAct,
  hasUserOwner,
  hasUserSharer,
} from './capabilities.ts';
import { authorizationCodes, ruleOfCode } from './errors.ts';
import { canonicalInstant, expiryOf, expiryProblem, instantOf, MAX_EXPIRY_DAYS } from './expiry.ts';
import { type MessageFacts, messageFor } from './messages.ts';
import {
  type ActorStanding,
  type AssetTypeConfig,
  type ChangeRequest,
  type Directory,
  type Grant,
  type GrantChange,
  type Level,
  type LinkedInput,
  NO_ROLE,
  OWNER_LEVEL,
  type Permission,
  type PolicyContext,
  type Principal,
  type RecipientRef,
  type RoleDefinition,
  type RuleCode,
  type Violation,
} from './types.ts';

/** R13: how many entries one request may hold. */
export const MAX_ENTRIES = 100;
/** R14: how long a note may be. */
export const MAX_NOTE_LENGTH = 1000;

/**
 * The principal a request names: by id, else by name (case-insensitive; group, organization and role names within
 * the actor's organization `orgId` only). The type must match: a principal named with another type is no one.
 */
export function resolveRecipient(
  directory: Directory,
  ref: RecipientRef,
  orgId: string,
): Principal | undefined {
  const byId = ref.id === undefined ? undefined : directory.byId(ref.id);
  const found = byId ?? (ref.name === undefined ? undefined : directory.byName(ref.type, ref.name, orgId));
  return found?.type === ref.type ? found : undefined;
}

/** Whether a requested role revokes (`null` or `NO_ROLE`, any case). */
export function isRevocation(role: string | null): role is null | typeof NO_ROLE {
  return role === null || role.toUpperCase() === NO_ROLE;
}

/** One entry of a request, resolved against the directory and the current list: what every entry rule reads. */
export interface EntryCheck {
  context: PolicyContext;
  request: ChangeRequest;
  actor: ActorStanding;
  index: number;
  change: GrantChange;
  /** The recipient as the request names it (username or group name, else the id). */
  nameInRequest: string;
  recipient: Principal | undefined;
  /** The recipient belongs to another organization: only R2 speaks of it, and only in the request's own words. */
  outsideOrganization: boolean;
  /** The requested role: a role of the type, `null` to revoke, `undefined` when the type has no such role. */
  role: RoleDefinition | null | undefined;
  /** The recipient's grant on the current list (a grant of another type than the entry names is not it). */
  current: Grant | undefined;
  /** The recipient's grant after this entry (undefined = none); undefined too when the role is invalid. */
  next: Grant | undefined;
  /** Whether the entry changes the list at all. */
  changesSomething: boolean;
  /** The index of an earlier entry naming the same recipient, if any. */
  duplicateOf: number | null;
}

function violation<Code extends RuleCode>(
  code: Code,
  index: number | null,
  facts: MessageFacts[Code],
  recipient?: string,
): Violation {
  const base = { rule: ruleOfCode[code], code, index, message: messageFor(code, facts) };
  return recipient === undefined ? base : { ...base, recipient };
}

function entryViolation<Code extends RuleCode>(check: EntryCheck, code: Code, facts: MessageFacts[Code]) {
  return violation(code, check.index, facts, check.nameInRequest);
}

/** The recipient's name as a person reads it; for someone of another organization, only what the request said. */
function displayName(check: EntryCheck): string {
  if (check.outsideOrganization) return check.nameInRequest;
  return check.recipient?.displayName ?? check.nameInRequest;
}

function isSelfRemoval(check: EntryCheck): boolean {
  return (
    check.role === null &&
    check.current !== undefined &&
    check.current.principalId === check.actor.principalId
  );
}

function grantsOrChanges(check: EntryCheck): check is EntryCheck & { role: RoleDefinition } {
  return check.role !== null && check.role !== undefined;
}

function changesRole(check: EntryCheck): check is EntryCheck & { role: RoleDefinition } {
  return grantsOrChanges(check) && check.role.name !== check.current?.role;
}

/**
 * Whether an entry asks to change the grant, judged on what it says rather than on what the type lets it do: an
 * end, "Allow sharing" or "Can use data" that differs from the grant's is asked for even where the type would
 * not keep it (an owner's grant takes no end and always uses the data). R6 and R7 judge what is asked, so that
 * someone who may not touch a grant hears that alone (precedence), not why the type refuses the value.
 */
function asksForChange(check: EntryCheck): boolean {
  if (check.changesSomething) return true;
  const { current, change } = check;
  if (!current) return false;
  const askedEnd =
    change.expiresAt === undefined
      ? undefined
      : change.expiresAt === null
        ? null
        : instantOf(change.expiresAt);
  return (
    (change.canShare !== undefined && change.canShare !== current.canShare) ||
    (change.canUseData !== undefined && change.canUseData !== current.canUseData) ||
    (askedEnd !== undefined && askedEnd !== expiryOf(current))
  );
}

// --- One function per rule (SPEC §4) ---

/** R1: only active accounts can be shared with (revoking an inactive account's access stays possible). */
export function checkRecipientActive(check: EntryCheck): Violation | null {
  if (!check.recipient || check.outsideOrganization || check.recipient.active || !grantsOrChanges(check))
    return null;
  return entryViolation(check, 'RECIPIENT_INACTIVE', { recipient: displayName(check) });
}

/** R2: recipients belong to the actor's organization (tenant isolation); the refusal repeats the request's words. */
export function checkRecipientInOrganization(check: EntryCheck): Violation | null {
  if (!check.outsideOrganization || !grantsOrChanges(check)) return null;
  return entryViolation(check, 'RECIPIENT_OUTSIDE_ORGANIZATION', { recipient: check.nameInRequest });
}

/** R3: a recipient must exist (a grant whose principal has gone can still be revoked by id). */
export function checkRecipientExists(check: EntryCheck): Violation | null {
  if (check.recipient || (check.role === null && check.current)) return null;
  return entryViolation(check, 'RECIPIENT_NOT_FOUND', {
    recipient: check.nameInRequest,
    type: check.change.recipient.type,
  });
}

/** R4: the recipient's type must be one the asset type takes. */
export function checkRecipientTypeAllowed(check: EntryCheck): Violation | null {
  const { assetType } = check.context;
  const type = check.change.recipient.type;
  if (assetType.recipientTypes.includes(type)) return null;
  return entryViolation(check, 'RECIPIENT_TYPE_NOT_ALLOWED', { type, assetType });
}

function fromPermission(check: EntryCheck, permission: Permission): Violation | null {
  if (permission.allowed) return null;
  return {
    rule: permission.rule,
    code: permission.code,
    index: check.index,
    recipient: check.nameInRequest,
    message: permission.reason,
  };
}

/** R5: the actor grants at most their own effective level. */
export function checkRoleWithinOwnLevel(check: EntryCheck): Violation | null {
  if (!changesRole(check)) return null;
  return fromPermission(check, canGrantRole(check.context.assetType, check.actor, check.role));
}

/** R6: the actor does not change or remove a grant above their own level (leaving it is always possible). */
export function checkTargetWithinOwnLevel(check: EntryCheck): Violation | null {
  if (!check.current || !asksForChange(check) || isSelfRemoval(check)) return null;
  return fromPermission(check, canChangeGrant(check.context.assetType, check.actor, check.current));
}

/** R7: the actor must be allowed to share at all; a grant may still remove itself. */
export function checkSharingAllowed(check: EntryCheck): Violation | null {
  if (!asksForChange(check) || isSelfRemoval(check)) return null;
  return fromPermission(check, canActorShare(check.context.assetType, check.actor));
}

/** R8: a role above the recipient's RBAC ceiling is refused. */
export function checkRoleWithinRecipientCeiling(check: EntryCheck): Violation | null {
  if (!check.recipient || check.outsideOrganization || !changesRole(check)) return null;
  const ceiling = ceilingOf(check.recipient);
  if (check.role.level <= ceiling) return null;
  return entryViolation(check, 'ROLE_ABOVE_RECIPIENT_CEILING', {
    recipient: displayName(check),
    assetType: check.context.assetType,
    ceiling,
  });
}

/** R18: "Can use data" is passed on only by someone who holds it; taking it away, or keeping it, passes nothing. */
export function checkDataUseHeld(check: EntryCheck): Violation | null {
  const { assetType } = check.context;
  if (check.change.canUseData !== true || !assetType.options.canUseData || check.role === null) return null;
  if (check.current?.canUseData) return null;
  return fromPermission(check, canPassOnDataUse(assetType, check.actor));
}

/** R11: a role must be one of the asset type's roles (any case); `null` or `NO_ROLE` revokes. */
export function checkRoleValid(check: EntryCheck): Violation | null {
  if (check.role !== undefined) return null;
  return entryViolation(check, 'INVALID_ROLE', {
    role: String(check.change.role),
    assetType: check.context.assetType,
  });
}

/** R12: an option the asset type does not support is refused, whatever its value; owners always use the data. */
export function checkOptionsSupported(check: EntryCheck): Violation | null {
  const { assetType } = check.context;
  const { canShare, canUseData } = check.change;
  if (canShare !== undefined && !assetType.options.allowSharing) {
    return entryViolation(check, 'OPTION_NOT_SUPPORTED', {
      kind: 'unsupported',
      option: 'canShare',
      assetType,
    });
  }
  if (canUseData !== undefined && !assetType.options.canUseData) {
    return entryViolation(check, 'OPTION_NOT_SUPPORTED', {
      kind: 'unsupported',
      option: 'canUseData',
      assetType,
    });
  }
  if (check.change.expiresAt !== undefined && !assetType.options.expiry) {
    return entryViolation(check, 'OPTION_NOT_SUPPORTED', {
      kind: 'unsupported',
      option: 'expiry',
      assetType,
    });
  }
  if (canUseData === false && check.role?.level === OWNER_LEVEL) {
    return entryViolation(check, 'OPTION_NOT_SUPPORTED', { kind: 'ownerUsesData', assetType });
  }
  return null;
}

/**
 * R19: an expiry lies in the future and at most 365 days ahead (judged at the context's `now`); an owner-level
 * grant never expires; a revocation carries none. `expiresAt: null` (no expiry, or clearing one) is always fine.
 */
export function checkExpiryValid(check: EntryCheck): Violation | null {
  const { expiresAt } = check.change;
  const { assetType, now } = check.context;
  if (expiresAt === undefined || !assetType.options.expiry || check.role === undefined) return null;
  const problem = expiryProblem(expiresAt, check.role === null ? null : check.role.level, now);
  if (problem === null) return null;
  return entryViolation(check, 'INVALID_EXPIRY', { problem, assetType, maxDays: MAX_EXPIRY_DAYS });
}

/** R12: "Share with lineage" only where the asset type has linked inputs. */
export function checkLineageSupported(context: PolicyContext, request: ChangeRequest): Violation | null {
  if (!request.shareWithLineage || context.assetType.options.shareWithLineage) return null;
  return violation('OPTION_NOT_SUPPORTED', null, {
    kind: 'unsupported',
    option: 'shareWithLineage',
    assetType: context.assetType,
  });
}

/** R13: one request holds 1 to 100 entries. */
export function checkEntryCount(request: ChangeRequest): Violation | null {
  const count = request.changes.length;
  if (count >= 1 && count <= MAX_ENTRIES) return null;
  return violation('TOO_MANY_ENTRIES', null, { count, max: MAX_ENTRIES });
}

/** R13: one request names a recipient at most once. */
export function checkDuplicateRecipient(check: EntryCheck): Violation | null {
  if (check.duplicateOf === null) return null;
  return entryViolation(check, 'DUPLICATE_RECIPIENT', { recipient: displayName(check) });
}

/** R14: whether a note fits (at most 1,000 characters): the dialog's form and counter ask it too. */
export function isNoteWithinLimit(note: string): boolean {
  return note.length <= MAX_NOTE_LENGTH;
}

/** R14: a note is at most 1,000 characters. */
export function checkNoteLength(request: ChangeRequest): Violation | null {
  const note = request.note ?? '';
  if (isNoteWithinLimit(note)) return null;
  return violation('NOTE_TOO_LONG', null, { length: note.length, max: MAX_NOTE_LENGTH });
}

/**
 * R15: a save made against an outdated list (stale `If-Match`) is refused. No `If-Match` (or `*`) is no condition.
 * Compared strongly (RFC 9110 §13.1.1): a weak tag `W/"…"` never matches.
 */
export function checkVersion(expected: string | undefined, current: string): Violation | null {
  if (expected === undefined || expected.trim() === '*') return null;
  const candidates = expected.split(',').map((tag) => tag.trim());
  if (!current.startsWith('W/') && candidates.includes(current.trim())) return null;
  return violation('VERSION_CONFLICT', null, {});
}

/** The policy context of a linked input: the same actor and directory, the input's own type and list. */
function inputContext(context: PolicyContext, input: LinkedInput): PolicyContext {
  return {
    assetType: input.assetType,
    actor: context.actor,
    grants: input.grants,
    directory: context.directory,
    now: context.now,
  };
}

function inputSharedWith(input: LinkedInput, recipient: Principal, now: number): boolean {
  return effectiveAccess(input.assetType, indexGrants(input.grants, now), recipient).uncappedLevel > 0;
}

/**
 * The change a lineage share asks of one linked input for one entry: the recipient at the same level, in the
 * input's own role names, ending when the grant it follows ends. None when the entry grants nothing or the input
 * is already shared with the recipient.
 */
function lineageChange(check: EntryCheck, input: LinkedInput): GrantChange | null {
  const { recipient } = check;
  if (!recipient || !grantsOrChanges(check) || inputSharedWith(input, recipient, check.context.now))
    return null;
  const role = roleAtLevel(input.assetType, check.role.level);
  // A level the input's type has no role for is a role it does not know (R11).
  const change: GrantChange = {
    recipient: { type: recipient.type, id: recipient.id },
    role: role?.name ?? check.role.name,
  };
  // Access that ends on the asset ends on its inputs too: lineage never outlives the grant it follows.
  const expiresAt = check.next?.expiresAt;
  return expiresAt === undefined ? change : { ...change, expiresAt };
}

function lineageRequested(context: PolicyContext, request: ChangeRequest): boolean {
  return request.shareWithLineage === true && context.assetType.options.shareWithLineage;
}

/**
 * R16: with lineage, every linked input takes the grant by its own rules — its own `validateChanges` (R4, R5,
 * R7, R8, R11, R12, R18 …) — or is already shared with the recipient. Inputs the actor cannot open are counted
 * in the message, never named.
 */
export function checkLineage(check: EntryCheck): Violation | null {
  const { context, request } = check;
  if (!lineageRequested(context, request)) return null;
  const blocked = (context.linkedInputs ?? []).filter((input) => {
    const change = lineageChange(check, input);
    return change !== null && validateChanges(inputContext(context, input), { changes: [change] }).length > 0;
  });
  return blocked.length === 0 ? null : lineageRefusal(check, blocked);
}

/** R16's refusal of an entry: the blocked inputs the actor can open by name, the others only counted. */
function lineageRefusal(check: EntryCheck, blocked: readonly LinkedInput[]): Violation {
  const opens = (input: LinkedInput) =>
    effectiveAccess(input.assetType, indexGrants(input.grants, check.context.now), check.context.actor)
      .level > 0;
  return entryViolation(check, 'LINEAGE_INPUT_NOT_SHAREABLE', {
    recipient: displayName(check),
    inputs: blocked.filter(opens).map((input) => input.assetName),
    hiddenInputs: blocked.filter((input) => !opens(input)).length,
  });
}

/** R17: a holder with "Allow sharing" re-shares only up to their own level — R7 and R5 together. */
export function checkReshareWithinOwnLevel(check: EntryCheck): Violation[] {
  return [checkSharingAllowed(check), checkRoleWithinOwnLevel(check)].filter((found) => found !== null);
}

/** Whether an entry can take effect: first mention of a known recipient (or a revoked grant), valid role, a change. */
function takesEffect(check: EntryCheck): boolean {
  if (check.duplicateOf !== null || !check.changesSomething || check.role === undefined) return false;
  return check.role === null || check.recipient !== undefined;
}

function entriesThatStop(checks: readonly EntryCheck[], wasHolding: (grant: Grant) => boolean): EntryCheck[] {
  return checks.filter(
    (check) =>
      takesEffect(check) &&
      check.current !== undefined &&
      wasHolding(check.current) &&
      !(check.next && wasHolding(check.next)),
  );
}

function listViolations<Code extends 'LAST_OWNER' | 'LAST_SHARER'>(
  code: Code,
  culprits: readonly EntryCheck[],
  assetType: AssetTypeConfig,
): Violation[] {
  return culprits.map((check) =>
    entryViolation(check, code, {
      recipient: displayName(check),
      isActor: check.current?.principalId === check.actor.principalId,
      assetType,
    } as MessageFacts[Code]),
  );
}

/** R9 and R10 count only holders who can act: active accounts whose RBAC ceiling reaches the level. */
function holderCanAct(directory: Directory): HolderCanAct {
  return (principalId, level) => canActAt(directory.byId(principalId), level);
}

/**
 * R9: after the whole request, the asset keeps an owner who is a user able to act as one (active, not capped below
 * owner); each entry that took the last such owner away is named.
 */
export function checkLastOwner(checks: readonly EntryCheck[], after: readonly Grant[]): Violation[] {
  const [first] = checks;
  if (!first) return [];
  const { assetType, directory } = first.context;
  const canAct = holderCanAct(directory);
  if (hasUserOwner(assetType, after, canAct)) return [];
  const wasOwner = (grant: Grant) => countsAsOwner(assetType, grant, canAct);
  return listViolations('LAST_OWNER', entriesThatStop(checks, wasOwner), assetType);
}

/** R10: after the whole request, a dataset or data connection keeps an active user who can share. */
export function checkLastSharer(checks: readonly EntryCheck[], after: readonly Grant[]): Violation[] {
  const [first] = checks;
  if (!first) return [];
  const { assetType, directory } = first.context;
  const canAct = holderCanAct(directory);
  if (hasUserSharer(assetType, after, canAct)) return [];
  const wasSharer = (grant: Grant) => countsAsSharer(assetType, grant, canAct);
  return listViolations('LAST_SHARER', entriesThatStop(checks, wasSharer), assetType);
}

/**
 * The rules judged on each entry on its own, in the order their violations are reported. R16, which judges what
 * the entry does to the linked inputs, and R9/R10, which judge the resulting list, follow (see `assessRequest`).
 */
export const entryRules: readonly ((check: EntryCheck) => Violation | null)[] = [
  checkRecipientTypeAllowed, // R4
  checkRecipientExists, // R3
  checkRecipientInOrganization, // R2
  checkRecipientActive, // R1
  checkDuplicateRecipient, // R13
  checkRoleValid, // R11
  checkOptionsSupported, // R12
  checkSharingAllowed, // R7
  checkTargetWithinOwnLevel, // R6
  checkRoleWithinOwnLevel, // R5
  checkDataUseHeld, // R18
  checkRoleWithinRecipientCeiling, // R8
  checkExpiryValid, // R19
];

/**
 * Precedence (SPEC §4): an entry that breaks an authorization rule (R5, R6, R7, R18) is reported with those
 * alone — nothing else about it, its recipient included, is answered to someone who may not make it.
 */
function entryViolationsOf(check: EntryCheck): Violation[] {
  const found = entryRules.map((rule) => rule(check)).filter((entry) => entry !== null);
  const authorization = found.filter((entry) => authorizationCodes.has(entry.code));
  return authorization.length > 0 ? authorization : found;
}

// --- Building the entries and the list they leave ---

function requestedRole(assetType: AssetTypeConfig, role: string | null): RoleDefinition | null | undefined {
  return isRevocation(role) ? null : findRole(assetType, role);
}

/**
 * The grant a principal holds after a change: new grants take the type's defaults, changes keep what is unsaid.
 * A new grant uses the data by default only when the actor does (R18: `actorUsesData`, true when no actor).
 * A grant made owner becomes permanent (owner access never expires, R19); an end is kept in one form (UTC, ms).
 */
export function nextGrant(
  assetType: AssetTypeConfig,
  principal: Pick<Principal, 'id' | 'type'>,
  current: Grant | undefined,
  role: RoleDefinition,
  change: Pick<GrantChange, 'canShare' | 'canUseData' | 'expiresAt'>,
  actorUsesData = true,
): Grant {
  const { allowSharing, canUseData, expiry } = assetType.options;
  const isOwner = role.level === OWNER_LEVEL;
  const grant: Grant = {
    principalId: principal.id,
    principalType: principal.type,
    role: role.name,
    canShare: allowSharing ? (change.canShare ?? current?.canShare ?? isOwner) : false,
    canUseData: isOwner || (canUseData ? (change.canUseData ?? current?.canUseData ?? actorUsesData) : false),
  };
  const expiresAt = change.expiresAt === undefined ? current?.expiresAt : change.expiresAt;
  if (expiry && !isOwner && expiresAt) grant.expiresAt = canonicalInstant(expiresAt);
  return grant;
}

function recipientKey(ref: RecipientRef, recipient: Principal | undefined): string {
  return recipient ? recipient.id : `${ref.type}:${(ref.id ?? ref.name ?? '').toLowerCase()}`;
}

function buildChecks(context: PolicyContext, request: ChangeRequest, index: GrantIndex): EntryCheck[] {
  const actor = actorStanding(context.assetType, index, context.actor);
  const firstIndexOf = new Map<string, number>();
  const actorUsesData = actor.canUseData !== false;
  return request.changes.map((change, position) => {
    const recipient = resolveRecipient(context.directory, change.recipient, context.actor.orgId);
    const key = recipientKey(change.recipient, recipient);
    const duplicateOf = firstIndexOf.get(key) ?? null;
    if (duplicateOf === null) firstIndexOf.set(key, position);
    const currentId = recipient?.id ?? change.recipient.id;
    const listed = currentId === undefined ? undefined : index.byPrincipalId.get(currentId);
    // A revocation names the grant by its own type: naming it with another one matches nothing (R3).
    const current = listed?.principalType === change.recipient.type ? listed : undefined;
    const role = requestedRole(context.assetType, change.role);
    const next =
      role && recipient
        ? nextGrant(context.assetType, recipient, current, role, change, actorUsesData)
        : undefined;
    const changesSomething = role === undefined || !sameGrant(current, next);
    return {
      context,
      request,
      actor,
      index: position,
      change,
      nameInRequest: change.recipient.name ?? change.recipient.id ?? '',
      recipient,
      outsideOrganization: recipient !== undefined && recipient.orgId !== context.actor.orgId,
      role,
      current,
      next,
      changesSomething,
      duplicateOf,
    };
  });
}

/** The list after every entry that can be applied (resolved recipient, valid role); order kept, additions last. */
function listAfter(grants: readonly Grant[], checks: readonly EntryCheck[]): Grant[] {
  const replaced = new Map<string, Grant | undefined>();
  const added: Grant[] = [];
  for (const check of checks) {
    if (!takesEffect(check)) continue;
    if (check.current) replaced.set(check.current.principalId, check.next);
    else if (check.next) added.push(check.next);
  }
  const kept = grants.flatMap((grant) => {
    if (!replaced.has(grant.principalId)) return [grant];
    const next = replaced.get(grant.principalId);
    return next ? [next] : [];
  });
  return [...kept, ...added];
}

/** A request judged against the current list: its entries resolved, the list it asks for, and every violation. */
interface RequestAssessment {
  checks: EntryCheck[];
  /** The list after every entry that can take effect, whatever the rules say. */
  after: Grant[];
  violations: Violation[];
}

function assessRequest(context: PolicyContext, request: ChangeRequest): RequestAssessment {
  // The list as it stands at `now`: an expired grant is absent, and the list after the request drops it.
  const index = indexGrants(context.grants, context.now);
  const checks = buildChecks(context, request, index);
  const after = listAfter(index.grants, checks);
  const requestViolations = [
    checkEntryCount(request),
    checkNoteLength(request),
    checkLineageSupported(context, request),
  ].filter((found) => found !== null);
  const perEntry = checks.map(entryViolationsOf);
  const entryViolations = perEntry.flat();
  // The rules about the resulting state judge only the entries the actor may make at all (precedence), R16 only
  // those that are otherwise sound.
  const authorized = checks.filter((_, position) =>
    (perEntry[position] ?? []).every((found) => !authorizationCodes.has(found.code)),
  );
  const lineageViolations = checks
    .filter((_, position) => perEntry[position]?.length === 0)
    .map(checkLineage)
    .filter((found) => found !== null);
  const judgedAfter = authorized.length === checks.length ? after : listAfter(index.grants, authorized);
  const listRuleViolations = [
    ...checkLastOwner(authorized, judgedAfter),
    ...checkLastSharer(authorized, judgedAfter),
  ];
  const violations = [
    ...requestViolations,
    ...entryViolations,
    ...lineageViolations,
    ...listRuleViolations,
  ].sort((a, b) => (a.index ?? -1) - (b.index ?? -1));
  return { checks, after, violations };
}

/** Every violation of a request against the current list (empty = the request may be applied). */
export function validateChanges(context: PolicyContext, request: ChangeRequest): Violation[] {
  return assessRequest(context, request).violations;
}

/** One change the request made to the list. */
export interface AppliedChange {
  principal: Principal;
  before: Grant | undefined;
  after: Grant | undefined;
}

/** The grants lineage adds to one linked input. */
export interface LinkedInputShare {
  input: LinkedInput;
  /** The input's list after the share. */
  grants: Grant[];
  added: Grant[];
  /** What the share did to the input, as `applyChanges` of the input answered it. */
  changes: AppliedChange[];
}

export type ApplyResult =
  | { ok: true; grants: Grant[]; changes: AppliedChange[]; linkedInputs: LinkedInputShare[] }
  | { ok: false; violations: Violation[] };

/** Whose grant an entry changes; a grant whose principal has gone is named as the request named it. */
function changedPrincipal(check: EntryCheck): Principal {
  if (check.recipient) return check.recipient;
  const grant = check.current as Grant;
  return {
    id: grant.principalId,
    type: grant.principalType,
    name: check.nameInRequest,
    displayName: check.nameInRequest,
    orgId: check.context.actor.orgId,
    active: false,
  };
}

/**
 * What a lineage share writes to the linked inputs: each recipient not yet on an input, at the same level,
 * applied through the input's own `applyChanges` — the same rules as any write to that input.
 */
function shareLinkedInputs(
  context: PolicyContext,
  request: ChangeRequest,
  checks: readonly EntryCheck[],
): { ok: true; shares: LinkedInputShare[] } | { ok: false; violations: Violation[] } {
  if (!lineageRequested(context, request)) return { ok: true, shares: [] };
  const shares: LinkedInputShare[] = [];
  for (const input of context.linkedInputs ?? []) {
    const sharing = checks.filter((check) => lineageChange(check, input) !== null);
    const changes = sharing.flatMap((check) => lineageChange(check, input) ?? []);
    if (changes.length === 0) {
      shares.push({ input, grants: [...input.grants], added: [], changes: [] });
      continue;
    }
    const result = applyChanges(inputContext(context, input), { changes });
    // Each change was judged on its own in `assessRequest`; should they together break a rule, nothing is written.
    if (!result.ok) {
      return { ok: false, violations: sharing.map((check) => lineageRefusal(check, [input])) };
    }
    const added = result.changes.flatMap((change) => (change.after ? [change.after] : []));
    shares.push({ input, grants: result.grants, added, changes: result.changes });
  }
  return { ok: true, shares };
}

function appliedChanges(checks: readonly EntryCheck[]): AppliedChange[] {
  return checks
    .filter(takesEffect)
    .map((check) => ({ principal: changedPrincipal(check), before: check.current, after: check.next }));
}

/** Applies a request whole or not at all: the new list and what changed, or every violation. */
export function applyChanges(context: PolicyContext, request: ChangeRequest): ApplyResult {
  const { checks, after, violations } = assessRequest(context, request);
  if (violations.length > 0) return { ok: false, violations };
  const linked = shareLinkedInputs(context, request, checks);
  if (!linked.ok) return linked;
  return { ok: true, grants: after, changes: appliedChanges(checks), linkedInputs: linked.shares };
}

// --- Who gains, changes or loses access ---

/** One user whose effective level, or when it ends, a save changes: who they are, as a person reads it, and both levels. */
export interface ImpactEntry {
  principal: Pick<Principal, 'id' | 'name' | 'displayName'>;
  beforeLevel: Level | 0;
  afterLevel: Level | 0;
  /** When the level after the save ends (RFC 3339), or null when it does not (or is none). */
  afterExpiresAt: string | null;
}

/** How many entries each list of an impact holds at most; the counts are always complete. */
export const IMPACT_ENTRY_LIMIT = 50;

/** Who gains, changes or loses access, each list in the order the users were reached. */
export interface AccessImpact {
  /** Users who had no access and will have some (first `IMPACT_ENTRY_LIMIT` only). */
  gains: ImpactEntry[];
  /** Users whose level changes (first `IMPACT_ENTRY_LIMIT` only). */
  changes: ImpactEntry[];
  /** Users who will have no access left (first `IMPACT_ENTRY_LIMIT` only). */
  loses: ImpactEntry[];
  /** Users who keep their level but whose access ends at another time, or no longer ends (SPEC §9). */
  expiries: ImpactEntry[];
  /** The full counts, members of touched groups and organizations included. */
  counts: { gains: number; changes: number; loses: number; expiries: number };
}

function usersOf(directory: Directory, principal: Principal): readonly Principal[] {
  return principal.type === 'user' ? [principal] : directory.membersOf(principal.id);
}

/** The users the touched principals reach, each once. One touched organization needs no de-duplication. */
function usersReached(directory: Directory, touched: readonly Principal[]): Iterable<Principal> {
  const [only] = touched;
  if (only && touched.length === 1) return usersOf(directory, only);
  const seen = new Map<string, Principal>();
  for (const principal of touched) {
    for (const user of usersOf(directory, principal)) seen.set(user.id, user);
  }
  return seen.values();
}

function noImpact(): AccessImpact {
  return {
    gains: [],
    changes: [],
    loses: [],
    expiries: [],
    counts: { gains: 0, changes: 0, loses: 0, expiries: 0 },
  };
}

/** Whether any touched principal's grant ends at another time after the save than before. */
function touchesExpiry(before: GrantIndex, after: GrantIndex, touched: readonly Principal[]): boolean {
  return touched.some((principal) => {
    const was = before.byPrincipalId.get(principal.id);
    const will = after.byPrincipalId.get(principal.id);
    return (was ? expiryOf(was) : null) !== (will ? expiryOf(will) : null);
  });
}

function isoOrNull(instant: number | null): string | null {
  return instant === null ? null : new Date(instant).toISOString();
}

/**
 * Who gains, changes or loses access between two lists at `now`, among the users the touched principals reach;
 * and who keeps their level with another end (an expiry set, moved or cleared).
 */
export function accessImpact(
  assetType: AssetTypeConfig,
  directory: Directory,
  before: readonly Grant[],
  after: readonly Grant[],
  touched: readonly Principal[],
  now: number,
): AccessImpact {
  const beforeIndex = indexGrants(before, now);
  const afterIndex = indexGrants(after, now);
  const withExpiry = touchesExpiry(beforeIndex, afterIndex, touched);
  const impact = noImpact();
  for (const principal of usersReached(directory, touched)) {
    const beforeLevel = effectiveLevel(assetType, beforeIndex, principal);
    // Ends are compared only when the save moves one: the plain level is the cheap question for large groups.
    const afterState = withExpiry
      ? effectiveLevelUntil(assetType, afterIndex, principal)
      : { level: effectiveLevel(assetType, afterIndex, principal), until: null };
    const afterLevel = afterState.level;
    let kind: 'gains' | 'changes' | 'loses' | 'expiries';
    if (beforeLevel !== afterLevel)
      kind = beforeLevel === 0 ? 'gains' : afterLevel === 0 ? 'loses' : 'changes';
    else if (withExpiry && effectiveLevelUntil(assetType, beforeIndex, principal).until !== afterState.until)
      kind = 'expiries';
    else continue;
    impact.counts[kind] += 1;
    if (impact[kind].length < IMPACT_ENTRY_LIMIT)
      impact[kind].push({ principal, beforeLevel, afterLevel, afterExpiresAt: isoOrNull(afterState.until) });
  }
  return impact;
}

/** What a preview answers: every violation, and who would gain, change or lose access. Nothing is applied. */
export interface ChangePreview {
  violations: Violation[];
  /** What saving would do; with violations, what saving the entries that broke nothing would do. */
  impact: AccessImpact;
}

function impactOf(context: PolicyContext, assessment: RequestAssessment): AccessImpact {
  const touched = appliedChanges(assessment.checks).map((change) => change.principal);
  return accessImpact(
    context.assetType,
    context.directory,
    context.grants,
    assessment.after,
    touched,
    context.now,
  );
}

/**
 * The request less its failing entries. Lineage is left off: it changes no one's access to this asset, and its
 * refusals that concern the request as a whole name no entry to leave out.
 */
function withoutFailingEntries(request: ChangeRequest, violations: readonly Violation[]): ChangeRequest {
  const failing = new Set(violations.map((violation) => violation.index));
  return { changes: request.changes.filter((_, index) => !failing.has(index)), shareWithLineage: false };
}

/**
 * Checks a request without applying it (SPEC §5 preview): its violations, and who would gain, change or lose
 * access, members of groups and organizations counted. With violations, the impact is that of the entries that
 * broke nothing, judged again on their own; none when alone they break a rule (R9 once a refused handover is out).
 */
export function previewChanges(context: PolicyContext, request: ChangeRequest): ChangePreview {
  const assessment = assessRequest(context, request);
  const { violations } = assessment;
  if (violations.length === 0) return { violations, impact: impactOf(context, assessment) };
  const rest = assessRequest(context, withoutFailingEntries(request, violations));
  return { violations, impact: rest.violations.length === 0 ? impactOf(context, rest) : noImpact() };
}
