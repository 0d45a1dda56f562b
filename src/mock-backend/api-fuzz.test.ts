/**
 * Property-based tests of the HTTP API (SPEC §4, §5): random and malformed requests sent through the real Node
 * server (`npm run api`) to every endpoint of the contract. Whatever arrives, the server answers with a documented
 * status, a documented error code and a body of the contract's shape — never a 5xx — and a refused save changes
 * nothing.
 */

import type { Server } from 'node:http';
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import fc from 'fast-check';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startApiServer } from '../../scripts/api-server.ts';
import { errorBodySchema, errorCodes, sharedRolesPageSchema, sharingApiBasePath } from '../api/contract.ts';
import { type Endpoint, endpoints } from '../api/openapi-endpoints.ts';
import { assetTypes } from '../sharing/asset-types.ts';
import { mockBackend } from './control.ts';
import { personaDefinitions, personaIds, personaTokens } from './personas.ts';
import { demoAssetId, demoAssetKeys } from './seed.ts';

interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

interface RawRequest {
  method: string;
  /** Sent as is: may hold characters a URL class would escape or refuse. */
  path: string;
  headers: Record<string, string>;
  body?: string;
}

let server: Server;
let port: number;

beforeAll(async () => {
  server = await startApiServer({ port: 0 });
  port = (server.address() as AddressInfo).port;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

beforeEach(() => mockBackend.reset());

/** Sends a request byte for byte over loopback, without the validation `fetch` would add. */
function send(raw: RawRequest): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { ...raw.headers };
    if (raw.body !== undefined) headers['content-length'] = String(Buffer.byteLength(raw.body));
    const outgoing = httpRequest(
      { host: '127.0.0.1', port, method: raw.method, path: raw.path, headers },
      (incoming) => {
        const chunks: Buffer[] = [];
        incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
        incoming.on('end', () =>
          resolve({
            status: incoming.statusCode ?? 0,
            headers: incoming.headers,
            text: Buffer.concat(chunks).toString('utf8'),
          }),
        );
        incoming.on('error', reject);
      },
    );
    outgoing.on('error', reject);
    if (raw.body !== undefined) outgoing.write(raw.body);
    outgoing.end();
  });
}

const documentedCodes = new Set<string>(errorCodes);

/** Whether a write carries a body that is not JSON: answered 415 before anything else, the token included. */
function refusedMediaType(raw: RawRequest): boolean {
  if (raw.method === 'GET') return false;
  const type = raw.headers['content-type'];
  if (type === undefined) return (raw.body ?? '').length > 0;
  return !/^application\/json\s*(;|$)/i.test(type);
}

function pathDecodes(path: string): boolean {
  try {
    decodeURIComponent(path.split('?')[0] ?? '');
    return true;
  } catch {
    return false;
  }
}

/** What every answer must satisfy: a documented status, never a 5xx, and an error body of the contract. */
function expectContractAnswer(endpoint: Endpoint | undefined, raw: RawRequest, response: RawResponse): void {
  const where = `${raw.method} ${raw.path} → ${response.status} ${response.text.slice(0, 300)}`;
  expect(response.status, where).toBeLessThan(500);
  if (endpoint) {
    // An unknown route or asset answers 404, and a path that does not decode 400, whatever the endpoint documents.
    const documented = new Set([...Object.keys(endpoint.responses).map(Number), 404]);
    if (!pathDecodes(raw.path)) documented.add(400);
    expect(documented.has(response.status), `undocumented status: ${where}`).toBe(true);
  }
  if (response.status < 400) return;
  let json: unknown;
  expect(() => {
    json = JSON.parse(response.text);
  }, `not JSON: ${where}`).not.toThrow();
  const parsed = errorBodySchema.safeParse(json);
  expect(parsed.success, `not an error body: ${where}`).toBe(true);
  if (!parsed.success) return;
  expect(documentedCodes.has(parsed.data.code), `undocumented code ${parsed.data.code}: ${where}`).toBe(true);
  for (const entry of parsed.data.errors ?? []) {
    expect(documentedCodes.has(entry.code), `undocumented entry code ${entry.code}: ${where}`).toBe(true);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Arbitraries

const collections = assetTypes.all().map((config) => config.collection);
const assetIds = demoAssetKeys.map(demoAssetId);
const userIds = Object.values(personaIds);
const emails = personaDefinitions.map((persona) => persona.email);

/** Text that tends to break parsers: markup, quotes, separators, percent signs, control and astral characters. */
const nastyText = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.constantFrom(
    '',
    ' ',
    '<img src=x onerror=alert(1)>',
    '"; DROP TABLE grants; --',
    '../../etc/passwd',
    '%',
    '%zz',
    '%00',
    '\u0000',
    '\u202e',
    '😀',
    'NaN',
    '-1',
    '1e309',
    '__proto__',
    'constructor',
    'x'.repeat(2000),
  ),
);

/** A path segment: a real one, or garbage, percent-encoded or raw (malformed escapes included). */
function segment(real: readonly string[]): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...real) },
    { weight: 1, arbitrary: nastyText.map((text) => encodeURIComponent(text) || 'x') },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        '%zz',
        '%E0%A4%A',
        '%',
        '%2F',
        '..',
        '.',
        'a%00b',
        encodeURIComponent('ＤＡＴＡ'),
      ),
    },
  );
}

