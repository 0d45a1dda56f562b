import { queryOptions } from '@tanstack/react-query';
import type { AssetTypeConfig } from '../sharing/types.ts';
import { assetPath } from './asset-path.ts';
import { type ApiClient, type ApiError, retryApiError } from './client.ts';
import type { Asset } from './contract.ts';
import { sharingKeys } from './query-keys.ts';

/** One asset with the actor's standing on it (`yourRole`, `canShare`). */
export async function getAsset(
  client: ApiClient,
  assetType: AssetTypeConfig,
  assetId: string,
  signal?: AbortSignal,
): Promise<Asset> {
  const { data } = await client.request({
    path: assetPath(assetType, assetId),
    answer: 'asset',
    signal,
  });
  return data;
}

/**
 * Query options for one asset, under the key a save refreshes (`sharingKeys.asset`). Fresh for a few seconds, so that
 * the asset fetched on intent (the pointer resting on `Share`) is shown on the click without being asked again.
 */
export function assetQueryOptions(client: ApiClient, assetType: AssetTypeConfig, assetId: string) {
  return queryOptions<Asset, ApiError>({
    queryKey: sharingKeys.asset(assetType.id, assetId),
    queryFn: ({ signal }) => getAsset(client, assetType, assetId, signal),
    staleTime: 10_000,
    retry: retryApiError,
  });
}
