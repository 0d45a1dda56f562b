import { sameGrant } from './access.ts';
import { findRole, isOwnerRole } from './asset-types.ts';
import { expiryAfterDays, expiryOf } from './expiry.ts';
import { grantOfState, type UndoPlan } from './history.ts';
import { nextGrant } from './policy.ts';
import type { AssetTypeConfig, ChangeRequest, Grant, GrantChange, RecipientType } from './types.ts';

/** What the dialog knows about a recipient it is about to add: enough to show a chip and to name it on the wire. */
export interface RecipientSummary {
  id: string;
  type: RecipientType;
  /** Username (an e-mail) for users; the name for groups, organizations and roles. */
  name: string;
  displayName: string;
  email?: string;
  memberCount?: number;
}

/** A recipient to add. */
export interface Addition {
  principal: RecipientSummary;
}

/** The per-grant options a draft can change. */
export type GrantFlag = 'canShare' | 'canUseData';

/** Pending edits of one grant. `grant` is the grant as the edit was made against it. */
export interface GrantEdit {
  grant: Grant;
  role?: string;
  canShare?: boolean;
  canUseData?: boolean;
  /** A new end (RFC 3339), or null to make the grant permanent. */
  expiresAt?: string | null;
  remove?: boolean;
  /** The change set whose undo loaded this edit, when it came from one (SPEC §10). */
  undoOf?: string;
}

/** A grant an undo gives back to a principal who holds none now: its own role, options and end. */
export interface Restoration {
  principal: RecipientSummary;
  grant: Grant;
  /** The change set whose undo loaded it. */
  undoOf: string;
}

/** When the access of new recipients ends: never, some days after the save, or at a chosen instant. */
export type NewExpiry =
  | { kind: 'never' }
  | { kind: 'days'; days: number }
  /** `expiresAt` null: a date is to be chosen (the save waits for it). */
  | { kind: 'date'; expiresAt: string | null };

/** One part of a grant a draft can change, and undo on its own. */
export type GrantEditPart = 'role' | GrantFlag | 'expiresAt' | 'remove';

/** The dialog's pending changes: recipients to add and edits of existing grants. */
export interface Draft {
  additions: readonly Addition[];
  /** Pending edits of existing grants, by principal id. */
  edits: Readonly<Record<string, GrantEdit>>;
  /**
   * Access requests (SPEC §12) the draft approves, by request id: the requester's principal id. A request stays
   * approved while the draft changes that person's role.
   */
  approvals: Readonly<Record<string, string>>;
  /** Grants undos give back to principals who hold none now, in the order they were loaded. */
  restorations: readonly Restoration[];
  /** The undos loaded, oldest first: what each loaded, and what it left out and why. */
  undos: readonly UndoPlan[];
}

/**
 * What new recipients get and what goes with the save: the fields of the dialog's invite form, which holds them.
 * The draft's functions take them alongside the draft.
 */
export interface InviteSettings {
  /** Role for the recipients being added. */
  newRole: string;
  /** "Allow sharing" for the recipients being added. */
  canShare: boolean;
  /** "Can use data" for the recipients being added. */
  canUseData: boolean;
  /** When the access of the recipients being added ends. */
  expiry: NewExpiry;
  note: string;
  sendNotification: boolean;
  shareWithLineage: boolean;
}

/** The options new recipients get with a role: an owner shares and uses the data; other roles do not share. */
export function inviteFlagsForRole(
  assetType: AssetTypeConfig,
  role: string,
  canUseData: boolean,
): Pick<InviteSettings, 'canShare' | 'canUseData'> {
  const isOwner = isOwnerRole(assetType, role);
  return { canShare: isOwner, canUseData: isOwner || canUseData };
}

/** The invite settings a draft starts with: a role and its options, notification on, lineage off. */
export function initialInviteSettings(assetType: AssetTypeConfig, role: string): InviteSettings {
  const newRole = role.toUpperCase();
  return {
    newRole,
    ...inviteFlagsForRole(assetType, newRole, true),
    expiry: { kind: 'never' },
    note: '',
    sendNotification: true,
    shareWithLineage: false,
  };
}

