import { mutationOptions, type QueryClient } from '@tanstack/react-query';
import type { AccessRequestAsk } from '../sharing/access-requests.ts';
import type { AssetTypeConfig } from '../sharing/types.ts';
import { assetPath } from './asset-path.ts';
import type { ApiClient, ApiError } from './client.ts';

import type { AccessRequestEntry } from './get-access-requests.ts';
import { sharingKeys } from './query-keys.ts';
import { accessRequestOf } from './wire-mapping.ts';

/** Asks for a role on an asset (`POST …/accessRequests`), answering the request as made. */
export async function createAccessRequest(
  client: ApiClient,
  assetType: AssetTypeConfig,
  assetId: string,
  ask: AccessRequestAsk,
): Promise<AccessRequestEntry> {
  const { data } = await client.request({
    method: 'POST',
    path: assetPath(assetType, assetId, '/accessRequests'),
    body: { role: ask.role, message: ask.message },
    answer: 'accessRequest',
  });
  return accessRequestOf(data);
}

/** Mutation options that ask for access, then refresh the asset's requests through the key factory. */
export function createAccessRequestMutationOptions(
  client: ApiClient,
  queryClient: QueryClient,
  assetType: AssetTypeConfig,
  assetId: string,
) {
  const queryKey = sharingKeys.accessRequests(assetType.id, assetId);
  return mutationOptions<AccessRequestEntry, ApiError, AccessRequestAsk>({
    mutationKey: [...queryKey, 'create'],
    mutationFn: (ask: AccessRequestAsk) => createAccessRequest(client, assetType, assetId, ask),
    onSuccess: () => queryClient.invalidateQueries({ queryKey }),
  });
}
