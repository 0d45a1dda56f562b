/**
 * A model-based property test of the mock backend (SPEC §4, §5, §9–§12): fast-check generates sequences of requests
 * from every persona — Globex's included — against every demo asset: grants, role changes, revocations named with
 * the right and the wrong `shareRecipientType`, flags, ends (valid, past, too far, malformed), lineage, foreign names
 * and ids, stale and weak `If-Match`, searches, reads, external links, bodies that are not JSON; access requests
 * asked for, declined and approved in a save (the right id, another asset's, a decided one, the other
 * organization's); history reads; and moves of the demo clock that end grants. After each request the answer and the
 * whole state are checked against invariants written here, from the SPEC, independently of `sharing/policy.ts`:
 *
 * - no grant a rule forbids ever exists, on any asset, linked inputs included (R2, R4, R11, R12, R19, R9, R10 — the
 *   last two counting only grants that never end, so that no clock move leaves a list without its owner or sharer);
 * - a save that was applied changed only what its actor may change (R1, R5–R8, R18, R19, R16 on the inputs), was
 *   recorded in the history, and approved only pending requests of its asset that the actor could grant and the save
 *   granted;
 * - a request is created, and declined, only as R20 and §12 say; moving the clock ends grants and brings none back;
 * - every refused request, every preview and every read leaves the state — lists, their ETags, the history, the
 *   requests — as it was, but for the grants that had ended by then (settled when first met);
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
import type { DatabaseSnapshot, StoredAccessRequest, StoredAsset } from './db.ts';
import { handlers } from './handlers.ts';
import { type PersonaKey, personaIds, personaTokens } from './personas.ts';
import { objectIdFor } from './random.ts';
import { type DemoAssetKey, demoAssetId, demoAssetKeys, groupId, organizations, roleId } from './seed.ts';

const SEED = Number(process.env.BACKEND_MODEL_SEED ?? 20_250_611);
const RUNS = Number(process.env.BACKEND_MODEL_RUNS ?? 60);
const api = 'http://sharewell.test/api/v2';
const DAY = 86_400_000;
/** What time it is for the backend: every instant the invariants judge at. */
const clockNow = () => backend.db.clock.now();

// ---------------------------------------------------------------------------------------------------------------
// The world as the seed makes it (ids are stable across resets)

let seedSnapshot: DatabaseSnapshot;
const directory = () => backend.db.directory;
const principal = (id: string) => directory().byId(id) as Principal;

/** A Globex colleague's pending request for Editor on Globex's dataset: Gus may answer it, nobody at Acme. */
const globexRequest = (): StoredAccessRequest => ({
  id: objectIdFor('access-request:model:globex'),
  assetId: demoAssetId('globexForecast'),
  requesterId: objectIdFor('user:globex:0'),
  role: 'EDITOR',
  message: 'For the Globex forecast review.',
  status: 'pending',
  createdAt: new Date(clockNow()).toISOString(),
  grantorIds: [personaIds.gus],
});

