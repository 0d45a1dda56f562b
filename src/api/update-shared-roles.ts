import { mutationOptions, type QueryClient } from '@tanstack/react-query';
import type { AssetTypeConfig } from '../sharing/types.ts';
import { assetPath } from './asset-path.ts';
import type { ApiClient, ApiError } from './client.ts';
import type { SharedRolesUpdateBody } from './contract.ts';
import { sharingKeys } from './query-keys.ts';

/** A save: the body, and the access-list version it was made against. */
export interface UpdateSharedRolesVariables {
  body: SharedRolesUpdateBody;
  /** The first page's `ETag`; a stale one answers 412. Null sends no `If-Match`. */
  ifMatch: string | null;
  /** Stops waiting for the answer (a person cancelling a slow save); the server may still apply it. */
  signal?: AbortSignal;
}

/** The access list's new version after a save. */
export interface UpdateSharedRolesResult {
  etag: string | null;
}

/** Applies changes to an access list, atomically, against the version the changes were made on. */
export async function updateSharedRoles(
  client: ApiClient,
  assetType: AssetTypeConfig,
  assetId: string,
  { body, ifMatch, signal }: UpdateSharedRolesVariables,
): Promise<UpdateSharedRolesResult> {
  const { etag } = await client.request({
    method: 'PATCH',
    path: assetPath(assetType, assetId, '/sharedRoles'),
    headers: ifMatch ? { 'If-Match': ifMatch } : {},
    body,
    signal,
  });
  return { etag };
}

/** Refreshes what any save may change beyond its asset: the asset lists, notifications and the outbox. */
export async function invalidateSharingViews(queryClient: QueryClient): Promise<void> {
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: sharingKeys.assetLists() }),
    queryClient.invalidateQueries({ queryKey: sharingKeys.notifications() }),
    queryClient.invalidateQueries({ queryKey: sharingKeys.outbox() }),
  ]);
}

/** Refreshes what a save changes: the asset (its access list, previews, explanations) and the asset lists. */
export async function invalidateAfterSharing(
  queryClient: QueryClient,
  assetTypeId: string,
  assetId: string,
): Promise<void> {
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: sharingKeys.asset(assetTypeId, assetId) }),
    invalidateSharingViews(queryClient),
  ]);
}

/** Mutation options for a save; on success the asset and the lists are refreshed through the key factory. */
export function updateSharedRolesMutationOptions(
  client: ApiClient,
  queryClient: QueryClient,
  assetType: AssetTypeConfig,
  assetId: string,
) {
  return mutationOptions<UpdateSharedRolesResult, ApiError, UpdateSharedRolesVariables>({
    mutationKey: [...sharingKeys.sharedRolesAll(assetType.id, assetId), 'update'],
    mutationFn: (variables: UpdateSharedRolesVariables) =>
      updateSharedRoles(client, assetType, assetId, variables),
    onSuccess: () => invalidateAfterSharing(queryClient, assetType.id, assetId),
  });
}
