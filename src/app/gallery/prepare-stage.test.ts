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

  it('make an asset whose access ends for the expiry states, move the clock while shown, and put it back', () => {
    const moved = state('clock-moved');
    const before = mockBackend.now();
    const stage = prepareStage(config('project'), moved);
    const asset = mockBackend.db.assets.get(stage.assetId);
    // Rita's access had ended before the clock moved: the move settled it, recorded as an expiry.
    expect(asset?.grants.map((grant) => grant.principalId)).not.toContain(mockBackend.idOf('rita'));
    expect(mockBackend.db.changeSets.map((set) => [set.assetId, set.cause])).toEqual([
      [stage.assetId, 'expiry'],
    ]);
    expect(asset?.grants.filter((grant) => grant.expiresAt !== undefined)).toHaveLength(2);
    expect(mockBackend.now() - before).toBeGreaterThanOrEqual(3 * 86_400_000);
    releaseStage(moved, stage);
    expect(mockBackend.db.clock.offsetMs).toBe(0);
    expect(mockBackend.db.assets.has(stage.assetId)).toBe(false);
  });
});