/** What can happen to a draft. */
export type DraftAction =
  | { type: 'addRecipients'; recipients: readonly RecipientSummary[] }
  | { type: 'removeRecipient'; id: string }
  | { type: 'setGrantRole'; grant: Grant; role: string }
  | { type: 'setGrantFlag'; grant: Grant; flag: GrantFlag; value: boolean }
  /** Sets, moves (an RFC 3339 instant) or clears (`null`) when a grant ends. */
  | { type: 'setGrantExpiry'; grant: Grant; expiresAt: string | null }
  | { type: 'removeGrant'; grant: Grant }
  /** Approve an access request: the requester's role change, marked as approving the request. `grant` is the
   * requester's grant, or one without a role when they have access only through a group or organization. */
  | { type: 'approveRequest'; requestId: string; grant: Grant; role: string }
  /** Undo one pending change of a grant, or all of them when `change` is omitted. */
  | { type: 'undoGrant'; principalId: string; change?: GrantEditPart }
  /** Loads an undo's changes (see `undoOfChangeSet`) as pending changes marked as coming from it. */
  | { type: 'loadUndo'; plan: UndoPlan }
  /** Takes back an undo: every pending change it loaded, and its explanation. */
  | { type: 'discardUndo'; changeSetId: string }
  /** Leaves one restoration out of the draft. */
  | { type: 'removeRestoration'; principalId: string }
  | { type: 'reset' }
  /** After a reload (e.g. a 412): keep the edits that still apply to the new list, drop the rest. */
  | { type: 'rebase'; grants: readonly Grant[] };

/** A draft without changes. */
export function createDraft(): Draft {
  return { additions: [], edits: {}, approvals: {}, restorations: [], undos: [] };
}

function addRecipients(draft: Draft, recipients: readonly RecipientSummary[]): Draft {
  const known = new Set(draft.additions.map((addition) => addition.principal.id));
  const fresh = recipients.filter((recipient) => {
    if (known.has(recipient.id)) return false;
    known.add(recipient.id);
    return true;
  });
  if (fresh.length === 0) return draft;
  return { ...draft, additions: [...draft.additions, ...fresh.map((principal) => ({ principal }))] };
}

function isEmpty(edit: GrantEdit): boolean {
  return (
    edit.role === undefined &&
    edit.canShare === undefined &&
    edit.canUseData === undefined &&
    edit.expiresAt === undefined &&
    !edit.remove
  );
}

/** Whether an edit's expiry names the end the grant already has (the same instant, however written). */
function sameEnd(expiresAt: string | null, grant: Grant): boolean {
  return (expiresAt === null ? null : expiryOf({ expiresAt })) === expiryOf(grant);
}

/** Drops the parts of an edit that equal the grant as it is: an edit never records a non-change. */
function withoutNonChanges(edit: GrantEdit): GrantEdit {
  const { grant, ...changes } = edit;
  const kept: GrantEdit = { grant };
  if (changes.role !== undefined && changes.role !== grant.role) kept.role = changes.role;
  if (changes.canShare !== undefined && changes.canShare !== grant.canShare) kept.canShare = changes.canShare;
  if (changes.canUseData !== undefined && changes.canUseData !== grant.canUseData)
    kept.canUseData = changes.canUseData;
  if (changes.expiresAt !== undefined && !sameEnd(changes.expiresAt, grant))
    kept.expiresAt = changes.expiresAt;
  if (changes.remove) kept.remove = true;
  if (changes.undoOf !== undefined) kept.undoOf = changes.undoOf;
  return kept;
}

function putEdit(draft: Draft, principalId: string, edit: GrantEdit): Draft {
  const cleaned = withoutNonChanges(edit);
  const { [principalId]: _replaced, ...others } = draft.edits;
  return { ...draft, edits: isEmpty(cleaned) ? others : { ...others, [principalId]: cleaned } };
}

function editGrant(draft: Draft, grant: Grant, change: Omit<GrantEdit, 'grant'>): Draft {
  const existing = draft.edits[grant.principalId];
  return putEdit(draft, grant.principalId, { ...existing, ...change, grant });
}

function undoGrant(draft: Draft, principalId: string, change: GrantEditPart | undefined): Draft {
  const existing = draft.edits[principalId];
  if (!existing) return draft;
  if (change === undefined) return putEdit(draft, principalId, { grant: existing.grant });
  const { [change]: _undone, ...rest } = existing;
  return putEdit(draft, principalId, rest);
}

function rebase(draft: Draft, grants: readonly Grant[]): Draft {
  const current = new Map(grants.map((grant) => [grant.principalId, grant]));
  let rebased: Draft = {
    ...draft,
    edits: {},
    // A restoration still applies while its principal holds nothing.
    restorations: draft.restorations.filter((restoration) => !current.has(restoration.principal.id)),
  };
  for (const [principalId, edit] of Object.entries(draft.edits)) {
    const grant = current.get(principalId);
    // An undo's edit takes back one particular grant: once that grant has changed again, it no longer applies.
    if (grant && (edit.undoOf === undefined || sameGrant(grant, edit.grant)))
      rebased = putEdit(rebased, principalId, { ...edit, grant });
  }
  return rebased;
}

