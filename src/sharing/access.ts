import { findRole } from './asset-types.ts';
import { expiryOf, nextExpiryAfter, unexpiredGrants } from './expiry.ts';
import {
  type ActorStanding,
  type AssetTypeConfig,
  type Directory,
  type Grant,
  type Level,
  OWNER_LEVEL,
  type Principal,
} from './types.ts';

/** One grant that reaches a user, and how it reaches them. */
export interface AccessPath {
  grant: Grant;
  via: 'direct' | 'group' | 'organization' | 'role';
  /** The grant's principal: the user itself, or the group, organization or role the user belongs to. */
  principal: Principal;
  level: Level;
}

/** A user's access to one asset, with every grant that contributes to it. */
export interface EffectiveAccess {
  /** The most permissive level across all paths, capped by the RBAC ceiling; 0 = no access (or inactive). */
  level: Level | 0;
  /** The level the grants give before the RBAC ceiling is applied. */
  uncappedLevel: Level | 0;
  cappedByCeiling: boolean;
  /** Whether the user may share the asset at all (R7), by the asset type's sharing model. */
  canShare: boolean;
  canUseData: boolean;
  paths: AccessPath[];
}

/**
 * An access list as it stands at one instant, indexed by principal id: the grants expired by then are left out,
 * so every question asked of it treats them as absent (SPEC §9). Built once, reused across many questions.
 */
export interface GrantIndex {
  /** The grants in force, in list order. */
  readonly grants: readonly Grant[];
  readonly byPrincipalId: ReadonlyMap<string, Grant>;
  /** The instant the index was built for. */
  readonly now: number;
  /** The first instant after `now` at which a grant of the list expires: until then the index stays true. */
  readonly validUntil: number;
}

/**
 * Indexes an access list at `now` (an access list names each principal at most once). There is no other way to ask
 * about access: every effective-access question takes an index, so "now" is always an explicit input.
 */
export function indexGrants(grants: readonly Grant[], now: number): GrantIndex {
  const inForce = unexpiredGrants(grants, now);
  const byPrincipalId = new Map<string, Grant>();
  for (const grant of inForce) {
    if (!byPrincipalId.has(grant.principalId)) byPrincipalId.set(grant.principalId, grant);
  }
  return { grants: inForce, byPrincipalId, now, validUntil: nextExpiryAfter(inForce, now) };
}

/** Whether an index built at one instant answers the same at `now`: no grant of it expired in between. */
export function indexHoldsAt(index: GrantIndex, now: number): boolean {
  return now >= index.now && now < index.validUntil;
}

/** The level of a role of an asset type (wire name, any case), or undefined when the type has no such role. */
export function levelOfRole(assetType: AssetTypeConfig, roleName: string): Level | undefined {
  return findRole(assetType, roleName)?.level;
}

/** The level a grant gives; 0 for a role the asset type does not know. */
export function grantLevel(assetType: AssetTypeConfig, grant: Grant): Level | 0 {
  return levelOfRole(assetType, grant.role) ?? 0;
}

/** The highest level a user may hold on any asset (3 when there is no ceiling). */
export function ceilingOf(principal: Principal): Level {
  return principal.rbacCeiling ?? 3;
}

/** Whether a principal can act at a level: an active account whose RBAC ceiling reaches it (R9, R10 count only those). */
export function canActAt(principal: Principal | undefined, level: Level): boolean {
  return principal?.active === true && ceilingOf(principal) >= level;
}

type Via = AccessPath['via'];

/** Every principal id whose grant reaches this principal, with how it reaches them. */
function reachingIds(principal: Principal): [string, Via][] {
  const ids: [string, Via][] = [[principal.id, 'direct']];
  if (principal.type !== 'user') return ids;
  for (const groupId of principal.groupIds ?? []) ids.push([groupId, 'group']);
  if (principal.orgId) ids.push([principal.orgId, 'organization']);
  for (const roleId of principal.roleIds ?? []) ids.push([roleId, 'role']);
  return ids;
}

/** Whether a grant reaches a user: their own, or their group's, organization's or role's. */
export function grantReaches(grant: Grant, user: Principal): boolean {
  return reachingIds(user).some(([id]) => id === grant.principalId);
}

/** A stand-in for a container principal when no directory is at hand: enough to say "via group <id>". */
function placeholderPrincipal(grant: Grant, user: Principal): Principal {
  return {
    id: grant.principalId,
    type: grant.principalType,
    name: grant.principalId,
    displayName: grant.principalId,
    orgId: user.orgId,
    active: true,
  };
}

function pathsOf(
  assetType: AssetTypeConfig,
  index: GrantIndex,
  user: Principal,
  directory: Pick<Directory, 'byId'> | undefined,
): AccessPath[] {
  const paths: AccessPath[] = [];
  for (const [id, via] of reachingIds(user)) {
    const grant = index.byPrincipalId.get(id);
    if (!grant) continue;
    const level = grantLevel(assetType, grant);
    if (level === 0) continue;
    const principal = via === 'direct' ? user : (directory?.byId(id) ?? placeholderPrincipal(grant, user));
    paths.push({ grant, via, principal, level });
  }
  return paths;
}

