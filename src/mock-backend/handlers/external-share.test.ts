import { describe, expect, it } from 'vitest';
import { errorBodySchema, externalShareSchema } from '../../api/contract.ts';
import { demoAssetId } from '../seed.ts';
import { call, setupMockServer } from '../test-support.ts';

setupMockServer();

const path = `/customApplications/${demoAssetId('application')}/externalShare`;

describe('external sharing link', () => {
  it('is created by an editor, read by a consumer, and revoked', async () => {
    const created = await call('eddie', 'POST', path);
    expect(created.status).toBe(201);
    const link = externalShareSchema.parse(await created.json());
    expect(link.url).toMatch(/^https:\/\/share\.acme\.test\/a\/[A-Za-z0-9]{22}$/);
    const again = externalShareSchema.parse(await (await call('olivia', 'POST', path)).json());
    expect(again.url).toBe(link.url);
    // The link lets anyone in: a consumer learns that there is one, never its address.
    const asConsumer = await call('connie', 'GET', path);
    const consumerText = await asConsumer.text();
    expect(externalShareSchema.parse(JSON.parse(consumerText))).toEqual({
      enabled: true,
      url: null,
      createdAt: null,
    });
    expect(consumerText).not.toContain(link.url as string);
    expect(externalShareSchema.parse(await (await call('eddie', 'GET', path)).json()).url).toBe(link.url);
    expect((await call('olivia', 'DELETE', path)).status).toBe(204);
    expect(externalShareSchema.parse(await (await call('olivia', 'GET', path)).json())).toEqual({
      enabled: false,
      url: null,
      createdAt: null,
    });
  });

  it('refuses a consumer with 403, and hides the application from outsiders with 404', async () => {
    const refused = await call('connie', 'POST', path);
    expect(refused.status).toBe(403);
    expect(errorBodySchema.parse(await refused.json()).code).toBe('FORBIDDEN');
    expect((await call('connie', 'DELETE', path)).status).toBe(403);
    expect((await call('gus', 'GET', path)).status).toBe(404);
    expect(
      (await call('olivia', 'POST', `/customApplications/${demoAssetId('dataset')}/externalShare`)).status,
    ).toBe(404);
  });
});
