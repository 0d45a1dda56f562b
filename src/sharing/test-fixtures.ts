/**
 * A small directory of the SPEC §7 personas, for the sharing tests only.
 */
import { actorStanding, type GrantIndex, indexGrants } from './access.ts';
import { assetTypes, roleAtLevel } from './asset-types.ts';
import { createInMemoryDirectory } from './directory.ts';
import type {
  ActorStanding,
  AssetTypeConfig,
  ChangeRequest,
  Grant,
  GrantChange,
  Level,
  LinkedInput,
  PolicyContext,
  Principal,
} from './types.ts';

/** The instant the sharing tests judge at, unless a test says otherwise: 1 July 2025, noon UTC. */
export const TEST_NOW = Date.UTC(2025, 6, 1, 12, 0, 0);

/** An access list as it stands at an instant (`TEST_NOW` by default). */
export function at(grants: readonly Grant[], now = TEST_NOW): GrantIndex {
  return indexGrants(grants, now);
}

/** A 24-hex id whose last characters tell what it is, so failures read well. */
export function hexId(kind: number, n: number): string {
  return `${kind.toString(16).padStart(2, '0')}${n.toString(16).padStart(22, '0')}`;
}

export const acme: Principal = {
  id: hexId(0xac, 1),
  type: 'organization',
  name: 'Acme Analytics',
  displayName: 'Acme Analytics',
  orgId: hexId(0xac, 1),
  active: true,
};
export const globex: Principal = {
  id: hexId(0xac, 2),
  type: 'organization',
  name: 'Globex',
  displayName: 'Globex',
  orgId: hexId(0xac, 2),
  active: true,
};

function container(type: 'group' | 'role', n: number, name: string, orgId = acme.id): Principal {
  return { id: hexId(type === 'group' ? 0x90 : 0x70, n), type, name, displayName: name, orgId, active: true };
}

export const dataScience = container('group', 1, 'Data Science');
export const marketing = container('group', 2, 'Marketing Analytics');
export const risk = container('group', 3, 'Risk');
export const globexGroup = container('group', 4, 'Globex Analysts', globex.id);
export const mlopsAdmin = container('role', 1, 'MLOps Admin');
export const modelValidator = container('role', 2, 'Model Validator');

let userCount = 0;
function user(
  handle: string,
  fullName: string,
  extra: Partial<Pick<Principal, 'active' | 'rbacCeiling' | 'groupIds' | 'roleIds' | 'orgId'>> = {},
  domain = 'acme.test',
): Principal {
  userCount += 1;
  return {
    id: hexId(0x50, userCount),
    type: 'user',
    name: `${handle}@${domain}`,
    displayName: fullName,
    orgId: acme.id,
    active: true,
    groupIds: [],
    roleIds: [],
    ...extra,
  };
}

export const olivia = user('olivia', 'Olivia Owens');
export const eddie = user('eddie', 'Eddie Evans', { groupIds: [dataScience.id], roleIds: [mlopsAdmin.id] });
export const connie = user('connie', 'Connie Cole', {
  groupIds: [dataScience.id],
  roleIds: [modelValidator.id],
});
export const nora = user('nora', 'Nora Nash', { groupIds: [dataScience.id] });
export const ivan = user('ivan', 'Ivan Ingram', { active: false });
export const rita = user('rita', 'Rita Reyes', { rbacCeiling: 1, groupIds: [risk.id] });
export const gus = user('gus', 'Gus Garcia', { orgId: globex.id, groupIds: [globexGroup.id] }, 'globex.test');
/** Colleagues with no access to anything, to share with. */
export const una = user('una', 'Una Udall', { groupIds: [marketing.id] });
export const victor = user('victor', 'Victor Vance', { groupIds: [marketing.id] });
export const wendy = user('wendy', 'Wendy Wu', { rbacCeiling: 2 });

export const users = [olivia, eddie, connie, nora, ivan, rita, gus, una, victor, wendy] as const;
export const containers = [
  acme,
  globex,
  dataScience,
  marketing,
  risk,
  globexGroup,
  mlopsAdmin,
  modelValidator,
];
export const directory = createInMemoryDirectory([...users, ...containers]);

/** The asset type with this registry id (throws for a typo, so tests fail loudly). */
export function assetType(id: string): AssetTypeConfig {
  const config = assetTypes.get(id);
  if (!config) throw new Error(`No asset type ${id}`);
  return config;
}

/** The asset type's role name at a level. */
export function roleName(config: AssetTypeConfig, level: Level): string {
  const role = roleAtLevel(config, level);
  if (!role) throw new Error(`${config.id} has no role at level ${level}`);
  return role.name;
}

/** A grant to a principal at a level of the asset type. */
export function grantTo(
  config: AssetTypeConfig,
  principal: Principal,
  level: Level,
  flags: Partial<Pick<Grant, 'canShare' | 'canUseData'>> = {},
): Grant {
  return {
    principalId: principal.id,
    principalType: principal.type,
    role: roleName(config, level),
    canShare: flags.canShare ?? (level === 3 && config.options.allowSharing),
    canUseData: flags.canUseData ?? (level === 3 || config.options.canUseData),
  };
}

/** The demo access list of SPEC §7: Olivia owns, Eddie read-write with sharing, Connie read-only; Nora on data. */
export function seedGrants(config: AssetTypeConfig): Grant[] {
  const grants = [
    grantTo(config, olivia, 3, { canShare: config.options.allowSharing }),
    grantTo(config, eddie, 2, { canShare: config.options.allowSharing }),
    grantTo(config, connie, 1),
  ];
  if (config.invariants.lastSharer) grants.push(grantTo(config, nora, 2, { canShare: false }));
  return grants;
}

/** A policy context on the seed list (or the given one), acting as a persona, at `TEST_NOW` unless told. */
export function contextFor(
  config: AssetTypeConfig,
  actor: Principal,
  grants: readonly Grant[] = seedGrants(config),
  linkedInputs?: readonly LinkedInput[],
  now = TEST_NOW,
): PolicyContext {
  return linkedInputs
    ? { assetType: config, actor, grants, directory, linkedInputs, now }
    : { assetType: config, actor, grants, directory, now };
}

/** A persona's standing on a list. */
export function standingOf(
  config: AssetTypeConfig,
  actor: Principal,
  grants = seedGrants(config),
  now = TEST_NOW,
): ActorStanding {
  return actorStanding(config, indexGrants(grants, now), actor);
}

/** A change naming its recipient the way the DataRobot API does: users by username, others by name. */
export function changeFor(
  principal: Principal,
  role: string | null,
  flags: Pick<GrantChange, 'canShare' | 'canUseData'> = {},
): GrantChange {
  return { recipient: { type: principal.type, name: principal.name }, role, ...flags };
}

/** A request of these changes. */
export function requestOf(...changes: GrantChange[]): ChangeRequest {
  return { changes };
}
