import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { PrincipalItem } from '../../api/contract.ts';
import { principalSearchQueryOptions } from '../../api/principals.ts';
import type { RecipientType } from '../../sharing/types.ts';
import { useShareDialogConfig } from '../share-dialog-provider.tsx';
import type { OutsideOrganizationTest } from './resolve-pasted-recipients.ts';
import { useDebouncedValue } from './use-debounced-value.ts';

/** Where a search of `/principals` stands, as the combobox shows and announces it. */
export interface PrincipalSearch {
  /** The typed text, trimmed. */
  search: string;
  /** The matches to offer (none while nothing is typed or the search is off). */
  items: PrincipalItem[];
  /** The answer shown is the answer to what is typed now. */
  settled: boolean;
  /** Typing has not paused yet, or an answer is on its way. */
  busy: boolean;
  /** The last search failed and none is running. */
  failed: boolean;
  /** The search settled with nothing, and what is typed is an address outside the actor's organization. */
  outsideOrganization: boolean;
}

/**
 * Searches `/principals` for what is typed, once typing pauses, for the recipient types given. While the next
 * search runs, the last answer stays (marked busy) instead of the list flickering empty; an answer is only ever
 * stored under its own search, so a late answer to an older search never replaces a newer one.
 */
export function usePrincipalSearch(
  inputValue: string,
  types: readonly RecipientType[],
  options: { disabled: boolean; debounceMs: number; isOutsideOrganization: OutsideOrganizationTest },
): PrincipalSearch {
  const { client, queryClient } = useShareDialogConfig();
  const search = inputValue.trim();
  const debounced = useDebouncedValue(search, options.debounceMs);
  const enabled = !options.disabled && search.length > 0 && debounced.length > 0;
  const query = useQuery(
    {
      ...principalSearchQueryOptions(client, { search: debounced, types }),
      enabled,
      placeholderData: keepPreviousData,
    },
    queryClient,
  );
  const items = useMemo(() => (enabled ? (query.data?.data ?? []) : []), [enabled, query.data]);
  const waitingForTyping = search.length > 0 && search !== debounced;
  const settled =
    enabled && !waitingForTyping && query.isSuccess && !query.isPlaceholderData && !query.isFetching;
  return {
    search,
    items,
    settled,
    busy: search.length > 0 && (waitingForTyping || (enabled && query.isFetching)),
    failed: enabled && query.isError && !query.isFetching,
    outsideOrganization: settled && items.length === 0 && options.isOutsideOrganization(search),
  };
}
