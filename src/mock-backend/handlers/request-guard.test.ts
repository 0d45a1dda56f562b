import { describe, expect, it } from 'vitest';
import { errorBodySchema } from '../../api/contract.ts';
import { backend } from '../backend.ts';
import { demoAssetId } from '../seed.ts';
import { call, setupMockServer } from '../test-support.ts';

setupMockServer();

const rolesPath = `/datasets/${demoAssetId('dataset')}/sharedRoles`;
const removeConnie = JSON.stringify({
  operation: 'updateRoles',
  roles: [{ username: 'connie@acme.test', shareRecipientType: 'user', role: null }],
});
const datasetVersion = () => backend.db.assets.get(demoAssetId('dataset'))?.version;

describe('what every write must be (SPEC §5 "Requests")', () => {
  it('answers 413 to a body over 1 MB, before anything else, and changes nothing', async () => {
    const before = datasetVersion();
    const huge = JSON.stringify({ ...JSON.parse(removeConnie), note: 'n'.repeat(1024 * 1024) });
    const response = await call('olivia', 'PATCH', rolesPath, {
      rawBody: huge,
      headers: { 'Content-Type': 'application/json' },
    });
    expect(response.status).toBe(413);
    expect(errorBodySchema.parse(await response.json()).code).toBe('PAYLOAD_TOO_LARGE');
    // Even without a token: the size is judged first.
    expect((await call(null, 'POST', '/demo/faults', { rawBody: huge })).status).toBe(413);
    expect(datasetVersion()).toBe(before);
  });

  it.each([
    'text/plain',
    'text/plain;charset=UTF-8',
    'application/x-www-form-urlencoded',
    'multipart/form-data; boundary=x',
  ])('answers 415 to a body sent as %s, and changes nothing', async (contentType) => {
    const before = datasetVersion();
    const response = await call('olivia', 'PATCH', rolesPath, {
      rawBody: removeConnie,
      headers: { 'Content-Type': contentType },
    });
    expect(response.status).toBe(415);
    expect(errorBodySchema.parse(await response.json()).code).toBe('UNSUPPORTED_MEDIA_TYPE');
    expect(datasetVersion()).toBe(before);
  });

  it('answers 415 to a body with no Content-Type at all', async () => {
    const request = new Request(`http://sharewell.test/api/v2${rolesPath}`, {
      method: 'PATCH',
      headers: { Authorization: 'Bearer demo-olivia' },
      body: new Blob([removeConnie]),
    });
    expect((await fetch(request)).status).toBe(415);
  });

  it('takes JSON with parameters, and a +json type', async () => {
    for (const contentType of ['application/json; charset=utf-8', 'application/merge-patch+json']) {
      backend.reset();
      const response = await call('olivia', 'PATCH', rolesPath, {
        rawBody: removeConnie,
        headers: { 'Content-Type': contentType },
      });
      expect(response.status, contentType).toBe(204);
    }
  });

  it('refuses a write a page of another origin sends, even a bodyless one; its own origin may', async () => {
    backend.db.assets.get(demoAssetId('dataset'))?.grants.pop();
    const before = datasetVersion();
    const foreign = await call(null, 'POST', '/demo/reset', {
      headers: { Origin: 'https://attacker.example' },
    });
    expect(foreign.status).toBe(403);
    expect(datasetVersion()).toBe(before);
    const own = await call(null, 'POST', '/demo/reset', { headers: { Origin: 'http://sharewell.test' } });
    expect(own.status).toBe(204);
  });

  it('leaves reads alone, whatever they carry', async () => {
    const response = await call('olivia', 'GET', rolesPath, {
      headers: { 'Content-Type': 'text/plain', Origin: 'https://elsewhere.example' },
    });
    expect(response.status).toBe(200);
  });
});
