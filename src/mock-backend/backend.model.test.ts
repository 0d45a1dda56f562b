/**
 * A model-based property test of the mock backend (SPEC §4, §5): fast-check generates sequences of requests from
 * every persona — Globex's included — against every demo asset: grants, role changes, revocations named with the
 * right and the wrong `shareRecipientType`, flags, lineage, foreign names and ids, stale and weak `If-Match`,
 * searches, reads, external links, bodies that are not JSON. After each request the answer and the whole state are
 * checked against invariants written here, from the SPEC, independently of `sharing/policy.ts`:
 *
 * - no grant a rule forbids ever exists, on any asset, linked inputs included (R2, R4, R11, R12, R9, R10);
 * - a save that was applied changed only what its actor may change (R1, R5–R8, R18, R16 on the inputs);
 * - every refused request, every preview and every read leaves the state, and so every ETag, as it was;
 * - no response to an actor of one organization ever holds an identifier or a name of the other, beyond what the
 *   request itself said.
 *
 * `npm test` runs it with a fixed seed and a bounded number of runs; on failure fast-check prints the seed and the
 * path of the shrunk counterexample. Replay or run longer with `BACKEND_MODEL_SEED=… BACKEND_MODEL_RUNS=…`.
 */
import fc from 'fast-check';
import { getResponse } from 'msw';
import { beforeAll, describe, expect, it } from 'vitest';
import { assetTypes } from '../sharing/asset-types.ts';
import type { AssetTypeConfig, Grant, Principal } from '../sharing/types.ts';
import { backend } from './backend.ts';
import type { DatabaseSnapshot, StoredAsset } from './db.ts';
import { handlers } from './handlers.ts';
import { type PersonaKey, personaIds, personaTokens } from './personas.ts';
import { objectIdFor } from './random.ts';
import { type DemoAssetKey, demoAssetId, demoAssetKeys, groupId, organizations, roleId } from './seed.ts';

const SEED = Number(process.env.BACKEND_MODEL_SEED ?? 20_250_611);
const RUNS = Number(process.env.BACKEND_MODEL_RUNS ?? 30);
const api = 'http://sharewell.test/api/v2';

// ---------------------------------------------------------------------------------------------------------------
// The world as the seed makes it (ids are stable across resets)

let seedSnapshot: DatabaseSnapshot;
const directory = () => backend.db.directory;
const principal = (id: string) => directory().byId(id) as Principal;

beforeAll(() => {
  backend.reset({ scale: false });
  seedSnapshot = structuredClone(backend.db.snapshot());
});

function restoreSeed(): void {
  backend.db.restore(structuredClone(seedSnapshot));
  backend.faults.clear();
  backend.latencyMs = 0;
}

const personas = Object.keys(personaIds) as PersonaKey[];
const configOf = (asset: StoredAsset) => assetTypes.get(asset.assetTypeId) as AssetTypeConfig;
const levelOf = (config: AssetTypeConfig, role: string) =>
  config.roles.find((known) => known.name === role)?.level ?? 0;

/** The organization an asset belongs to: its owners'. */
function orgOfAsset(asset: StoredAsset): string {
  const owner = asset.grants.find(
    (grant) => grant.principalType === 'user' && levelOf(configOf(asset), grant.role) === 3,
  );
  return principal(owner?.principalId ?? '')?.orgId ?? '';
}

/** SPEC §2: the most permissive grant reaching a user, capped by their ceiling; none for an inactive account. */
function standing(asset: StoredAsset, user: Principal) {
  const config = configOf(asset);
  const reaching = new Set([user.id, user.orgId, ...(user.groupIds ?? []), ...(user.roleIds ?? [])]);
  const paths = asset.grants.filter(
    (grant) => reaching.has(grant.principalId) && levelOf(config, grant.role) > 0,
  );
  const uncapped = Math.max(0, ...paths.map((grant) => levelOf(config, grant.role)));
  const level = user.active ? Math.min(uncapped, user.rbacCeiling ?? 3) : 0;
  const model = config.whoMayShare;
  const canShare =
    level > 0 &&
    (model.kind === 'anyCollaborator' ||
      (model.kind === 'canShareFlag' && paths.some((grant) => grant.canShare)) ||
      (model.kind === 'minimumLevel' && level >= model.level));
  const canUseData =
    level > 0 && (level === 3 || !config.options.canUseData || paths.some((grant) => grant.canUseData));
  return { level, canShare, canUseData };
}

/** SPEC §3, §4: who may create, revoke and read the external link of an application. */
const managesLink = (asset: StoredAsset, user: Principal) => {
  const own = standing(asset, user);
  return configOf(asset).options.externalLink && own.level >= 2 && own.canShare;
};

// ---------------------------------------------------------------------------------------------------------------
// What an organization must never read of the other

