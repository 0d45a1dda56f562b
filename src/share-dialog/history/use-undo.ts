import { useCallback, useRef, useState } from 'react';
import type { ApiClient } from '../../api/client.ts';
import { newestChangeSet } from '../../api/get-history.ts';
import { type ChangeSet, type UndoPlan, undoOfChangeSet } from '../../sharing/history.ts';
import type { AssetTypeConfig } from '../../sharing/types.ts';
import type { DialogStore } from '../dialog-store.ts';
import { mapWithConcurrency } from '../map-with-concurrency.ts';

/** How many principals' newest change sets are asked for at once when the loaded list cannot tell. */
const LOOKUP_CONCURRENCY = 4;

/** What an undo needs to know about the history the view shows. */
export interface UndoOptions {
  client: ApiClient;
  assetType: AssetTypeConfig;
  assetId: string;
  store: DialogStore;
  /** The principal the view is filtered to, if any. */
  principalId: string | undefined;
  /** The change sets the view has loaded, newest first. */
  loaded(): readonly ChangeSet[];
  /** Reloads the view's change sets and answers them. */
  reload(): Promise<readonly ChangeSet[]>;
  /** After an undo is loaded into the draft. */
  onLoaded(plan: UndoPlan): void;
}

/**
 * `Undo` on a change set: works out what changed since (from the loaded history when it is whole and current,
 * else by asking for each touched principal's newest change set), then loads the inverse into the draft. Saving
 * it is an ordinary save.
 */
export function useUndo({
  client,
  assetType,
  assetId,
  store,
  principalId,
  loaded,
  reload,
  onLoaded,
}: UndoOptions) {
  const [checkingId, setCheckingId] = useState<string | null>(null);
  const [failedId, setFailedId] = useState<string | null>(null);
  const inFlight = useRef(false);

  const laterChangeSets = useCallback(
    async (changeSet: ChangeSet): Promise<ChangeSet[]> => {
      if (principalId === undefined) {
        // Unfiltered and newest first, the loaded history holds every later change set, if it is current.
        let items = loaded();
        const newest = await newestChangeSet(client, assetType, assetId);
        if (newest && items[0]?.id !== newest.id) items = await reload();
        const index = items.findIndex((item) => item.id === changeSet.id);
        if (index >= 0) return items.slice(0, index);
      }
      const newest = await mapWithConcurrency(changeSet.changes, LOOKUP_CONCURRENCY, (change) =>
        newestChangeSet(client, assetType, assetId, change.principal.id),
      );
      return newest.filter((item): item is ChangeSet => item !== undefined);
    },
    [client, assetType, assetId, principalId, loaded, reload],
  );

  const undo = useCallback(
    async (changeSet: ChangeSet) => {
      if (inFlight.current) return;
      inFlight.current = true;
      setCheckingId(changeSet.id);
      setFailedId(null);
      try {
        const plan = undoOfChangeSet(changeSet, await laterChangeSets(changeSet));
        store.dispatch({ type: 'loadUndo', plan });
        onLoaded(plan);
      } catch {
        setFailedId(changeSet.id);
      } finally {
        inFlight.current = false;
        setCheckingId(null);
      }
    },
    [laterChangeSets, store, onLoaded],
  );

  return { undo, checkingId, failedId };
}
