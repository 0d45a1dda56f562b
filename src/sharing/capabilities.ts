import { grantLevel } from './access.ts';
import { findRole, roleAtLevel } from './asset-types.ts';
import { ruleOfCode } from './errors.ts';
import { type MessageFacts, messageFor } from './messages.ts';
import {
  type ActorStanding,
  type AssetTypeConfig,
  type Grant,
  type Level,
  OWNER_LEVEL,
  type Permission,
  type RoleDefinition,
  type RuleCode,
} from './types.ts';

const allowed: Permission = { allowed: true };

/** A refusal under the rule of an error code, with its message. */
function refused<Code extends RuleCode>(code: Code, facts: MessageFacts[Code]): Permission {
  return { allowed: false, rule: ruleOfCode[code], code, reason: messageFor(code, facts) };
}

/** The first refusal among permissions checked in order, else allowed. */
function firstRefusal(...checks: (() => Permission)[]): Permission {
  for (const check of checks) {
    const permission = check();
    if (!permission.allowed) return permission;
  }
  return allowed;
}

/** R7: whether the actor may share at all, by the asset type's sharing model. */
export function canActorShare(assetType: AssetTypeConfig, actor: ActorStanding): Permission {
  if (actor.canShare && actor.level > 0) return allowed;
  return refused('SHARING_NOT_ALLOWED', { assetType, ownLevel: actor.level });
}

/** R5: whether the actor may grant a role (at most their own level). */
export function canGrantRole(
  assetType: AssetTypeConfig,
  actor: ActorStanding,
  role: RoleDefinition,
): Permission {
  if (role.level <= actor.level) return allowed;
  return refused('ROLE_ABOVE_OWN_LEVEL', { assetType, ownLevel: actor.level });
}

/** R6: whether the actor may change or remove a grant (not one above their own level). */
export function canChangeGrant(assetType: AssetTypeConfig, actor: ActorStanding, grant: Grant): Permission {
  const targetLevel = grantLevel(assetType, grant);
  if (targetLevel <= actor.level || targetLevel === 0) return allowed;
  return refused('TARGET_ABOVE_OWN_LEVEL', { assetType, targetLevel, ownLevel: actor.level });
}

/** R18: whether the actor may pass "Can use data" on: only if their own access includes it (owners always do). */
export function canPassOnDataUse(assetType: AssetTypeConfig, actor: ActorStanding): Permission {
  if (actor.canUseData !== false) return allowed;
  return refused('DATA_USE_NOT_HELD', { assetType });
}

/** R12: whether the asset type has a per-grant option at all. */
export function optionSupported(assetType: AssetTypeConfig, option: 'canShare' | 'canUseData'): Permission {
  const supported = option === 'canShare' ? assetType.options.allowSharing : assetType.options.canUseData;
  return supported ? allowed : refused('OPTION_NOT_SUPPORTED', { kind: 'unsupported', option, assetType });
}

/** R17: a holder re-shares only up to their own level: they must be allowed to share (R7), and within it (R5). */
export function canReshareRole(
  assetType: AssetTypeConfig,
  actor: ActorStanding,
  role: RoleDefinition,
): Permission {
  return firstRefusal(
    () => canActorShare(assetType, actor),
    () => canGrantRole(assetType, actor, role),
  );
}

/** A role offered in a picker, and whether the actor may choose it. */
export interface RoleOption {
  role: RoleDefinition;
  permission: Permission;
}

/**
 * The role new recipients start at: the asset type's default when the actor may grant it (R5), else the highest
 * role they may grant. Judged on the actor's level alone, so a person who may not share (R7) sees a role they could.
 */
export function defaultNewRecipientRole(assetType: AssetTypeConfig, actor: ActorStanding): RoleDefinition {
  const preferred = findRole(assetType, assetType.defaultRole);
  if (preferred && canGrantRole(assetType, actor, preferred).allowed) return preferred;
  const lowest = assetType.roles.at(-1) ?? preferred;
  if (!lowest) throw new Error(`Asset type ${assetType.id} has no roles.`);
  return roleAtLevel(assetType, actor.level) ?? lowest;
}