/** Identifiers and names of everything of an organization: its people, containers and assets. */
function tokensOf(orgId: string): Set<string> {
  const tokens = new Set<string>();
  for (const each of directory().all()) {
    if (each.orgId !== orgId) continue;
    tokens.add(each.id);
    tokens.add(each.name);
    tokens.add(each.displayName);
  }
  for (const asset of backend.db.assets.values()) {
    if (orgOfAsset(asset) !== orgId) continue;
    tokens.add(asset.id);
    tokens.add(asset.name);
  }
  return tokens;
}

let foreignTokens: Map<string, string[]>;

beforeAll(() => {
  const acme = tokensOf(organizations.acme.id);
  const globex = tokensOf(organizations.globex.id);
  // A name both organizations use (each has a "Data Science", people may share a name) identifies nobody.
  const only = (mine: Set<string>, theirs: Set<string>) => [...mine].filter((token) => !theirs.has(token));
  foreignTokens = new Map([
    [organizations.acme.id, only(globex, acme)],
    [organizations.globex.id, only(acme, globex)],
  ]);
});

/** Every identifier or name of the other organization in a response that the request did not itself say. */
function leaksIn(actor: Principal, said: string, text: string): string[] {
  const lowerText = text.toLowerCase();
  const lowerSaid = said.toLowerCase();
  return (foreignTokens.get(actor.orgId) ?? []).filter((token) => {
    const lower = token.toLowerCase();
    return lowerText.includes(lower) && !lowerSaid.includes(lower);
  });
}

// ---------------------------------------------------------------------------------------------------------------
// The state, and what may change in it

interface State {
  assets: Map<string, { grants: Grant[]; version: number; externalShare: string | null }>;
  events: number;
  read: number;
}

function stateNow(): State {
  return {
    assets: new Map(
      [...backend.db.assets.values()].map((asset) => [
        asset.id,
        {
          grants: asset.grants.map((grant) => ({ ...grant })),
          version: asset.version,
          externalShare: asset.externalShare?.url ?? null,
        },
      ]),
    ),
    events: backend.db.events.length,
    read: backend.db.readNotificationIds.size,
  };
}

/** What must hold of every asset's list after every step: no grant a rule forbids. */
function expectListsLawful(): void {
  // Checked by hand and reported once: hundreds of grants are judged after every step.
  const problems: string[] = [];
  for (const asset of backend.db.assets.values()) {
    const config = configOf(asset);
    const orgId = orgOfAsset(asset);
    const fail = (rule: string) => problems.push(`${rule}, ${asset.name}: ${JSON.stringify(asset.grants)}`);
    if (orgId === '') fail('no owner of its own organization');
    const seen = new Set<string>();
    for (const grant of asset.grants) {
      const holder = directory().byId(grant.principalId);
      const level = levelOf(config, grant.role);
      if (seen.has(grant.principalId)) fail('named twice');
      seen.add(grant.principalId);
      if (holder?.type !== grant.principalType) fail('no such principal, or of another type');
      if (holder?.orgId !== orgId) fail('R2 tenant isolation');
      if (!config.recipientTypes.includes(grant.principalType)) fail('R4');
      if (level === 0) fail('R11');
      if (!config.options.allowSharing && grant.canShare) fail('R12 canShare');
      if (level === 3 && !grant.canUseData) fail('an owner uses the data');
      if (!config.options.canUseData && level < 3 && grant.canUseData) fail('R12 canUseData');
    }
    const canAct = (grant: Grant, level: number) => {
      const holder = directory().byId(grant.principalId);
      return holder?.active === true && (holder.rbacCeiling ?? 3) >= level;
    };
    const userGrants = asset.grants.filter((grant) => grant.principalType === 'user');
    if (!userGrants.some((grant) => levelOf(config, grant.role) === 3 && canAct(grant, 3))) {
      fail('R9: no active user owner');
    }
    if (config.invariants.lastSharer && !userGrants.some((grant) => grant.canShare && canAct(grant, 1))) {
      fail('R10: no active user who can share');
    }
  }
  expect(problems).toEqual([]);
}

const asStored = (id: string, grants: Grant[]): StoredAsset =>
  ({ ...(backend.db.assets.get(id) as StoredAsset), grants }) as StoredAsset;

/** Whether an entry names a principal, by id or by name, with the principal's own type (SPEC §4, R3). */
function namesExactly(entry: Record<string, unknown>, named: Principal): boolean {
  if (entry.shareRecipientType !== named.type) return false;
  if (entry.id === named.id) return true;
  const name = (entry.username ?? entry.name) as string | undefined;
  return entry.id === undefined && name?.toLowerCase() === named.name.toLowerCase();
}

