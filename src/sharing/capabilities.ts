import { grantLevel } from './access.ts';
import { ruleOfCode } from './errors.ts';
import { isPermanent, MAX_EXPIRY_DAYS } from './expiry.ts';
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

/** Allowed. */
export const allowed: Permission = { allowed: true };

/** A refusal under the rule of an error code, with its message. */
export function refused<Code extends RuleCode>(code: Code, facts: MessageFacts[Code]): Permission {
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

/** The roles the dialog offers new recipients; those the actor may not grant say why (R7, R5). */
export function newRecipientRoleOptions(assetType: AssetTypeConfig, actor: ActorStanding): RoleOption[] {
  return assetType.roles.map((role) => ({ role, permission: canReshareRole(assetType, actor, role) }));
}

// R9 and R10 count only grants that do not expire: a list's last owner or sharer must not vanish on a timer.
function isUserOwner(assetType: AssetTypeConfig, grant: Grant): boolean {
  return grant.principalType === 'user' && grantLevel(assetType, grant) === OWNER_LEVEL && isPermanent(grant);
}

function isUserSharer(grant: Grant): boolean {
  return grant.principalType === 'user' && grant.canShare && isPermanent(grant);
}

/** R9: whether a list keeps at least one permanent owner who is a user. */
export function hasUserOwner(assetType: AssetTypeConfig, grants: readonly Grant[]): boolean {
  return grants.some((grant) => isUserOwner(assetType, grant));
}

/** R10: whether a list keeps at least one permanent user who can share (only asset types with the invariant need one). */
export function hasUserSharer(assetType: AssetTypeConfig, grants: readonly Grant[]): boolean {
  return !assetType.invariants.lastSharer || grants.some(isUserSharer);
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
      isOnly(grant, grants, (other) => isUserOwner(assetType, other))
        ? refused('LAST_OWNER', facts(grant))
        : allowed,
    mayStopSharing: (grant) =>
      assetType.invariants.lastSharer && isOnly(grant, grants, isUserSharer)
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
  /** Setting, moving or clearing when the grant ends (SPEC §9). */
  expiry: Permission;
}

/** R12, R19: whether a grant at this level may carry an expiry at all (owner access never expires). */
export function expiryAllowed(assetType: AssetTypeConfig, level: Level | 0): Permission {
  if (!assetType.options.expiry)
    return refused('OPTION_NOT_SUPPORTED', { kind: 'unsupported', option: 'expiry', assetType });
  if (level === OWNER_LEVEL)
    return refused('INVALID_EXPIRY', { problem: 'ownerLevel', assetType, maxDays: MAX_EXPIRY_DAYS });
  return allowed;
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
  );
  // Setting, moving or clearing an expiry changes the grant: R7 and R6 apply as to a role change.
  const expiry = firstRefusal(
    () => expiryAllowed(assetType, currentLevel),
    mayShare,
    mayChange,
    () => (grant.canShare && isPermanent(grant) ? guards.mayStopSharing(grant) : allowed),
  );
  return { roles, remove, allowSharing, canUseData, expiry };
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
    ),
  };
}

/** Whether the actor may choose when new recipients' access ends, given their role (R12, R7; owners never expire). */
export function newRecipientExpiryPermission(
  assetType: AssetTypeConfig,
  actor: ActorStanding,
  role: RoleDefinition,
): Permission {
  return firstRefusal(
    () => expiryAllowed(assetType, role.level),
    () => canActorShare(assetType, actor),
  );
}

/**
 * The grants the whole-list guards (R9, R10) look at: user owners and user sharers. `grantCapabilities` answers
 * the same with this list as with the whole list, so a caller can keep it and re-judge rows only when it changes.
 */
export function guardRelevantGrants(assetType: AssetTypeConfig, grants: readonly Grant[]): Grant[] {
  return grants.filter((grant) => isUserOwner(assetType, grant) || isUserSharer(grant));
}
