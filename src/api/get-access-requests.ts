import { queryOptions } from '@tanstack/react-query';
import type { AccessRequest, RequesterSummary } from '../sharing/access-requests.ts';
import type { AssetTypeConfig } from '../sharing/types.ts';
import { assetPath } from './asset-path.ts';
import { type ApiClient, type ApiError, retryApiError } from './client.ts';

import { sharingKeys } from './query-keys.ts';
import { accessRequestOf } from './wire-mapping.ts';

/** One access request as the dialog shows it: the request and who asks. */
export interface AccessRequestEntry {
  request: AccessRequest;
  requester: RequesterSummary;
}

/** The access requests of an asset the actor is answered: pending ones they may act on, and their own. */
export async function getAccessRequests(
  client: ApiClient,
  assetType: AssetTypeConfig,
  assetId: string,
  signal?: AbortSignal,
): Promise<AccessRequestEntry[]> {
  const { data } = await client.request({
    path: assetPath(assetType, assetId, '/accessRequests'),
    query: { limit: 1000 },
    answer: 'accessRequestPage',
    signal,
  });
  return data.data.map(accessRequestOf);
}

/** Query options for an asset's access requests, under the asset's key (a save refreshes them). */
export function accessRequestsQueryOptions(client: ApiClient, assetType: AssetTypeConfig, assetId: string) {
  return queryOptions<AccessRequestEntry[], ApiError>({
    queryKey: sharingKeys.accessRequests(assetType.id, assetId),
    queryFn: ({ signal }) => getAccessRequests(client, assetType, assetId, signal),
    retry: retryApiError,
  });
}
