import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assetPageSchema, sharedRolesPageSchema } from '../src/api/contract.ts';
import { personaListSchema } from '../src/api/demo-contract.ts';
import { mockBackend } from '../src/mock-backend/control.ts';
import { demoAssetId } from '../src/mock-backend/seed.ts';
import { startApiServer } from './api-server.ts';

let server: Server;
let base: string;

beforeAll(async () => {
  server = await startApiServer({ port: 0 });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v2`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('npm run api', () => {
  it('answers the personas, then the datasets a persona can see, over real HTTP', async () => {
    const personas = personaListSchema.parse(await (await fetch(`${base}/demo/personas`)).json());
    const connie = personas.data.find((persona) => persona.username === 'connie@acme.test');
    const response = await fetch(`${base}/datasets`, {
      headers: { Authorization: `Bearer ${connie?.token}` },
    });
    expect(response.status).toBe(200);
    const page = assetPageSchema.parse(await response.json());
    expect(page.data.map((asset) => asset.yourRole)).toEqual(['CONSUMER', 'CONSUMER']);
  });

  it('passes bodies and headers both ways: PATCH with If-Match, 204 with the new ETag', async () => {
    const auth = { Authorization: 'Bearer demo-olivia' };
    const datasets = assetPageSchema.parse(await (await fetch(`${base}/datasets`, { headers: auth })).json());
    const dataset = datasets.data.find((asset) => asset.name === 'Customer transactions 2024');
    const rolesUrl = `${base}/datasets/${dataset?.id}/sharedRoles`;
    const list = await fetch(rolesUrl, { headers: auth });
    const etag = list.headers.get('etag') as string;
    expect(sharedRolesPageSchema.parse(await list.json()).next).toBeNull();
    const body = JSON.stringify({
      operation: 'updateRoles',
      roles: [{ username: 'connie@acme.test', shareRecipientType: 'user', role: null }],
    });
    const headers = { ...auth, 'Content-Type': 'application/json', 'If-Match': etag };
    const saved = await fetch(rolesUrl, { method: 'PATCH', headers, body });
    expect(saved.status).toBe(204);
    expect(saved.headers.get('etag')).not.toBe(etag);
    const stale = await fetch(rolesUrl, { method: 'PATCH', headers, body });
    expect(stale.status).toBe(412);
    mockBackend.reset();
  });

  it('answers 401 without a token and 404 JSON for unknown paths', async () => {
    expect((await fetch(`${base}/datasets`)).status).toBe(401);
    const unknown = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/nothing-here`);
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('refuses a cross-site text/plain POST to /demo/reset with 415, and leaves the data alone', async () => {
    const auth = { Authorization: 'Bearer demo-olivia' };
    const rolesUrl = `${base}/datasets/${demoAssetId('dataset')}/sharedRoles`;
    const removeConnie = JSON.stringify({
      operation: 'updateRoles',
      roles: [{ username: 'connie@acme.test', shareRecipientType: 'user', role: null }],
    });
    const saved = await fetch(rolesUrl, {
      method: 'PATCH',
      headers: { ...auth, 'Content-Type': 'application/json' },
      body: removeConnie,
    });
    expect(saved.status).toBe(204);
    const before = await fetch(rolesUrl, { headers: auth });
    const etag = before.headers.get('etag');
    const listed = await before.text();

    // What a page on another site can send without asking first: a "simple" request, as a form would post it.
    const crossSite = { Origin: 'https://attacker.example', 'Sec-Fetch-Site': 'cross-site' };
    const textPost = await fetch(`${base}/demo/reset`, {
      method: 'POST',
      headers: { ...crossSite, 'Content-Type': 'text/plain;charset=UTF-8' },
      body: 'reset',
    });
    expect(textPost.status).toBe(415);
    expect(await textPost.json()).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE' });
    const formPost = await fetch(`${base}/demo/faults`, {
      method: 'POST',
      headers: { ...crossSite, 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'path=%2Faccount&status=500',
    });
    expect(formPost.status).toBe(415);
    // A bodyless post needs no Content-Type at all; the page's origin gives it away.
    const bare = await fetch(`${base}/demo/reset`, { method: 'POST', headers: crossSite });
    expect(bare.status).toBe(403);

    const after = await fetch(rolesUrl, { headers: auth });
    expect(after.headers.get('etag')).toBe(etag);
    expect(await after.text()).toBe(listed);
    expect(mockBackend.faults()).toEqual([]);
    mockBackend.reset();
  });

  it('answers 413 to a body over 1 MB before reading it, and changes nothing', async () => {
    const rolesUrl = `${base}/datasets/${demoAssetId('dataset')}/sharedRoles`;
    const auth = { Authorization: 'Bearer demo-olivia' };
    const before = (await fetch(rolesUrl, { headers: auth })).headers.get('etag');
    const note = 'n'.repeat(1024 * 1024);
    const response = await fetch(rolesUrl, {
      method: 'PATCH',
      headers: { ...auth, 'Content-Type': 'application/json' },
      body: JSON.stringify({
        operation: 'updateRoles',
        roles: [{ username: 'connie@acme.test', shareRecipientType: 'user', role: null }],
        note,
      }),
    });
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
    expect((await fetch(rolesUrl, { headers: auth })).headers.get('etag')).toBe(before);
  });

  it('drops the connection for an injected network error', async () => {
    mockBackend.injectFault({ path: '/account', networkError: true, times: 1 });
    await expect(
      fetch(`${base}/account`, { headers: { Authorization: 'Bearer demo-olivia' } }),
    ).rejects.toThrow();
    expect(
      (await fetch(`${base}/account`, { headers: { Authorization: 'Bearer demo-olivia' } })).status,
    ).toBe(200);
  });
});