/** A save that was applied changed only what its actor may change (SPEC §4), on the asset and its linked inputs. */
function expectSaveLawful(
  before: State,
  after: State,
  actor: Principal,
  target: StoredAsset,
  lineage: boolean,
  entries: readonly Record<string, unknown>[],
) {
  for (const [id, now] of after.assets) {
    const then = before.assets.get(id);
    if (!then) throw new Error(`an asset appeared: ${id}`);
    const grantsBefore = new Map(then.grants.map((grant) => [grant.principalId, grant]));
    const grantsAfter = new Map(now.grants.map((grant) => [grant.principalId, grant]));
    const touched = [...new Set([...grantsBefore.keys(), ...grantsAfter.keys()])].filter(
      (principalId) =>
        JSON.stringify(grantsBefore.get(principalId)) !== JSON.stringify(grantsAfter.get(principalId)),
    );
    expect(now.externalShare, 'a save never touches the external link').toBe(then.externalShare);
    if (touched.length === 0) {
      expect(now.version, `${id}: version moved without a change`).toBe(then.version);
      continue;
    }
    expect(now.version, `${id}: changed without a new version`).toBeGreaterThan(then.version);
    const isTarget = id === target.id;
    if (!isTarget) {
      // Only lineage writes elsewhere, only to the target's linked inputs, and only adds (R16).
      expect(lineage && target.linkedInputIds.includes(id), `${id} changed by a save of ${target.name}`).toBe(
        true,
      );
    }
    const asset = asStored(id, then.grants);
    const config = configOf(asset);
    const own = standing(asset, actor);
    for (const principalId of touched) {
      const old = grantsBefore.get(principalId);
      const next = grantsAfter.get(principalId);
      const who = `${actor.name} on ${asset.name} → ${principalId}: ${JSON.stringify(old)} → ${JSON.stringify(next)}`;
      if (!isTarget) expect(old, `lineage only adds: ${who}`).toBeUndefined();
      if (isTarget) {
        const named = directory().byId(principalId);
        expect(
          named !== undefined && entries.some((entry) => namesExactly(entry, named)),
          `a change no entry asked for, or named with another type: ${who}`,
        ).toBe(true);
      }
      const selfRemoval = next === undefined && principalId === actor.id;
      if (selfRemoval) continue;
      expect(own.canShare, `R7: ${who}`).toBe(true);
      if (old) expect(levelOf(config, old.role), `R6: ${who}`).toBeLessThanOrEqual(own.level);
      if (!next) continue;
      const holder = principal(principalId);
      const level = levelOf(config, next.role);
      expect(level, `R5: ${who}`).toBeLessThanOrEqual(own.level);
      expect(holder.active, `R1: ${who}`).toBe(true);
      if (next.role !== old?.role) {
        expect(level, `R8: ${who}`).toBeLessThanOrEqual(holder.rbacCeiling ?? 3);
      }
      if (config.options.canUseData && level < 3 && next.canUseData && !old?.canUseData) {
        expect(own.canUseData, `R18: ${who}`).toBe(true);
      }
    }
  }
  expect(after.read).toBe(before.read);
}

const sameState = (a: State, b: State) =>
  a.events === b.events &&
  a.read === b.read &&
  JSON.stringify([...a.assets]) === JSON.stringify([...b.assets]);

function expectUnchanged(before: State, after: State, what: string): void {
  if (sameState(before, after)) return;
  // Only when they differ: a readable diff.
  expect(after.events, `${what}: a notification was sent`).toBe(before.events);
  expect(after.read, `${what}: a notification was marked`).toBe(before.read);
  expect([...after.assets], `${what}: the state changed`).toEqual([...before.assets]);
}

/** SPEC §4 precedence: an entry that breaks R5, R6, R7 or R18 is reported with those alone. */
const authorizationCodes = new Set([
  'ROLE_ABOVE_OWN_LEVEL',
  'TARGET_ABOVE_OWN_LEVEL',
  'SHARING_NOT_ALLOWED',
  'DATA_USE_NOT_HELD',
]);

