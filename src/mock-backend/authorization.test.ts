/**
 * Each demo persona's view of each demo asset, and what they may change, checked with forged requests against the
 * API — not through the dialog, which the backend never trusts (SPEC §4, §7). Expectations are written from the
 * SPEC's persona table and rules, not computed by the policy module under test.
 */
import { describe, expect, it } from 'vitest';
import {
  accessRequestPageSchema,
  accessRequestSchema,
  assetPageSchema,
  assetSchema,
  errorBodySchema,
  externalShareSchema,
  principalPageSchema,
  sharedRolesPageSchema,
} from '../api/contract.ts';
import { historyPageSchema } from '../api/history-contract.ts';
import { assetTypes, findRole } from '../sharing/asset-types.ts';
import type { AssetTypeConfig, Grant, Principal } from '../sharing/types.ts';
import { mockBackend } from './control.ts';
import { type PersonaKey, personaDefinitions, personaIds } from './personas.ts';
import { type DemoAssetKey, demoAssetId, demoAssetKeys, groupId, seedAccessRequestId } from './seed.ts';
import { call, getJson, setupMockServer } from './test-support.ts';

setupMockServer();

type View = readonly [yourRole: string, canShare: boolean];
type ActingPersona = Exclude<PersonaKey, 'ivan'>;

/** SPEC §7: what each persona sees. Assets missing from a persona's row do not exist for them (404). */
const views: Record<ActingPersona, Partial<Record<DemoAssetKey, View>>> = {
  olivia: {
    useCase: ['OWNER', true],
    application: ['OWNER', true],
    deployment: ['OWNER', true],
    dataset: ['OWNER', true],
    dataConnection: ['OWNER', true],
    project: ['OWNER', true],
    workload: ['OWNER', true],
    governedModel: ['OWNER', true],
    creditBureauExtract: ['OWNER', true],
  },
  eddie: {
    useCase: ['EDITOR', true],
    application: ['EDITOR', true],
    deployment: ['USER', true],
    dataset: ['EDITOR', true],
    dataConnection: ['EDITOR', true],
    project: ['USER', true],
    workload: ['USER', true],
    governedModel: ['WRITE', true],
    // Licensed data: Eddie may use it, not share it.
    creditBureauExtract: ['CONSUMER', false],
  },
  connie: {
    useCase: ['CONSUMER', true],
    application: ['CONSUMER', true],
    deployment: ['CONSUMER', true],
    dataset: ['CONSUMER', false],
    dataConnection: ['CONSUMER', false],
    project: ['CONSUMER', true],
    workload: ['CONSUMER', true],
    // Governed models: READ never shares.
    governedModel: ['READ', false],
    creditBureauExtract: ['CONSUMER', false],
  },
  nora: {
    useCase: ['CONSUMER', true], // via the organization
    deployment: ['CONSUMER', true], // via Data Science
    dataset: ['EDITOR', false],
    dataConnection: ['EDITOR', false],
    project: ['CONSUMER', true], // via Data Science
  },
  rita: {
    useCase: ['CONSUMER', true], // via the organization
    deployment: ['CONSUMER', true], // Risk grants User; her read-only ceiling caps it
    workload: ['CONSUMER', true], // via Risk
  },
  // Globex's own dataset; nothing of Acme.
  gus: { globexForecast: ['OWNER', true] },
};

const actingPersonas = Object.keys(views) as ActingPersona[];
/** Every persona with every demo asset: the cells of the tables below. */
const cells = actingPersonas.flatMap((persona) => demoAssetKeys.map((key) => [persona, key] as const));
/** RBAC ceilings of the personas (SPEC §7); the others have none. */
const ceilings: Partial<Record<PersonaKey, number>> = { rita: 1 };
const personaById = new Map(Object.entries(personaIds).map(([key, id]) => [id, key as PersonaKey]));

interface DemoAsset {
  key: DemoAssetKey;
  id: string;
  config: AssetTypeConfig;
  path: string;
}

function demoAsset(key: DemoAssetKey): DemoAsset {
  const stored = mockBackend.db.assets.get(demoAssetId(key));
  const config = stored && assetTypes.get(stored.assetTypeId);
  if (!stored || !config) throw new Error(`No demo asset ${key}`);
  return { key, id: stored.id, config, path: `/${config.collection}/${stored.id}` };
}

/** The seeded access list of an asset (fixture data, read before any test changes it). */
function seededGrants(key: DemoAssetKey): readonly Grant[] {
  return (mockBackend.db.assets.get(demoAssetId(key))?.grants ?? []).map((grant) => ({ ...grant }));
}

function levelOf(config: AssetTypeConfig, role: string): number {
  return findRole(config, role)?.level ?? 0;
}

/** The persona who owns a demo asset: Gus his Globex dataset, Olivia every other. */
function ownerOf(key: DemoAssetKey): PersonaKey {
  return key === 'globexForecast' ? 'gus' : 'olivia';
}

/** An active colleague of the asset's organization, with no ceiling and no direct grant on it: a fresh recipient. */
function freshColleague(key: DemoAssetKey): Principal {
  const onList = new Set(seededGrants(key).map((grant) => grant.principalId));
  const orgId = mockBackend.db.user(personaIds[ownerOf(key)])?.orgId;
  for (const principal of mockBackend.db.directory.all()) {
    if (principal.type !== 'user' || !principal.active || principal.orgId !== orgId) continue;
    if (principal.rbacCeiling !== undefined || onList.has(principal.id) || personaById.has(principal.id))
      continue;
    return principal;
  }
  throw new Error('No fresh colleague in the seed');
}

const statusOfCode: Record<string, number> = {
  SHARING_NOT_ALLOWED: 403,
  ROLE_ABOVE_OWN_LEVEL: 403,
  TARGET_ABOVE_OWN_LEVEL: 403,
  ROLE_ABOVE_RECIPIENT_CEILING: 422,
  RECIPIENT_INACTIVE: 422,
  LAST_OWNER: 409,
  LAST_SHARER: 409,
  INVALID_EXPIRY: 422,
  REQUEST_NOT_PENDING: 422,
};

