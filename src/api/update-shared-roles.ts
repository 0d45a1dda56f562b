import { mutationOptions, type QueryClient } from '@tanstack/react-query';
import type { AssetTypeConfig, ChangeRequest, GrantChange } from '../sharing/types.ts';
import type { ApiClient, ApiError } from './client.ts';
import type { SharedRolesUpdateBody, SharedRoleUpdate } from './contract.ts';
import { sharingKeys } from './query-keys.ts';

function toRoleUpdate(change: GrantChange): SharedRoleUpdate {
  const { recipient } = change;
  const entry: SharedRoleUpdate = { shareRecipientType: recipient.type, role: change.role };
  if (recipient.id) entry.id = recipient.id;
  else if (recipient.type === 'user') entry.username = recipient.name;
  else entry.name = recipient.name;
  if (change.canShare !== undefined) entry.canShare = change.canShare;
  if (change.canUseData !== undefined) entry.canUseData = change.canUseData;
  if (change.expiresAt !== undefined) entry.expiresAt = change.expiresAt;
  return entry;
}

/** The wire body (SPEC §5) of a change request; `roles[i]` is `changes[i]`, so errors map back by index. */
export function changeRequestToBody(request: ChangeRequest): SharedRolesUpdateBody {
  const body: SharedRolesUpdateBody = { operation: 'updateRoles', roles: request.changes.map(toRoleUpdate) };
  if (request.note) body.note = request.note;
  if (request.sendNotification !== undefined) body.sendNotification = request.sendNotification;
  if (request.applyToLinkedObjects !== undefined)
    body.applyGrantToLinkedObjects = request.applyToLinkedObjects;
  return body;
}

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
    path: `/${assetType.collection}/${encodeURIComponent(assetId)}/sharedRoles`,
    headers: ifMatch ? { 'If-Match': ifMatch } : {},
    body,
    signal,
  });
  return { etag };
}

/** Refreshes what a save changes: the asset (its access list, previews, explanations) and the asset lists. */
export async function invalidateAfterSharing(
  queryClient: QueryClient,
  assetTypeId: string,
  assetId: string,
): Promise<void> {
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: sharingKeys.asset(assetTypeId, assetId) }),
    queryClient.invalidateQueries({ queryKey: sharingKeys.assetLists() }),
    queryClient.invalidateQueries({ queryKey: sharingKeys.notifications() }),
    queryClient.invalidateQueries({ queryKey: sharingKeys.outbox() }),
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