function expectPrecedence(sent: Sent): void {
  if (sent.status < 400 && sent.status !== 200) return;
  const body = JSON.parse(sent.text) as { errors?: { index: number | null; code: string }[] };
  const byEntry = new Map<number, string[]>();
  for (const error of body.errors ?? []) {
    if (error.index === null) continue;
    byEntry.set(error.index, [...(byEntry.get(error.index) ?? []), error.code]);
  }
  for (const [index, codes] of byEntry) {
    if (codes.some((code) => authorizationCodes.has(code))) {
      expect(
        codes.every((code) => authorizationCodes.has(code)),
        `entry ${index}: ${codes.join(', ')}`,
      ).toBe(true);
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Requests

interface Sent {
  status: number;
  text: string;
  headers: Headers;
}

async function send(
  actor: PersonaKey,
  method: string,
  path: string,
  options: { body?: string; contentType?: string; ifMatch?: string } = {},
): Promise<Sent> {
  const headers: Record<string, string> = { Authorization: `Bearer ${personaTokens[actor]}` };
  if (options.contentType) headers['Content-Type'] = options.contentType;
  if (options.ifMatch !== undefined) headers['If-Match'] = options.ifMatch;
  const init: RequestInit = { method, headers };
  if (options.body !== undefined) init.body = options.body;
  const response = await getResponse(handlers, new Request(`${api}${path}`, init));
  if (!response) throw new Error(`no handler answered ${method} ${path}`);
  return { status: response.status, text: await response.text(), headers: response.headers };
}

const assetPath = (key: DemoAssetKey) => {
  const asset = backend.db.assets.get(demoAssetId(key)) as StoredAsset;
  return `/${configOf(asset).collection}/${asset.id}`;
};

/** How an entry names its recipient: by id, or by username/name, with its own type or another. */
interface Recipient {
  id: string;
  name: string;
  type: Principal['type'];
}

const acmeColleague = (index: number) => objectIdFor(`user:colleague:${index}`);
/** Whom entries name, per organization: people (capped, inactive, plain), groups, roles, the organization. */
const recipientIdsOf: Record<'acme' | 'globex', string[]> = {
  acme: [
    ...(['olivia', 'eddie', 'connie', 'nora', 'ivan', 'rita'] as const).map((key) => personaIds[key]),
    acmeColleague(0),
    acmeColleague(3),
    acmeColleague(17), // inactive (every 40th from the 17th)
    objectIdFor('user:named:1'),
    groupId('dataScience'),
    groupId('risk'),
    groupId('marketingAnalytics'),
    roleId('mlopsAdmin'),
    roleId('modelValidator'),
    organizations.acme.id,
  ],
  globex: [
    personaIds.gus,
    objectIdFor('user:globex:0'),
    objectIdFor('user:globex:3'),
    groupId('globexDataScience'),
    groupId('globexAnalytics'),
    organizations.globex.id,
  ],
};
const recipientIds = [...recipientIdsOf.acme, ...recipientIdsOf.globex];
const orgKeyOf = (persona: PersonaKey) => (persona === 'gus' ? 'globex' : 'acme');

/** Mostly recipients of the actor's own organization; sometimes the other's, or nobody at all. */
function recipientArbitrary(persona: PersonaKey): fc.Arbitrary<Recipient> {
  const own = recipientIdsOf[orgKeyOf(persona)];
  const other = recipientIdsOf[orgKeyOf(persona) === 'acme' ? 'globex' : 'acme'];
  const of = (id: string): Recipient => ({ id, name: principal(id).name, type: principal(id).type });
  return fc.oneof(
    { weight: 14, arbitrary: fc.constantFrom(...own).map(of) },
    { weight: 2, arbitrary: fc.constantFrom(...other).map(of) },
    {
      weight: 1,
      arbitrary: fc.constantFrom<Recipient>(
        { id: 'f'.repeat(24), name: 'nobody@acme.test', type: 'user' },
        { id: 'e'.repeat(24), name: 'Nobody’s group', type: 'group' },
      ),
    },
  );
}

const recipientTypes = ['user', 'group', 'organization', 'role'] as const;
const otherRoleNames = ['OWNER', 'EDITOR', 'USER', 'CONSUMER', 'WRITE', 'READ', 'ADMIN', ''];

/** A value one time in `every`, else null. */
function rarely<T>(arbitrary: fc.Arbitrary<T>, every: number): fc.Arbitrary<T | null> {
  return fc.oneof({ weight: every - 1, arbitrary: fc.constant(null) }, { weight: 1, arbitrary });
}

/** One entry of a save: mostly a role of the asset's own type, sometimes a revocation or another type's role. */
function entryArbitrary(persona: PersonaKey, config: AssetTypeConfig) {
  const ownRoles = config.roles.flatMap((role) => [role.name, role.name.toLowerCase()]);
  return fc
    .record({
      recipient: recipientArbitrary(persona),
      byId: fc.boolean(),
      otherType: rarely(fc.constantFrom(...recipientTypes), 10),
      role: fc.oneof(
        { weight: 8, arbitrary: fc.constantFrom(...ownRoles) },
        { weight: 3, arbitrary: fc.constantFrom<string | null>(null, 'NO_ROLE') },
        { weight: 1, arbitrary: fc.constantFrom(...otherRoleNames) },
      ),
      canShare: rarely(fc.boolean(), config.options.allowSharing ? 2 : 20),
      canUseData: rarely(fc.boolean(), config.options.canUseData ? 2 : 20),
    })
    .map(({ recipient, byId, otherType, role, canShare, canUseData }) => {
      const type = otherType ?? recipient.type;
      const entry: Record<string, unknown> = { shareRecipientType: type, role };
      if (byId) entry.id = recipient.id;
      else if (type === 'user') entry.username = recipient.name;
      else entry.name = recipient.name;
      if (canShare !== null) entry.canShare = canShare;
      if (canUseData !== null) entry.canUseData = canUseData;
      return entry;
    });
}

type IfMatch = 'none' | 'current' | 'stale' | 'weak';

interface SaveSpec {
  kind: 'save' | 'preview';
  actor: PersonaKey;
  asset: DemoAssetKey;
  entries: Record<string, unknown>[];
  lineage: boolean;
  ifMatch: IfMatch;
}

interface OtherSpec {
  kind:
    | 'search'
    | 'readAsset'
    | 'readList'
    | 'why'
    | 'assets'
    | 'outbox'
    | 'notifications'
    | 'link'
    | 'foreignBody';
  actor: PersonaKey;
  asset: DemoAssetKey;
  text: string;
  userId: string;
  method: 'GET' | 'POST' | 'DELETE';
}

type Spec = SaveSpec | OtherSpec;

const actorArbitrary = fc.oneof(
  // Mostly people who can share, so that saves go through and state builds up; everyone, Gus and Ivan included.
  { weight: 4, arbitrary: fc.constantFrom<PersonaKey>('olivia', 'eddie', 'gus') },
  { weight: 3, arbitrary: fc.constantFrom(...personas) },
);
const globexAssets: readonly DemoAssetKey[] = ['globexForecast'];
const acmeAssets = demoAssetKeys.filter((key) => !globexAssets.includes(key));

/** Mostly an asset of the actor's own organization, sometimes any. */
function assetArbitrary(persona: PersonaKey): fc.Arbitrary<DemoAssetKey> {
  const own = persona === 'gus' ? globexAssets : acmeAssets;
  return fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...own) },
    { weight: 1, arbitrary: fc.constantFrom(...demoAssetKeys) },
  );
}