beforeAll(() => {
  backend.reset({ scale: false });
  backend.db.accessRequests.push(globexRequest());
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

/** SPEC §9: the instant a grant ends (NaN when unreadable: it grants nothing), or null when it never does. */
const endOf = (grant: Grant) => (grant.expiresAt === undefined ? null : Date.parse(grant.expiresAt));
/** SPEC §9: the grants in force at an instant; an ended one (or an unreadable end) grants nothing. */
const inForce = (grants: readonly Grant[], now: number) =>
  grants.filter((grant) => {
    const end = endOf(grant);
    return end === null || end > now;
  });

/** The organization an asset belongs to: its owners'. */
function orgOfAsset(asset: Pick<StoredAsset, 'grants' | 'assetTypeId'>): string {
  const owner = asset.grants.find(
    (grant) => grant.principalType === 'user' && levelOf(configOf(asset as StoredAsset), grant.role) === 3,
  );
  return principal(owner?.principalId ?? '')?.orgId ?? '';
}

/**
 * SPEC §2, §9: the most permissive grant in force at `now` reaching a user, capped by their ceiling; none for an
 * inactive account.
 */
function standing(asset: StoredAsset, user: Principal, now = clockNow()) {
  const config = configOf(asset);
  const reaching = new Set([user.id, user.orgId, ...(user.groupIds ?? []), ...(user.roleIds ?? [])]);
  const paths = inForce(asset.grants, now).filter(
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

/** The ids of the other organization's access requests and change sets, as they stand now. */
function foreignRecordIds(actor: Principal): string[] {
  const ids: string[] = [];
  for (const request of backend.db.accessRequests) {
    if (principal(request.requesterId)?.orgId !== actor.orgId) ids.push(request.id);
  }
  const foreignAssets = new Set(
    [...backend.db.assets.values()]
      .filter((asset) => orgOfAsset(asset) !== actor.orgId)
      .map((asset) => asset.id),
  );
  for (const changeSet of backend.db.changeSets)
    if (foreignAssets.has(changeSet.assetId)) ids.push(changeSet.id);
  return ids;
}

/** Every identifier or name of the other organization in a response that the request did not itself say. */
function leaksIn(actor: Principal, said: string, text: string): string[] {
  const lowerText = text.toLowerCase();
  const lowerSaid = said.toLowerCase();
  return [...(foreignTokens.get(actor.orgId) ?? []), ...foreignRecordIds(actor)].filter((token) => {
    const lower = token.toLowerCase();
    return lowerText.includes(lower) && !lowerSaid.includes(lower);
  });
}

// ---------------------------------------------------------------------------------------------------------------
// The state, and what may change in it

interface StoredList {
  grants: Grant[];
  version: number;
  externalShare: string | null;
}

interface State {
  /** When it was taken, on the backend's clock. */
  at: number;
  assets: Map<string, StoredList>;
  events: number;
  read: number;
  /** Every access request as stored. */
  requests: StoredAccessRequest[];
  /** Every recorded change set: its id, asset and cause, in the order recorded. */
  changeSets: { id: string; assetId: string; cause: string }[];
  clockOffset: number;
}

function stateNow(): State {
  return {
    at: clockNow(),
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
    requests: structuredClone(backend.db.accessRequests),
    changeSets: backend.db.changeSets.map(({ id, assetId, cause }) => ({ id, assetId, cause })),
    clockOffset: backend.db.clock.offsetMs,
  };
}

const asStored = (id: string, grants: Grant[]): StoredAsset =>
  ({ ...(backend.db.assets.get(id) as StoredAsset), grants }) as StoredAsset;

/** The level a request asks for on its asset (an unknown role: the highest, the hardest to grant). */
function requestedLevel(request: StoredAccessRequest): number {
  const config = configOf(backend.db.assets.get(request.assetId) as StoredAsset);
  return levelOf(config, request.role) || 3;
}

/**
 * SPEC §12: where a request stands in a state: a pending one whose requester holds its role by then is granted,
 * whether or not the backend has closed it yet.
 */
function requestStatusIn(state: State, request: StoredAccessRequest, now = state.at): string {
  if (request.status !== 'pending') return request.status;
  const list = state.assets.get(request.assetId);
  const requester = principal(request.requesterId);
  if (!list || !requester) return 'pending';
  return standing(asStored(request.assetId, list.grants), requester, now).level >= requestedLevel(request)
    ? 'granted'
    : 'pending';
}

/** The requests as they stand, with the status each has in the state (decided ones as decided). */
function requestsIn(state: State): unknown[] {
  return state.requests.map((request) => ({
    id: request.id,
    assetId: request.assetId,
    requesterId: request.requesterId,
    role: request.role,
    message: request.message,
    status: requestStatusIn(state, request),
    deciderId: request.status === 'pending' ? undefined : request.deciderId,
  }));
}

/** What must hold of every asset's list after every step: no grant a rule forbids. */
function expectListsLawful(now: number): void {
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
      if (grant.expiresAt !== undefined) {
        if (level === 3) fail("R19: an owner's grant ends");
        if (!config.options.expiry) fail('R12 expiry');
        if (
          Number.isNaN(endOf(grant)) ||
          new Date(endOf(grant) as number).toISOString() !== grant.expiresAt
        ) {
          fail('R19: an end not kept as one instant in UTC');
        }
      }
    }
    const canAct = (grant: Grant, level: number) => {
      const holder = directory().byId(grant.principalId);
      return holder?.active === true && (holder.rbacCeiling ?? 3) >= level;
    };
    // R9, R10 count grants that never end: a clock move must not leave a list without its owner or its sharer.
    const userGrants = asset.grants.filter(
      (grant) => grant.principalType === 'user' && endOf(grant) === null,
    );
    if (!userGrants.some((grant) => levelOf(config, grant.role) === 3 && canAct(grant, 3))) {
      fail('R9: no active user owner whose access never ends');
    }
    if (config.invariants.lastSharer && !userGrants.some((grant) => grant.canShare && canAct(grant, 1))) {
      fail('R10: no active user who can share and whose access never ends');
    }
  }
  for (const request of backend.db.accessRequests) {
    const asset = backend.db.assets.get(request.assetId);
    const requester = principal(request.requesterId);
    const where = `request ${request.id}`;
    if (!asset || !requester) {
      problems.push(`${where}: no such asset or requester`);
      continue;
    }
    // SPEC §4: a request, and whom it notified, stay within the asset's organization.
    if (requester.orgId !== orgOfAsset(asset)) problems.push(`${where}: a requester of another organization`);
    for (const grantor of request.grantorIds) {
      if (principal(grantor)?.orgId !== requester.orgId)
        problems.push(`${where}: notified another organization`);
    }
  }
  const pending = new Set<string>();
  for (const request of backend.db.accessRequests) {
    if (request.status !== 'pending') continue;
    const key = `${request.assetId}:${request.requesterId}`;
    if (pending.has(key)) problems.push(`R20: two pending requests of one person on one asset: ${key}`);
    pending.add(key);
  }
  expect(problems, `at ${new Date(now).toISOString()}`).toEqual([]);
}

/** Whether an entry names a principal, by id or by name, with the principal's own type (SPEC §4, R3). */
function namesExactly(entry: Record<string, unknown>, named: Principal): boolean {
  if (entry.shareRecipientType !== named.type) return false;
  if (entry.id === named.id) return true;
  const name = (entry.username ?? entry.name) as string | undefined;
  return entry.id === undefined && name?.toLowerCase() === named.name.toLowerCase();
}

/** Whether a list held grants that had ended by `now`: the first request to meet it settles them. */
const holdsEnded = (list: StoredList, now: number) => inForce(list.grants, now).length < list.grants.length;

/** The change sets recorded between two states. */
const recordedBetween = (before: State, after: State) => after.changeSets.slice(before.changeSets.length);

/**
 * What a request that changes nothing may still do: settle the grants that had ended by then (taking them off the
 * list, moving its version on once, recording each expiry). Everything else stays as it was.
 */
function expectOnlySettled(before: State, after: State, id: string, what: string): void {
  const then = before.assets.get(id) as StoredList;
  const now = after.assets.get(id) as StoredList;
  expect(inForce(now.grants, after.at), `${what}: the list changed`).toEqual(inForce(then.grants, after.at));
  expect(now.externalShare, `${what}: the link changed`).toBe(then.externalShare);
  if (JSON.stringify(now.grants) === JSON.stringify(then.grants)) {
    expect(now.version, `${what}: the version moved without a change`).toBe(then.version);
  } else {
    expect(holdsEnded(then, after.at), `${what}: grants that had not ended were taken off`).toBe(true);
    expect(now.version, `${what}: settled without one new version`).toBe(then.version + 1);
  }
}

/** A read, a preview or a refusal: nothing changed but the settling of grants that had ended. */
function expectUnchanged(before: State, after: State, what: string): void {
  expect(after.events, `${what}: a notification was sent`).toBe(before.events);
  expect(after.read, `${what}: a notification was marked`).toBe(before.read);
  expect(after.clockOffset, `${what}: the clock moved`).toBe(before.clockOffset);
  for (const id of before.assets.keys()) expectOnlySettled(before, after, id, what);
  expect(
    recordedBetween(before, after).filter((changeSet) => changeSet.cause !== 'expiry'),
    `${what}: recorded a change in the history`,
  ).toEqual([]);
  // Judged at one instant: a request closed as granted in between was granted before too.
  expect(requestsIn(after), `${what}: the access requests changed`).toEqual(
    requestsIn({ ...before, at: after.at }),
  );
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
  const now = after.at;
  const recorded = recordedBetween(before, after);
  for (const [id, next] of after.assets) {
    const then = before.assets.get(id);
    if (!then) throw new Error(`an asset appeared: ${id}`);
    // Judged on the grants in force: those that had ended were settled, not removed by the save.
    const grantsBefore = new Map(inForce(then.grants, now).map((grant) => [grant.principalId, grant]));
    const grantsAfter = new Map(inForce(next.grants, now).map((grant) => [grant.principalId, grant]));
    const touched = [...new Set([...grantsBefore.keys(), ...grantsAfter.keys()])].filter(
      (principalId) =>
        JSON.stringify(grantsBefore.get(principalId)) !== JSON.stringify(grantsAfter.get(principalId)),
    );
    expect(next.externalShare, 'a save never touches the external link').toBe(then.externalShare);
    if (touched.length === 0) {
      expectOnlySettled(before, after, id, `a save of ${target.name}`);
      continue;
    }
    expect(next.version, `${id}: changed without a new version`).toBeGreaterThan(then.version);
    const isTarget = id === target.id;
    // SPEC §10: recorded in the same step, as a save (or an approval) on the asset, lineage on its inputs.
    expect(
      recorded.some(
        (changeSet) =>
          changeSet.assetId === id &&
          (isTarget ? ['share', 'request'].includes(changeSet.cause) : changeSet.cause === 'lineage'),
      ),
      `${id}: changed without a change set`,
    ).toBe(true);
    if (!isTarget) {
      // Only lineage writes elsewhere, only to the target's linked inputs, and only adds (R16).
      expect(lineage && target.linkedInputIds.includes(id), `${id} changed by a save of ${target.name}`).toBe(
        true,
      );
    }
    const asset = asStored(id, then.grants);
    const config = configOf(asset);
    const own = standing(asset, actor, now);
    for (const principalId of touched) {
      const old = grantsBefore.get(principalId);
      const changed = grantsAfter.get(principalId);
      const who = `${actor.name} on ${asset.name} → ${principalId}: ${JSON.stringify(old)} → ${JSON.stringify(changed)}`;
      if (!isTarget) expect(old, `lineage only adds: ${who}`).toBeUndefined();
      if (isTarget) {
        const named = directory().byId(principalId);
        expect(
          named !== undefined && entries.some((entry) => namesExactly(entry, named)),
          `a change no entry asked for, or named with another type: ${who}`,
        ).toBe(true);
      }
      const selfRemoval = changed === undefined && principalId === actor.id;
      if (selfRemoval) continue;
      // Setting, moving or clearing an end is a change like any other (SPEC §9): R7 and R6 judge it too.
      expect(own.canShare, `R7: ${who}`).toBe(true);
      if (old) expect(levelOf(config, old.role), `R6: ${who}`).toBeLessThanOrEqual(own.level);
      if (!changed) continue;
      const holder = principal(principalId);
      const level = levelOf(config, changed.role);
      expect(level, `R5: ${who}`).toBeLessThanOrEqual(own.level);
      expect(holder.active, `R1: ${who}`).toBe(true);
      if (changed.role !== old?.role) {
        expect(level, `R8: ${who}`).toBeLessThanOrEqual(holder.rbacCeiling ?? 3);
      }
      if (config.options.canUseData && level < 3 && changed.canUseData && !old?.canUseData) {
        expect(own.canUseData, `R18: ${who}`).toBe(true);
      }
      const end = endOf(changed);
      if (end !== null && end !== (old ? endOf(old) : null)) {
        // R19, judged at the instant of the save (the clock runs on while it is judged).
        expect(end, `R19, an end in the past: ${who}`).toBeGreaterThan(before.at);
        expect(end, `R19, an end too far: ${who}`).toBeLessThanOrEqual(now + 365 * DAY);
      }
    }
  }
  expect(after.read).toBe(before.read);
}

/**
 * SPEC §12: a save approves only pending requests of its own asset that its actor could grant (R5, R7) and that it
 * grants; every other request stays where it stood.
 */
function expectApprovalsLawful(
  before: State,
  after: State,
  actor: Principal,
  target: StoredAsset,
  approved: readonly string[],
): void {
  const thenAsset = asStored(target.id, before.assets.get(target.id)?.grants ?? []);
  const nowAsset = asStored(target.id, after.assets.get(target.id)?.grants ?? []);
  const own = standing(thenAsset, actor, after.at);
  for (const id of approved) {
    const then = before.requests.find((request) => request.id === id);
    const now = after.requests.find((request) => request.id === id);
    const what = `approval of ${id} by ${actor.name} on ${target.name}`;
    expect(then?.assetId, `${what}: not a request of this asset`).toBe(target.id);
    expect(then && requestStatusIn(before, then, after.at), `${what}: not pending`).toBe('pending');
    if (!then) continue;
    const level = requestedLevel(then);
    expect(own.canShare && own.level >= level, `${what}: the actor could not grant it`).toBe(true);
    const requester = principal(then.requesterId);
    expect(standing(nowAsset, requester, after.at).level, `${what}: not granted`).toBeGreaterThanOrEqual(
      level,
    );
    expect(now?.status, what).toBe('approved');
    expect(now?.deciderId, what).toBe(actor.id);
  }
  for (const request of after.requests) {
    if (approved.includes(request.id)) continue;
    const then = before.requests.find((candidate) => candidate.id === request.id);
    expect(then, `a request appeared in a save: ${request.id}`).toBeDefined();
    if (!then) continue;
    const status = requestStatusIn(after, request);
    // A save may close as granted what it granted some other way; nothing else moves.
    if (status !== requestStatusIn(before, then, after.at)) {
      expect(status, `request ${request.id} moved in a save`).toBe('granted');
    }
  }
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

/**
 * An end as a generator states it: some days from the instant the request is sent (never a whole number of days,
 * so that no end ever falls within a moment of the clock, whose moves are whole days), or as sent.
 */
type EndSpec = { inDays: number } | string | null;

/** Ends worth trying: in the future (R19 allows up to 365 days), past, too far, unreadable, or cleared. */
const endArbitrary: fc.Arbitrary<EndSpec> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(0.5, 1.5, 2.5, 6.5, 29.5, 200.5).map((inDays) => ({ inDays })) },
  { weight: 2, arbitrary: fc.constantFrom(-0.5, -30.5, 366.5).map((inDays) => ({ inDays })) },
  { weight: 1, arbitrary: fc.constantFrom('next week', '2025-13-45T00:00:00Z', '') },
  { weight: 2, arbitrary: fc.constant(null) },
);

/** The entries as sent at `now`: each end stated in days becomes an instant (RFC 3339). */
function entriesAt(entries: readonly Record<string, unknown>[], now: number): Record<string, unknown>[] {
  return entries.map((entry) => {
    const end = entry.expiresAt as EndSpec | undefined;
    if (end === undefined || end === null || typeof end === 'string') return entry;
    return { ...entry, expiresAt: new Date(now + end.inDays * DAY).toISOString() };
  });
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
      end: rarely(
        endArbitrary.map((end) => ({ end })),
        3,
      ),
    })
    .map(({ recipient, byId, otherType, role, canShare, canUseData, end }) => {
      const type = otherType ?? recipient.type;
      const entry: Record<string, unknown> = { shareRecipientType: type, role };
      if (byId) entry.id = recipient.id;
      else if (type === 'user') entry.username = recipient.name;
      else entry.name = recipient.name;
      if (canShare !== null) entry.canShare = canShare;
      if (canUseData !== null) entry.canUseData = canUseData;
      if (end !== null) entry.expiresAt = end.end;
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

/** Which request a save approves: a pending one of its asset, another asset's, a decided one, or another org's. */
type ApprovalKind = 'pending' | 'anotherAsset' | 'decided' | 'foreign' | 'unknown';

/** A save that approves a request (§12), the request picked when it is sent, from the requests then. */
interface ApproveSpec {
  kind: 'approve';
  actor: PersonaKey;
  which: ApprovalKind;
  pick: number;
  /** Whether the save grants the requester the role asked for (else one level less). */
  grants: boolean;
  ifMatch: IfMatch;
}

/** An access request (§12, R20): a role of the asset's type (or none of its), with a message of some length. */
interface AskSpec {
  kind: 'ask';
  actor: PersonaKey;
  asset: DemoAssetKey;
  role: string;
  longMessage: boolean;
}

/** A decline of a request picked when it is sent, named through its own asset or another. */
interface DeclineSpec {
  kind: 'decline';
  actor: PersonaKey;
  pick: number;
  throughAnother: DemoAssetKey | null;
  longMessage: boolean;
}

/** A history read (§10), of everything or of one principal's changes. */
interface HistorySpec {
  kind: 'history';
  actor: PersonaKey;
  asset: DemoAssetKey;
  principalId: string | null;
}

/** A move of the demo clock (§9): whole days on or back, or back to real time. */
interface ClockSpec {
  kind: 'clock';
  actor: PersonaKey;
  days: number | 'realTime';
}

type Spec = SaveSpec | OtherSpec | ApproveSpec | AskSpec | DeclineSpec | HistorySpec | ClockSpec;

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
              end: rarely(
                endArbitrary.map((end) => ({ end })),
                3,
              ),
            })
            .map(({ id, role, canUseData, end }) => ({
              id,
              shareRecipientType: principal(id).type,
              role,
              ...(canUseData === null || !config.options.canUseData ? {} : { canUseData }),
              ...(end === null ? {} : { expiresAt: end.end }),
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

/** Saves that approve a request, mostly one its actor may answer: Olivia and Eddie answer most of Acme's. */
const approveArbitrary: fc.Arbitrary<Spec> = fc.record({
  kind: fc.constant<'approve'>('approve'),
  actor: fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom<PersonaKey>('olivia', 'eddie', 'gus') },
    { weight: 2, arbitrary: fc.constantFrom(...personas) },
  ),
  which: fc.oneof(
    { weight: 3, arbitrary: fc.constant<ApprovalKind>('pending') },
    { weight: 2, arbitrary: fc.constantFrom<ApprovalKind>('anotherAsset', 'decided', 'foreign', 'unknown') },
  ),
  pick: fc.nat(),
  grants: fc.oneof({ weight: 4, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
  ifMatch: fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom<IfMatch>('none', 'current') },
    { weight: 1, arbitrary: fc.constant<IfMatch>('stale') },
  ),
});

/** Access requests by every persona, mostly by those below owner, for a role of the asset's type. */
const askArbitrary: fc.Arbitrary<Spec> = fc
  .oneof(
    { weight: 3, arbitrary: fc.constantFrom<PersonaKey>('connie', 'nora', 'rita', 'eddie') },
    { weight: 1, arbitrary: fc.constantFrom(...personas) },
  )
  .chain((actor) =>
    assetArbitrary(actor).chain((asset) =>
      fc.record({
        kind: fc.constant<'ask'>('ask'),
        actor: fc.constant(actor),
        asset: fc.constant(asset),
        role: fc.oneof(
          { weight: 8, arbitrary: fc.constantFrom(...configOfKey(asset).roles.map((role) => role.name)) },
          { weight: 1, arbitrary: fc.constantFrom('ADMIN', 'editor', 'read') },
        ),
        longMessage: rarely(fc.constant(true), 10).map((long) => long === true),
      }),
    ),
  );

/**
 * Shares that end soon (SPEC §9), by people who may share, so that the clock moves after them end grants: each to a
 * colleague of their organization, below the owner level.
 */
const endingShareArbitrary: fc.Arbitrary<Spec> = fc
  .constantFrom<PersonaKey>('olivia', 'olivia', 'eddie', 'gus')
  .chain((actor) =>
    fc.constantFrom(...(actor === 'gus' ? globexAssets : acmeAssets)).chain((asset) => {
      const config = configOfKey(asset);
      return fc.record({
        kind: fc.constant<'save'>('save'),
        actor: fc.constant(actor),
        asset: fc.constant(asset),
        entries: fc
          .record({
            id: fc.constantFrom(...recipientIdsOf[orgKeyOf(actor)]),
            role: fc.constantFrom(...config.roles.filter((role) => role.level < 3).map((role) => role.name)),
            inDays: fc.constantFrom(0.5, 1.5, 2.5, 6.5),
          })
          .map(({ id, role, inDays }) => [
            { id, shareRecipientType: principal(id).type, role, expiresAt: { inDays } },
          ]),
        lineage: fc.boolean(),
        ifMatch: fc.constant<IfMatch>('none'),
      });
    }),
  );

/** Declines by every persona, of a request picked when sent, mostly through its own asset. */
const declineArbitrary: fc.Arbitrary<Spec> = fc.record({
  kind: fc.constant<'decline'>('decline'),
  actor: fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom<PersonaKey>('olivia', 'eddie', 'gus') },
    { weight: 2, arbitrary: fc.constantFrom(...personas) },
  ),
  pick: fc.nat(),
  throughAnother: rarely(fc.constantFrom(...demoAssetKeys), 5),
  longMessage: rarely(fc.constant(true), 10).map((long) => long === true),
});

