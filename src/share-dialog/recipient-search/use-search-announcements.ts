import { useEffect } from 'react';
import type { RecipientSearchMessages } from './messages.ts';
import type { PrincipalSearch } from './use-principal-search.ts';

/** Says how many results a search found once it settles (or that the address is outside), and when it failed. */
export function useSearchAnnouncements(
  search: PrincipalSearch,
  announce: (text: string) => void,
  messages: RecipientSearchMessages,
): void {
  const { settled, failed, items, outsideOrganization } = search;
  useEffect(() => {
    if (!settled) return;
    announce(
      outsideOrganization ? messages.outsideOrganization(search.search) : messages.resultCount(items.length),
    );
  }, [settled, outsideOrganization, search.search, items, announce, messages]);
  useEffect(() => {
    if (failed) announce(messages.searchFailed);
  }, [failed, announce, messages]);
}
