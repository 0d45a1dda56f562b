/**
 * Handing an asset to a new owner (SPEC §11): the new owner at the owner level and the actor stepping down —
 * removed, or kept at read-write — in one request, so that R9 (a user owner always remains) holds throughout.
 */
import { isOwnerRole, roleAtLevel } from './asset-types.ts';
import type { GrantCapabilities } from './capabilities.ts';
import type { DraftAction } from './draft.ts';
import {
  type ActorStanding,
  type AssetTypeConfig,
  type Grant,
  type GrantChange,
  OWNER_LEVEL,
  type RecipientRef,
} from './types.ts';

/** What the actor keeps after handing an asset on. */
export type AccessAfterTransfer = 'keepReadWrite' | 'remove';

/** The read-write level: what an owner who hands an asset on keeps, unless they remove themselves. */
const READ_WRITE_LEVEL = 2;

function roleNameAt(assetType: AssetTypeConfig, level: number): string {
  const role = roleAtLevel(assetType, level);
  if (!role) throw new Error(`${assetType.label} has no role at level ${level}.`);
  return role.name;
}

/** The asset type's role for read-write access (e.g. Editor, User, Write). */
export function readWriteRoleOf(assetType: AssetTypeConfig): string {
  return roleNameAt(assetType, READ_WRITE_LEVEL);
}

/**
 * The entries of one request that hand an asset to `newOwner` (a user): the owner role, with "Allow sharing" where
 * the type has it (an owner who cannot share could not hand it on again, and R10 may need them), then the actor's
 * own grant removed or lowered to read-write.
 */
export function transferChanges(
  assetType: AssetTypeConfig,
  newOwner: RecipientRef,
  actorId: string,
  afterwards: AccessAfterTransfer,
): GrantChange[] {
  const owner: GrantChange = { recipient: newOwner, role: roleNameAt(assetType, OWNER_LEVEL) };
  if (assetType.options.allowSharing) owner.canShare = true;
  const mine: GrantChange = {
    recipient: { type: 'user', id: actorId },
    role: afterwards === 'remove' ? null : readWriteRoleOf(assetType),
  };
  return [owner, mine];
}

/** The same hand-over as draft actions on a loaded list: `newOwner` and `mine` are grants as the list shows them. */
export function transferDraftActions(
  assetType: AssetTypeConfig,
  newOwner: Grant,
  mine: Grant,
  afterwards: AccessAfterTransfer,
): DraftAction[] {
  const actions: DraftAction[] = [
    { type: 'setGrantRole', grant: newOwner, role: roleNameAt(assetType, OWNER_LEVEL) },
  ];
  if (assetType.options.allowSharing)
    actions.push({ type: 'setGrantFlag', grant: newOwner, flag: 'canShare', value: true });
  actions.push(
    afterwards === 'remove'
      ? { type: 'removeGrant', grant: mine }
      : { type: 'setGrantRole', grant: mine, role: readWriteRoleOf(assetType) },
  );
  return actions;
}

/**
 * Whether `Make owner` is offered on a grant: to another user, by an actor who is an owner and may give that grant
 * the owner role (R5–R7, as `grantCapabilities` judged them), and only while the grant is not owner already.
 */
export function mayOfferOwnership(
  assetType: AssetTypeConfig,
  actor: ActorStanding,
  grant: Grant,
  capabilities: GrantCapabilities,
): boolean {
  if (grant.principalType !== 'user' || grant.principalId === actor.principalId) return false;
  if (actor.level !== OWNER_LEVEL || isOwnerRole(assetType, grant.role)) return false;
  return capabilities.roles.some((option) => option.role.level === OWNER_LEVEL && option.permission.allowed);
}