/** History reads by every persona, of any asset, sometimes of one principal's changes (theirs or the other's). */
const historyArbitrary: fc.Arbitrary<Spec> = actorArbitrary.chain((actor) =>
  fc.record({
    kind: fc.constant<'history'>('history'),
    actor: fc.constant(actor),
    asset: assetArbitrary(actor),
    principalId: rarely(fc.constantFrom(...recipientIds), 3),
  }),
);

/** Moves of the demo clock: days on (mostly, so that ends arrive) or back, or back to real time. */
const clockArbitrary: fc.Arbitrary<Spec> = fc.record({
  kind: fc.constant<'clock'>('clock'),
  actor: fc.constantFrom(...personas),
  days: fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(1, 2, 3, 7, 30, 200) },
    { weight: 2, arbitrary: fc.constantFrom(-1, -7, -40) },
    { weight: 1, arbitrary: fc.constant<'realTime'>('realTime') },
  ),
});

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

/** The demo asset of an id. */
const assetKeyOf = new Map(demoAssetKeys.map((key) => [demoAssetId(key), key]));
const storedAsset = (key: DemoAssetKey) => backend.db.assets.get(demoAssetId(key)) as StoredAsset;

/** The demo assets of the actor's organization, as the lists stand. */
const ownAssetKeys = (actor: Principal) =>
  demoAssetKeys.filter((key) => orgOfAsset(storedAsset(key)) === actor.orgId);