const hexId = fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength: 24, maxLength: 24 });

/** Fills an endpoint's path template with random segments. */
function pathOf(endpoint: Endpoint): fc.Arbitrary<string> {
  const names = [...endpoint.path.matchAll(/\{(\w+)\}/g)].map((match) => match[1] as string);
  const values = names.map((name) => {
    if (name === 'collection') return segment(collections);
    if (name === 'userId') return fc.oneof(segment(userIds), hexId);
    return fc.oneof(segment(assetIds), hexId);
  });
  return fc.tuple(...values).map((filled) => {
    let index = 0;
    return sharingApiBasePath + endpoint.path.replace(/\{\w+\}/g, () => filled[index++] as string);
  });
}

/** A query string of known and unknown parameters with odd values, sometimes raw and malformed. */
const queryString = fc
  .array(
    fc.tuple(
      fc.constantFrom('offset', 'limit', 'search', 'types', 'name', 'shareRecipientType', 'x', ''),
      fc.oneof(
        nastyText,
        fc.integer({ min: -5, max: 5000 }).map(String),
        fc.constantFrom('user,group', 'user,,robot', 'ROLE', 'role', '1.5', '0x10', ' 3'),
      ),
      fc.boolean(),
    ),
    { maxLength: 4 },
  )
  .map((pairs) =>
    pairs.length === 0
      ? ''
      : `?${pairs.map(([key, value, raw]) => `${key}=${raw ? value.replace(/[^\x21-\x7e]|#/g, '') : encodeURIComponent(value)}`).join('&')}`,
  );

const tokens = Object.values(personaTokens);
const authorization = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...tokens).map((token) => `Bearer ${token}`) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '',
      'Bearer',
      'Bearer ',
      'Basic ZGVtbzpkZW1v',
      'bearer demo-olivia',
      'Bearer a b',
    ),
  },
  { weight: 1, arbitrary: fc.string({ maxLength: 30 }).map((text) => `Bearer ${text}`) },
);

const roleName = fc.oneof(
  fc.constantFrom(
    'OWNER',
    'EDITOR',
    'USER',
    'CONSUMER',
    'WRITE',
    'READ',
    'owner',
    'Consumer',
    'NO_ROLE',
    'no_role',
  ),
  nastyText,
);

/** Anything, or something of the right type. */
function maybeWrong<T>(right: fc.Arbitrary<T>): fc.Arbitrary<unknown> {
  return fc.oneof({ weight: 4, arbitrary: right }, { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 1 }) });
}

