import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { PrincipalItem, PrincipalPage } from '../../api/contract.ts';
import { cachedPrincipalPrefixAnswers, principalSearchQueryOptions } from '../../api/principals.ts';
import { sharingKeys } from '../../api/query-keys.ts';
import type { RecipientType } from '../../sharing/types.ts';
import { useShareDialogConfig } from '../share-dialog-provider.tsx';
import { refineSuggestions } from './refine-suggestions.ts';
import type { OutsideOrganizationTest } from './resolve-pasted-recipients.ts';
import { useDebouncedValue } from './use-debounced-value.ts';

/** Where a search of `/principals` stands, as the combobox shows and announces it. */
export interface PrincipalSearch {
  /** The typed text, trimmed. */
  search: string;
  /** The matches to offer (none while nothing is typed or the search is off). */
  items: PrincipalItem[];
  /** The answer shown is the server's answer to what is typed now. */
  settled: boolean;
  /** Typing has not paused yet, or an answer is on its way. */
  busy: boolean;
  /** The last search failed and none is running. */
  failed: boolean;
  /** The search settled with nothing, and what is typed is an address outside the actor's organization. */
  outsideOrganization: boolean;
}

const noItems: PrincipalItem[] = [];

/**
 * The suggestions to show at once for `search`, before the server answers it: the longest cached answer to a search
 * it extends, refined to the entries that also match what is typed now.
 */
function useRefinedSuggestions(
  search: string,
  types: readonly RecipientType[],
  active: boolean,
): PrincipalItem[] {
  const { queryClient } = useShareDialogConfig();
  const source: PrincipalPage | undefined = active
    ? cachedPrincipalPrefixAnswers(queryClient, search, types)[0]?.page
    : undefined;
  return useMemo(() => (source ? refineSuggestions(source.data, search) : noItems), [source, search]);
}

/**
 * Searches `/principals` for what is typed, for the recipient types given. The first suggestions answer the
 * keystroke: what a shorter search already answered is refined at once, then replaced by the server's answer. The
 * server is asked at once when there is nothing to refine, else once typing pauses. Only the answer to what is
 * typed now is shown whole; an older answer only ever lends the entries that match what is typed now, so a late
 * answer never flashes suggestions that do not match.
 */
export function usePrincipalSearch(
  inputValue: string,
  types: readonly RecipientType[],
  options: { disabled: boolean; debounceMs: number; isOutsideOrganization: OutsideOrganizationTest },
): PrincipalSearch {
  const { client, queryClient } = useShareDialogConfig();
  const search = inputValue.trim();
  const debounced = useDebouncedValue(search, options.debounceMs);
  const active = !options.disabled && search.length > 0;
  const refined = useRefinedSuggestions(search, types, active);
  // Asked already (answered, or the answer on its way): keep to it, so that it is never dropped half-way.
  const asked = active && queryClient.getQueryState(sharingKeys.principals(search, types)) !== undefined;
  // Nothing to show yet, or asked already: ask now. Else the refined suggestions hold until typing pauses.
  const requested = !active ? '' : asked || refined.length === 0 ? search : debounced;
  const query = useQuery(
    {
      ...principalSearchQueryOptions(client, { search: requested, types }),
      enabled: active && requested.length > 0,
    },
    queryClient,
  );
  const answer = active && requested === search ? query.data : undefined;
  const items = answer ? answer.data : active ? refined : noItems;
  const settled = answer !== undefined && !query.isFetching;
  const failed = active && requested === search && query.isError && !query.isFetching;
  return {
    search,
    items,
    settled,
    busy: active && !settled && !failed,
    failed,
    outsideOrganization: settled && items.length === 0 && options.isOutsideOrganization(search),
  };
}