/** A save as sent: a save's entries (ends stated in days), lineage and If-Match, and the requests it approves. */
type SaveToSend = SaveSpec & { approves: string[] };

/** The save an approval sends, its request picked from the requests as they stand. */
function approvalToSend(spec: ApproveSpec, state: State): SaveToSend {
  const actor = principal(personaIds[spec.actor]);
  const own = ownAssetKeys(actor);
  const ofOwn = (pick: number) => own[pick % own.length] ?? 'useCase';
  const statusOf = (request: StoredAccessRequest) => requestStatusIn(state, request);
  const requests = state.requests;
  const candidates = {
    pending: requests.filter((request) => statusOf(request) === 'pending'),
    anotherAsset: requests,
    decided: requests.filter((request) => statusOf(request) !== 'pending'),
    foreign: requests.filter((request) => principal(request.requesterId).orgId !== actor.orgId),
    unknown: [],
  }[spec.which];
  const request = candidates[spec.pick % Math.max(1, candidates.length)];
  let asset: DemoAssetKey;
  if (!request) asset = ofOwn(spec.pick);
  else if (spec.which === 'anotherAsset') {
    // The most likely to slip through: another asset whose type has a role of the same name.
    const others = own.filter((key) => demoAssetId(key) !== request.assetId);
    const alike = others.filter((key) =>
      configOf(storedAsset(key)).roles.some((role) => role.name === request.role),
    );
    const from = alike.length > 0 ? alike : others;
    asset = from[spec.pick % Math.max(1, from.length)] ?? ofOwn(spec.pick);
  } else if (spec.which === 'foreign') asset = ofOwn(spec.pick);
  else asset = assetKeyOf.get(request.assetId) ?? ofOwn(spec.pick);
  const config = configOf(storedAsset(asset));
  const wanted = request ? requestedLevel(request) : 1;
  const level = spec.grants ? wanted : Math.max(1, wanted - 1);
  const role = config.roles.find((candidate) => candidate.level === level)?.name ?? config.roles[0]?.name;
  const recipient =
    request?.requesterId ??
    (actor.orgId === organizations.acme.id ? acmeColleague(0) : objectIdFor('user:globex:3'));
  return {
    kind: 'save',
    actor: spec.actor,
    asset,
    entries: [{ id: recipient, shareRecipientType: 'user', role }],
    lineage: false,
    ifMatch: spec.ifMatch,
    approves: [request?.id ?? 'c'.repeat(24)],
  };
}

