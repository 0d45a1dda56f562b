import { assetTypes, findRole } from '../sharing/asset-types.ts';
import { nextGrant } from '../sharing/policy.ts';
import type { Grant, Level, Principal } from '../sharing/types.ts';
import { grantorsOf } from './access-requests.ts';
import { MockDatabase, type StoredAccessRequest, type StoredAsset } from './db.ts';
import { type DirectoryUser, type Organization, PrincipalDirectory } from './directory.ts';
import { emailLocalPart, firstNames, lastNames } from './names.ts';
import { type PersonaKey, personaDefinitions, personaId } from './personas.ts';
import { createRandom, objectIdFor, type Random } from './random.ts';
import { addSeedHistory } from './seed-history.ts';

/** The seed of the generated colleagues: change it and every generated name changes. */
const SEED = 20250115;

/** The two organizations of SPEC §7. */
export const organizations = {
  acme: { id: objectIdFor('org:acme.test'), name: 'Acme Analytics', domain: 'acme.test' },
  globex: { id: objectIdFor('org:globex.test'), name: 'Globex', domain: 'globex.test' },
} as const satisfies Record<string, Organization>;

/** The groups of the seed, by key. */
const groupNames = {
  dataScience: 'Data Science',
  marketingAnalytics: 'Marketing Analytics',
  risk: 'Risk',
  platformEngineering: 'Platform Engineering',
  finance: 'Finance',
  customerSuccess: 'Customer Success',
  globexAnalytics: 'Globex Analytics',
  // Globex has a "Data Science" too: group names resolve within the actor's organization only.
  globexDataScience: 'Data Science',
} as const;
export type GroupKey = keyof typeof groupNames;

/** The groups of Globex; every other group is Acme's. */
const globexGroups: ReadonlySet<GroupKey> = new Set(['globexAnalytics', 'globexDataScience']);

/** The roles of the seed, by key. */
const roleNames = {
  mlopsAdmin: 'MLOps Admin',
  modelValidator: 'Model Validator',
  dataSteward: 'Data Steward',
} as const;
export type RoleKey = keyof typeof roleNames;

/** A seed group's id: derived from its key, so the same on every load. */
export function groupId(key: GroupKey): string {
  return objectIdFor(`group:${key}`);
}

/** A seed role's id: derived from its key, so the same on every load. */
export function roleId(key: RoleKey): string {
  return objectIdFor(`role:${key}`);
}

/** The demo assets, one per asset type, plus a few extra, by key. */
export const demoAssetKeys = [
  'useCase',
  'application',
  'deployment',
  'dataset',
  'dataConnection',
  'project',
  'workload',
  'governedModel',
  'creditBureauExtract',
  'marketingMix',
  'globexForecast',
] as const;
export type DemoAssetKey = (typeof demoAssetKeys)[number];

/** A demo asset's id: derived from its key, so the same on every load. */
export function demoAssetId(key: DemoAssetKey): string {
  return objectIdFor(`asset:${key}`);
}

/** Colleagues with fixed names, so that search and tests have known accented targets. */
const namedColleagues: readonly { first: string; last: string; groups: GroupKey[] }[] = [
  { first: 'José', last: 'Peña', groups: ['dataScience'] },
  { first: 'Amélie', last: 'Fontaine', groups: ['marketingAnalytics'] },
  { first: 'Zoë', last: 'Dvořák', groups: ['risk'] },
  { first: 'Søren', last: 'Søndergaard', groups: ['platformEngineering'] },
  { first: 'Siobhán', last: "O'Brien", groups: ['finance', 'dataScience'] },
];

const GENERATED_COLLEAGUES = 200;
const GLOBEX_COLLEAGUES = 12;

interface UserSpec {
  id: string;
  first: string;
  last: string;
  org: Organization;
  active?: boolean;
  rbacCeiling?: Level;
  groups?: readonly GroupKey[];
  roles?: readonly RoleKey[];
  /** The e-mail; generated from the name when omitted. */
  email?: string;
}

