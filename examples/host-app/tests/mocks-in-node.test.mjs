// `sharewell/mocks` in Node, as a host's Vitest or Jest setup uses it: the mock backend answers in two lines.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
  createMockServer,
  demoAssetId,
  mockApiBasePath,
  personaTokens,
  resetMockData,
} from 'sharewell/mocks';

const server = createMockServer();
before(() => server.listen({ onUnhandledRequest: 'error' }));
after(() => server.close());

const api = `http://localhost${mockApiBasePath}`;
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
