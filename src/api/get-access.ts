import { queryOptions } from '@tanstack/react-query';
import type { AssetTypeConfig } from '../sharing/types.ts';
import { assetPath } from './asset-path.ts';
import { type ApiClient, type ApiError, retryApiError } from './client.ts';
import type { AccessExplanation } from './contract.ts';
import { sharingKeys } from './query-keys.ts';

/** Why a user has access to an asset: each grant that reaches them. */
export async function getAccess(
  client: ApiClient,
  assetType: AssetTypeConfig,
  assetId: string,
  userId: string,
  signal?: AbortSignal,
): Promise<AccessExplanation> {
  const { data } = await client.request({
    path: assetPath(assetType, assetId, `/access/${encodeURIComponent(userId)}`),
    answer: 'accessExplanation',
    signal,
  });
  return data;
}

/** Query options for one user's access explanation; refreshed with the asset after a save. */
export function accessQueryOptions(
  client: ApiClient,
  assetType: AssetTypeConfig,
  assetId: string,
  userId: string,
) {
  return queryOptions<AccessExplanation, ApiError>({
    queryKey: sharingKeys.access(assetType.id, assetId, userId),
    queryFn: ({ signal }) => getAccess(client, assetType, assetId, userId, signal),
    staleTime: 60_000,
    retry: retryApiError,
  });
}