const configOfKey = (key: DemoAssetKey) =>
  configOf(seedSnapshot.assets.find((asset) => asset.id === demoAssetId(key)) as StoredAsset);

const saveArbitrary: fc.Arbitrary<Spec> = actorArbitrary.chain((actor) =>
  assetArbitrary(actor).chain((asset) => {
    const config = configOfKey(asset);
    return fc.record({
      kind: fc.constantFrom<'save' | 'preview'>('save', 'save', 'save', 'preview'),
      actor: fc.constant(actor),
      asset: fc.constant(asset),
      entries: fc.oneof(
        { weight: 3, arbitrary: entryArbitrary(actor, config).map((entry) => [entry]) },
        { weight: 1, arbitrary: fc.array(entryArbitrary(actor, config), { minLength: 2, maxLength: 3 }) },
      ),
      // Mostly where the type has lineage; sometimes where it has none (R12).
      lineage: fc.oneof(
        { weight: config.options.shareWithLineage ? 4 : 1, arbitrary: fc.constant(true) },
        { weight: 6, arbitrary: fc.constant(false) },
      ),
      ifMatch: fc.oneof(
        { weight: 8, arbitrary: fc.constantFrom<IfMatch>('none', 'current') },
        { weight: 1, arbitrary: fc.constantFrom<IfMatch>('stale', 'weak') },
      ),
    });
  }),
);

/** Lineage shares (R16), whose side door is the one most worth trying: any recipient of the actor's organization. */
const lineageArbitrary: fc.Arbitrary<Spec> = fc
  .constantFrom<PersonaKey>('olivia', 'olivia', 'eddie', 'connie')
  .chain((actor) =>
    fc.constantFrom<DemoAssetKey>('governedModel', 'dataset').chain((asset) => {
      const config = configOfKey(asset);
      return fc.record({
        kind: fc.constant<'save'>('save'),
        actor: fc.constant(actor),
        asset: fc.constant(asset),
        entries: fc.array(
          fc
            .record({
              id: fc.constantFrom(...recipientIdsOf.acme),
              role: fc.constantFrom(...config.roles.map((role) => role.name)),
              canUseData: rarely(fc.boolean(), 3),
            })
            .map(({ id, role, canUseData }) => ({
              id,
              shareRecipientType: principal(id).type,
              role,
              ...(canUseData === null || !config.options.canUseData ? {} : { canUseData }),
            })),
          { minLength: 1, maxLength: 2 },
        ),
        lineage: fc.constant(true),
        ifMatch: fc.constant<IfMatch>('none'),
      });
    }),
  );

/**
 * An owner takes "Can use data" away from people who may share (and their group), so that someone without it may
 * try to pass it on (R18): the state every later save then starts from.
 */
const dataUseWithdrawals: readonly Spec[] = [
  {
    kind: 'save',
    actor: 'olivia',
    asset: 'dataset',
    entries: [
      { username: 'eddie@acme.test', shareRecipientType: 'user', role: 'EDITOR', canUseData: false },
      { name: 'Data Science', shareRecipientType: 'group', role: 'CONSUMER', canUseData: false },
    ],
    lineage: false,
    ifMatch: 'none',
  },
  {
    kind: 'save',
    actor: 'olivia',
    asset: 'creditBureauExtract',
    entries: [
      {
        username: 'eddie@acme.test',
        shareRecipientType: 'user',
        role: 'EDITOR',
        canShare: true,
        canUseData: false,
      },
    ],
    lineage: false,
    ifMatch: 'none',
  },
  {
    kind: 'save',
    actor: 'gus',
    asset: 'globexForecast',
    entries: [
      {
        id: objectIdFor('user:globex:0'),
        shareRecipientType: 'user',
        role: 'EDITOR',
        canShare: true,
        canUseData: false,
      },
    ],
    lineage: false,
    ifMatch: 'none',
  },
];
const withdrawDataUseArbitrary = fc.constantFrom(...dataUseWithdrawals);