/** Builds e-mail addresses that stay unique within the directory. */
class EmailAllocator {
  private readonly taken = new Set<string>();

  allocate(first: string, last: string, domain: string): string {
    const local = emailLocalPart(first, last);
    let email = `${local}@${domain}`;
    for (let suffix = 2; this.taken.has(email); suffix++) email = `${local}${suffix}@${domain}`;
    this.taken.add(email);
    return email;
  }

  reserve(email: string): void {
    this.taken.add(email);
  }
}

function addUser(directory: PrincipalDirectory, emails: EmailAllocator, spec: UserSpec): DirectoryUser {
  const email = spec.email ?? emails.allocate(spec.first, spec.last, spec.org.domain);
  const user: DirectoryUser = {
    id: spec.id,
    type: 'user',
    name: email,
    displayName: `${spec.first} ${spec.last}`,
    email,
    orgId: spec.org.id,
    active: spec.active ?? true,
    groupIds: (spec.groups ?? []).map(groupId),
    roleIds: (spec.roles ?? []).map(roleId),
  };
  if (spec.rbacCeiling !== undefined) user.rbacCeiling = spec.rbacCeiling;
  return directory.add(user);
}

const personaMemberships: Record<
  PersonaKey,
  Pick<UserSpec, 'active' | 'rbacCeiling' | 'groups' | 'roles'>
> = {
  olivia: {},
  eddie: { groups: ['dataScience'], roles: ['mlopsAdmin'] },
  connie: { groups: ['dataScience'], roles: ['modelValidator'] },
  nora: { groups: ['dataScience'] },
  ivan: { active: false, groups: ['marketingAnalytics'] },
  rita: { rbacCeiling: 1, groups: ['risk'] },
  gus: { groups: ['globexAnalytics', 'globexDataScience'] },
};

/** Group sizes (generated colleagues) of the Acme groups. */
const generatedGroupShare: Partial<Record<GroupKey, number>> = {
  dataScience: 0.12,
  marketingAnalytics: 0.14,
  risk: 0.06,
  platformEngineering: 0.1,
  finance: 0.08,
  customerSuccess: 0.1,
};

/** The people, groups, roles and organizations of SPEC §7, with about 200 generated colleagues. */
function buildDirectory(random: Random = createRandom(SEED)): {
  directory: PrincipalDirectory;
  colleagues: DirectoryUser[];
} {
  const directory = new PrincipalDirectory();
  const emails = new EmailAllocator();
  directory.addOrganization(organizations.acme);
  directory.addOrganization(organizations.globex);
  for (const [key, name] of Object.entries(groupNames) as [GroupKey, string][]) {
    const orgId = globexGroups.has(key) ? organizations.globex.id : organizations.acme.id;
    directory.add({ id: groupId(key), type: 'group', name, displayName: name, orgId, active: true });
  }
  for (const [key, name] of Object.entries(roleNames) as [RoleKey, string][]) {
    directory.add({
      id: roleId(key),
      type: 'role',
      name,
      displayName: name,
      orgId: organizations.acme.id,
      active: true,
    });
  }

  for (const persona of personaDefinitions) {
    const [first = '', last = ''] = persona.fullName.split(' ');
    emails.reserve(persona.email);
    addUser(directory, emails, {
      id: personaId(persona.key),
      first,
      last,
      org: organizations[persona.org],
      email: persona.email,
      ...personaMemberships[persona.key],
    });
  }

  const colleagues: DirectoryUser[] = [];
  namedColleagues.forEach((named, index) => {
    colleagues.push(
      addUser(directory, emails, {
        id: objectIdFor(`user:named:${index}`),
        first: named.first,
        last: named.last,
        org: organizations.acme,
        groups: named.groups,
      }),
    );
  });
  for (let index = 0; index < GENERATED_COLLEAGUES - namedColleagues.length; index++) {
    const groups = (Object.entries(generatedGroupShare) as [GroupKey, number][])
      .filter(([, share]) => random.chance(share))
      .map(([key]) => key);
    const roles: RoleKey[] = [];
    if (random.chance(0.02)) roles.push('mlopsAdmin');
    if (random.chance(0.025)) roles.push('modelValidator');
    if (random.chance(0.03)) roles.push('dataSteward');
    const ceilingRoll = random.next();
    const spec: UserSpec = {
      id: objectIdFor(`user:colleague:${index}`),
      first: random.pick(firstNames),
      last: random.pick(lastNames),
      org: organizations.acme,
      active: index % 40 !== 17,
      groups,
      roles,
    };
    if (ceilingRoll < 0.04) spec.rbacCeiling = 1;
    else if (ceilingRoll < 0.07) spec.rbacCeiling = 2;
    colleagues.push(addUser(directory, emails, spec));
  }
  for (let index = 0; index < GLOBEX_COLLEAGUES; index++) {
    addUser(directory, emails, {
      id: objectIdFor(`user:globex:${index}`),
      first: random.pick(firstNames),
      last: random.pick(lastNames),
      org: organizations.globex,
      groups: [
        ...(random.chance(0.5) ? (['globexAnalytics'] as const) : []),
        ...(index % 3 === 0 ? (['globexDataScience'] as const) : []),
      ],
    });
  }
  return { directory, colleagues };
}

