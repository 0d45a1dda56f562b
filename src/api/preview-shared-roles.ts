import { queryOptions } from '@tanstack/react-query';
import type { AssetTypeConfig } from '../sharing/types.ts';
import { assetPath } from './asset-path.ts';
import { type ApiClient, type ApiError, retryApiError } from './client.ts';
import type { SharedRolesPreview, SharedRolesUpdateBody } from './contract.ts';
import { sharingKeys } from './query-keys.ts';

/** Checks changes without applying them: the per-entry errors, and who gains, changes or loses access. */
export async function previewSharedRoles(
  client: ApiClient,
  assetType: AssetTypeConfig,
  assetId: string,
  body: SharedRolesUpdateBody,
  signal?: AbortSignal,
): Promise<SharedRolesPreview> {
  const { data } = await client.request({
    method: 'POST',
    path: assetPath(assetType, assetId, '/sharedRoles/preview'),
    body,
    answer: 'sharedRolesPreview',
    signal,
  });
  return data;
}

/** Query options for the preview of one change request; a new request is a new query. */
export function previewSharedRolesQueryOptions(
  client: ApiClient,
  assetType: AssetTypeConfig,
  assetId: string,
  body: SharedRolesUpdateBody,
) {
  return queryOptions<SharedRolesPreview, ApiError>({
    queryKey: sharingKeys.preview(assetType.id, assetId, body),
    queryFn: ({ signal }) => previewSharedRoles(client, assetType, assetId, body, signal),
    staleTime: 30_000,
    retry: retryApiError,
  });
}