/** The seed's grants to groups, roles and organizations, by asset: what a revocation of another type may aim at. */
const containerGrants: readonly [DemoAssetKey, string][] = [
  ['dataset', groupId('dataScience')],
  ['deployment', groupId('risk')],
  ['project', groupId('dataScience')],
  ['workload', roleId('mlopsAdmin')],
  ['workload', groupId('risk')],
  ['governedModel', roleId('modelValidator')],
  ['application', groupId('marketingAnalytics')],
  ['useCase', organizations.acme.id],
  ['globexForecast', groupId('globexDataScience')],
];

/**
 * Saves aimed at the side doors: a revocation that names a grant with another type (R3), an actor without data
 * use passing it on (R18), an owner taking someone off a linked input (so that a viewer of the model no longer
 * opens it).
 */
const sideDoorArbitrary: fc.Arbitrary<Spec> = fc.oneof(
  fc
    .record({
      target: fc.constantFrom(...containerGrants),
      type: fc.constantFrom(...recipientTypes),
      byName: fc.boolean(),
    })
    .filter(({ target, type }) => principal(target[1]).type !== type)
    .map(
      ({ target: [asset, id], type, byName }): Spec => ({
        kind: 'save',
        actor: asset === 'globexForecast' ? 'gus' : 'olivia',
        asset,
        entries: [
          byName
            ? { name: principal(id).name, shareRecipientType: type, role: null }
            : { id, shareRecipientType: type, role: null },
        ],
        lineage: false,
        ifMatch: 'none',
      }),
    ),
  fc
    .record({
      asset: fc.constantFrom<DemoAssetKey>('dataset', 'creditBureauExtract'),
      recipient: fc.constantFrom(
        acmeColleague(0),
        acmeColleague(3),
        objectIdFor('user:named:1'),
        personaIds.connie,
      ),
      role: fc.constantFrom('CONSUMER', 'EDITOR'),
    })
    .map(
      ({ asset, recipient, role }): Spec => ({
        kind: 'save',
        actor: 'eddie',
        asset,
        entries: [{ id: recipient, shareRecipientType: 'user', role, canUseData: true }],
        lineage: false,
        ifMatch: 'none',
      }),
    ),
  fc
    .record({
      asset: fc.constantFrom<DemoAssetKey>('dataset', 'creditBureauExtract'),
      who: fc.constantFrom<PersonaKey>('connie', 'eddie'),
    })
    .map(
      ({ asset, who }): Spec => ({
        kind: 'save',
        actor: 'olivia',
        asset,
        entries: [{ username: `${who}@acme.test`, shareRecipientType: 'user', role: null }],
        lineage: false,
        ifMatch: 'none',
      }),
    ),
);

/** Reads by people with less than the owner's view: the asset views, the model's inputs, the application's link. */
const viewerReadArbitrary: fc.Arbitrary<Spec> = fc.record({
  kind: fc.constantFrom<OtherSpec['kind']>('assets', 'readAsset', 'readAsset', 'link'),
  actor: fc.constantFrom<PersonaKey>('connie', 'eddie', 'nora', 'rita', 'gus'),
  asset: fc.constantFrom<DemoAssetKey>('application', 'governedModel', 'dataset'),
  text: fc.constant(''),
  userId: fc.constant(personaIds.olivia),
  method: fc.constant<'GET'>('GET'),
});

/** Someone who may manage the application's link makes one, for the viewers to (not) read. */
const makeLinkArbitrary: fc.Arbitrary<Spec> = fc.record({
  kind: fc.constant<OtherSpec['kind']>('link'),
  actor: fc.constantFrom<PersonaKey>('olivia', 'eddie'),
  asset: fc.constant<DemoAssetKey>('application'),
  text: fc.constant(''),
  userId: fc.constant(personaIds.olivia),
  method: fc.constantFrom<'POST' | 'DELETE'>('POST', 'POST', 'DELETE'),
});

