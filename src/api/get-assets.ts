import { queryOptions } from '@tanstack/react-query';
import type { AssetTypeConfig } from '../sharing/types.ts';
import { type ApiClient, type ApiError, retryApiError } from './client.ts';
import type { AssetPage } from './contract.ts';
import { type AssetListFilters, sharingKeys } from './query-keys.ts';

/** Where a page of assets starts and how long it is (the contract's defaults when omitted). */
export interface AssetListPaging {
  offset?: number;
  limit?: number;
}

/** The assets the actor can see: of one asset type, or of every type when `assetType` is null. */
export async function getAssets(
  client: ApiClient,
  assetType: AssetTypeConfig | null,
  filters: AssetListFilters & AssetListPaging = {},
  signal?: AbortSignal,
): Promise<AssetPage> {
  const { data } = await client.request({
    path: assetType ? `/${assetType.collection}` : '/assets',
    query: { search: filters.search?.trim(), offset: filters.offset, limit: filters.limit },
    answer: 'assetPage',
    signal,
  });
  return data;
}

/** Query options for the first page (up to 1,000) of an asset list. */
export function assetsQueryOptions(
  client: ApiClient,
  assetType: AssetTypeConfig | null,
  filters: AssetListFilters = {},
) {
  return queryOptions<AssetPage, ApiError>({
    queryKey: sharingKeys.assetList(assetType?.id ?? null, filters),
    queryFn: ({ signal }) => getAssets(client, assetType, { ...filters, limit: 1000 }, signal),
    retry: retryApiError,
  });
}
