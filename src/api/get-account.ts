import { queryOptions } from '@tanstack/react-query';
import { type ApiClient, type ApiError, retryApiError } from './client.ts';
import type { Account } from './contract.ts';
import { sharingKeys } from './query-keys.ts';

/** The signed-in actor. */
export async function getAccount(client: ApiClient, signal?: AbortSignal): Promise<Account> {
  const { data } = await client.request({ path: '/account', answer: 'account', signal });
  return data;
}

/** Query options for the signed-in actor; it changes only when the host signs in as someone else. */
export function accountQueryOptions(client: ApiClient) {
  return queryOptions<Account, ApiError>({
    queryKey: sharingKeys.account(),
    queryFn: ({ signal }) => getAccount(client, signal),
    staleTime: 5 * 60_000,
    retry: retryApiError,
  });
}