/** Drops everything an undo loaded: its edits, its restorations, and its entry. */
function withoutUndo(draft: Draft, changeSetId: string): Draft {
  let next: Draft = {
    ...draft,
    restorations: draft.restorations.filter((restoration) => restoration.undoOf !== changeSetId),
    undos: draft.undos.filter((undo) => undo.changeSetId !== changeSetId),
  };
  for (const [principalId, edit] of Object.entries(draft.edits)) {
    if (edit.undoOf === changeSetId) next = putEdit(next, principalId, { grant: edit.grant });
  }
  return next;
}

/**
 * Loads an undo: each change becomes a pending change marked with the change set it undoes. A grant to take back
 * becomes an edit of the grant as the change set left it; a grant to give back to someone who holds none now, a
 * restoration with its own role, options and end. Loading the same undo again replaces it.
 */
function loadUndo(draft: Draft, plan: UndoPlan): Draft {
  const undoOf = plan.changeSetId;
  let next = withoutUndo(draft, undoOf);
  const restorations: Restoration[] = [];
  for (const change of plan.changes) {
    const { principal, current, restore } = change;
    if (!current) {
      if (restore) restorations.push({ principal, grant: grantOfState(principal, restore), undoOf });
      continue;
    }
    const grant = grantOfState(principal, current);
    const edit: GrantEdit = restore
      ? {
          grant,
          role: restore.role,
          canShare: restore.canShare,
          canUseData: restore.canUseData,
          expiresAt: restore.expiresAt,
          undoOf,
        }
      : { grant, remove: true, undoOf };
    next = putEdit(next, principal.id, edit);
  }
  const restored = new Set(restorations.map((restoration) => restoration.principal.id));
  return {
    ...next,
    // Someone given back their grant is no longer also being added at the new role.
    additions: next.additions.filter((addition) => !restored.has(addition.principal.id)),
    restorations: [
      ...next.restorations.filter((restoration) => !restored.has(restoration.principal.id)),
      ...restorations,
    ],
    undos: [...next.undos, plan],
  };
}

/** Approvals whose requester's role change has been undone or turned into a removal are dropped. */
function keepApprovals(draft: Draft): Draft {
  const entries = Object.entries(draft.approvals);
  const kept = entries.filter(([, principalId]) => {
    const edit = draft.edits[principalId];
    return edit?.role !== undefined && !edit.remove;
  });
  return kept.length === entries.length ? draft : { ...draft, approvals: Object.fromEntries(kept) };
}

function approveRequest(draft: Draft, requestId: string, grant: Grant, role: string): Draft {
  const edited = editGrant(draft, grant, { role: role.toUpperCase(), remove: false });
  return { ...edited, approvals: { ...edited.approvals, [requestId]: grant.principalId } };
}

/** The draft after an action. Pure: the same draft and action always give the same draft. */
export function draftReducer(draft: Draft, action: DraftAction): Draft {
  const next = reduceDraft(draft, action);
  return next === draft ? draft : keepApprovals(next);
}

function reduceDraft(draft: Draft, action: DraftAction): Draft {
  switch (action.type) {
    case 'approveRequest':
      return approveRequest(draft, action.requestId, action.grant, action.role);
    case 'addRecipients':
      return addRecipients(draft, action.recipients);
    case 'removeRecipient':
      return {
        ...draft,
        additions: draft.additions.filter((addition) => addition.principal.id !== action.id),
      };
    case 'setGrantRole':
      return editGrant(draft, action.grant, { role: action.role.toUpperCase() });
    case 'setGrantFlag':
      return editGrant(draft, action.grant, { [action.flag]: action.value });
    case 'setGrantExpiry':
      return editGrant(draft, action.grant, { expiresAt: action.expiresAt });
    case 'removeGrant':
      return editGrant(draft, action.grant, { remove: true });
    case 'undoGrant':
      return undoGrant(draft, action.principalId, action.change);
    case 'reset':
      return createDraft();
    case 'rebase':
      return rebase(draft, action.grants);
    case 'loadUndo':
      return loadUndo(draft, action.plan);
    case 'discardUndo':
      return withoutUndo(draft, action.changeSetId);
    case 'removeRestoration':
      return {
        ...draft,
        restorations: draft.restorations.filter(
          (restoration) => restoration.principal.id !== action.principalId,
        ),
      };
  }
}

// --- What the draft amounts to ---

