import { queryOptions } from '@tanstack/react-query';
import { type ApiClient, type ApiError, retryApiError } from './client.ts';
import type { OutboxList } from './demo-contract.ts';
import { sharingKeys } from './query-keys.ts';

/** Demo only: the notification e-mails the backend "sent", newest first. */
export async function getOutbox(client: ApiClient, signal?: AbortSignal): Promise<OutboxList> {
  const { data } = await client.request({ path: '/outbox', answer: 'outboxList', signal });
  return data;
}

/** Query options for the demo's outbox, under the key a save refreshes. */
export function outboxQueryOptions(client: ApiClient) {
  return queryOptions<OutboxList, ApiError>({
    queryKey: sharingKeys.outbox(),
    queryFn: ({ signal }) => getOutbox(client, signal),
    retry: retryApiError,
  });
}