/** SPEC §4: the status of a refusal: the one its codes share, else 422. */
function statusOfCodes(codes: readonly [string, number][]): number {
  const statuses = new Set(codes.map(([, status]) => status));
  return statuses.size === 1 ? ([...statuses][0] as number) : 422;
}

/** The model is the state as it must be: unchanged by whatever was refused, read or previewed. */
interface Model {
  state: State;
}

/** What one step sent and what it may have changed, for the checks every step shares. */
interface Outcome {
  sent: Sent;
  said: string;
  /** Whether the step judged what changed itself (a save, a new request, a clock move…). */
  judged: boolean;
}

async function sendSave(save: SaveToSend, before: State): Promise<Outcome> {
  const actor = principal(personaIds[save.actor]);
  const target = storedAsset(save.asset);
  const path = assetPath(save.asset);
  const etag = backend.db.etagOf(target);
  const entries = entriesAt(save.entries, before.at);
  const body = JSON.stringify({
    operation: 'updateRoles',
    roles: entries,
    applyGrantToLinkedObjects: save.lineage,
    note: 'From the model test.',
    ...(save.approves.length > 0 ? { approvesRequests: save.approves } : {}),
  });
  const said = path + body;
  const ifMatch = { none: undefined, current: etag, stale: '"0.0"', weak: `W/${etag}` }[save.ifMatch];
  const rolesPath = `${path}/sharedRoles${save.kind === 'preview' ? '/preview' : ''}`;
  const sent = await send(save.actor, save.kind === 'save' ? 'PATCH' : 'POST', rolesPath, {
    body,
    contentType: 'application/json',
    ...(ifMatch === undefined ? {} : { ifMatch }),
  });
  if (save.kind === 'preview' && sent.status === 200) expectPrecedence(sent);
  if (save.ifMatch === 'stale' || save.ifMatch === 'weak') {
    // R15, compared strongly: a weak tag never matches, so neither is ever applied.
    expect([401, 404, 412], sent.text).toContain(sent.status);
  }
  if (save.kind === 'save' && sent.status === 204) {
    const after = stateNow();
    expect(sent.headers.get('etag')).toBe(backend.db.etagOf(target));
    const stored = asStored(target.id, before.assets.get(target.id)?.grants ?? []);
    expectSaveLawful(before, after, actor, stored, save.lineage, entries);
    expectApprovalsLawful(before, after, actor, stored, save.approves);
    return { sent, said, judged: true };
  }
  expect([200, 401, 403, 404, 409, 412, 422], sent.text).toContain(sent.status);
  expectPrecedence(sent);
  return { sent, said, judged: false };
}