/** One pending change, for marking it in place. */
export type PendingChange =
  | { kind: 'add'; principal: RecipientSummary; role: string }
  | { kind: 'role'; principalId: string; from: string; to: string }
  | { kind: 'flag'; principalId: string; flag: GrantFlag; from: boolean; to: boolean }
  /** An end set, moved or cleared: `null` = permanent. */
  | { kind: 'expiry'; principalId: string; from: string | null; to: string | null }
  | { kind: 'remove'; principalId: string; grant: Grant }
  /** A grant an undo gives back to someone who holds none now. */
  | { kind: 'restore'; principal: RecipientSummary; grant: Grant; undoOf: string };

/** Looks a grant up by principal id in the list as currently loaded. */
export type GrantLookup = (principalId: string) => Grant | undefined;

/** An edit measured against the grant as currently loaded (falling back to the one it was made against). */
function currentEdit(edit: GrantEdit, grantsById: GrantLookup): GrantEdit {
  return withoutNonChanges({ ...edit, grant: grantsById(edit.grant.principalId) ?? edit.grant });
}

function editChanges(edit: GrantEdit): PendingChange[] {
  const { grant } = edit;
  const principalId = grant.principalId;
  if (edit.remove) return [{ kind: 'remove', principalId, grant }];
  const changes: PendingChange[] = [];
  if (edit.role !== undefined) changes.push({ kind: 'role', principalId, from: grant.role, to: edit.role });
  for (const flag of ['canShare', 'canUseData'] as const) {
    const to = edit[flag];
    if (to !== undefined) changes.push({ kind: 'flag', principalId, flag, from: grant[flag], to });
  }
  if (edit.expiresAt !== undefined)
    changes.push({ kind: 'expiry', principalId, from: grant.expiresAt ?? null, to: edit.expiresAt });
  return changes;
}

/** Every pending change: additions (at the invite's role) first, then edits of existing grants, then restorations. */
export function pendingChanges(
  draft: Draft,
  invite: Pick<InviteSettings, 'newRole'>,
  grantsById: GrantLookup,
): PendingChange[] {
  const additions: PendingChange[] = draft.additions.map(({ principal }) => ({
    kind: 'add',
    principal,
    role: invite.newRole,
  }));
  const edits = Object.values(draft.edits).flatMap((edit) => editChanges(currentEdit(edit, grantsById)));
  const restorations = draft.restorations.map(
    ({ principal, grant, undoOf }): PendingChange => ({ kind: 'restore', principal, grant, undoOf }),
  );
  return [...additions, ...edits, ...restorations];
}

/** The flags a change may carry on this asset type; "Can use data" is never sent for an owner (always on). */
function supportedFlags(
  assetType: AssetTypeConfig,
  role: string,
  flags: { canShare?: boolean | undefined; canUseData?: boolean | undefined },
): Pick<GrantChange, 'canShare' | 'canUseData'> {
  const supported: Pick<GrantChange, 'canShare' | 'canUseData'> = {};
  if (assetType.options.allowSharing && flags.canShare !== undefined) supported.canShare = flags.canShare;
  const isOwner = isOwnerRole(assetType, role);
  if (assetType.options.canUseData && !isOwner && flags.canUseData !== undefined) {
    supported.canUseData = flags.canUseData;
  }
  return supported;
}

/**
 * When the new recipients' access ends, as the request names it: null for never; undefined while a date is still
 * to be chosen. "7 days" counts from `now`, the instant the request is made.
 */
export function resolveNewExpiry(expiry: NewExpiry, now: number): string | null | undefined {
  switch (expiry.kind) {
    case 'never':
      return null;
    case 'days':
      return expiryAfterDays(now, expiry.days);
    case 'date':
      return expiry.expiresAt ?? undefined;
  }
}

/** The expiry a change may carry: only where the type has expiry, never for an owner (owner access never ends). */
function supportedExpiry(
  assetType: AssetTypeConfig,
  role: string,
  expiresAt: string | null | undefined,
): Pick<GrantChange, 'expiresAt'> {
  if (!assetType.options.expiry || expiresAt === undefined || isOwnerRole(assetType, role)) return {};
  return { expiresAt };
}

function additionChange(
  invite: InviteSettings,
  assetType: AssetTypeConfig,
  { principal }: Addition,
  now: number,
): GrantChange {
  return {
    recipient: { type: principal.type, id: principal.id, name: principal.name },
    role: invite.newRole,
    ...supportedFlags(assetType, invite.newRole, invite),
    // A new grant is permanent unless told otherwise: "never" needs no field on the wire.
    ...supportedExpiry(assetType, invite.newRole, resolveNewExpiry(invite.expiry, now) ?? undefined),
  };
}