const otherArbitrary: fc.Arbitrary<Spec> = actorArbitrary.chain((actor) =>
  fc.record({
    kind: fc.constantFrom<OtherSpec['kind']>(
      'search',
      'search',
      'why',
      'readAsset',
      'readList',
      'why',
      'assets',
      'outbox',
      'notifications',
      'link',
      'foreignBody',
    ),
    actor: fc.constant(actor),
    asset: assetArbitrary(actor),
    text: fc.constantFrom(
      'gus@globex.test',
      'olivia@acme.test',
      'data science',
      'globex',
      'acme',
      'gus',
      'olivia',
      'e',
      'risk',
      'mlops',
    ),
    userId: fc.constantFrom(...recipientIds),
    method: fc.constantFrom<'GET' | 'POST' | 'DELETE'>('GET', 'POST', 'DELETE'),
  }),
);

// ---------------------------------------------------------------------------------------------------------------
// One step: send, then judge the answer and the state

interface AssetView {
  id: string;
  linkedInputs?: { id: string }[];
  hiddenLinkedInputCount?: number;
  externalShareUrl?: string | null;
}

/** An asset as the actor reads it: inputs they cannot open only counted, the link only to those who manage it. */
function expectViewLawful(view: AssetView, actor: Principal): void {
  const asset = backend.db.assets.get(view.id) as StoredAsset;
  const opens = (id: string) => standing(backend.db.assets.get(id) as StoredAsset, actor).level > 0;
  expect(
    (view.linkedInputs ?? []).map((input) => input.id),
    'an input named to someone who cannot open it',
  ).toEqual(asset.linkedInputIds.filter(opens));
  expect(view.hiddenLinkedInputCount ?? 0).toBe(asset.linkedInputIds.filter((id) => !opens(id)).length);
  expect('externalShareUrl' in view, 'the link answered to someone who may not manage it').toBe(
    managesLink(asset, actor),
  );
}

/** The model is the state as it must be: unchanged by whatever was refused, read or previewed. */
interface Model {
  state: State;
}

async function step(model: Model, spec: Spec): Promise<void> {
  const actor = principal(personaIds[spec.actor]);
  const target = backend.db.assets.get(demoAssetId(spec.asset)) as StoredAsset;
  const path = assetPath(spec.asset);
  const before = stateNow();
  // The model is what the state must be: nothing else may have changed it since the last step.
  if (!sameState(before, model.state)) expect([...before.assets]).toEqual([...model.state.assets]);
  const etag = backend.db.etagOf(target);
  let sent: Sent;
  let said = path;
  let mayChange = false;

  if (spec.kind === 'save' || spec.kind === 'preview') {
    const body = JSON.stringify({
      operation: 'updateRoles',
      roles: spec.entries,
      applyGrantToLinkedObjects: spec.lineage,
      note: 'From the model test.',
    });
    said += body;
    const ifMatch = { none: undefined, current: etag, stale: '"0.0"', weak: `W/${etag}` }[spec.ifMatch];
    const rolesPath = `${path}/sharedRoles${spec.kind === 'preview' ? '/preview' : ''}`;
    sent = await send(spec.actor, spec.kind === 'save' ? 'PATCH' : 'POST', rolesPath, {
      body,
      contentType: 'application/json',
      ...(ifMatch === undefined ? {} : { ifMatch }),
    });
    if (spec.kind === 'preview' && sent.status === 200) expectPrecedence(sent);
    if (spec.ifMatch === 'stale' || spec.ifMatch === 'weak') {
      // R15, compared strongly: a weak tag never matches, so neither is ever applied.
      expect([401, 404, 412], sent.text).toContain(sent.status);
    }
    if (spec.kind === 'save' && sent.status === 204) {
      mayChange = true;
      expect(sent.headers.get('etag')).toBe(backend.db.etagOf(target));
      expectSaveLawful(
        before,
        stateNow(),
        actor,
        asStored(target.id, before.assets.get(target.id)?.grants ?? []),
        spec.lineage,
        spec.entries,
      );
    } else {
      expect([200, 401, 403, 404, 409, 412, 422], sent.text).toContain(sent.status);
      expectPrecedence(sent);
    }
  } else {
    switch (spec.kind) {
      case 'search': {
        said += spec.text;
        sent = await send(spec.actor, 'GET', `/principals?search=${encodeURIComponent(spec.text)}&limit=100`);
        if (sent.status === 200) {
          const page = JSON.parse(sent.text) as { data: { orgId: string }[] };
          for (const item of page.data)
            expect(item.orgId, 'search answered another organization').toBe(actor.orgId);
        }
        break;
      }
      case 'readAsset': {
        sent = await send(spec.actor, 'GET', path);
        if (sent.status === 200) expectViewLawful(JSON.parse(sent.text) as AssetView, actor);
        else expect(standing(target, actor).level).toBe(0);
        break;
      }
      case 'readList':
        sent = await send(spec.actor, 'GET', `${path}/sharedRoles?limit=1000`);
        expect(sent.status === 200).toBe(standing(target, actor).level > 0);
        break;
      case 'why': {
        said += spec.userId;
        sent = await send(spec.actor, 'GET', `${path}/access/${spec.userId}`);
        const subject = principal(spec.userId);
        if (subject.type !== 'user' || subject.orgId !== actor.orgId) expect(sent.status).not.toBe(200);
        break;
      }
      case 'assets': {
        sent = await send(spec.actor, 'GET', '/assets?limit=1000');
        if (sent.status !== 200) break;
        const views = (JSON.parse(sent.text) as { data: AssetView[] }).data;
        const visible = [...backend.db.assets.values()].filter((asset) => standing(asset, actor).level > 0);
        expect(views.map((view) => view.id).sort()).toEqual(visible.map((asset) => asset.id).sort());
        for (const view of views) expectViewLawful(view, actor);
        break;
      }
      case 'outbox': {
        sent = await send(spec.actor, 'GET', '/outbox?limit=1000');
        if (sent.status === 200) {
          const own = new Set(
            [...directory().all()].filter((each) => each.orgId === actor.orgId).map((each) => each.name),
          );
          for (const email of (JSON.parse(sent.text) as { data: { to: string }[] }).data) {
            expect(own.has(email.to), `the outbox showed an e-mail to ${email.to}`).toBe(true);
          }
        }
        break;
      }
      case 'notifications':
        sent = await send(spec.actor, 'GET', '/notifications');
        break;
      case 'link': {
        const application = backend.db.assets.get(demoAssetId('application')) as StoredAsset;
        const linkPath = `/customApplications/${application.id}/externalShare`;
        sent = await send(spec.actor, spec.method, linkPath);
        const manages = managesLink(application, actor);
        if (spec.method === 'GET' && sent.status === 200) {
          const link = JSON.parse(sent.text) as { url: string | null };
          if (!manages) expect(link.url, 'the link answered to someone who may not manage it').toBeNull();
        }
        if (spec.method !== 'GET' && sent.status < 300) {
          expect(manages, 'the link changed by someone who may not manage it').toBe(true);
          mayChange = true;
          const after = stateNow();
          for (const [id, then] of before.assets) {
            const now = after.assets.get(id);
            expect({ ...now, externalShare: null }).toEqual({ ...then, externalShare: null });
            if (id !== application.id) expect(now?.externalShare).toBe(then.externalShare);
          }
        }
        break;
      }
      case 'foreignBody': {
        // A form or text post, as a page on another site could send one: 415, whatever it says.
        const body = JSON.stringify({
          operation: 'updateRoles',
          roles: [{ id: actor.id, shareRecipientType: 'user', role: null }],
        });
        sent = await send(spec.actor, spec.method === 'GET' ? 'PATCH' : spec.method, `${path}/sharedRoles`, {
          body,
          contentType:
            spec.method === 'DELETE' ? 'application/x-www-form-urlencoded' : 'text/plain;charset=UTF-8',
        });
        expect(sent.status).toBe(415);
        break;
      }
    }
  }

  const leaks = leaksIn(actor, said, sent.text);
  expect(
    leaks,
    `${spec.actor} was answered another organization's ${leaks.join(', ')}: ${sent.text.slice(0, 400)}`,
  ).toEqual([]);
  const after = stateNow();
  if (!mayChange) expectUnchanged(before, after, `${spec.kind} by ${spec.actor} answered ${sent.status}`);
  expectListsLawful();
  model.state = after;
}