/** R20: an access request is created only when nothing stops it, and answered with the status SPEC §4 gives. */
async function sendAsk(spec: AskSpec, before: State): Promise<Outcome> {
  const actor = principal(personaIds[spec.actor]);
  const target = storedAsset(spec.asset);
  const path = `${assetPath(spec.asset)}/accessRequests`;
  const body = JSON.stringify({
    role: spec.role,
    message: spec.longMessage ? 'x'.repeat(1001) : 'From the model test.',
  });
  const sent = await send(spec.actor, 'POST', path, { body, contentType: 'application/json' });
  const own = standing(target, actor, before.at);
  const config = configOf(target);
  const role = config.roles.find((candidate) => candidate.name === spec.role.toUpperCase());
  const refusals: [string, number][] = [];
  if (!role) refusals.push(['INVALID_ROLE', 422]);
  else if (role.level <= own.level) refusals.push(['REQUEST_NOT_NEEDED', 422]);
  else if (role.level > (actor.rbacCeiling ?? 3)) refusals.push(['ROLE_ABOVE_RECIPIENT_CEILING', 422]);
  if (spec.longMessage) refusals.push(['NOTE_TOO_LONG', 422]);
  const pending = before.requests.some(
    (request) =>
      request.assetId === target.id &&
      request.requesterId === actor.id &&
      requestStatusIn(before, request) === 'pending',
  );
  if (pending) refusals.push(['REQUEST_PENDING', 409]);
  const expected = !actor.active
    ? 401
    : own.level === 0
      ? 404
      : refusals.length > 0
        ? statusOfCodes(refusals)
        : 201;
  expect(sent.status, `${spec.actor} asks ${spec.role} on ${spec.asset}: ${sent.text}`).toBe(expected);
  if (expected !== 201) return { sent, said: path + body, judged: false };
  const after = stateNow();
  const created = after.requests.filter((request) => !before.requests.some((old) => old.id === request.id));
  expect(
    created.map(({ assetId, requesterId, role: asked, status }) => ({ assetId, requesterId, asked, status })),
  ).toEqual([{ assetId: target.id, requesterId: actor.id, asked: role?.name, status: 'pending' }]);
  expectUnchanged(before, { ...after, requests: before.requests }, 'a new access request');
  return { sent, said: path + body, judged: true };
}

