/**
 * Puts the mock backend in a gallery state and takes it out again. Control requests run one after another, so a
 * page that mounts, unmounts and mounts again (React's strict mode, quick navigation) never leaves a stale fault.
 */
import type { ApiClient } from '../../api/client.ts';
import { getAsset } from '../../api/get-asset.ts';
import { scaleAssetId } from '../../mock-backend/scale.ts';
import { type DemoAssetKey, demoAssetId, demoAssetKeys } from '../../mock-backend/seed.ts';
import type { AssetTypeConfig } from '../../sharing/types.ts';
import { clearFaults, injectFault } from '../demo-api.ts';
import type { GalleryState } from './gallery-states.ts';

/** The asset a gallery page opens the dialog on. */
export interface PreparedStage {
  assetId: string;
  assetName: string;
}

let queue: Promise<unknown> = Promise.resolve();

/** Runs a control step after every step queued before it. */
function enqueue<T>(step: () => Promise<T>): Promise<T> {
  const run = queue.then(step, step);
  queue = run.catch(() => undefined);
  return run;
}

function isDemoAssetKey(key: string): key is DemoAssetKey {
  return (demoAssetKeys as readonly string[]).includes(key);
}

/** The id of the asset a state opens, for an asset type. */
export function stageAssetId(assetType: AssetTypeConfig, state: GalleryState): string {
  if (state.asset === 'scale10000') return scaleAssetId(10_000);
  if (!isDemoAssetKey(assetType.id)) throw new Error(`The demo seed has no ${assetType.label.toLowerCase()}.`);
  return demoAssetId(assetType.id);
}

/**
 * Clears earlier faults, finds the state's asset (as the state's persona, so a hidden asset fails here and not in
 * the dialog), then injects the state's faults unless the page went away meanwhile.
 */
export function prepareStage(
  client: ApiClient,
  assetType: AssetTypeConfig,
  state: GalleryState,
  cancelled: () => boolean,
): Promise<PreparedStage> {
  return enqueue(async () => {
    await clearFaults(client);
    const assetId = stageAssetId(assetType, state);
    const asset = await getAsset(client, assetType, assetId);
    if (!cancelled()) {
      for (const fault of state.faults(assetType)) await injectFault(client, fault);
    }
    return { assetId, assetName: asset.name };
  });
}

/** Removes the faults a gallery page injected. */
export function releaseStage(client: ApiClient): void {
  void enqueue(() => clearFaults(client)).catch(() => undefined);
}