/** A grant with the policy's own defaults for new grants, plus any flags given. */
export function seedGrant(
  assetTypeId: string,
  principal: Principal,
  roleName: string,
  flags: { canShare?: boolean; canUseData?: boolean } = {},
): Grant {
  const config = assetTypes.get(assetTypeId);
  const role = config && findRole(config, roleName);
  if (!config || !role) throw new Error(`No role ${roleName} on ${assetTypeId}`);
  return nextGrant(config, principal, undefined, role, flags);
}

interface AssetSpec {
  key: DemoAssetKey;
  assetTypeId: string;
  name: string;
  description: string;
  daysAgo: number;
  /** [principal, role, flags] */
  grants: [Principal, string, { canShare?: boolean; canUseData?: boolean }?][];
  linked?: DemoAssetKey[];
  /** Colleagues added at random roles (read-write or read-only, never above their ceiling). */
  colleagues?: number;
}

const SEED_DATE = Date.UTC(2025, 5, 30, 9, 0, 0);

function isoDaysAgo(days: number): string {
  return new Date(SEED_DATE - days * 86_400_000).toISOString();
}

function demoAssetSpecs(directory: PrincipalDirectory): AssetSpec[] {
  const person = (key: PersonaKey) => directory.byId(personaId(key)) as Principal;
  const group = (key: GroupKey) => directory.byId(groupId(key)) as Principal;
  const role = (key: RoleKey) => directory.byId(roleId(key)) as Principal;
  const acme = directory.byId(organizations.acme.id) as Principal;
  const gus = person('gus');
  const [olivia, eddie, connie, nora, ivan, rita] = (
    ['olivia', 'eddie', 'connie', 'nora', 'ivan', 'rita'] as const
  ).map(person) as [Principal, Principal, Principal, Principal, Principal, Principal];
  const amelie = directory.byId(objectIdFor('user:named:1')) as Principal;
  return [
    {
      key: 'useCase',
      assetTypeId: 'useCase',
      name: 'Customer churn reduction',
      description: 'Predict which subscribers are about to leave, and why.',
      daysAgo: 120,
      grants: [
        [olivia, 'OWNER'],
        [eddie, 'EDITOR'],
        [connie, 'CONSUMER'],
        [acme, 'CONSUMER'],
      ],
      colleagues: 6,
    },
    {
      key: 'application',
      assetTypeId: 'application',
      name: 'Churn insights portal',
      description: 'A self-service app for account managers to look up churn risk.',
      daysAgo: 60,
      grants: [
        [olivia, 'OWNER'],
        [eddie, 'EDITOR'],
        [connie, 'CONSUMER'],
        [group('marketingAnalytics'), 'CONSUMER'],
      ],
      colleagues: 4,
    },
    {
      key: 'deployment',
      assetTypeId: 'deployment',
      name: 'Churn predictor · production',
      description: 'Real-time churn scoring behind the CRM.',
      daysAgo: 45,
      grants: [
        [olivia, 'OWNER'],
        [eddie, 'USER'],
        [connie, 'CONSUMER'],
        [rita, 'CONSUMER'],
        [group('dataScience'), 'CONSUMER'],
        // Reaches Rita at User, which her read-only ceiling caps: the why-access view shows it.
        [group('risk'), 'USER'],
      ],
      colleagues: 3,
    },
    {
      key: 'dataset',
      assetTypeId: 'dataset',
      name: 'Customer transactions 2024',
      description: 'Card and direct-debit transactions, one row per payment.',
      daysAgo: 150,
      grants: [
        [olivia, 'OWNER'],
        [eddie, 'EDITOR', { canShare: true }],
        [connie, 'CONSUMER', { canShare: false }],
        [nora, 'EDITOR', { canShare: false }],
        [group('dataScience'), 'CONSUMER', { canShare: false, canUseData: true }],
      ],
      linked: ['dataConnection'],
      colleagues: 8,
    },
    {
      key: 'dataConnection',
      assetTypeId: 'dataConnection',
      name: 'Snowflake · analytics warehouse',
      description: 'Read access to the ANALYTICS database.',
      daysAgo: 200,
      grants: [
        [olivia, 'OWNER'],
        [eddie, 'EDITOR', { canShare: true }],
        [connie, 'CONSUMER', { canShare: false }],
        [nora, 'EDITOR', { canShare: false }],
      ],
      colleagues: 3,
    },
    {
      key: 'project',
      assetTypeId: 'project',
      name: 'Churn model experiments',
      description: 'Autopilot runs on the churn training data.',
      daysAgo: 90,
      grants: [
        [olivia, 'OWNER'],
        [eddie, 'USER'],
        [connie, 'CONSUMER'],
        [ivan, 'CONSUMER'],
        [group('dataScience'), 'CONSUMER'],
      ],
      colleagues: 5,
    },
    {
      key: 'workload',
      assetTypeId: 'workload',
      name: 'Fraud scoring service',
      description: 'Batch and real-time fraud scores for card payments.',
      daysAgo: 30,
      grants: [
        [olivia, 'OWNER'],
        [eddie, 'USER'],
        [connie, 'CONSUMER'],
        [role('mlopsAdmin'), 'USER'],
        [group('risk'), 'CONSUMER'],
      ],
      colleagues: 3,
    },
    {
      key: 'governedModel',
      assetTypeId: 'governedModel',
      name: 'Credit risk model v3',
      description: 'Probability of default for retail loans, under model governance.',
      daysAgo: 20,
      grants: [
        [olivia, 'OWNER'],
        [eddie, 'WRITE'],
        [connie, 'READ'],
        [role('modelValidator'), 'READ'],
      ],
      linked: ['dataset', 'creditBureauExtract'],
      colleagues: 2,
    },
    {
      key: 'creditBureauExtract',
      assetTypeId: 'dataset',
      name: 'Credit bureau extract',
      description:
        'Licensed bureau data: Eddie may use it but not share it, so sharing the credit risk model with lineage shows rule R16.',
      daysAgo: 25,
      grants: [
        [olivia, 'OWNER'],
        [eddie, 'CONSUMER', { canShare: false }],
        [connie, 'CONSUMER', { canShare: false }],
      ],
    },
    {
      key: 'marketingMix',
      assetTypeId: 'project',
      name: 'Marketing mix experiments',
      description: 'A project Olivia has no access to: it does not exist for her.',
      daysAgo: 10,
      grants: [
        [amelie, 'OWNER'],
        [group('marketingAnalytics'), 'USER'],
      ],
    },
    {
      key: 'globexForecast',
      assetTypeId: 'dataset',
      name: 'Globex demand forecast',
      description: 'Globex’s own data: nobody at Acme sees it, and Gus sees nothing of Acme.',
      daysAgo: 15,
      grants: [
        [gus, 'OWNER'],
        [group('globexDataScience'), 'CONSUMER', { canShare: false }],
      ],
    },
  ];
}