/** §12: a request is declined by those who may grant its role, refused to its requester, unseen by anyone else. */
async function sendDecline(spec: DeclineSpec, before: State): Promise<Outcome> {
  const actor = principal(personaIds[spec.actor]);
  const request = before.requests[spec.pick % Math.max(1, before.requests.length)];
  const through = spec.throughAnother ?? (request ? assetKeyOf.get(request.assetId) : undefined) ?? 'dataset';
  const via = storedAsset(through);
  const requestId = request?.id ?? 'c'.repeat(24);
  const path = `${assetPath(through)}/accessRequests/${requestId}/decline`;
  const body = JSON.stringify({ message: spec.longMessage ? 'x'.repeat(1001) : 'Not this quarter.' });
  const sent = await send(spec.actor, 'POST', path, { body, contentType: 'application/json' });
  const own = standing(via, actor, before.at);
  let expected: number;
  if (!actor.active) expected = 401;
  else if (own.level === 0 || !request || request.assetId !== via.id) expected = 404;
  else if (own.canShare && own.level >= requestedLevel(request)) {
    const refusals: [string, number][] = [];
    if (requestStatusIn(before, request) !== 'pending') refusals.push(['REQUEST_NOT_PENDING', 422]);
    if (spec.longMessage) refusals.push(['NOTE_TOO_LONG', 422]);
    expected = refusals.length > 0 ? statusOfCodes(refusals) : 200;
  } else expected = request.requesterId === actor.id ? 403 : 404;
  expect(sent.status, `${spec.actor} declines ${requestId} through ${through}: ${sent.text}`).toBe(expected);
  if (expected !== 200 || !request) return { sent, said: path + body, judged: false };
  const after = stateNow();
  const declined = after.requests.find((candidate) => candidate.id === request.id);
  expect(declined).toMatchObject({ status: 'declined', deciderId: actor.id });
  expectUnchanged(
    before,
    {
      ...after,
      requests: after.requests.map((candidate) => (candidate.id === request.id ? request : candidate)),
    },
    'a decline',
  );
  return { sent, said: path + body, judged: true };
}

/** §10: the history answers those who may share, and only of this asset. */
async function sendHistoryRead(spec: HistorySpec, before: State): Promise<Outcome> {
  const actor = principal(personaIds[spec.actor]);
  const target = storedAsset(spec.asset);
  const filter = spec.principalId === null ? '' : `&principalId=${spec.principalId}`;
  const path = `${assetPath(spec.asset)}/sharedRoles/history?limit=1000${filter}`;
  const sent = await send(spec.actor, 'GET', path);
  const own = standing(target, actor, before.at);
  const expected = !actor.active ? 401 : own.level === 0 ? 404 : own.canShare ? 200 : 403;
  expect(sent.status, `${spec.actor} reads the history of ${spec.asset}: ${sent.text.slice(0, 200)}`).toBe(
    expected,
  );
  if (sent.status === 200) {
    const page = JSON.parse(sent.text) as {
      totalCount: number;
      data: { id: string; changes: { principal: { id: string } }[] }[];
    };
    const mine = backend.db.changeSets.filter(
      (changeSet) =>
        changeSet.assetId === target.id &&
        (spec.principalId === null ||
          changeSet.changes.some((change) => change.principal.id === spec.principalId)),
    );
    expect(page.totalCount).toBe(mine.length);
    expect(page.data.map((changeSet) => changeSet.id).sort()).toEqual(
      mine.map((changeSet) => changeSet.id).sort(),
    );
  }
  return { sent, said: path, judged: false };
}

