import { afterEach, describe, expect, it } from 'vitest';
import { mockBackend } from '../../mock-backend/control.ts';
import { assetTypes } from '../../sharing/asset-types.ts';
import type { AssetTypeConfig } from '../../sharing/types.ts';
import { prepareStage, releaseStage } from './story-stage.ts';

function config(id: string): AssetTypeConfig {
  const found = assetTypes.get(id);
  if (!found) throw new Error(`no asset type ${id}`);
  return found;
}

afterEach(() => {
  releaseStage();
  mockBackend.reset({ scale: false });
});

describe('story stages', () => {
  it('open the seeded demo asset of the type as the persona, with no faults left over', () => {
    mockBackend.injectFault({ path: '/sharedRoles', status: 500 });
    const stage = prepareStage(config('deployment'), { actAs: 'connie@acme.test' });
    expect(stage.assetName).toBe('Churn predictor · production');
    expect(stage.token).toBe(mockBackend.tokenOf('connie'));
    expect(mockBackend.faults()).toHaveLength(0);
  });

  it('make an asset only its owner can see for the empty state, and take it away again', () => {
    const stage = prepareStage(config('workload'), { actAs: 'olivia@acme.test', asset: 'ownerOnly' });
    const asset = mockBackend.db.assets.get(stage.assetId);
    expect(asset?.assetTypeId).toBe('workload');
    expect(asset?.grants).toHaveLength(1);
    expect(asset?.grants[0]).toMatchObject({ principalId: mockBackend.idOf('olivia'), role: 'OWNER' });
    releaseStage(stage);
    expect(mockBackend.db.assets.has(stage.assetId)).toBe(false);
  });

  it('arm the faults and latency of a stage while it is shown, and clear them after', () => {
    const loading = prepareStage(config('dataset'), {
      actAs: 'olivia@acme.test',
      faults: (assetType) => [
        { path: `/${assetType.collection}/*`, method: 'GET', delayMs: 1000 },
        { path: '/sharedRoles', method: 'GET', delayMs: 1000 },
      ],
    });
    expect(mockBackend.faults().map((fault) => fault.path)).toEqual(['/datasets/*', '/sharedRoles']);
    releaseStage(loading);
    expect(mockBackend.faults()).toHaveLength(0);

    prepareStage(config('dataset'), { actAs: 'olivia@acme.test', latencyMs: 3000 });
    expect(mockBackend.latencyMs).toBe(3000);
    releaseStage();
    expect(mockBackend.latencyMs).toBe(0);
  });

  it("leave the next stage alone when an earlier story's cleanup comes late", () => {
    const first = prepareStage(config('dataset'), {
      actAs: 'olivia@acme.test',
      faults: () => [{ path: '/sharedRoles', status: 500 }],
    });
    prepareStage(config('dataset'), { actAs: 'olivia@acme.test', latencyMs: 3000 });
    releaseStage(first);
    expect(mockBackend.latencyMs).toBe(3000);
    expect(mockBackend.faults()).toHaveLength(0);
  });

  it('make an asset whose access ends for the expiry stories, move the clock while shown, and put it back', () => {
    const before = mockBackend.now();
    const stage = prepareStage(config('project'), {
      actAs: 'olivia@acme.test',
      asset: 'expiring',
      clockDays: 3,
    });
    const asset = mockBackend.db.assets.get(stage.assetId);
    // Rita's access had ended before the clock moved: the move settled it, recorded as an expiry.
    expect(asset?.grants.map((grant) => grant.principalId)).not.toContain(mockBackend.idOf('rita'));
    expect(
      mockBackend.db.changeSets.filter((set) => set.assetId === stage.assetId).map((set) => set.cause),
    ).toEqual(['expiry']);
    expect(asset?.grants.filter((grant) => grant.expiresAt !== undefined)).toHaveLength(2);
    expect(mockBackend.now() - before).toBeGreaterThanOrEqual(3 * 86_400_000);
    releaseStage(stage);
    expect(mockBackend.db.clock.offsetMs).toBe(0);
    expect(mockBackend.db.assets.has(stage.assetId)).toBe(false);
  });

  it('put Connie Cole’s request for read-write in the state the story shows, and the seed’s back after it', () => {
    const seeded = mockBackend.db.accessRequests;
    const connie = mockBackend.idOf('connie');
    const dataset = mockBackend.db.assets.get(
      prepareStage(config('dataset'), { actAs: 'connie@acme.test' }).assetId,
    );
    const hers = () =>
      mockBackend.db.accessRequests.filter(
        (request) => request.assetId === dataset?.id && request.requesterId === connie,
      );
    expect(hers().map((request) => request.status)).toEqual(['pending']);

    const none = prepareStage(config('dataset'), { actAs: 'connie@acme.test', accessRequest: 'none' });
    expect(hers()).toEqual([]);
    releaseStage(none);
    expect(mockBackend.db.accessRequests).toEqual(seeded);

    const declined = prepareStage(config('dataset'), {
      actAs: 'connie@acme.test',
      accessRequest: 'declined',
    });
    expect(hers().map((request) => [request.status, request.role, request.deciderId])).toEqual([
      ['declined', 'EDITOR', mockBackend.idOf('olivia')],
    ]);
    expect(hers()[0]?.declineMessage).toMatch(/ask again/);
    releaseStage(declined);
    expect(mockBackend.db.accessRequests).toEqual(seeded);

    prepareStage(config('useCase'), { actAs: 'olivia@acme.test', accessRequest: 'pending' });
    const useCase = mockBackend.db.accessRequests.filter((request) => request.status === 'pending');
    expect(useCase).toHaveLength(2);
    expect(useCase.at(-1)?.grantorIds).toContain(mockBackend.idOf('olivia'));
  });

  it('refuse a persona the demo does not have', () => {
    expect(() => prepareStage(config('dataset'), { actAs: 'nobody@acme.test' })).toThrow(/no persona/);
  });
});

describe('a story stage of several assets', () => {
  it('selects a dataset, a Use Case and a deployment of the seed', () => {
    const stage = prepareStage(config('dataset'), { actAs: 'olivia@acme.test', asset: 'mixedSelection' });
    expect(stage.assetName).toBe('3 assets');
    expect(stage.assets?.map((asset) => mockBackend.db.assets.get(asset.assetId)?.name)).toEqual([
      'Customer transactions 2024',
      'Customer churn reduction',
      'Churn predictor · production',
    ]);
  });
});