function buildAsset(spec: AssetSpec, colleagues: readonly DirectoryUser[], random: Random): StoredAsset {
  const grants = spec.grants.map(([principal, role, flags]) =>
    seedGrant(spec.assetTypeId, principal, role, flags),
  );
  const config = assetTypes.get(spec.assetTypeId);
  if (!config) throw new Error(`Unknown asset type ${spec.assetTypeId}`);
  const taken = new Set(grants.map((grant) => grant.principalId));
  const eligible = colleagues.filter((colleague) => colleague.active && !taken.has(colleague.id));
  for (let added = 0; added < (spec.colleagues ?? 0) && eligible.length > 0; added++) {
    const [colleague] = eligible.splice(random.int(eligible.length), 1) as [DirectoryUser];
    const level = Math.min(random.chance(0.35) ? 2 : 1, colleague.rbacCeiling ?? 3);
    const role = config.roles.find((candidate) => candidate.level === level);
    if (!role) continue;
    const flags = config.options.allowSharing ? { canShare: level === 2 && random.chance(0.3) } : {};
    const useData = config.options.canUseData ? { canUseData: random.chance(0.85) } : {};
    grants.push(seedGrant(spec.assetTypeId, colleague, role.name, { ...flags, ...useData }));
  }
  return {
    id: demoAssetId(spec.key),
    name: spec.name,
    assetTypeId: spec.assetTypeId,
    description: spec.description,
    createdAt: isoDaysAgo(spec.daysAgo),
    grants,
    version: 1,
    linkedInputIds: (spec.linked ?? []).map(demoAssetId),
    externalShare: null,
  };
}

