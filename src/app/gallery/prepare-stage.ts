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
  /** For a state of several assets at once: each of them. */
  assets?: { assetType: string; assetId: string }[];
}

/** The demo assets a state of several assets at once selects. */
const mixedSelection: DemoAssetKey[] = ['dataset', 'useCase', 'deployment'];

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
  if (!isDemoAssetKey(assetType.id))
    throw new Error(`The demo seed has no ${assetType.label.toLowerCase()}.`);
  return demoAssetId(assetType.id);
}

/** Puts the backend in the state and answers the asset the state opens. */
export function prepareStage(assetType: AssetTypeConfig, state: GalleryState): PreparedStage {
  const assetId = arrangeBackend(assetType, state);
  if (state.asset === 'mixedSelection') {
    const assets = mixedSelection.map((key) => ({ assetType: key, assetId: demoAssetId(key) }));
    return { assetId, assetName: `${assets.length} assets`, assets };
  }
  const asset = mockBackend.db.assets.get(assetId);
  if (!asset) throw new Error(`The demo data has no ${assetType.label.toLowerCase()} for this state.`);
  return { assetId, assetName: asset.name };
}

/** Takes the backend out of a state: no faults, no latency, no asset made for the page. */
export function releaseStage(state: GalleryState, stage: PreparedStage | null): void {
  mockBackend.clearFaults();
  mockBackend.setLatency(0);
  if (state.asset === 'ownerOnly' && stage) mockBackend.removeAsset(stage.assetId);
}
