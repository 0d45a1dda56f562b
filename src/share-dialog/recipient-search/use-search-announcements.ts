import { useEffect } from 'react';
import type { RecipientSearchMessages } from './messages.ts';
import type { PrincipalSearch } from './use-principal-search.ts';

/** Says how many results a search found once it settles, and when it failed. */
export function useSearchAnnouncements(
  search: PrincipalSearch,
  announce: (text: string) => void,
  messages: RecipientSearchMessages,
): void {
  const { settled, failed, items } = search;
  useEffect(() => {
    if (settled) announce(messages.resultCount(items.length));
  }, [settled, items, announce, messages]);
  useEffect(() => {
    if (failed) announce(messages.searchFailed);
  }, [failed, announce, messages]);
}