/** §9: the clock moves; whatever had ended by then is taken off every list, and nothing that ended comes back. */
async function sendClockMove(spec: ClockSpec, before: State): Promise<Outcome> {
  const realTime = spec.days === 'realTime';
  const body = realTime ? undefined : JSON.stringify({ advanceDays: spec.days });
  const sent = await send(spec.actor, realTime ? 'DELETE' : 'POST', '/demo/clock', {
    ...(body === undefined ? {} : { body, contentType: 'application/json' }),
  });
  expect(sent.status, sent.text).toBe(realTime ? 204 : 200);
  const after = stateNow();
  expect(after.clockOffset).toBe(realTime ? 0 : before.clockOffset + (spec.days as number) * DAY);
  const settled = new Set<string>();
  for (const [id, then] of before.assets) {
    const now = after.assets.get(id) as StoredList;
    // Settled at the instant the clock showed before it moved: then, not later, nothing else.
    expect(now.grants, `the clock move on ${id}`).toEqual(inForce(then.grants, before.at));
    expect(now.externalShare).toBe(then.externalShare);
    if (holdsEnded(then, before.at)) settled.add(id);
    expect(now.version).toBe(then.version + (holdsEnded(then, before.at) ? 1 : 0));
  }
  for (const changeSet of recordedBetween(before, after)) {
    expect(changeSet.cause).toBe('expiry');
    expect(settled.has(changeSet.assetId)).toBe(true);
  }
  expect(after.requests).toEqual(before.requests);
  expect(after.events).toBe(before.events);
  return { sent, said: body ?? '', judged: true };
}

/** The reads, links and foreign bodies: each answer judged by what the actor may see. */
async function sendOther(spec: OtherSpec, before: State): Promise<Outcome> {
  const actor = principal(personaIds[spec.actor]);
  const target = storedAsset(spec.asset);
  const path = assetPath(spec.asset);
  let sent: Sent;
  let said = path;
  let judged = false;
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
    case 'readList': {
      sent = await send(spec.actor, 'GET', `${path}/sharedRoles?limit=1000`);
      expect(sent.status === 200).toBe(standing(target, actor).level > 0);
      if (sent.status !== 200) break;
      // SPEC §9: an ended grant is never listed, settled or not.
      const listed = (JSON.parse(sent.text) as { data: { expiresAt?: string | null }[] }).data;
      for (const entry of listed) {
        if (entry.expiresAt)
          expect(Date.parse(entry.expiresAt), 'an ended grant listed').toBeGreaterThan(before.at);
      }
      break;
    }
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
        judged = true;
        // Only the application's link changed: judged as a read once the link is put back as it was.
        const after = stateNow();
        const linkBefore = before.assets.get(application.id)?.externalShare ?? null;
        const assets = new Map(after.assets);
        assets.set(application.id, {
          ...(after.assets.get(application.id) as StoredList),
          externalShare: linkBefore,
        });
        expectUnchanged(before, { ...after, assets }, 'a link change');
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
  return { sent, said, judged };
}

function sendStep(spec: Spec, before: State): Promise<Outcome> {
  switch (spec.kind) {
    case 'save':
    case 'preview':
      return sendSave({ ...spec, approves: [] }, before);
    case 'approve':
      return sendSave(approvalToSend(spec, before), before);
    case 'ask':
      return sendAsk(spec, before);
    case 'decline':
      return sendDecline(spec, before);
    case 'history':
      return sendHistoryRead(spec, before);
    case 'clock':
      return sendClockMove(spec, before);
    default:
      return sendOther(spec, before);
  }
}

async function step(model: Model, spec: Spec): Promise<void> {
  const actor = principal(personaIds[spec.actor]);
  const before = stateNow();
  // The model is what the state must be: nothing else may have changed it since the last step.
  if (JSON.stringify([...before.assets]) !== JSON.stringify([...model.state.assets])) {
    expect([...before.assets]).toEqual([...model.state.assets]);
  }
  expect(before.requests).toEqual(model.state.requests);
  const outcome = await sendStep(spec, before);
  const { sent, said, judged } = outcome;
  const leaks = leaksIn(actor, said, sent.text);
  expect(
    leaks,
    `${spec.actor} was answered another organization's ${leaks.join(', ')}: ${sent.text.slice(0, 400)}`,
  ).toEqual([]);
  const after = stateNow();
  if (!judged) expectUnchanged(before, after, `${spec.kind} by ${spec.actor} answered ${sent.status}`);
  expectListsLawful(after.at);
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
  askArbitrary,
  askArbitrary,
  approveArbitrary,
  approveArbitrary,
  declineArbitrary,
  historyArbitrary,
  endingShareArbitrary,
  endingShareArbitrary,
  clockArbitrary,
  clockArbitrary,
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
          expectListsLawful(clockNow());
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
