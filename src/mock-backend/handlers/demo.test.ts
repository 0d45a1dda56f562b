import { describe, expect, it } from 'vitest';
import { errorBodySchema, sharedRolesPageSchema } from '../../api/contract.ts';
import { faultSchema, personaListSchema } from '../../api/demo-contract.ts';
import { mockBackend } from '../control.ts';
import { demoAssetId } from '../seed.ts';
import { call, getJson, setupMockServer, testApiBase } from '../test-support.ts';

setupMockServer();

const rolesPath = `/datasets/${demoAssetId('dataset')}/sharedRoles`;
const revokeConnie = {
  operation: 'updateRoles',
  roles: [{ username: 'connie@acme.test', shareRecipientType: 'user', role: null }],
};

describe('demo endpoints', () => {
  it('list every persona with its token, without a token', async () => {
    const personas = personaListSchema.parse(await getJson(null, '/demo/personas'));
    expect(personas.data.map((persona) => [persona.username, persona.token])).toEqual([
      ['olivia@acme.test', 'demo-olivia'],
      ['eddie@acme.test', 'demo-eddie'],
      ['connie@acme.test', 'demo-connie'],
      ['nora@acme.test', 'demo-nora'],
      ['ivan@acme.test', 'demo-ivan'],
      ['rita@acme.test', 'demo-rita'],
      ['gus@globex.test', 'demo-gus'],
    ]);
    expect(personas.data.find((persona) => persona.username === 'gus@globex.test')?.orgName).toBe('Globex');
  });

  it('reset restores the seed', async () => {
    const before = await getJson('olivia', rolesPath);
    expect((await call('olivia', 'PATCH', rolesPath, { body: revokeConnie })).status).toBe(204);
    expect(await getJson('olivia', rolesPath)).not.toEqual(before);
    expect((await call(null, 'POST', '/demo/reset')).status).toBe(204);
    expect(sharedRolesPageSchema.parse(await getJson('olivia', rolesPath)).data).toEqual(
      sharedRolesPageSchema.parse(before).data,
    );
  });

  it('inject a status fault for the next n matching requests, then clear', async () => {
    const created = await call(null, 'POST', '/demo/faults', {
      body: { path: '…/sharedRoles', method: 'PATCH', status: 500, times: 1 },
    });
    expect(created.status).toBe(201);
    expect(faultSchema.parse(await created.json())).toMatchObject({ status: 500, remaining: 1 });
    expect((await call('olivia', 'GET', rolesPath)).status).toBe(200);
    const failed = await call('olivia', 'PATCH', rolesPath, { body: revokeConnie });
    expect(failed.status).toBe(500);
    expect(errorBodySchema.parse(await failed.json()).code).toBe('INTERNAL_ERROR');
    expect(sharedRolesPageSchema.parse(await getJson('olivia', rolesPath)).data.map((e) => e.name)).toContain(
      'connie@acme.test',
    );
    expect((await call('olivia', 'PATCH', rolesPath, { body: revokeConnie })).status).toBe(204);

    await call(null, 'POST', '/demo/faults', { body: { path: '/account', status: 503 } });
    expect((await call('olivia', 'GET', '/account')).status).toBe(503);
    expect((await call(null, 'DELETE', '/demo/faults')).status).toBe(204);
    expect((await call('olivia', 'GET', '/account')).status).toBe(200);
  });

  it('inject a network error, and a delay that still answers', async () => {
    mockBackend.injectFault({ path: '/principals', networkError: true, times: 1 });
    await expect(
      fetch(`${testApiBase}/principals?search=a`, { headers: { Authorization: 'Bearer demo-olivia' } }),
    ).rejects.toThrow();
    mockBackend.injectFault({ path: '/account', delayMs: 5, times: 1 });
    expect((await call('olivia', 'GET', '/account')).status).toBe(200);
    expect(mockBackend.faults()).toEqual([]);
  });

  it('refuse a fault that does nothing, naming the field', async () => {
    const response = await call(null, 'POST', '/demo/faults', { body: { path: '/account' } });
    expect(response.status).toBe(400);
    const malformed = await call(null, 'POST', '/demo/faults', { body: { path: '/account', status: 'x' } });
    expect(errorBodySchema.parse(await malformed.json()).errors?.[0]?.path).toEqual(['status']);
  });
});