/** The roles the dialog offers new recipients; those the actor may not grant say why (R7, R5). */
export function newRecipientRoleOptions(assetType: AssetTypeConfig, actor: ActorStanding): RoleOption[] {
  return assetType.roles.map((role) => ({ role, permission: canReshareRole(assetType, actor, role) }));
}

/**
 * Whether the user holding a grant can act at a level: an active account whose RBAC ceiling reaches it. R9 and
 * R10 count only those. The backend answers from its directory; the dialog, which knows neither, counts everyone.
 */
export type HolderCanAct = (principalId: string, level: Level) => boolean;

const everyHolderCanAct: HolderCanAct = () => true;

function isUserOwner(assetType: AssetTypeConfig, grant: Grant): boolean {
  return grant.principalType === 'user' && grantLevel(assetType, grant) === OWNER_LEVEL;
}

function isUserSharer(grant: Grant): boolean {
  return grant.principalType === 'user' && grant.canShare;
}

/** R9: the grant is a user's, at the owner level, and its holder can act as owner. */
export function countsAsOwner(assetType: AssetTypeConfig, grant: Grant, canAct = everyHolderCanAct): boolean {
  return isUserOwner(assetType, grant) && canAct(grant.principalId, OWNER_LEVEL);
}

/** R10: the grant is a user's, with "Allow sharing", and its holder can act. */
export function countsAsSharer(
  assetType: AssetTypeConfig,
  grant: Grant,
  canAct = everyHolderCanAct,
): boolean {
  return isUserSharer(grant) && grantLevel(assetType, grant) > 0 && canAct(grant.principalId, 1);
}

/** R9: whether a list keeps at least one owner who is a user able to act as one. */
export function hasUserOwner(
  assetType: AssetTypeConfig,
  grants: readonly Grant[],
  canAct = everyHolderCanAct,
): boolean {
  return grants.some((grant) => countsAsOwner(assetType, grant, canAct));
}

/** R10: whether a list keeps at least one user who can share (only asset types with the invariant need one). */
export function hasUserSharer(
  assetType: AssetTypeConfig,
  grants: readonly Grant[],
  canAct = everyHolderCanAct,
): boolean {
  return !assetType.invariants.lastSharer || grants.some((grant) => countsAsSharer(assetType, grant, canAct));
}

function isOnly(grant: Grant, grants: readonly Grant[], matches: (grant: Grant) => boolean): boolean {
  return matches(grant) && !grants.some((other) => other.principalId !== grant.principalId && matches(other));
}

/** Whether the guards of the whole list (R9, R10) let a grant stop being an owner or a sharer. */
export interface ListGuards {
  /** R9: may this grant be removed or downgraded below owner? */
  mayStopOwning(grant: Grant): Permission;
  /** R10: may this grant be removed or lose "Allow sharing"? */
  mayStopSharing(grant: Grant): Permission;
}

/**
 * The whole-list guards (R9, R10) against a list — in the dialog, the list as the draft would leave it, so that
 * handing ownership on and stepping down in the same save stays possible.
 */
export function listGuards(
  assetType: AssetTypeConfig,
  actor: ActorStanding,
  grants: readonly Grant[],
): ListGuards {
  const facts = (grant: Grant) => ({
    recipient: 'This person',
    isActor: grant.principalId === actor.principalId,
    assetType,
  });
  return {
    mayStopOwning: (grant) =>
      isOnly(grant, grants, (other) => countsAsOwner(assetType, other))
        ? refused('LAST_OWNER', facts(grant))
        : allowed,
    mayStopSharing: (grant) =>
      assetType.invariants.lastSharer && isOnly(grant, grants, (other) => countsAsSharer(assetType, other))
        ? refused('LAST_SHARER', facts(grant))
        : allowed,
  };
}

/** What the actor may do to one grant of the list, each with the reason when not. */
export interface GrantCapabilities {
  roles: RoleOption[];
  remove: Permission;
  allowSharing: Permission;
  canUseData: Permission;
}

const noGuards: ListGuards = { mayStopOwning: () => allowed, mayStopSharing: () => allowed };

/**
 * What the actor may do to one grant (R5, R6, R7, R12; R9/R10 when `list` is given: pass the list as the draft
 * would leave it). A grant may always remove itself, whatever R6/R7 say.
 */