function restorationChange(assetType: AssetTypeConfig, { principal, grant }: Restoration): GrantChange {
  return {
    recipient: { type: principal.type, id: principal.id, name: principal.name },
    role: grant.role,
    ...supportedFlags(assetType, grant.role, grant),
    ...supportedExpiry(assetType, grant.role, grant.expiresAt),
  };
}

function editChange(assetType: AssetTypeConfig, edit: GrantEdit): GrantChange {
  const recipient = { type: edit.grant.principalType, id: edit.grant.principalId };
  if (edit.remove) return { recipient, role: null };
  const role = edit.role ?? edit.grant.role;
  return {
    recipient,
    role,
    ...supportedFlags(assetType, role, edit),
    ...supportedExpiry(assetType, role, edit.expiresAt),
  };
}

/** The request a draft sends at `now`: additions at the invite's role, edits, removals as role `null`. */
export function draftToChangeRequest(
  draft: Draft,
  invite: InviteSettings,
  assetType: AssetTypeConfig,
  grantsById: GrantLookup,
  now: number,
): ChangeRequest {
  const edits = Object.values(draft.edits)
    .map((edit) => currentEdit(edit, grantsById))
    .filter((edit) => !isEmpty(edit));
  const request: ChangeRequest = {
    changes: [
      ...draft.additions.map((addition) => additionChange(invite, assetType, addition, now)),
      ...edits.map((edit) => editChange(assetType, edit)),
      ...draft.restorations.map((restoration) => restorationChange(assetType, restoration)),
    ],
    sendNotification: assetType.options.notify ? invite.sendNotification : false,
    shareWithLineage: assetType.options.shareWithLineage && invite.shareWithLineage,
  };
  const approvesRequests = Object.keys(draft.approvals);
  if (approvesRequests.length > 0) request.approvesRequests = approvesRequests;
  return invite.note.trim() === '' || !assetType.options.note ? request : { ...request, note: invite.note };
}

/** Whether the draft holds anything to save. */
export function hasPendingChanges(draft: Draft): boolean {
  return draft.additions.length > 0 || Object.keys(draft.edits).length > 0 || draft.restorations.length > 0;
}

/** Whether closing would lose something the person typed or chose (pending changes, or a note). */
export function hasUnsavedInput(draft: Draft, invite: Pick<InviteSettings, 'note'>): boolean {
  return hasPendingChanges(draft) || invite.note.trim() !== '';
}

/** Whether the draft adds recipients whose last day of access is still to be chosen: it cannot be saved yet. */
export function awaitsExpiryDate(
  draft: Draft,
  invite: Pick<InviteSettings, 'newRole' | 'expiry'>,
  assetType: AssetTypeConfig,
): boolean {
  return (
    draft.additions.length > 0 &&
    assetType.options.expiry === true &&
    !isOwnerRole(assetType, invite.newRole) &&
    invite.expiry.kind === 'date' &&
    invite.expiry.expiresAt === null
  );
}

/**
 * The access list as the draft would leave it at `now`: what the whole-list guards (R9, R10) in
 * `grantCapabilities` should be judged against, so that handing ownership on and stepping down in one save stays
 * possible.
 */
export function draftGrants(
  draft: Draft,
  invite: Pick<InviteSettings, 'newRole' | 'canShare' | 'canUseData' | 'expiry'>,
  assetType: AssetTypeConfig,
  grants: readonly Grant[],
  now: number,
): Grant[] {
  const edited = grants.flatMap((grant) => {
    const edit = draft.edits[grant.principalId];
    if (!edit) return [grant];
    if (edit.remove) return [];
    const role = findRole(assetType, edit.role ?? grant.role);
    if (!role) return [grant];
    const principal = { id: grant.principalId, type: grant.principalType };
    return [nextGrant(assetType, principal, grant, role, edit)];
  });
  const present = new Set(edited.map((grant) => grant.principalId));
  for (const { principal, grant } of draft.restorations) {
    const role = findRole(assetType, grant.role);
    if (!role || present.has(principal.id)) continue;
    present.add(principal.id);
    edited.push(nextGrant(assetType, principal, undefined, role, grant));
  }
  const newRole = findRole(assetType, invite.newRole);
  if (!newRole) return edited;
  const added = draft.additions
    .filter(({ principal }) => !present.has(principal.id))
    .map(({ principal }) =>
      nextGrant(assetType, principal, undefined, newRole, {
        canShare: invite.canShare,
        canUseData: invite.canUseData,
        ...supportedExpiry(assetType, invite.newRole, resolveNewExpiry(invite.expiry, now) ?? undefined),
      }),
    );
  return [...edited, ...added];
}
