import { describe, expect, it } from 'vitest';
import { accessExplanationSchema } from '../../api/contract.ts';
import { personaIds } from '../personas.ts';
import { demoAssetId, groupId } from '../seed.ts';
import { call, getJson, setupMockServer } from '../test-support.ts';

setupMockServer();

const explain = async (userId: string) =>
  accessExplanationSchema.parse(
    await getJson('olivia', `/deployments/${demoAssetId('deployment')}/access/${userId}`),
  );

describe('GET /{collection}/{id}/access/{userId}', () => {
  it('lists every grant that reaches a user, and the ceiling that caps them', async () => {
    const rita = await explain(personaIds.rita);
    expect(rita).toMatchObject({ level: 1, role: 'CONSUMER', cappedByCeiling: true });
    expect(rita.paths).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ via: 'direct', role: 'CONSUMER' }),
        expect.objectContaining({
          via: 'group',
          principalId: groupId('risk'),
          principalName: 'Risk',
          role: 'USER',
        }),
      ]),
    );
  });

  it('answers level 0 for someone without access, and 404 for an unknown user or a hidden asset', async () => {
    expect(await explain(personaIds.ivan)).toMatchObject({ level: 0, role: null });
    expect(
      (await call('olivia', 'GET', `/deployments/${demoAssetId('deployment')}/access/${'0'.repeat(24)}`))
        .status,
    ).toBe(404);
    expect(
      (await call('gus', 'GET', `/deployments/${demoAssetId('deployment')}/access/${personaIds.rita}`))
        .status,
    ).toBe(404);
  });

  it('answers 404 for a user of another organization, as for no user at all', async () => {
    const response = await call(
      'olivia',
      'GET',
      `/deployments/${demoAssetId('deployment')}/access/${personaIds.gus}`,
    );
    expect(response.status).toBe(404);
    const body = await response.text();
    expect(body).not.toContain('Gus');
    const back = await call(
      'gus',
      'GET',
      `/datasets/${demoAssetId('globexForecast')}/access/${personaIds.olivia}`,
    );
    expect(back.status).toBe(404);
    expect(await back.text()).not.toContain('Olivia');
  });
});