const roleEntry = fc.record(
  {
    id: maybeWrong(fc.oneof(fc.constantFrom(...userIds), hexId, nastyText)),
    username: maybeWrong(
      fc.oneof(fc.constantFrom(...emails, 'gus@globex.test', 'ivan@acme.test'), nastyText),
    ),
    name: maybeWrong(
      fc.oneof(fc.constantFrom('Data Science', 'Risk', 'MLOps Admin', 'Acme Analytics'), nastyText),
    ),
    shareRecipientType: maybeWrong(fc.constantFrom('user', 'group', 'organization', 'role')),
    role: maybeWrong(fc.oneof(roleName, fc.constant(null))),
    canShare: maybeWrong(fc.boolean()),
    canUseData: maybeWrong(fc.boolean()),
    // Ends in the past, within R19's 365 days and beyond them, cleared, or not a date at all.
    expiresAt: maybeWrong(
      fc.oneof(
        fc
          .integer({ min: -10, max: 400 })
          .map((days) => new Date(Date.now() + days * 86_400_000).toISOString()),
        fc.constant(null),
        nastyText,
      ),
    ),
  },
  { requiredKeys: ['shareRecipientType'] },
);

/** A body that is nearly an `updateRoles` request: right shape, wrong details. */
const updateBody = fc.record(
  {
    operation: maybeWrong(fc.constant('updateRoles')),
    roles: maybeWrong(
      fc.oneof(
        { weight: 5, arbitrary: fc.array(roleEntry, { maxLength: 4 }) },
        {
          weight: 1,
          arbitrary: fc.array(roleEntry, { minLength: 101, maxLength: 103 }),
        },
      ),
    ),
    note: maybeWrong(fc.oneof(nastyText, fc.constantFrom('n'.repeat(1000), 'n'.repeat(1001)))),
    sendNotification: maybeWrong(fc.boolean()),
    applyGrantToLinkedObjects: maybeWrong(fc.boolean()),
  },
  { requiredKeys: ['operation', 'roles'] },
);

/** A body that is nearly a fault spec (injected faults are cleared after every request). */
const faultBody = fc.record({
  path: maybeWrong(fc.constantFrom('/sharedRoles', '/account', '*', '')),
  method: maybeWrong(fc.constantFrom('GET', 'patch', '*')),
  status: maybeWrong(fc.integer({ min: 100, max: 700 })),
  delayMs: maybeWrong(fc.constantFrom(-1, 0, 200_000)),
  networkError: maybeWrong(fc.boolean()),
  times: maybeWrong(fc.integer({ min: -1, max: 3 })),
});

/** A body that is nearly a move of the demo clock. */
const clockBody = fc.record({
  now: maybeWrong(fc.constantFrom('2031-03-01T09:00:00Z', '2031-03-01', 'soon')),
  advanceDays: maybeWrong(fc.constantFrom(-4000, -1, 0, 3, 1e9)),
});

/** Any body: none, text that is not JSON, any JSON, or a near miss of the endpoint's own body. */
function bodyFor(endpoint: Endpoint): fc.Arbitrary<string | undefined> {
  const nearMiss = endpoint.path.startsWith('/demo/faults')
    ? faultBody
    : endpoint.path.startsWith('/demo/clock')
      ? clockBody
      : updateBody;
  return fc.oneof(
    fc.constant(undefined),
    fc.string({ maxLength: 60 }),
    fc.constantFrom('{', '{"operation":', 'null', '[]', '"updateRoles"', '{"roles":{}}', '\u0000'),
    fc.jsonValue({ maxDepth: 3 }).map((value) => JSON.stringify(value)),
    nearMiss.map((value) => JSON.stringify(value)),
  );
}

const contentType = fc.constantFrom(
  'application/json',
  'application/json; charset=utf-8',
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
);

const ifMatch = fc.oneof(
  fc.constantFrom('"1.1"', '*', 'W/"1.1"', '"0.0", "9.9"', ''),
  fc.string({ maxLength: 12 }),
);

/** The methods the contract documents for a path (requests go only to documented operations). */
const operations = endpoints.filter((endpoint) => !['/demo/reset'].includes(endpoint.path));

/** One random request to one documented endpoint (named by operationId, to keep counterexamples short). */
const anyRequest: fc.Arbitrary<{ operationId: string; raw: RawRequest }> = fc
  .constantFrom(...operations)
  .chain((endpoint) =>
    fc
      .record({
        path: pathOf(endpoint),
        query: queryString,
        authorization: fc.option(authorization, { nil: undefined }),
        contentType: fc.option(contentType, { nil: undefined }),
        ifMatch: fc.option(ifMatch, { nil: undefined }),
        body: endpoint.method === 'get' ? fc.constant(undefined) : bodyFor(endpoint),
      })
      .map(({ path, query, authorization: auth, contentType: type, ifMatch: match, body }) => {
        const headers: Record<string, string> = {};
        if (auth !== undefined) headers.authorization = auth;
        if (type !== undefined) headers['content-type'] = type;
        if (match !== undefined) headers['if-match'] = match;
        const raw: RawRequest = { method: endpoint.method.toUpperCase(), path: path + query, headers };
        if (body !== undefined) raw.body = body;
        return { operationId: endpoint.operationId, raw };
      }),
  );

