/**
 * Sharing history (SPEC §10): what a write did to an access list, as a change set, and how to take one back.
 * An undo is not a write of its own: `undoOfChangeSet` answers the draft changes that restore the grants a change
 * set touched, leaving out every grant that was changed again since, with who changed it and when.
 */
import { canActorShare } from './capabilities.ts';
import type { ActorStanding, AssetTypeConfig, Grant, Permission, RecipientType } from './types.ts';

/** What caused a change set: a save in the dialog or the API, an expiry (§9), a lineage share, an approved request (§12). */
export type ChangeCause = 'share' | 'expiry' | 'lineage' | 'request';

/** A grant as the history records it: its role and options, without whom it is for. */
export interface GrantState {
  role: string;
  canShare: boolean;
  canUseData: boolean;
  /** When the access ends (RFC 3339), or null when it does not (§9). */
  expiresAt: string | null;
}

/** The principal a change concerns, named as it was when the change was recorded. */
export interface ChangedPrincipal {
  id: string;
  type: RecipientType;
  /** Username (an e-mail) for users; the name for the others. */
  name: string;
  /** Full name for users; the name again for the others. */
  displayName: string;
}

/** One principal's grant before and after a change set; null = no grant. Before and after always differ. */
export interface GrantStateChange {
  principal: ChangedPrincipal;
  before: GrantState | null;
  after: GrantState | null;
}

/** Who made a change set; null when no person did (an expiry). */
export interface ChangeSetActor {
  id: string;
  fullName: string;
}

/** Everything one write changed on one asset's access list, recorded in the same step as the write. */
export interface ChangeSet {
  id: string;
  /** When (RFC 3339). */
  at: string;
  actor: ChangeSetActor | null;
  note: string | null;
  cause: ChangeCause;
  changes: readonly GrantStateChange[];
}

/** The history's view of a grant. */
export function grantStateOf(grant: Grant): GrantState {
  return {
    role: grant.role,
    canShare: grant.canShare,
    canUseData: grant.canUseData,
    expiresAt: grant.expiresAt ?? null,
  };
}

/** Whether two grant states are the same (both absent counts as the same). */
export function sameGrantState(a: GrantState | null, b: GrantState | null): boolean {
  if (!a || !b) return a === b;
  return (
    a.role === b.role &&
    a.canShare === b.canShare &&
    a.canUseData === b.canUseData &&
    a.expiresAt === b.expiresAt
  );
}

/** One principal whose grant a write changed: the grant before and after (null = none). They always differ. */
export interface GrantDifference {
  principalId: string;
  principalType: RecipientType;
  before: Grant | null;
  after: Grant | null;
}

/** The grants that differ between two lists: changed and removed ones in the first list's order, then added ones. */
export function diffGrants(before: readonly Grant[], after: readonly Grant[]): GrantDifference[] {
  const afterById = new Map(after.map((grant) => [grant.principalId, grant]));
  const beforeIds = new Set(before.map((grant) => grant.principalId));
  const differences: GrantDifference[] = [];
  for (const grant of before) {
    const next = afterById.get(grant.principalId);
    if (next && sameGrantState(grantStateOf(grant), grantStateOf(next))) continue;
    differences.push({
      principalId: grant.principalId,
      principalType: grant.principalType,
      before: grant,
      after: next ?? null,
    });
  }
  for (const grant of after) {
    if (beforeIds.has(grant.principalId)) continue;
    differences.push({
      principalId: grant.principalId,
      principalType: grant.principalType,
      before: null,
      after: grant,
    });
  }
  return differences;
}

/**
 * The change set of a write's differences, each principal named by `principalOf`; null when nothing differs
 * (then nothing is recorded).
 */
export function changeSetOf(
  meta: Omit<ChangeSet, 'changes'>,
  differences: readonly GrantDifference[],
  principalOf: (difference: GrantDifference) => ChangedPrincipal,
): ChangeSet | null {
  const changes = differences.flatMap((difference): GrantStateChange[] => {
    const change = {
      principal: principalOf(difference),
      before: difference.before ? grantStateOf(difference.before) : null,
      after: difference.after ? grantStateOf(difference.after) : null,
    };
    return sameGrantState(change.before, change.after) ? [] : [change];
  });
  return changes.length === 0 ? null : { ...meta, changes };
}

