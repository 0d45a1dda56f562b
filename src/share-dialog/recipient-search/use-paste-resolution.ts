import { useCallback, useEffect, useRef, useState } from 'react';
import { exactUserMatch, principalSearchQueryOptions } from '../../api/principals.ts';
import type { RecipientSummary } from '../../sharing/draft.ts';
import { useShareDialogConfig } from '../share-dialog-provider.tsx';
import type { RecipientSearchMessages } from './messages.ts';
import { toRecipientSummary } from './recipient-summary.ts';
import {
  type OutsideOrganizationTest,
  type PasteFailure,
  resolvePastedRecipients,
} from './resolve-pasted-recipients.ts';

/** A pasted (or typed) list of addresses on its way: how many lookups run, and the entries that failed. */
export interface PasteResolution {
  /** Looks up each entry not already chosen and adds the users found; the others are listed with their reasons. */
  addEntries(entries: readonly string[]): Promise<void>;
  pendingLookups: number;
  failures: PasteFailure[];
  dismissFailures(): void;
}

/**
 * Adds a list of e-mail addresses entry by entry, each looked up by exact username. Lookups finish after renders,
 * so they read the latest chosen recipients and `onAdd`, not the ones of the paste; an entry pasted again replaces
 * its earlier failure.
 */
export function usePasteResolution(options: {
  selected: readonly RecipientSummary[];
  onAdd(recipients: RecipientSummary[]): void;
  announce(text: string): void;
  messages: RecipientSearchMessages;
  isOutsideOrganization: OutsideOrganizationTest;
}): PasteResolution {
  const { client, queryClient } = useShareDialogConfig();
  const { announce, messages, isOutsideOrganization } = options;
  const latest = useRef(options);
  latest.current = options;
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);
  const [pendingLookups, setPendingLookups] = useState(0);
  const [failures, setFailures] = useState<PasteFailure[]>([]);

  const lookupUsername = useCallback(
    async (username: string) =>
      exactUserMatch(
        await queryClient.fetchQuery(
          principalSearchQueryOptions(client, { search: username, types: ['user'] }),
        ),
        username,
      ),
    [client, queryClient],
  );

  const addEntries = useCallback(
    async (entries: readonly string[]) => {
      const chosen = new Set(
        latest.current.selected.flatMap((recipient) => [
          recipient.name.toLowerCase(),
          recipient.email?.toLowerCase(),
        ]),
      );
      const fresh = entries.filter((entry) => !chosen.has(entry.toLowerCase()));
      if (fresh.length === 0) return;
      setPendingLookups((count) => count + fresh.length);
      const resolution = await resolvePastedRecipients(fresh, lookupUsername, isOutsideOrganization);
      if (!mounted.current) return;
      setPendingLookups((count) => count - fresh.length);
      const chosenIds = new Set(latest.current.selected.map((recipient) => recipient.id));
      const additions = resolution.found.filter((item) => !chosenIds.has(item.id)).map(toRecipientSummary);
      if (additions.length > 0) latest.current.onAdd(additions);
      const retried = new Set(fresh.map((entry) => entry.toLowerCase()));
      setFailures((previous) => [
        ...previous.filter((failure) => !retried.has(failure.entry.toLowerCase())),
        ...resolution.failures,
      ]);
      announce(messages.pasteSummary(additions.length, resolution.failures.length));
    },
    [announce, lookupUsername, isOutsideOrganization, messages],
  );

  const dismissFailures = useCallback(() => setFailures([]), []);
  return { addEntries, pendingLookups, failures, dismissFailures };
}