async function accessList(collection: string, id: string): Promise<{ etag: string; body: string }> {
  const response = await send({
    method: 'GET',
    path: `${sharingApiBasePath}/${collection}/${id}/sharedRoles?limit=1000`,
    headers: { authorization: 'Bearer demo-olivia' },
  });
  expect(response.status).toBe(200);
  sharedRolesPageSchema.parse(JSON.parse(response.text));
  return { etag: String(response.headers.etag), body: response.text };
}

// ---------------------------------------------------------------------------------------------------------------

describe('the HTTP API under random and malformed requests', () => {
  it('answers every endpoint with a documented status and error code, never a 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(anyRequest, async ({ operationId, raw }) => {
        const endpoint = operations.find((candidate) => candidate.operationId === operationId) as Endpoint;
        const response = await send(raw);
        // A fault the request itself injected must not leak into the next run.
        mockBackend.clearFaults();
        expectContractAnswer(endpoint, raw, response);
        if (
          !endpoint.public &&
          pathDecodes(raw.path) &&
          // `.` and `..` segments resolve to another path, often no route at all: 404 before any token check.
          !/\/\.\.?(\/|\?|$)/.test(raw.path) &&
          !refusedMediaType(raw) &&
          !/^bearer\s+demo-(olivia|eddie|connie|nora|rita|gus)$/i.test(raw.headers.authorization ?? '')
        ) {
          expect(response.status, `${raw.method} ${raw.path} without a valid token`).toBe(401);
        }
      }),
      { numRuns: 120 },
    );
  }, 30_000);

  it('refuses a malformed or rule-breaking save whole: the access list and its ETag stay as they were', async () => {
    const targets = demoAssetKeys
      .filter((key) => key !== 'marketingMix' && key !== 'globexForecast')
      .map((key) => {
        const asset = mockBackend.db.assets.get(demoAssetId(key));
        const config = asset && assetTypes.get(asset.assetTypeId);
        if (!asset || !config) throw new Error(`No demo asset ${key}`);
        return { id: asset.id, collection: config.collection };
      });
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...targets),
        fc.constantFrom('olivia', 'eddie', 'connie', 'nora', 'rita'),
        fc.constantFrom('PATCH', 'POST'),
        fc.oneof(
          { weight: 4, arbitrary: updateBody.map((body) => JSON.stringify(body)) },
          {
            weight: 1,
            arbitrary: bodyFor(operations[0] as Endpoint).map((body) => body ?? ''),
          },
        ),
        async (target, persona, method, body) => {
          mockBackend.reset();
          const before = await accessList(target.collection, target.id);
          const endpoint = endpoints.find(
            (candidate) =>
              candidate.method === method.toLowerCase() &&
              candidate.path ===
                (method === 'PATCH'
                  ? '/{collection}/{id}/sharedRoles'
                  : '/{collection}/{id}/sharedRoles/preview'),
          );
          const raw: RawRequest = {
            method,
            path: `${sharingApiBasePath}/${target.collection}/${target.id}/sharedRoles${method === 'POST' ? '/preview' : ''}`,
            headers: {
              authorization: `Bearer ${personaTokens[persona]}`,
              'content-type': 'application/json',
              'if-match': before.etag,
            },
            body,
          };
          const response = await send(raw);
          expectContractAnswer(endpoint, raw, response);
          const after = await accessList(target.collection, target.id);
          if (method === 'POST' || response.status !== 204) {
            expect(after.etag, `${persona} ${method} ${body.slice(0, 200)}`).toBe(before.etag);
            expect(after.body).toBe(before.body);
          } else {
            expect(after.etag).toBe(String(response.headers.etag));
          }
        },
      ),
      { numRuns: 60 },
    );
  }, 30_000);
});
