import { describe, expect, it } from 'vitest';
import { accountSchema, assetPageSchema, assetSchema, errorBodySchema } from '../../api/contract.ts';
import { personaIds } from '../personas.ts';
import { demoAssetId, organizations } from '../seed.ts';
import { call, getJson, setupMockServer, testApiBase } from '../test-support.ts';

setupMockServer();

describe('authentication', () => {
  it('answers 401 without a token, with an unknown one, and for an inactive account', async () => {
    const attempts: Record<string, string>[] = [
      {},
      { Authorization: 'Bearer nope' },
      { Authorization: 'Basic b2xpdmlh' },
    ];
    for (const headers of attempts) {
      const response = await fetch(`${testApiBase}/datasets`, { headers });
      expect(response.status).toBe(401);
      expect(errorBodySchema.parse(await response.json()).code).toBe('UNAUTHORIZED');
    }
    expect((await call('ivan', 'GET', '/account')).status).toBe(401);
  });

  it('checks the token before anything else, even on an asset that does not exist', async () => {
    expect((await call(null, 'PATCH', `/datasets/${'0'.repeat(24)}/sharedRoles`, { body: '{' })).status).toBe(
      401,
    );
  });
});

describe('GET /account', () => {
  it('answers the actor', async () => {
    const account = accountSchema.parse(await getJson('eddie', '/account'));
    expect(account).toEqual({
      id: personaIds.eddie,
      username: 'eddie@acme.test',
      fullName: 'Eddie Evans',
      orgId: organizations.acme.id,
      orgName: 'Acme Analytics',
    });
  });
});

describe('assets', () => {
  it('lists the assets of a collection the actor can see, with their role and whether they may share', async () => {
    const connie = assetPageSchema.parse(await getJson('connie', '/datasets'));
    expect(connie.data.map((asset) => [asset.name, asset.yourRole, asset.canShare])).toEqual([
      ['Credit bureau extract', 'CONSUMER', false],
      ['Customer transactions 2024', 'CONSUMER', false],
    ]);
    const nora = assetPageSchema.parse(await getJson('nora', '/dataStores'));
    expect(nora.data.map((asset) => [asset.yourRole, asset.canShare])).toEqual([['EDITOR', false]]);
  });

  it('lists every visible asset of every type at /assets', async () => {
    const olivia = assetPageSchema.parse(await getJson('olivia', '/assets'));
    expect(new Set(olivia.data.map((asset) => asset.assetType)).size).toBe(8);
    expect(olivia.data.some((asset) => asset.id === demoAssetId('marketingMix'))).toBe(false);
    expect(olivia.data.some((asset) => asset.id === demoAssetId('globexForecast'))).toBe(false);
    const gus = assetPageSchema.parse(await getJson('gus', '/assets'));
    expect(gus.data.map((asset) => asset.id)).toEqual([demoAssetId('globexForecast')]);
  });

  it('answers one asset with its lineage and, for applications, the external link', async () => {
    const model = assetSchema.parse(await getJson('olivia', `/models/${demoAssetId('governedModel')}`));
    expect(model.linkedInputs?.map((input) => input.assetType)).toEqual(['dataset', 'dataset']);
    expect(model.hiddenLinkedInputCount).toBeUndefined();
    const app = assetSchema.parse(
      await getJson('eddie', `/customApplications/${demoAssetId('application')}`),
    );
    expect(app).toMatchObject({ yourRole: 'EDITOR', canShare: true, externalShareUrl: null });
  });

  it('counts the linked inputs the actor cannot open, and never names or identifies them', async () => {
    // Olivia takes Connie off the credit bureau extract: the model still links it, Connie no longer opens it.
    const extract = `/datasets/${demoAssetId('creditBureauExtract')}/sharedRoles`;
    const removed = await call('olivia', 'PATCH', extract, {
      body: {
        operation: 'updateRoles',
        roles: [{ username: 'connie@acme.test', shareRecipientType: 'user', role: null }],
      },
    });
    expect(removed.status).toBe(204);
    const response = await call('connie', 'GET', `/models/${demoAssetId('governedModel')}`);
    const text = await response.text();
    const model = assetSchema.parse(JSON.parse(text));
    expect(model.linkedInputs?.map((input) => input.name)).toEqual(['Customer transactions 2024']);
    expect(model.hiddenLinkedInputCount).toBe(1);
    expect(text).not.toContain('Credit bureau extract');
    expect(text).not.toContain(demoAssetId('creditBureauExtract'));
  });

  it('answers the external link only to those who may manage it', async () => {
    const app = `/customApplications/${demoAssetId('application')}`;
    expect((await call('olivia', 'POST', `${app}/externalShare`)).status).toBe(201);
    const owner = assetSchema.parse(await getJson('olivia', app));
    expect(owner.externalShareUrl).toMatch(/^https:/);
    const consumer = await call('connie', 'GET', app);
    const text = await consumer.text();
    expect(assetSchema.parse(JSON.parse(text)).externalShareUrl).toBeUndefined();
    expect(text).not.toContain(owner.externalShareUrl as string);
  });

  it('says whether the actor holds "Can use data" (R18)', async () => {
    const dataset = assetSchema.parse(await getJson('connie', `/datasets/${demoAssetId('dataset')}`));
    expect(dataset.canUseData).toBe(true);
  });

  it('answers 404, never 403, for an asset the actor cannot see, a wrong collection or an unknown id', async () => {
    const hidden = await call('olivia', 'GET', `/projects/${demoAssetId('marketingMix')}`);
    expect(hidden.status).toBe(404);
    expect(errorBodySchema.parse(await hidden.json()).code).toBe('NOT_FOUND');
    expect((await call('olivia', 'GET', `/projects/${demoAssetId('marketingMix')}/sharedRoles`)).status).toBe(
      404,
    );
    expect(
      (
        await call('olivia', 'PATCH', `/projects/${demoAssetId('marketingMix')}/sharedRoles`, {
          body: { operation: 'updateRoles', roles: [] },
        })
      ).status,
    ).toBe(404);
    expect((await call('olivia', 'GET', `/models/${demoAssetId('dataset')}`)).status).toBe(404);
    expect((await call('olivia', 'GET', `/datasets/${'0'.repeat(24)}`)).status).toBe(404);
    expect((await call('olivia', 'GET', '/widgets')).status).toBe(404);
    expect((await call('gus', 'GET', `/datasets/${demoAssetId('dataset')}/sharedRoles`)).status).toBe(404);
  });
});