/** Whether a holder at this level, reached by these grants, may share (R7), by the asset type's sharing model. */
export function mayShare(
  assetType: AssetTypeConfig,
  level: Level | 0,
  grants: readonly Pick<Grant, 'canShare'>[],
): boolean {
  if (level === 0) return false;
  const model = assetType.whoMayShare;
  switch (model.kind) {
    case 'anyCollaborator':
      return true;
    case 'canShareFlag':
      return grants.some((grant) => grant.canShare);
    case 'minimumLevel':
      return level >= model.level;
  }
}

/** Whether a holder at this level may use the data: owners always; elsewhere a grant's flag, where the type has one. */
function mayUseData(assetType: AssetTypeConfig, level: Level | 0, paths: readonly AccessPath[]): boolean {
  if (level === 0) return false;
  if (level === OWNER_LEVEL || !assetType.options.canUseData) return true;
  return paths.some((path) => path.grant.canUseData);
}

const noAccess: Omit<EffectiveAccess, 'paths' | 'uncappedLevel'> = {
  level: 0,
  cappedByCeiling: false,
  canShare: false,
  canUseData: false,
};

/**
 * A user's effective access at the instant the index was built for: the most permissive of their direct grant and
 * the grants to their groups, organization and roles still in force, capped by their RBAC ceiling. Inactive users
 * have no access. Pass a directory to name the containers.
 */
export function effectiveAccess(
  assetType: AssetTypeConfig,
  index: GrantIndex,
  user: Principal,
  directory?: Pick<Directory, 'byId'>,
): EffectiveAccess {
  const paths = pathsOf(assetType, index, user, directory);
  const uncappedLevel = paths.reduce<Level | 0>((highest, path) => Math.max(highest, path.level) as Level, 0);
  if (!user.active) return { ...noAccess, uncappedLevel, paths };
  const ceiling = ceilingOf(user);
  const level = Math.min(uncappedLevel, ceiling) as Level | 0;
  return {
    level,
    uncappedLevel,
    cappedByCeiling: uncappedLevel > ceiling,
    canShare: mayShare(
      assetType,
      level,
      paths.map((path) => path.grant),
    ),
    canUseData: mayUseData(assetType, level, paths),
    paths,
  };
}

/** Only the effective level, without paths: the cheap question asked for every member of an organization. */
export function effectiveLevel(assetType: AssetTypeConfig, index: GrantIndex, user: Principal): Level | 0 {
  if (!user.active) return 0;
  // Written out rather than through reachingIds: this runs once per member of a 100,000-member organization.
  let highest: number = levelOfId(assetType, index, user.id);
  if (user.type === 'user') {
    for (const groupId of user.groupIds ?? [])
      highest = Math.max(highest, levelOfId(assetType, index, groupId));
    highest = Math.max(highest, levelOfId(assetType, index, user.orgId));
    for (const roleId of user.roleIds ?? []) highest = Math.max(highest, levelOfId(assetType, index, roleId));
  }
  return Math.min(highest, ceilingOf(user)) as Level | 0;
}

function levelOfId(assetType: AssetTypeConfig, index: GrantIndex, principalId: string): Level | 0 {
  const grant = index.byPrincipalId.get(principalId);
  return grant ? grantLevel(assetType, grant) : 0;
}

/** The actor's standing on an asset (effective level, whether they may share and use the data), as the policy judges it. */
export function actorStanding(
  assetType: AssetTypeConfig,
  index: GrantIndex,
  actor: Principal,
): ActorStanding {
  return standingOf(actor, effectiveAccess(assetType, index, actor));
}

/** A standing from an effective access already computed. */
export function standingOf(actor: Pick<Principal, 'id'>, access: EffectiveAccess): ActorStanding {
  return {
    principalId: actor.id,
    level: access.level,
    canShare: access.canShare,
    canUseData: access.canUseData,
  };
}

/** Whether two grants are alike in every field: the same principal, role, flags and end. */
export function sameGrant(a: Grant | undefined, b: Grant | undefined): boolean {
  if (!a || !b) return a === b;
  return (
    a.principalId === b.principalId &&
    a.principalType === b.principalType &&
    a.role === b.role &&
    a.canShare === b.canShare &&
    a.canUseData === b.canUseData &&
    a.expiresAt === b.expiresAt
  );
}

/**
 * A user's effective level and until when it lasts: the latest end among the grants that give that level, or null
 * when one of them is permanent (or the user has no access). What the impact preview compares for expiry changes.
 */
export function effectiveLevelUntil(
  assetType: AssetTypeConfig,
  index: GrantIndex,
  user: Principal,
): { level: Level | 0; until: number | null } {
  const level = effectiveLevel(assetType, index, user);
  if (level === 0) return { level, until: null };
  const ceiling = ceilingOf(user);
  let until: number | null = Number.NEGATIVE_INFINITY;
  for (const [id] of reachingIds(user)) {
    const grant = index.byPrincipalId.get(id);
    if (!grant || Math.min(grantLevel(assetType, grant), ceiling) !== level) continue;
    const expiry = expiryOf(grant);
    if (expiry === null) return { level, until: null };
    until = Math.max(until, expiry);
  }
  return { level, until };
}