/**
 * SPEC §4 precedence: an entry that breaks an authorization rule (R5, R6, R7, R18) is answered with those alone;
 * only an entry the actor may make at all is judged by the other rules and by the resulting list (R9, R10).
 */
function verdict(authorization: readonly string[], others: readonly string[]): string[] {
  return authorization.length > 0 ? [...authorization] : [...others];
}

/**
 * Sends one forged PATCH and checks the answer: 204, or exactly the expected rule codes with SPEC §4's status.
 * `extra` joins the body (`approvesRequests`).
 */
async function expectVerdict(
  as: PersonaKey,
  asset: DemoAsset,
  entry: Record<string, unknown>,
  expectedCodes: readonly string[],
  extra: Record<string, unknown> = {},
): Promise<Response> {
  const response = await call(as, 'PATCH', `${asset.path}/sharedRoles`, {
    body: { operation: 'updateRoles', roles: [entry], ...extra },
  });
  const codes = [...new Set(expectedCodes)].sort();
  if (codes.length === 0) {
    expect(response.status, await response.clone().text()).toBe(204);
    return response;
  }
  const statuses = new Set(codes.map((code) => statusOfCode[code]));
  expect(response.status).toBe(statuses.size === 1 ? [...statuses][0] : 422);
  // Read from a copy: the caller may read the answer too.
  const body = errorBodySchema.parse(await response.clone().json());
  expect(body.code).toBe(codes.length === 1 ? codes[0] : 'VALIDATION_FAILED');
  expect([...new Set((body.errors ?? []).map((error) => error.code))].sort()).toEqual(codes);
  return response;
}

/** The grant of a principal on an asset, as its owner reads the list. */
async function grantOf(asset: DemoAsset, principalId: string) {
  const page = sharedRolesPageSchema.parse(
    await getJson(ownerOf(asset.key), `${asset.path}/sharedRoles?limit=1000`),
  );
  return page.data.find((entry) => entry.id === principalId);
}

// ---------------------------------------------------------------------------------------------------------------

describe('what each persona can see', () => {
  it.each(actingPersonas)(
    '%s lists exactly the demo assets of SPEC §7, with their role and canShare',
    async (persona) => {
      const page = assetPageSchema.parse(await getJson(persona, '/assets?limit=1000'));
      const seen = Object.fromEntries(
        page.data
          .filter((asset) => demoAssetKeys.some((key) => demoAssetId(key) === asset.id))
          .map((asset) => [
            demoAssetKeys.find((key) => demoAssetId(key) === asset.id),
            [asset.yourRole, asset.canShare],
          ]),
      );
      expect(seen).toEqual(views[persona]);
    },
  );

  it.each(cells)(
    '%s on %s: the asset, its access list and why-access answer as SPEC says',
    async (persona, key) => {
      const asset = demoAsset(key);
      const view = views[persona][key];
      const single = await call(persona, 'GET', asset.path);
      const list = await call(persona, 'GET', `${asset.path}/sharedRoles`);
      const why = await call(persona, 'GET', `${asset.path}/access/${personaIds[persona]}`);
      if (!view) {
        // Never 403: an asset the actor cannot see does not exist for them.
        for (const response of [single, list, why]) {
          expect(response.status).toBe(404);
          expect(errorBodySchema.parse(await response.json()).code).toBe('NOT_FOUND');
        }
        return;
      }
      expect(single.status).toBe(200);
      expect(assetSchema.parse(await single.json())).toMatchObject({ yourRole: view[0], canShare: view[1] });
      expect(list.status).toBe(200);
      expect(list.headers.get('etag')).toBeTruthy();
      expect(why.status).toBe(200);
    },
  );

  it('Gus, of another organization, sees nothing of Acme, and cannot change it by forging a request', async () => {
    const seen = assetPageSchema.parse(await getJson('gus', '/assets'));
    expect(seen.data.map((asset) => asset.id)).toEqual([demoAssetId('globexForecast')]);
    const asset = demoAsset('dataset');
    const response = await call('gus', 'PATCH', `${asset.path}/sharedRoles`, {
      body: {
        operation: 'updateRoles',
        roles: [{ username: 'gus@globex.test', shareRecipientType: 'user', role: 'OWNER' }],
      },
    });
    expect(response.status).toBe(404);
    const preview = await call('gus', 'POST', `${asset.path}/sharedRoles/preview`, {
      body: {
        operation: 'updateRoles',
        roles: [{ username: 'gus@globex.test', shareRecipientType: 'user', role: 'OWNER' }],
      },
    });
    expect(preview.status).toBe(404);
    expect(await grantOf(asset, personaIds.gus)).toBeUndefined();
  });

  it.each([
    ['GET', '/account'],
    ['GET', '/assets'],
    ['GET', '/principals?search=ol'],
    ['GET', '/notifications'],
    ['GET', `/datasets/${demoAssetId('dataset')}/sharedRoles`],
    ['PATCH', `/datasets/${demoAssetId('dataset')}/sharedRoles`],
    ['POST', `/projects/${demoAssetId('project')}/sharedRoles/preview`],
  ])('Ivan, whose account is inactive, is answered 401 on %s %s', async (method, path) => {
    const body = method === 'GET' ? {} : { body: { operation: 'updateRoles', roles: [] } };
    const response = await call('ivan', method, path, body);
    expect(response.status).toBe(401);
    expect(errorBodySchema.parse(await response.json()).code).toBe('UNAUTHORIZED');
  });
});

// ---------------------------------------------------------------------------------------------------------------

