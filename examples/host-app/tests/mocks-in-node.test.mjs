// `sharewell/mocks` in Node, as a host's Vitest or Jest setup uses it: the mock backend answers in two lines.
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { after, before, test } from 'node:test';
import {
  createMockServer,
  demoAssetId,
  mockApiBasePath,
  personaTokens,
  resetMockData,
} from 'sharewell/mocks';

const api = `http://localhost${mockApiBasePath}`;
const server = createMockServer({ baseUrl: api });
before(() => server.listen({ onUnhandledRequest: 'bypass' }));
after(() => server.close());

const asOlivia = { Authorization: `Bearer ${personaTokens.olivia}` };

test('answers the sharing API of SPEC §5 with the normal seed, and resets to it', async () => {
  const account = await fetch(`${api}/account`, { headers: asOlivia });
  assert.equal(account.status, 200);
  assert.equal((await account.json()).username, 'olivia@acme.test');

  const dataset = `${api}/datasets/${demoAssetId('dataset')}/sharedRoles`;
  const before = await (await fetch(dataset, { headers: asOlivia })).json();
  assert.ok(before.data.some((grant) => grant.userFullName === 'Olivia Owens'));

  const patch = await fetch(dataset, {
    method: 'PATCH',
    headers: { ...asOlivia, 'Content-Type': 'application/json' },
    body: JSON.stringify({
      operation: 'updateRoles',
      roles: [{ username: 'rita@acme.test', shareRecipientType: 'user', role: 'EDITOR' }],
    }),
  });
  assert.equal(patch.status, 422, 'Rita is capped at read-only: the rules hold in the mocks too');
  assert.equal((await patch.json()).errors[0].code, 'ROLE_ABOVE_RECIPIENT_CEILING');

  resetMockData();
  const unauthorized = await fetch(`${api}/account`);
  assert.equal(unauthorized.status, 401);
});

test('leaves the host’s other traffic alone, even on a path that looks like the API', async () => {
  const other = createServer((_request, response) => response.end('the host’s own service'));
  await new Promise((resolve) => other.listen(0, '127.0.0.1', resolve));
  try {
    const { port } = other.address();
    const response = await fetch(`http://127.0.0.1:${port}${mockApiBasePath}/account`, { headers: asOlivia });
    assert.equal(await response.text(), 'the host’s own service');
  } finally {
    other.close();
  }
});
