import { queryOptions } from '@tanstack/react-query';
import { type ApiClient, retryApiError } from './client.ts';
import {
  type PrincipalItem,
  type PrincipalPage,
  principalPageSchema,
  type ShareRecipientType,
} from './contract.ts';
import { sharingKeys } from './query-keys.ts';

/** How many recipients one search asks for: enough to choose from, few enough to answer fast. */
export const PRINCIPAL_SEARCH_PAGE_SIZE = 20;

/** What a recipient search asks for (`GET /principals`). */
export interface PrincipalSearchParams {
  search: string;
  /** The recipient types to include; an asset type's `recipientTypes`. */
  types: readonly ShareRecipientType[];
  offset?: number;
  limit?: number;
}

/** One page of recipients matching a search, within the actor's organization. */
export async function searchPrincipals(
  client: ApiClient,
  params: PrincipalSearchParams,
  signal?: AbortSignal,
): Promise<PrincipalPage> {
  const { data } = await client.request({
    path: '/principals',
    query: {
      search: params.search,
      types: params.types.join(','),
      offset: params.offset,
      limit: params.limit,
    },
    schema: principalPageSchema,
    signal,
  });
  return data;
}

/**
 * Query options for the first page of a recipient search. Keyed by the search itself, so an answer is only ever
 * shown for the search that asked for it; a superseded search is cancelled through the query's signal.
 */
export function principalSearchQueryOptions(
  client: ApiClient,
  params: { search: string; types: readonly ShareRecipientType[] },
) {
  const search = params.search.trim();
  return queryOptions({
    queryKey: sharingKeys.principals(search, params.types),
    queryFn: ({ signal }) =>
      searchPrincipals(
        client,
        { search, types: params.types, offset: 0, limit: PRINCIPAL_SEARCH_PAGE_SIZE },
        signal,
      ),
    staleTime: 30_000,
    retry: retryApiError,
  });
}

/** The user whose username (or e-mail) is exactly this one, as the search endpoint answers it, if any. */
export function exactUserMatch(page: PrincipalPage, username: string): PrincipalItem | undefined {
  const wanted = username.trim().toLowerCase();
  return page.data.find(
    (item) =>
      item.shareRecipientType === 'user' &&
      (item.name.toLowerCase() === wanted || item.email?.toLowerCase() === wanted),
  );
}