export function grantCapabilities(
  assetType: AssetTypeConfig,
  actor: ActorStanding,
  grant: Grant,
  list?: readonly Grant[],
): GrantCapabilities {
  const guards = list ? listGuards(assetType, actor, list) : noGuards;
  const mayShare = () => canActorShare(assetType, actor);
  const mayChange = () => canChangeGrant(assetType, actor, grant);
  const isSelf = grant.principalId === actor.principalId;
  const currentLevel = grantLevel(assetType, grant);

  const roles = assetType.roles.map((role) => ({
    role,
    permission:
      role.name === grant.role
        ? allowed
        : firstRefusal(
            mayShare,
            mayChange,
            () => canGrantRole(assetType, actor, role),
            () =>
              role.level < OWNER_LEVEL && currentLevel === OWNER_LEVEL
                ? guards.mayStopOwning(grant)
                : allowed,
          ),
  }));
  const remove = firstRefusal(
    () => (isSelf ? allowed : mayShare()),
    () => (isSelf ? allowed : mayChange()),
    () => guards.mayStopOwning(grant),
    () => guards.mayStopSharing(grant),
  );
  const allowSharing = firstRefusal(
    () => optionSupported(assetType, 'canShare'),
    mayShare,
    mayChange,
    () => (grant.canShare ? guards.mayStopSharing(grant) : allowed),
  );
  const canUseData = firstRefusal(
    () => optionSupported(assetType, 'canUseData'),
    mayShare,
    mayChange,
    () =>
      currentLevel === OWNER_LEVEL
        ? refused('OPTION_NOT_SUPPORTED', { kind: 'ownerUsesData', assetType })
        : allowed,
    // Taking data use away passes nothing on; turning it on does (R18).
    () => (grant.canUseData ? allowed : canPassOnDataUse(assetType, actor)),
  );
  return { roles, remove, allowSharing, canUseData };
}

/** What the actor may set on the options of new recipients given a role (R12, R7; owners always use the data). */
export function newRecipientOptionPermissions(
  assetType: AssetTypeConfig,
  actor: ActorStanding,
  role: RoleDefinition,
): { allowSharing: Permission; canUseData: Permission } {
  const mayShare = () => canActorShare(assetType, actor);
  return {
    allowSharing: firstRefusal(() => optionSupported(assetType, 'canShare'), mayShare),
    canUseData: firstRefusal(
      () => optionSupported(assetType, 'canUseData'),
      mayShare,
      () =>
        role.level === OWNER_LEVEL
          ? refused('OPTION_NOT_SUPPORTED', { kind: 'ownerUsesData', assetType })
          : allowed,
      () => canPassOnDataUse(assetType, actor),
    ),
  };
}

/**
 * The grants the whole-list guards (R9, R10) look at: user owners and user sharers. `grantCapabilities` answers
 * the same with this list as with the whole list, so a caller can keep it and re-judge rows only when it changes.
 */
export function guardRelevantGrants(assetType: AssetTypeConfig, grants: readonly Grant[]): Grant[] {
  return grants.filter((grant) => isUserOwner(assetType, grant) || isUserSharer(grant));
}

/** Whether two permissions say the same: both allowed, or refused under the same rule with the same reason. */
export function samePermission(a: Permission, b: Permission): boolean {
  if (a.allowed || b.allowed) return a.allowed === b.allowed;
  return a.code === b.code && a.rule === b.rule && a.reason === b.reason;
}

/**
 * Whether two judgements of a grant give the same verdict on every control: the same roles, each allowed or refused
 * alike, and the same for removing it and its options. A row judged alike again need not change.
 */
export function sameGrantCapabilities(a: GrantCapabilities, b: GrantCapabilities): boolean {
  return (
    a.roles.length === b.roles.length &&
    a.roles.every((option, index) => {
      const other = b.roles[index];
      return (
        other !== undefined &&
        option.role === other.role &&
        samePermission(option.permission, other.permission)
      );
    }) &&
    samePermission(a.remove, b.remove) &&
    samePermission(a.allowSharing, b.allowSharing) &&
    samePermission(a.canUseData, b.canUseData)
  );
}