/** A persona of the other organization (SPEC §7: Gus is Globex's, everyone else Acme's). */
const someoneElsewhere = (persona: PersonaKey): PersonaKey => (persona === 'gus' ? 'olivia' : 'gus');
/** SPEC §4: who may create, revoke and read the external link — read-write or more, and allowed to share. */
const managesLink = (view: View | undefined) => view !== undefined && view[0] !== 'CONSUMER' && view[1];

describe('every endpoint, for every persona of both organizations', () => {
  it.each(actingPersonas)(
    '%s: account, search, notifications and outbox answer of their own organization only',
    async (persona) => {
      const account = await call(persona, 'GET', '/account');
      expect(account.status).toBe(200);
      const other = someoneElsewhere(persona);
      const foreignAddress = personaDefinitions.find((definition) => definition.key === other)
        ?.email as string;
      for (const search of ['a', 'e', 'data science', foreignAddress]) {
        const page = principalPageSchema.parse(
          await getJson(persona, `/principals?search=${encodeURIComponent(search)}&limit=100`),
        );
        const orgs = new Set(page.data.map((item) => item.orgId));
        expect(
          [...orgs].every((orgId) => orgId === mockBackend.db.user(personaIds[persona])?.orgId),
          search,
        ).toBe(true);
      }
      expect(
        principalPageSchema.parse(
          await getJson(persona, `/principals?search=${encodeURIComponent(foreignAddress)}`),
        ).data,
      ).toEqual([]);
      expect((await call(persona, 'GET', '/notifications')).status).toBe(200);
      const outbox = await call(persona, 'GET', '/outbox?limit=1000');
      expect(outbox.status).toBe(200);
    },
  );

  it('resolves group and organization names within the actor’s organization: each has its own “Data Science”', async () => {
    const byName = (name: string, type = 'group') => ({
      operation: 'updateRoles',
      roles: [{ name, shareRecipientType: type, role: 'CONSUMER' }],
    });
    const project = demoAsset('project');
    const acme = await call('olivia', 'PATCH', `${project.path}/sharedRoles`, {
      body: byName('Data Science'),
    });
    expect(acme.status).toBe(204);
    const forecast = demoAsset('globexForecast');
    const globex = await call('gus', 'PATCH', `${forecast.path}/sharedRoles`, {
      body: byName('Data Science'),
    });
    expect(globex.status).toBe(204);
    const acmeList = sharedRolesPageSchema.parse(await getJson('olivia', `${project.path}/sharedRoles`));
    const globexList = sharedRolesPageSchema.parse(await getJson('gus', `${forecast.path}/sharedRoles`));
    expect(acmeList.data.filter((entry) => entry.name === 'Data Science').map((entry) => entry.id)).toEqual([
      groupId('dataScience'),
    ]);
    expect(globexList.data.filter((entry) => entry.name === 'Data Science').map((entry) => entry.id)).toEqual(
      [groupId('globexDataScience')],
    );
    // Another organization's names are no one's: not found, repeating only what the request said.
    for (const [name, type] of [
      ['Risk', 'group'],
      ['Acme Analytics', 'organization'],
    ] as const) {
      const response = await call('gus', 'PATCH', `${forecast.path}/sharedRoles`, {
        body: byName(name, type),
      });
      expect(response.status).toBe(422);
      expect(errorBodySchema.parse(await response.json()).errors?.map((error) => error.code)).toEqual([
        'RECIPIENT_NOT_FOUND',
      ]);
    }
  });

  it.each(actingPersonas)(
    '%s: why-access for a user of the other organization is 404 on every asset',
    async (persona) => {
      const other = personaIds[someoneElsewhere(persona)];
      for (const key of demoAssetKeys) {
        const response = await call(persona, 'GET', `${demoAsset(key).path}/access/${other}`);
        expect(response.status, key).toBe(404);
      }
    },
  );

  it.each(cells)(
    '%s on %s: preview answers like the asset (200 or 404), and changes nothing',
    async (persona, key) => {
      const asset = demoAsset(key);
      const before = seededGrants(key);
      const response = await call(persona, 'POST', `${asset.path}/sharedRoles/preview`, {
        body: {
          operation: 'updateRoles',
          roles: [{ id: freshColleague(key).id, shareRecipientType: 'user', role: asset.config.defaultRole }],
        },
      });
      expect(response.status).toBe(views[persona][key] ? 200 : 404);
      expect(mockBackend.db.assets.get(asset.id)?.grants).toEqual(before);
    },
  );

  it.each(actingPersonas)(
    '%s: the external link is read, created and revoked only as SPEC §4 says',
    async (persona) => {
      const view = views[persona].application;
      const path = `/customApplications/${demoAssetId('application')}/externalShare`;
      const create = await call(persona, 'POST', path);
      expect(create.status).toBe(!view ? 404 : managesLink(view) ? 201 : 403);
      // Whoever made it or not, the owner makes sure there is one, to see who may read its address.
      const url = externalShareSchema.parse(await (await call('olivia', 'POST', path)).json()).url as string;
      const read = await call(persona, 'GET', path);
      expect(read.status).toBe(view ? 200 : 404);
      const text = await read.text();
      expect(text.includes(url), 'the address answered').toBe(managesLink(view));
      const asset = await call(persona, 'GET', `/customApplications/${demoAssetId('application')}`);
      expect((await asset.text()).includes(url)).toBe(managesLink(view));
      const revoke = await call(persona, 'DELETE', path);
      expect(revoke.status).toBe(!view ? 404 : managesLink(view) ? 204 : 403);
    },
  );

  it.each(actingPersonas)('%s: cannot mark another persona’s notification read', async (persona) => {
    // Olivia shares with Eddie (Acme) and Gus with his own group (Globex): each has a notification of their own.
    await call('olivia', 'PATCH', `${demoAsset('project').path}/sharedRoles`, {
      body: {
        operation: 'updateRoles',
        roles: [{ username: 'eddie@acme.test', shareRecipientType: 'user', role: 'CONSUMER' }],
      },
    });
    const notifications = await getJson<{ data: { id: string }[] }>('eddie', '/notifications');
    const eddies = notifications.data[0]?.id as string;
    expect(eddies).toBeTruthy();
    const response = await call(persona, 'POST', `/notifications/${eddies}/read`);
    expect(response.status).toBe(persona === 'eddie' ? 200 : 404);
  });

  const removeConnie = {
    operation: 'updateRoles',
    roles: [{ username: 'connie@acme.test', shareRecipientType: 'user', role: null }],
  };
  const datasetPath = `/datasets/${demoAssetId('dataset')}`;
  // Each with a body that, sent as JSON, would change something.
  const writes = [
    ['PATCH', `${datasetPath}/sharedRoles`, removeConnie],
    ['PATCH', `${datasetPath}/sharedRoles`, { ...removeConnie, approvesRequests: [seedAccessRequestId] }],
    ['POST', `${datasetPath}/sharedRoles/preview`, removeConnie],
    ['POST', `/customApplications/${demoAssetId('application')}/externalShare`, {}],
    ['POST', `/projects/${demoAssetId('project')}/accessRequests`, { role: 'OWNER', message: 'Please.' }],
    ['POST', `${datasetPath}/accessRequests/${seedAccessRequestId}/decline`, { message: 'No.' }],
    ['POST', '/demo/reset', {}],
    ['POST', '/demo/faults', { path: '/account', status: 500 }],
    ['POST', '/demo/clock', { advanceDays: 400 }],
    ['DELETE', '/demo/clock', {}],
  ] as const;
  it.each(
    actingPersonas.flatMap((persona) =>
      writes.map(([method, path, body]) => [persona, method, path, body] as const),
    ),
  )('%s: %s %s with a text/plain body is 415 and changes nothing', async (persona, method, path, body) => {
    // The clock moved first, so that DELETE /demo/clock would have something to undo.
    await call(null, 'POST', '/demo/clock', { body: { advanceDays: 2 } });
    const before = seededGrants('dataset');
    const requests = structuredClone(mockBackend.db.accessRequests);
    const offset = mockBackend.db.clock.offsetMs;
    const response = await call(persona, method, path, {
      headers: { 'Content-Type': 'text/plain' },
      rawBody: JSON.stringify(body),
    });
    expect(response.status).toBe(415);
    expect(errorBodySchema.parse(await response.json()).code).toBe('UNSUPPORTED_MEDIA_TYPE');
    expect(mockBackend.db.assets.get(demoAssetId('dataset'))?.grants).toEqual(before);
    expect(mockBackend.db.assets.get(demoAssetId('application'))?.externalShare).toBeNull();
    expect(mockBackend.db.accessRequests).toEqual(requests);
    expect(mockBackend.db.clock.offsetMs).toBe(offset);
    expect(mockBackend.faults()).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------------------------

/** The persona's organization (SPEC §7: Gus is Globex's, everyone else Acme's). */
const orgIdOf = (persona: PersonaKey): string => mockBackend.db.user(personaIds[persona])?.orgId as string;

/**
 * Ids, names and e-mails of everything of the other organization — its people, groups, roles, itself, its assets
 * and its access requests — that the persona's own organization does not also have (both have a "Data Science").
 */
function foreignTokensOf(persona: PersonaKey): string[] {
  const own = orgIdOf(persona);
  const tokens = (mine: boolean) => {
    const found = new Set<string>();
    for (const principal of mockBackend.db.directory.all()) {
      if ((principal.orgId === own) !== mine) continue;
      for (const token of [principal.id, principal.name, principal.displayName])
        found.add(token.toLowerCase());
    }
    for (const key of demoAssetKeys) {
      const stored = mockBackend.db.assets.get(demoAssetId(key));
      if (!stored || ((ownerOf(key) === 'gus') === (persona === 'gus')) !== mine) continue;
      found.add(stored.id);
      found.add(stored.name.toLowerCase());
    }
    for (const request of mockBackend.db.accessRequests) {
      const requester = mockBackend.db.user(request.requesterId);
      if ((requester?.orgId === own) === mine) found.add(request.id);
    }
    return found;
  };
  const mine = tokens(true);
  return [...tokens(false)].filter((token) => !mine.has(token));
}

/** SPEC §4 tenant isolation: an answer to one organization holds nothing of the other beyond what was `said`. */
async function expectNothingForeign(
  persona: PersonaKey,
  response: Response,
  label: string,
  said = '',
): Promise<void> {
  const text = (await response.clone().text()).toLowerCase();
  const leaked = foreignTokensOf(persona).filter(
    (token) => text.includes(token) && !said.toLowerCase().includes(token),
  );
  expect(leaked, `${label}: another organization's ${leaked.join(', ')}`).toEqual([]);
}

/** What must not move on a read or a refusal: every list, its version (the ETag), the history and the requests. */
function stateOf() {
  return structuredClone({
    assets: [...mockBackend.db.assets.values()].map((stored) => [stored.id, stored.grants, stored.version]),
    changeSets: mockBackend.db.changeSets.length,
    requests: mockBackend.db.accessRequests,
  });
}

/** SPEC R5, R7: may the persona grant a role of this level on the asset? */
const mayGrant = (view: View | undefined, asset: DemoAsset, level: number) =>
  view?.[1] === true && levelOf(asset.config, view[0]) >= level;

/** The authorization codes of granting a role of this level (R7, then R5), from the persona's view. */
function grantRefusals(view: View, asset: DemoAsset, level: number): string[] {
  const codes: string[] = [];
  if (!view[1]) codes.push('SHARING_NOT_ALLOWED');
  if (levelOf(asset.config, view[0]) < level) codes.push('ROLE_ABOVE_OWN_LEVEL');
  return codes;
}

/** The read-write role of an asset's type: what every access request of these tables asks for. */
const readWriteRole = (asset: DemoAsset) =>
  asset.config.roles.find((role) => role.level === 2)?.name as string;

/** A Globex colleague Gus may grant to, who asks for read-write on the Globex dataset (no Globex persona can). */
const globexRequester = () => freshColleague('globexForecast');

/**
 * One pending access request for read-write on every demo asset: Connie's on each Acme asset she reads (the seed's
 * on the dataset), a Globex colleague's on Globex's dataset. Answers each asset's request id and requester.
 */
async function askEverywhere(): Promise<Map<DemoAssetKey, { id: string; requester: Principal }>> {
  const asked = new Map<DemoAssetKey, { id: string; requester: Principal }>();
  const connie = mockBackend.db.user(personaIds.connie) as Principal;
  for (const key of demoAssetKeys) {
    const asset = demoAsset(key);
    if (key === 'dataset') asked.set(key, { id: seedAccessRequestId, requester: connie });
    else if (key === 'globexForecast') {
      const requester = globexRequester();
      const id = 'b'.repeat(24);
      mockBackend.db.accessRequests.push({
        id,
        assetId: asset.id,
        requesterId: requester.id,
        role: readWriteRole(asset),
        message: 'For the Globex forecast review.',
        status: 'pending',
        createdAt: new Date(mockBackend.db.clock.now()).toISOString(),
        grantorIds: [personaIds.gus],
      });
      asked.set(key, { id, requester });
    } else if (views.connie[key]) {
      const response = await call('connie', 'POST', `${asset.path}/accessRequests`, {
        body: { role: readWriteRole(asset), message: 'For the review.' },
      });
      expect(response.status, key).toBe(201);
      asked.set(key, { id: accessRequestSchema.parse(await response.json()).id, requester: connie });
    }
  }
  return asked;
}

/** An entry granting a requester the role they asked for, named as the API names people. */
const grantToRequester = (requester: Principal, role: string) =>
  requester.id === personaIds.connie
    ? { username: requester.name, shareRecipientType: 'user', role }
    : { id: requester.id, shareRecipientType: 'user', role };

describe('history, access requests and expiry (SPEC §9, §10, §12), for every persona of both organizations', () => {
  it.each(cells)(
    '%s on %s: the history answers 200 to those who may share, 403 to the others, 404 where unseen; it changes nothing',
    async (persona, key) => {
      const asset = demoAsset(key);
      const view = views[persona][key];
      const before = stateOf();
      const response = await call(persona, 'GET', `${asset.path}/sharedRoles/history?limit=1000`);
      expect(stateOf(), 'a history read changed the state').toEqual(before);
      await expectNothingForeign(persona, response, 'history');
      if (!view) {
        expect(response.status).toBe(404);
        expect(errorBodySchema.parse(await response.json()).code).toBe('NOT_FOUND');
        return;
      }
      if (!view[1]) {
        expect(response.status).toBe(403);
        expect(errorBodySchema.parse(await response.json()).code).toBe('SHARING_NOT_ALLOWED');
        return;
      }
      expect(response.status).toBe(200);
      const page = historyPageSchema.parse(await response.json());
      expect(page.data.length).toBeGreaterThan(0);
      const own = orgIdOf(persona);
      for (const changeSet of page.data) {
        if (changeSet.actor) expect(mockBackend.db.user(changeSet.actor.id)?.orgId).toBe(own);
        for (const change of changeSet.changes) {
          expect(mockBackend.db.directory.byId(change.principal.id)?.orgId, change.principal.name).toBe(own);
        }
      }
    },
  );

  it.each(cells)(
    '%s on %s: access requests list the pending ones they may grant and their own, nothing of the other organization',
    async (persona, key) => {
      const asked = (await askEverywhere()).get(key);
      const asset = demoAsset(key);
      const view = views[persona][key];
      const before = stateOf();
      const response = await call(persona, 'GET', `${asset.path}/accessRequests?limit=1000`);
      await expectNothingForeign(persona, response, 'access requests');
      expect(stateOf()).toEqual(before);
      if (!view) {
        expect(response.status).toBe(404);
        return;
      }
      expect(response.status).toBe(200);
      const listed = accessRequestPageSchema.parse(await response.json()).data.map((request) => request.id);
      const own = asked?.requester.id === personaIds[persona];
      const answered = asked && (own || mayGrant(view, asset, 2));
      expect(listed).toEqual(answered ? [asked.id] : []);
    },
  );

  it.each(cells)(
    '%s on %s: asking for the role above their own answers as R20 says',
    async (persona, key) => {
      const asset = demoAsset(key);
      const view = views[persona][key];
      const own = view ? levelOf(asset.config, view[0]) : 0;
      const role = asset.config.roles.find((candidate) => candidate.level === Math.min(own + 1, 3))?.name;
      const before = stateOf();
      const response = await call(persona, 'POST', `${asset.path}/accessRequests`, {
        body: { role, message: 'For the review.' },
      });
      await expectNothingForeign(persona, response, 'a new access request');
      let expected: [number, string | null];
      if (!view) expected = [404, 'NOT_FOUND'];
      else if (own === 3) expected = [422, 'REQUEST_NOT_NEEDED'];
      else if (own + 1 > (ceilings[persona] ?? 3)) expected = [422, 'ROLE_ABOVE_RECIPIENT_CEILING'];
      else if (persona === 'connie' && key === 'dataset')
        expected = [409, 'REQUEST_PENDING']; // the seed's
      else expected = [201, null];
      expect(response.status).toBe(expected[0]);
      if (expected[1] !== null) {
        expect(errorBodySchema.parse(await response.json()).code).toBe(expected[1]);
        expect(stateOf()).toEqual(before);
        return;
      }
      const created = accessRequestSchema.parse(await response.json());
      expect(created).toMatchObject({ role, status: 'pending', requester: { id: personaIds[persona] } });
    },
  );

  it.each(cells)(
    '%s on %s: declining answers 200 to those who may grant the role, 403 to the requester, 404 to everyone else',
    async (persona, key) => {
      const asked = (await askEverywhere()).get(key);
      const asset = demoAsset(key);
      const view = views[persona][key];
      const before = stateOf();
      const response = await call(
        persona,
        'POST',
        `${asset.path}/accessRequests/${asked?.id ?? seedAccessRequestId}/decline`,
        {
          body: { message: 'Not this quarter.' },
        },
      );
      await expectNothingForeign(persona, response, 'a decline');
      if (asked && view && mayGrant(view, asset, 2)) {
        expect(response.status).toBe(200);
        expect(accessRequestSchema.parse(await response.json())).toMatchObject({
          id: asked.id,
          status: 'declined',
        });
        return;
      }
      if (asked && view && asked.requester.id === personaIds[persona]) {
        expect(response.status).toBe(403);
        expect(errorBodySchema.parse(await response.json()).code).toBe(grantRefusals(view, asset, 2)[0]);
      } else {
        expect(response.status).toBe(404);
      }
      expect(stateOf()).toEqual(before);
    },
  );

  it.each(cells)(
    '%s on %s: a save that approves a request grants and approves it, as R5 and R7 allow',
    async (persona, key) => {
      const asked = (await askEverywhere()).get(key);
      const asset = demoAsset(key);
      const view = views[persona][key];
      const role = readWriteRole(asset);
      const requester = asked?.requester ?? (mockBackend.db.user(personaIds.connie) as Principal);
      const before = stateOf();
      const body = {
        operation: 'updateRoles',
        roles: [grantToRequester(requester, role)],
        approvesRequests: [asked?.id ?? seedAccessRequestId],
      };
      if (!view || !asked) {
        const response = await call(persona, 'PATCH', `${asset.path}/sharedRoles`, { body });
        await expectNothingForeign(persona, response, 'an approval');
        expect(response.status).toBe(404);
        expect(stateOf()).toEqual(before);
        return;
      }
      const codes = grantRefusals(view, asset, 2);
      const response = await expectVerdict(persona, asset, body.roles[0] as Record<string, unknown>, codes, {
        approvesRequests: body.approvesRequests,
      });
      await expectNothingForeign(persona, response, 'an approval');
      const status = mockBackend.db.accessRequests.find((request) => request.id === asked.id)?.status;
      expect(status).toBe(codes.length === 0 ? 'approved' : 'pending');
      if (codes.length === 0) expect((await grantOf(asset, requester.id))?.role).toBe(role);
      else expect(stateOf()).toEqual(before);
    },
  );

  const wrongIds = ['another asset’s', 'the other organization’s', 'a declined'] as const;
  it.each(cells.flatMap(([persona, key]) => wrongIds.map((which) => [persona, key, which] as const)))(
    '%s on %s: approving %s request is refused (422 REQUEST_NOT_PENDING) and changes nothing',
    async (persona, key, which) => {
      const asked = await askEverywhere();
      const asset = demoAsset(key);
      const view = views[persona][key];
      const ownOrg = ownerOf(key) === 'gus' ? 'globex' : 'acme';
      let requestId: string;
      if (which === 'another asset’s') {
        const other = ownOrg === 'globex' ? undefined : key === 'dataset' ? 'project' : 'dataset';
        // Globex has one asset: its "other asset" is an id no asset holds.
        requestId = other ? (asked.get(other)?.id as string) : 'c'.repeat(24);
      } else if (which === 'the other organization’s') {
        requestId = asked.get(ownOrg === 'acme' ? 'globexForecast' : 'dataset')?.id as string;
      } else {
        const mine = asked.get(key);
        requestId = mine?.id ?? seedAccessRequestId;
        const owner = ownerOf(key);
        if (mine) {
          const declined = await call(owner, 'POST', `${asset.path}/accessRequests/${mine.id}/decline`, {
            body: {},
          });
          expect(declined.status).toBe(200);
        }
      }
      const connie = mockBackend.db.user(personaIds.connie) as Principal;
      const requester = asked.get(key)?.requester ?? connie;
      const entry = grantToRequester(requester, readWriteRole(asset));
      const before = stateOf();
      if (!view) {
        const response = await call(persona, 'PATCH', `${asset.path}/sharedRoles`, {
          body: { operation: 'updateRoles', roles: [entry], approvesRequests: [requestId] },
        });
        expect(response.status).toBe(404);
      } else {
        const response = await expectVerdict(
          persona,
          asset,
          entry,
          [...grantRefusals(view, asset, 2), 'REQUEST_NOT_PENDING'],
          { approvesRequests: [requestId] },
        );
        // A refusal may repeat the id the request named, nothing else.
        await expectNothingForeign(persona, response, 'a wrong approval', requestId);
      }
      expect(stateOf()).toEqual(before);
    },
  );

  it.each(standings())(
    '$persona on $asset.key: a new grant with an end answers as a grant does (R7), and keeps its end',
    async ({ persona, asset, canShare }) => {
      const recipient = freshColleague(asset.key);
      const lowest = asset.config.roles.at(-1)?.name as string;
      const expiresAt = new Date(mockBackend.db.clock.now() + 30 * 86_400_000).toISOString();
      await expectVerdict(
        persona,
        asset,
        { id: recipient.id, shareRecipientType: 'user', role: lowest, expiresAt },
        canShare ? [] : ['SHARING_NOT_ALLOWED'],
      );
      const after = await grantOf(asset, recipient.id);
      expect(after?.expiresAt ?? null).toBe(canShare ? expiresAt : null);
    },
  );
});

// ---------------------------------------------------------------------------------------------------------------

interface Standing {
  persona: ActingPersona;
  asset: DemoAsset;
  level: number;
  canShare: boolean;
}

function standings(): Standing[] {
  return actingPersonas.flatMap((persona) =>
    demoAssetKeys.flatMap((key) => {
      const view = views[persona][key];
      if (!view) return [];
      const asset = demoAsset(key);
      return [{ persona, asset, level: levelOf(asset.config, view[0]), canShare: view[1] }];
    }),
  );
}

function label({ persona, asset }: Standing): string {
  return `${persona} on ${asset.key}`;
}

/** SPEC R9/R10: would the list lose its last user owner or last user sharer without this grant? */
function listRuleCodes(asset: DemoAsset, target: Grant, after: Grant | undefined): string[] {
  const others = seededGrants(asset.key).filter((grant) => grant.principalId !== target.principalId);
  const remaining = after ? [...others, after] : others;
  // SPEC §9: a grant that ends on a timer keeps no list its owner or its sharer.
  const isUserOwner = (grant: Grant) =>
    grant.principalType === 'user' && levelOf(asset.config, grant.role) === 3 && !grant.expiresAt;
  const isUserSharer = (grant: Grant) => grant.principalType === 'user' && grant.canShare && !grant.expiresAt;
  const codes: string[] = [];
  if (isUserOwner(target) && !remaining.some(isUserOwner)) codes.push('LAST_OWNER');
  if (asset.config.invariants.lastSharer && isUserSharer(target) && !remaining.some(isUserSharer)) {
    codes.push('LAST_SHARER');
  }
  return codes;
}

describe('what each persona can change (forged PATCH requests)', () => {
  const grantCases = standings().flatMap((standing) =>
    standing.asset.config.roles.map((role) => ({ ...standing, role: role.name, roleLevel: role.level })),
  );
  it.each(grantCases.map((entry) => [`${label(entry)} grants ${entry.role} to a colleague`, entry] as const))(
    '%s',
    async (_, { persona, asset, level, canShare, role, roleLevel }) => {
      const recipient = freshColleague(asset.key);
      const codes: string[] = [];
      if (!canShare) codes.push('SHARING_NOT_ALLOWED'); // R7
      if (roleLevel > level) codes.push('ROLE_ABOVE_OWN_LEVEL'); // R5
      await expectVerdict(persona, asset, { id: recipient.id, shareRecipientType: 'user', role }, codes);
      expect((await grantOf(asset, recipient.id))?.role).toBe(codes.length === 0 ? role : undefined);
    },
  );

  const personaGrantCases = standings().flatMap((standing) =>
    seededGrants(standing.asset.key)
      .filter((grant) => personaById.has(grant.principalId))
      .map((target) => ({
        ...standing,
        target,
        targetKey: personaById.get(target.principalId) as PersonaKey,
      })),
  );

  it.each(personaGrantCases.map((entry) => [`${label(entry)} removes ${entry.targetKey}`, entry] as const))(
    '%s',
    async (_, { persona, asset, level, canShare, target, targetKey }) => {
      const self = targetKey === persona;
      const authorization: string[] = [];
      // A grant may always remove itself (R7's exception); R6 never stops leaving.
      if (!self && !canShare) authorization.push('SHARING_NOT_ALLOWED');
      if (!self && levelOf(asset.config, target.role) > level) authorization.push('TARGET_ABOVE_OWN_LEVEL');
      const codes = verdict(authorization, listRuleCodes(asset, target, undefined));
      await expectVerdict(
        persona,
        asset,
        { id: target.principalId, shareRecipientType: 'user', role: 'NO_ROLE' },
        codes,
      );
      const after = await grantOf(asset, target.principalId);
      expect(after?.role).toBe(codes.length === 0 ? undefined : target.role);
    },
  );

  const roleChangeCases = personaGrantCases.flatMap((entry) =>
    entry.asset.config.roles
      .filter((role) => role.name !== entry.target.role)
      .map((role) => ({ ...entry, role: role.name, roleLevel: role.level })),
  );
  it.each(
    roleChangeCases.map(
      (entry) => [`${label(entry)} changes ${entry.targetKey} to ${entry.role}`, entry] as const,
    ),
  )('%s', async (_, { persona, asset, level, canShare, target, targetKey, role, roleLevel }) => {
    const authorization: string[] = [];
    if (!canShare) authorization.push('SHARING_NOT_ALLOWED'); // R7: only leaving is exempt
    if (levelOf(asset.config, target.role) > level) authorization.push('TARGET_ABOVE_OWN_LEVEL'); // R6
    if (roleLevel > level) authorization.push('ROLE_ABOVE_OWN_LEVEL'); // R5
    const others: string[] = [];
    if (roleLevel > (ceilings[targetKey] ?? 3)) others.push('ROLE_ABOVE_RECIPIENT_CEILING'); // R8
    if (targetKey === 'ivan') others.push('RECIPIENT_INACTIVE'); // R1
    const changed: Grant = { ...target, role, canUseData: roleLevel === 3 ? true : target.canUseData };
    others.push(...listRuleCodes(asset, target, changed)); // R9, R10
    const codes = verdict(authorization, others);
    await expectVerdict(persona, asset, { id: target.principalId, shareRecipientType: 'user', role }, codes);
    expect((await grantOf(asset, target.principalId))?.role).toBe(codes.length === 0 ? role : target.role);
  });
  it.each(
    personaGrantCases.map(
      (entry) => [`${label(entry)} sets an end on ${entry.targetKey}'s grant`, entry] as const,
    ),
  )('%s', async (_, { persona, asset, level, canShare, target, targetKey }) => {
    // SPEC §9: setting an end changes the grant — R5, R6, R7 apply as to a role change; precedence as ever.
    const authorization: string[] = [];
    if (!canShare) authorization.push('SHARING_NOT_ALLOWED'); // R7
    if (levelOf(asset.config, target.role) > level) authorization.push('TARGET_ABOVE_OWN_LEVEL'); // R6
    const others: string[] = [];
    if (levelOf(asset.config, target.role) === 3) others.push('INVALID_EXPIRY'); // R19: owners never expire
    if (targetKey === 'ivan') others.push('RECIPIENT_INACTIVE'); // R1
    const expiresAt = new Date(mockBackend.db.clock.now() + 7 * 86_400_000).toISOString();
    // R9, R10 on what is left: an owner's grant keeps no end; anyone else's sharing on a timer keeps no list.
    const changed = levelOf(asset.config, target.role) === 3 ? target : { ...target, expiresAt };
    others.push(...listRuleCodes(asset, target, changed));
    const codes = verdict(authorization, others);
    await expectVerdict(
      persona,
      asset,
      { id: target.principalId, shareRecipientType: 'user', role: target.role, expiresAt },
      codes,
    );
    expect((await grantOf(asset, target.principalId))?.expiresAt ?? null).toBe(
      codes.length === 0 ? expiresAt : null,
    );
  });
});

describe('the cases SPEC §7 names, one by one', () => {
  it('Connie, a consumer, cannot raise anyone, herself included: 403 ROLE_ABOVE_OWN_LEVEL', async () => {
    await expectVerdict(
      'connie',
      demoAsset('project'),
      { name: 'Data Science', shareRecipientType: 'group', role: 'USER' },
      ['ROLE_ABOVE_OWN_LEVEL'],
    );
    await expectVerdict(
      'connie',
      demoAsset('useCase'),
      { username: 'connie@acme.test', shareRecipientType: 'user', role: 'EDITOR' },
      ['ROLE_ABOVE_OWN_LEVEL'],
    );
  });

  it('Nora, an editor without "Allow sharing", cannot share the dataset (403) but can remove herself', async () => {
    const dataset = demoAsset('dataset');
    await expectVerdict(
      'nora',
      dataset,
      { id: freshColleague('dataset').id, shareRecipientType: 'user', role: 'CONSUMER' },
      ['SHARING_NOT_ALLOWED'],
    );
    await expectVerdict(
      'nora',
      dataset,
      { username: 'nora@acme.test', shareRecipientType: 'user', role: null },
      [],
    );
    // Data Science's grant still reaches her, read-only and without sharing.
    const after = assetSchema.parse(await getJson('nora', dataset.path));
    expect(after).toMatchObject({ yourRole: 'CONSUMER', canShare: false });
  });

  it('Nora cannot give herself "Allow sharing" on the data connection', async () => {
    await expectVerdict(
      'nora',
      demoAsset('dataConnection'),
      { username: 'nora@acme.test', shareRecipientType: 'user', role: 'EDITOR', canShare: true },
      ['SHARING_NOT_ALLOWED'],
    );
  });

  it('Eddie re-shares the dataset with "Allow sharing" up to his own level (R17), never above', async () => {
    const dataset = demoAsset('dataset');
    await expectVerdict(
      'eddie',
      dataset,
      { username: 'connie@acme.test', shareRecipientType: 'user', role: 'EDITOR', canShare: true },
      [],
    );
    await expectVerdict(
      'eddie',
      dataset,
      { username: 'connie@acme.test', shareRecipientType: 'user', role: 'OWNER' },
      ['ROLE_ABOVE_OWN_LEVEL'],
    );
  });

  it('Eddie cannot demote Olivia: 403 TARGET_ABOVE_OWN_LEVEL', async () => {
    const deployment = demoAsset('deployment');
    // A second owner first, so that only R6 stands in the way (R9 would too otherwise).
    await expectVerdict(
      'olivia',
      deployment,
      { id: freshColleague('deployment').id, shareRecipientType: 'user', role: 'OWNER' },
      [],
    );
    await expectVerdict(
      'eddie',
      deployment,
      { username: 'olivia@acme.test', shareRecipientType: 'user', role: 'USER' },
      ['TARGET_ABOVE_OWN_LEVEL'],
    );
    await expectVerdict(
      'eddie',
      deployment,
      { username: 'olivia@acme.test', shareRecipientType: 'user', role: null },
      ['TARGET_ABOVE_OWN_LEVEL'],
    );
  });

  it('Olivia cannot leave an asset she alone owns (409 LAST_OWNER) but can once she hands ownership on', async () => {
    const model = demoAsset('governedModel');
    await expectVerdict(
      'olivia',
      model,
      { username: 'olivia@acme.test', shareRecipientType: 'user', role: null },
      ['LAST_OWNER'],
    );
    const response = await call('olivia', 'PATCH', `${model.path}/sharedRoles`, {
      body: {
        operation: 'updateRoles',
        roles: [
          { username: 'eddie@acme.test', shareRecipientType: 'user', role: 'OWNER' },
          { username: 'olivia@acme.test', shareRecipientType: 'user', role: null },
        ],
      },
    });
    expect(response.status).toBe(204);
    expect((await call('olivia', 'GET', model.path)).status).toBe(404);
  });

  it('Rita, capped at read-only, cannot be given more than Consumer, even by an owner (422)', async () => {
    await expectVerdict(
      'olivia',
      demoAsset('workload'),
      { username: 'rita@acme.test', shareRecipientType: 'user', role: 'USER' },
      ['ROLE_ABOVE_RECIPIENT_CEILING'],
    );
  });

  it('nobody shares with Gus of Globex: 422 RECIPIENT_OUTSIDE_ORGANIZATION', async () => {
    const response = await call('olivia', 'PATCH', `${demoAsset('dataset').path}/sharedRoles`, {
      body: {
        operation: 'updateRoles',
        roles: [{ username: 'gus@globex.test', shareRecipientType: 'user', role: 'CONSUMER' }],
      },
    });
    expect(response.status).toBe(422);
    expect(errorBodySchema.parse(await response.json()).code).toBe('RECIPIENT_OUTSIDE_ORGANIZATION');
  });
});