/** The grant a principal holds in this state, as an access list holds it. */
export function grantOfState(principal: Pick<ChangedPrincipal, 'id' | 'type'>, state: GrantState): Grant {
  const grant: Grant = {
    principalId: principal.id,
    principalType: principal.type,
    role: state.role,
    canShare: state.canShare,
    canUseData: state.canUseData,
  };
  if (state.expiresAt !== null) grant.expiresAt = state.expiresAt;
  return grant;
}

/** A list with each principal's grant set to a state (null removes it); order kept, new grants last. */
function withGrantStates(
  grants: readonly Grant[],
  targets: readonly { principal: ChangedPrincipal; state: GrantState | null }[],
): Grant[] {
  const byId = new Map(targets.map((target) => [target.principal.id, target]));
  const present = new Set<string>();
  const kept = grants.flatMap((grant) => {
    const target = byId.get(grant.principalId);
    if (!target) return [grant];
    present.add(grant.principalId);
    return target.state ? [grantOfState(target.principal, target.state)] : [];
  });
  const added = targets.flatMap((target) =>
    !present.has(target.principal.id) && target.state ? [grantOfState(target.principal, target.state)] : [],
  );
  return [...kept, ...added];
}

/** The list after a change set: each principal it touched holds its `after` grant. */
export function applyChangeSet(grants: readonly Grant[], changeSet: ChangeSet): Grant[] {
  return withGrantStates(
    grants,
    changeSet.changes.map((change) => ({ principal: change.principal, state: change.after })),
  );
}

// --- Undo ---

/** One draft change of an undo: the grant as the change set left it, and the one to restore. */
export interface UndoChange {
  principal: ChangedPrincipal;
  /** The grant now, as the change set left it (null = none). */
  current: GrantState | null;
  /** The grant to restore, as it was before the change set (null = remove). */
  restore: GrantState | null;
}

/** A change an undo leaves out, because the grant was changed again since: by whom, when, and how. */
export interface SkippedUndoChange {
  principal: ChangedPrincipal;
  /** The later change set that changed the grant again (the latest one, which made the grant what it is now). */
  changedBy: ChangeSetActor | null;
  changedAt: string;
  cause: ChangeCause;
  changeSetId: string;
}

/** What undoing a change set amounts to: the draft changes to load, and those left out with the reason. */
export interface UndoPlan {
  changeSetId: string;
  /** When the undone change set was made, and by whom. */
  at: string;
  actor: ChangeSetActor | null;
  changes: UndoChange[];
  skipped: SkippedUndoChange[];
}

/**
 * The inverse of a change set, as draft changes: every change is reversed, except those whose grant a later
 * change set touched again. `later` holds change sets recorded after this one, newest first (as the history
 * answers them); the first one that touches a principal is named as the reason it is left out.
 */
export function undoOfChangeSet(changeSet: ChangeSet, later: Iterable<ChangeSet>): UndoPlan {
  const touched = new Set(changeSet.changes.map((change) => change.principal.id));
  const latestChange = new Map<string, ChangeSet>();
  for (const newer of later) {
    if (newer.id === changeSet.id) continue;
    for (const change of newer.changes) {
      const id = change.principal.id;
      if (touched.has(id) && !latestChange.has(id)) latestChange.set(id, newer);
    }
  }
  const plan: UndoPlan = {
    changeSetId: changeSet.id,
    at: changeSet.at,
    actor: changeSet.actor,
    changes: [],
    skipped: [],
  };
  for (const change of changeSet.changes) {
    const newer = latestChange.get(change.principal.id);
    if (newer) {
      plan.skipped.push({
        principal: change.principal,
        changedBy: newer.actor,
        changedAt: newer.at,
        cause: newer.cause,
        changeSetId: newer.id,
      });
    } else {
      plan.changes.push({ principal: change.principal, current: change.after, restore: change.before });
    }
  }
  return plan;
}

/** The list after an undo's changes: each principal holds the grant it had before the undone change set. */
export function applyUndo(grants: readonly Grant[], plan: UndoPlan): Grant[] {
  return withGrantStates(
    grants,
    plan.changes.map((change) => ({ principal: change.principal, state: change.restore })),
  );
}

/** Who may read an asset's sharing history (and so undo from it): the people who may share it (R7). */
export function canViewHistory(assetType: AssetTypeConfig, actor: ActorStanding): Permission {
  return canActorShare(assetType, actor);
}

/** Whether a change set touches a principal (the history's `principalId` filter). */
export function touchesPrincipal(changeSet: ChangeSet, principalId: string): boolean {
  return changeSet.changes.some((change) => change.principal.id === principalId);
}
