import { mutationOptions, type QueryClient } from '@tanstack/react-query';
import type { AssetTypeConfig } from '../sharing/types.ts';
import { assetPath } from './asset-path.ts';
import type { ApiClient, ApiError } from './client.ts';

import type { AccessRequestEntry } from './get-access-requests.ts';
import { sharingKeys } from './query-keys.ts';
import { accessRequestOf } from './wire-mapping.ts';

/** What declining takes: the request, and an optional message to the requester. */
export interface DeclineAccessRequestVariables {
  requestId: string;
  message?: string;
}

/** Declines an access request (`POST …/accessRequests/{requestId}/decline`), answering it as it now is. */
export async function declineAccessRequest(
  client: ApiClient,
  assetType: AssetTypeConfig,
  assetId: string,
  { requestId, message }: DeclineAccessRequestVariables,
): Promise<AccessRequestEntry> {
  const { data } = await client.request({
    method: 'POST',
    path: assetPath(assetType, assetId, `/accessRequests/${encodeURIComponent(requestId)}/decline`),
    body: message?.trim() ? { message } : {},
    answer: 'accessRequest',
  });
  return accessRequestOf(data);
}

/** Mutation options that decline a request, then refresh the asset's requests through the key factory. */
export function declineAccessRequestMutationOptions(
  client: ApiClient,
  queryClient: QueryClient,
  assetType: AssetTypeConfig,
  assetId: string,
) {
  const queryKey = sharingKeys.accessRequests(assetType.id, assetId);
  return mutationOptions<AccessRequestEntry, ApiError, DeclineAccessRequestVariables>({
    mutationKey: [...queryKey, 'decline'],
    mutationFn: (variables: DeclineAccessRequestVariables) =>
      declineAccessRequest(client, assetType, assetId, variables),
    onSuccess: () => queryClient.invalidateQueries({ queryKey }),
  });
}
