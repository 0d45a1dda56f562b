import { type InfiniteData, infiniteQueryOptions } from '@tanstack/react-query';
import type { ChangeSet } from '../sharing/history.ts';
import type { AssetTypeConfig } from '../sharing/types.ts';
import { type ApiClient, type ApiError, retryApiError } from './client.ts';
import { nextSharedRolesOffset } from './get-shared-roles.ts';
import type { HistoryPageBody } from './history-contract.ts';
import { type HistoryFilters, sharingKeys } from './query-keys.ts';
import { changeSetOfBody } from './wire-mapping.ts';

/** How many change sets the dialog asks for at a time: a screenful and some, whatever the history's length. */
export const HISTORY_PAGE_SIZE = 50;

/** One page of a sharing history, newest first, read into the domain's change sets. */
export interface HistoryPage extends Omit<HistoryPageBody, 'data'> {
  data: ChangeSet[];
  /** Where the page starts. */
  offset: number;
}

/** Paging of a history request. */
export interface HistoryPaging {
  offset?: number;
  limit?: number;
}

/** One page of an asset's sharing history (SPEC §10). */
export async function getHistory(
  client: ApiClient,
  assetType: AssetTypeConfig,
  assetId: string,
  filters: HistoryFilters & HistoryPaging = {},
  signal?: AbortSignal,
): Promise<HistoryPage> {
  const offset = filters.offset ?? 0;
  const { data } = await client.request({
    path: `/${assetType.collection}/${encodeURIComponent(assetId)}/sharedRoles/history`,
    query: { offset, limit: filters.limit ?? HISTORY_PAGE_SIZE, principalId: filters.principalId },
    answer: 'historyPage',
    signal,
  });
  return { ...data, data: data.data.map(changeSetOfBody), offset };
}

/** Infinite-query options for a sharing history, a page at a time as the view scrolls. */
export function historyInfiniteQueryOptions(
  client: ApiClient,
  assetType: AssetTypeConfig,
  assetId: string,
  filters: HistoryFilters = {},
  pageSize: number = HISTORY_PAGE_SIZE,
) {
  return infiniteQueryOptions<
    HistoryPage,
    ApiError,
    InfiniteData<HistoryPage>,
    ReturnType<typeof sharingKeys.history>,
    number
  >({
    queryKey: sharingKeys.history(assetType.id, assetId, filters),
    queryFn: ({ pageParam, signal }) =>
      getHistory(client, assetType, assetId, { ...filters, offset: pageParam, limit: pageSize }, signal),
    initialPageParam: 0,
    getNextPageParam: nextSharedRolesOffset,
    retry: retryApiError,
  });
}

/** The newest change set of an asset, or the newest that touches one principal; undefined when there is none. */
export async function newestChangeSet(
  client: ApiClient,
  assetType: AssetTypeConfig,
  assetId: string,
  principalId?: string,
  signal?: AbortSignal,
): Promise<ChangeSet | undefined> {
  const filters = principalId === undefined ? { limit: 1 } : { principalId, limit: 1 };
  const page = await getHistory(client, assetType, assetId, filters, signal);
  return page.data[0];
}
