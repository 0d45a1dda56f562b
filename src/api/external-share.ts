import { mutationOptions, type QueryClient, queryOptions } from '@tanstack/react-query';
import type { AssetTypeConfig } from '../sharing/types.ts';
import { assetPath } from './asset-path.ts';
import { type ApiClient, type ApiError, retryApiError } from './client.ts';
import type { ExternalShare } from './contract.ts';
import { sharingKeys } from './query-keys.ts';

/** The external sharing link of an asset (applications). */
export async function getExternalShare(
  client: ApiClient,
  assetType: AssetTypeConfig,
  assetId: string,
  signal?: AbortSignal,
): Promise<ExternalShare> {
  const { data } = await client.request({
    path: assetPath(assetType, assetId, '/externalShare'),
    answer: 'externalShare',
    signal,
  });
  return data;
}

/** Creates the external sharing link (or answers the existing one). */
export async function createExternalShare(
  client: ApiClient,
  assetType: AssetTypeConfig,
  assetId: string,
): Promise<ExternalShare> {
  const { data } = await client.request({
    method: 'POST',
    path: assetPath(assetType, assetId, '/externalShare'),
    answer: 'externalShare',
  });
  return data;
}

/** Revokes the external sharing link. */
export async function deleteExternalShare(
  client: ApiClient,
  assetType: AssetTypeConfig,
  assetId: string,
): Promise<void> {
  await client.request({ method: 'DELETE', path: assetPath(assetType, assetId, '/externalShare') });
}

/** Query options for an application's external sharing link, under the key creating or revoking refreshes. */
export function externalShareQueryOptions(client: ApiClient, assetType: AssetTypeConfig, assetId: string) {
  return queryOptions<ExternalShare, ApiError>({
    queryKey: sharingKeys.externalShare(assetType.id, assetId),
    queryFn: ({ signal }) => getExternalShare(client, assetType, assetId, signal),
    retry: retryApiError,
  });
}

const disabledLink: ExternalShare = { enabled: false, url: null, createdAt: null };

/** Mutation options that turn the external link on (`true`) or off (`false`), then store the new state. */
export function setExternalShareMutationOptions(
  client: ApiClient,
  queryClient: QueryClient,
  assetType: AssetTypeConfig,
  assetId: string,
) {
  const queryKey = sharingKeys.externalShare(assetType.id, assetId);
  return mutationOptions<ExternalShare, ApiError, boolean>({
    mutationKey: [...queryKey, 'set'],
    mutationFn: async (enabled: boolean): Promise<ExternalShare> => {
      if (enabled) return createExternalShare(client, assetType, assetId);
      await deleteExternalShare(client, assetType, assetId);
      return disabledLink;
    },
    onSuccess: (link) => {
      queryClient.setQueryData(queryKey, link);
      return queryClient.invalidateQueries({
        queryKey: sharingKeys.asset(assetType.id, assetId),
        exact: true,
      });
    },
  });
}
