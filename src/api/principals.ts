import { type QueryClient, queryOptions } from '@tanstack/react-query';
import { type ApiClient, retryApiError } from './client.ts';
import type { PrincipalItem, PrincipalPage, ShareRecipientType } from './contract.ts';
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
    answer: 'principalPage',
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

/**
 * The answers already in the query cache for searches that `search` extends (`ma` for `mate`), longest first, for
 * the recipient types given; the answer to `search` itself is not among them. What the dialog refines at once
 * while the server's answer to `search` is on its way.
 */
export function cachedPrincipalPrefixAnswers(
  queryClient: QueryClient,
  search: string,
  types: readonly ShareRecipientType[],
): { search: string; page: PrincipalPage }[] {
  const wanted = sharingKeys.principals(search, types);
  const typesKey = wanted[3];
  const folded = foldSearchText(wanted[2]);
  const answers: { search: string; page: PrincipalPage }[] = [];
  for (const [key, page] of queryClient.getQueriesData<PrincipalPage>({
    queryKey: sharingKeys.principalsAll(),
  })) {
    const [, , searched, searchedTypes] = key;
    if (!page || typeof searched !== 'string' || searchedTypes !== typesKey || searched.length === 0)
      continue;
    const foldedSearched = foldSearchText(searched);
    if (foldedSearched.length < folded.length && folded.startsWith(foldedSearched))
      answers.push({ search: searched, page });
  }
  return answers.sort((a, b) => b.search.length - a.search.length);
}

/** Lower case, accents stripped: how recipient searches compare text. */
export function foldSearchText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}
