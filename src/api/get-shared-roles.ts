import { type InfiniteData, infiniteQueryOptions } from '@tanstack/react-query';
import type { AssetTypeConfig } from '../sharing/types.ts';
import { assetPath } from './asset-path.ts';
import { type ApiClient, type ApiError, retryApiError } from './client.ts';
import type { SharedRolesPage } from './contract.ts';
import { normalizeSharedRolesFilters, type SharedRolesFilters, sharingKeys } from './query-keys.ts';

/** The access list's default page size (SPEC §5). */
export const SHARED_ROLES_PAGE_SIZE = 100;
/** The contract's largest page of the access list (SPEC §5: `limit` 1,000 at most). */
export const SHARED_ROLES_MAX_PAGE_SIZE = 1000;

/** How long the pages of an infinite access-list query are: the first one, then every one after it. */
export interface SharedRolesPageSizes {
  first: number;
  next: number;
}

/**
 * The dialog's pages: a small first page, so that the first rows come fast, then the contract's largest, so that
 * 10,000 grants take 11 requests instead of 100.
 */
export const ACCESS_LIST_PAGE_SIZES: SharedRolesPageSizes = {
  first: SHARED_ROLES_PAGE_SIZE,
  next: SHARED_ROLES_MAX_PAGE_SIZE,
};

/**
 * How long a loaded access list counts as fresh: long enough that what was fetched on intent (the pointer resting
 * on `Share`) is shown on the click without being asked again, short enough that reopening later reloads it.
 */
export const ACCESS_LIST_STALE_MS = 10_000;

/** One page of an access list, with the list's version (`ETag`) and where the page starts. */
export interface VersionedSharedRolesPage extends SharedRolesPage {
  /** The access list's version as this page's answer gave it; send the first page's back as `If-Match`. */
  etag: string | null;
  offset: number;
}

/** Where a page of an access list starts and how long it is (SPEC §5 defaults when omitted). */
export interface SharedRolesPaging {
  offset?: number;
  limit?: number;
}

/** One page of an asset's access list. */
export async function getSharedRoles(
  client: ApiClient,
  assetType: AssetTypeConfig,
  assetId: string,
  filters: SharedRolesFilters & SharedRolesPaging = {},
  signal?: AbortSignal,
): Promise<VersionedSharedRolesPage> {
  const { name, shareRecipientType } = normalizeSharedRolesFilters(filters);
  const offset = filters.offset ?? 0;
  const { data, etag } = await client.request({
    path: assetPath(assetType, assetId, '/sharedRoles'),
    query: { offset, limit: filters.limit ?? SHARED_ROLES_PAGE_SIZE, name, shareRecipientType },
    answer: 'sharedRolesPage',
    signal,
  });
  return { ...data, etag, offset };
}

/** Where the page after this one starts, or undefined on the last page. Follows `next` when it names an offset. */
export function nextSharedRolesOffset(
  page: Pick<VersionedSharedRolesPage, 'next' | 'offset' | 'count' | 'totalCount'>,
): number | undefined {
  if (!page.next) return undefined;
  const fromNext = Number(new URL(page.next, 'http://localhost').searchParams.get('offset'));
  const offset = Number.isInteger(fromNext) && fromNext > page.offset ? fromNext : page.offset + page.count;
  return offset < page.totalCount || page.count > 0 ? offset : undefined;
}

/** The length of the page that starts at `offset`: the first page is the small one. */
export function sharedRolesPageSize(offset: number, sizes: SharedRolesPageSizes): number {
  return offset === 0 ? sizes.first : sizes.next;
}

/** Infinite-query options for an access list, a page at a time as the list scrolls, the later pages larger. */
export function sharedRolesInfiniteQueryOptions(
  client: ApiClient,
  assetType: AssetTypeConfig,
  assetId: string,
  filters: SharedRolesFilters = {},
  pageSizes: SharedRolesPageSizes = ACCESS_LIST_PAGE_SIZES,
) {
  return infiniteQueryOptions<
    VersionedSharedRolesPage,
    ApiError,
    InfiniteData<VersionedSharedRolesPage>,
    ReturnType<typeof sharingKeys.sharedRoles>,
    number
  >({
    queryKey: sharingKeys.sharedRoles(assetType.id, assetId, filters),
    queryFn: ({ pageParam, signal }) =>
      getSharedRoles(
        client,
        assetType,
        assetId,
        { ...filters, offset: pageParam, limit: sharedRolesPageSize(pageParam, pageSizes) },
        signal,
      ),
    initialPageParam: 0,
    getNextPageParam: nextSharedRolesOffset,
    staleTime: ACCESS_LIST_STALE_MS,
    retry: retryApiError,
  });
}

/** The version of a loaded access list: the first page's `ETag` (later pages may have been read later). */
export function accessListVersion(data: InfiniteData<VersionedSharedRolesPage> | undefined): string | null {
  return data?.pages[0]?.etag ?? null;
}
