/**
 * Puts the mock backend in a gallery state and takes it out again, through the backend's control panel (in the
 * page, synchronous): faults, latency, and the asset the state opens.
 */
import { mockBackend } from '../../mock-backend/control.ts';
import { scaleAssetId } from '../../mock-backend/scale.ts';
import { type DemoAssetKey, demoAssetId, demoAssetKeys } from '../../mock-backend/seed.ts';
import type { AssetTypeConfig } from '../../sharing/types.ts';
import type { GalleryState } from './gallery-states.ts';

/** The asset a gallery page opens the dialog on. */
export interface PreparedStage {
  assetId: string;
  assetName: string;
}

function isDemoAssetKey(key: string): key is DemoAssetKey {
  return (demoAssetKeys as readonly string[]).includes(key);
}

/** Sets the backend's faults and latency for a state, and answers the id of the asset the state opens. */
function arrangeBackend(assetType: AssetTypeConfig, state: GalleryState): string {
  mockBackend.clearFaults();
  mockBackend.setLatency(state.latencyMs ?? 0);
  for (const fault of state.faults(assetType)) mockBackend.injectFault(fault);
  if (state.asset === 'scale10000') return scaleAssetId(10_000);
  if (state.asset === 'ownerOnly') return mockBackend.ownerOnlyAsset(assetType.id).id;
  if (state.asset === 'expiring') {
    const { id } = mockBackend.expiringAsset(assetType.id);
    if (state.clockDays) mockBackend.moveClock({ advanceDays: state.clockDays });
    return id;
  }
  if (!isDemoAssetKey(assetType.id))
    throw new Error(`The demo seed has no ${assetType.label.toLowerCase()}.`);
  return demoAssetId(assetType.id);
}

/** Puts the backend in the state and answers the asset the state opens. */
export function prepareStage(assetType: AssetTypeConfig, state: GalleryState): PreparedStage {
  const assetId = arrangeBackend(assetType, state);
  const asset = mockBackend.db.assets.get(assetId);
  if (!asset) throw new Error(`The demo data has no ${assetType.label.toLowerCase()} for this state.`);
  return { assetId, assetName: asset.name };
}

/** Takes the backend out of a state: no faults, no latency, real time, no asset made for the page. */
export function releaseStage(state: GalleryState, stage: PreparedStage | null): void {
  mockBackend.clearFaults();
  mockBackend.setLatency(0);
  if (state.clockDays) mockBackend.moveClock({ realTime: true });
  if ((state.asset === 'ownerOnly' || state.asset === 'expiring') && stage)
    mockBackend.removeAsset(stage.assetId);
}
