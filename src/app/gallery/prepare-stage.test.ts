import { afterEach, describe, expect, it } from 'vitest';
import { mockBackend } from '../../mock-backend/control.ts';
import { assetTypes } from '../../sharing/asset-types.ts';
import type { AssetTypeConfig } from '../../sharing/types.ts';
import { findGalleryState, type GalleryState } from './gallery-states.ts';
import { prepareStage, releaseStage } from './prepare-stage.ts';

function config(id: string): AssetTypeConfig {
  const found = assetTypes.get(id);
  if (!found) throw new Error(`no asset type ${id}`);
  return found;
}

function state(id: string): GalleryState {
  const found = findGalleryState(id);
  if (!found) throw new Error(`no gallery state ${id}`);
  return found;
}

afterEach(() => mockBackend.reset({ scale: false }));

describe('gallery stages', () => {
  it('open the seeded demo asset of the type, with no faults left over', () => {
    mockBackend.injectFault({ path: '/sharedRoles', status: 500 });
    const stage = prepareStage(config('deployment'), state('default'));
    expect(stage.assetName).toBe('Churn predictor · production');
    expect(mockBackend.faults()).toHaveLength(0);
  });

  it('make an asset only its owner can see for the empty state, and take it away again', () => {
    const empty = state('empty');
    const stage = prepareStage(config('workload'), empty);
    const asset = mockBackend.db.assets.get(stage.assetId);
    expect(asset?.assetTypeId).toBe('workload');
    expect(asset?.grants).toHaveLength(1);
    expect(asset?.grants[0]).toMatchObject({ principalId: mockBackend.idOf('olivia'), role: 'OWNER' });
    releaseStage(empty, stage);
    expect(mockBackend.db.assets.has(stage.assetId)).toBe(false);
  });

  it('arm the faults and latency of a state while it is shown, and clear them after', () => {
    const loading = state('loading');
    const stage = prepareStage(config('dataset'), loading);
    expect(mockBackend.faults().map((fault) => fault.path)).toEqual(['/datasets/*', '/sharedRoles']);
    releaseStage(loading, stage);
    expect(mockBackend.faults()).toHaveLength(0);

    const slow = state('slow-network');
    prepareStage(config('dataset'), slow);
    expect(mockBackend.latencyMs).toBe(3000);
    releaseStage(slow, null);
    expect(mockBackend.latencyMs).toBe(0);
  });
});

describe('a gallery stage of several assets', () => {
  it('selects a dataset, a Use Case and a deployment of the seed', () => {
    const stage = prepareStage(config('dataset'), state('several-assets'));
    expect(stage.assetName).toBe('3 assets');
    expect(stage.assets?.map((asset) => mockBackend.db.assets.get(asset.assetId)?.name)).toEqual([
      'Customer transactions 2024',
      'Customer churn reduction',
      'Churn predictor · production',
    ]);
  });

  it('holds every save mid-way while the saving state is shown', () => {
    const saving = state('several-assets-saving');
    const stage = prepareStage(config('dataset'), saving);
    expect(mockBackend.faults()).toMatchObject([{ path: '/sharedRoles', method: 'PATCH' }]);
    releaseStage(saving, stage);
    expect(mockBackend.faults()).toHaveLength(0);
  });
});
