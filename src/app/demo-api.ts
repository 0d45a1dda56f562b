/**
 * The mock backend's demo-only endpoints (SPEC §7), read and called through the shared API client: the personas
 * the acting-as switcher lists, and the seed reset. (The gallery sets faults through `mockBackend` directly.)
 */
import { queryOptions } from '@tanstack/react-query';
import { type ApiClient, retryApiError } from '../api/client.ts';
import type { PersonaList } from '../api/demo-contract.ts';

/** Query key of the persona list; the personas do not depend on who is acting. */
export const personasQueryKey = ['sharewell-demo', 'personas'] as const;

/** Every demo persona with its bearer token. */
export async function getPersonas(client: ApiClient, signal?: AbortSignal): Promise<PersonaList> {
  const { data } = await client.request({ path: '/demo/personas', answer: 'personaList', signal });
  return data;
}

/** Query options for the persona list. */
export function personasQueryOptions(client: ApiClient) {
  return queryOptions({
    queryKey: personasQueryKey,
    queryFn: ({ signal }) => getPersonas(client, signal),
    staleTime: Number.POSITIVE_INFINITY,
    retry: retryApiError,
  });
}

/** Restores the seed (and clears injected faults). */
export async function resetDemoData(client: ApiClient): Promise<void> {
  await client.request({ method: 'POST', path: '/demo/reset' });
}