class RequestCommand implements fc.AsyncCommand<Model, object> {
  constructor(readonly spec: Spec) {}
  check(): boolean {
    return true;
  }
  async run(model: Model): Promise<void> {
    await step(model, this.spec);
  }
  toString(): string {
    return JSON.stringify(this.spec);
  }
}

const commands = [
  saveArbitrary,
  saveArbitrary,
  saveArbitrary,
  lineageArbitrary,
  withdrawDataUseArbitrary,
  sideDoorArbitrary,
  sideDoorArbitrary,
  makeLinkArbitrary,
  viewerReadArbitrary,
  viewerReadArbitrary,
  otherArbitrary,
  otherArbitrary,
].map((arbitrary) => arbitrary.map((spec) => new RequestCommand(spec)));

describe('the mock backend, driven by random request sequences from every persona', () => {
  it('never holds a forbidden grant, never changes on a refusal, never answers one organization the other', async () => {
    let cases = 0;
    await fc.assert(
      fc.asyncProperty(
        // Half of the runs start where the owners took data use away, so that R18 is tried from the first step.
        fc.boolean(),
        fc.commands(commands, { maxCommands: 24, size: '+1' }),
        async (withdrawn, sequence) => {
          cases += 1;
          restoreSeed();
          expectListsLawful();
          const model: Model = { state: stateNow() };
          if (withdrawn) for (const spec of dataUseWithdrawals) await step(model, spec);
          await fc.asyncModelRun(() => ({ model, real: {} }), sequence);
        },
      ),
      { seed: SEED, numRuns: RUNS },
    );
    expect(cases).toBeGreaterThanOrEqual(RUNS);
  }, 600_000);
});