/** A database holding the seed of SPEC §7, the same on every run (`scale` only marks it; `addScaleData` fills it). */
export function createSeededDatabase(options: { scale?: boolean; epoch?: number } = {}): MockDatabase {
  const random = createRandom(SEED);
  const { directory, colleagues } = buildDirectory(random);
  const db = new MockDatabase(directory, options.scale ?? false, options.epoch ?? 1);
  for (const spec of demoAssetSpecs(directory)) {
    const asset = buildAsset(spec, colleagues, random);
    db.assets.set(asset.id, asset);
  }
  addSeedHistory(db, colleagues, SEED_DATE);
  db.accessRequests.push(seedAccessRequest(db));
  return db;
}

/** The id of the seed's pending access request: Connie asks for Editor on the dataset. */
export const seedAccessRequestId = objectIdFor('access-request:connie:dataset');

/** The seed's one pending access request (§12), and whom it notified: everyone who may grant Editor there. */
function seedAccessRequest(db: MockDatabase): StoredAccessRequest {
  const asset = db.assets.get(demoAssetId('dataset')) as StoredAsset;
  const request: StoredAccessRequest = {
    id: seedAccessRequestId,
    assetId: asset.id,
    requesterId: personaId('connie'),
    role: 'EDITOR',
    message: 'I need to fix the holdout partition before the quarterly retrain. Editor for a week would do.',
    status: 'pending',
    createdAt: isoDaysAgo(0),
    grantorIds: [],
  };
  request.grantorIds = grantorsOf(db, asset, request, db.clock.now());
  return request;
}
