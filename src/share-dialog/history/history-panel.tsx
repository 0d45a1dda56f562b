/**
 * The History view (SPEC §10), loaded on first use: the asset's change sets, newest first, a page at a time and
 * virtualized, filterable to one person, each with `Undo`; and the undos loaded into the draft.
 */
import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { useCallback, useMemo, useRef, useState } from 'react';
import { historyInfiniteQueryOptions } from '../../api/get-history.ts';
import type { ChangedPrincipal, ChangeSet, UndoPlan } from '../../sharing/history.ts';
import type { AssetTypeConfig } from '../../sharing/types.ts';
import { type DialogState, type DialogStore, useDialogState } from '../dialog-store.ts';
import { ListSkeleton } from '../parts/panel-skeleton.tsx';
import { useShareDialogConfig } from '../share-dialog-provider.tsx';
import { Button } from '../ui/button.tsx';
import { HistoryList } from './history-list.tsx';
import { resolveHistoryMessages } from './messages.ts';
import { PendingUndo } from './pending-undo.tsx';
import { useUndo } from './use-undo.ts';
import './history.css';

/** Props of {@link HistoryPanel}. */
export interface HistoryPanelProps {
  assetType: AssetTypeConfig;
  assetId: string;
  store: DialogStore;
  /** Whether the history itself is shown; the undos loaded into the draft are shown either way. */
  expanded: boolean;
  /** The id the history's container takes (the disclosure controls it). */
  panelId: string;
}

const selectUndos = (state: DialogState) => state.draft.undos;

/** The history and the undos loaded from it. */
export default function HistoryPanel({ assetType, assetId, store, expanded, panelId }: HistoryPanelProps) {
  const { client, messages: dialogMessages, roleLabel } = useShareDialogConfig();
  const messages = useMemo(
    () => resolveHistoryMessages(dialogMessages.historyView),
    [dialogMessages.historyView],
  );
  const undos = useDialogState(store, selectUndos);
  const pendingIds = useMemo(() => new Set(undos.map((plan) => plan.changeSetId)), [undos]);

  const [filter, setFilter] = useState<ChangedPrincipal | null>(null);
  const query = useInfiniteQuery({
    ...historyInfiniteQueryOptions(client, assetType, assetId, filter ? { principalId: filter.id } : {}),
    enabled: expanded,
    placeholderData: keepPreviousData,
  });
  const changeSets = useMemo(() => query.data?.pages.flatMap((page) => page.data) ?? [], [query.data]);
  const totalCount = query.data?.pages[0]?.totalCount ?? 0;
  const { fetchNextPage: fetchNext, refetch } = query;
  const fetchNextPage = useCallback(() => void fetchNext(), [fetchNext]);

  const loadedNow = useRef(changeSets);
  loadedNow.current = changeSets;
  const loaded = useCallback(() => loadedNow.current, []);
  const reload = useCallback(
    async () => (await refetch()).data?.pages.flatMap((page) => page.data) ?? [],
    [refetch],
  );
  const [justLoaded, setJustLoaded] = useState<string | null>(null);
  const onLoaded = useCallback((plan: UndoPlan) => setJustLoaded(plan.changeSetId), []);
  const { undo, checkingId, failedId } = useUndo({
    client,
    assetType,
    assetId,
    store,
    principalId: filter?.id,
    loaded,
    reload,
    onLoaded,
  });
  const onUndo = useCallback((changeSet: ChangeSet) => void undo(changeSet), [undo]);

  return (
    <>
      {undos.map((plan) => (
        <PendingUndo
          key={plan.changeSetId}
          plan={plan}
          store={store}
          assetType={assetType}
          roleLabel={roleLabel}
          messages={messages}
          focusOnMount={justLoaded === plan.changeSetId}
        />
      ))}
      {expanded ? (
        <div id={panelId} className="sw-history" data-slot="history-view">
          <div className="sw-history__bar">
            <span className="sw-section__meta">
              {filter ? messages.filteredTo(filter.displayName) : null}
              {filter && query.data ? ' · ' : null}
              {query.data ? messages.count(totalCount) : null}
            </span>
            {filter ? (
              <Button size="sm" variant="ghost" onClick={() => setFilter(null)}>
                {messages.showAll}
              </Button>
            ) : null}
          </div>
          {query.isPending ? (
            <div role="status" aria-label={messages.loading}>
              <ListSkeleton />
            </div>
          ) : query.isError && !query.data ? (
            <div className="sw-error-state">
              <p className="sw-hint sw-hint--danger">{messages.loadFailed}</p>
              <Button size="sm" onClick={() => void refetch()}>
                {dialogMessages.retry}
              </Button>
            </div>
          ) : changeSets.length === 0 ? (
            <p className="sw-list-status">
              {filter ? messages.emptyFor(filter.displayName) : messages.empty}
            </p>
          ) : (
            <HistoryList
              changeSets={changeSets}
              totalCount={totalCount}
              hasNextPage={query.hasNextPage}
              isFetchingNextPage={query.isFetchingNextPage}
              fetchNextPage={fetchNextPage}
              checkingId={checkingId}
              failedId={failedId}
              pendingIds={pendingIds}
              label={messages.listLabel}
              loadingMore={messages.loadingMore}
              assetType={assetType}
              roleLabel={roleLabel}
              messages={messages}
              filterId={filter?.id ?? null}
              onUndo={onUndo}
              onFilter={setFilter}
            />
          )}
        </div>
      ) : null}
    </>
  );
}
