import { memo, useEffect } from 'react';
import type { ChangeSet } from '../../sharing/history.ts';
import { useListVirtualizer } from '../parts/shared-with-list.tsx';
import { SpinnerIcon } from '../ui/icons.tsx';
import { HistoryEntry, type HistoryEntryProps } from './history-entry.tsx';

/** Load the next page when the last rendered entry is this close to the end of what is loaded. */
const PREFETCH_DISTANCE = 10;
/** A change set of one or two changes, before it is measured. */
const ENTRY_ESTIMATE = 96;

/** Props of {@link HistoryList}. */
export interface HistoryListProps
  extends Omit<
    HistoryEntryProps,
    'changeSet' | 'index' | 'setSize' | 'start' | 'measureRef' | 'checking' | 'failed' | 'pending'
  > {
  changeSets: readonly ChangeSet[];
  /** Change sets in the whole (filtered) history, loaded or not. */
  totalCount: number;
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage(): void;
  /** The change set whose undo is being worked out, the one whose check failed, and those loaded in the draft. */
  checkingId: string | null;
  failedId: string | null;
  pendingIds: ReadonlySet<string>;
  label: string;
  loadingMore: string;
}

/** The change sets, newest first, virtualized: opening 10,000 renders what opening 10 does. */
export const HistoryList = memo(function HistoryList({
  changeSets,
  totalCount,
  hasNextPage,
  isFetchingNextPage,
  fetchNextPage,
  checkingId,
  failedId,
  pendingIds,
  label,
  loadingMore,
  ...entryProps
}: HistoryListProps) {
  const { viewportRef, virtualizer } = useListVirtualizer(
    changeSets.length,
    (index) => changeSets[index]?.id ?? index,
    ENTRY_ESTIMATE,
  );
  const items = virtualizer.getVirtualItems();
  const lastRendered = items.at(-1)?.index ?? -1;

  useEffect(() => {
    if (hasNextPage && !isFetchingNextPage && lastRendered >= changeSets.length - PREFETCH_DISTANCE)
      fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, lastRendered, changeSets.length, fetchNextPage]);

  useEffect(() => {
    if (viewportRef.current) viewportRef.current.scrollTop = 0;
  }, [entryProps.filterId]);

  return (
    // A scrolling region is reachable by keyboard, as the access list is.
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard.
    <section ref={viewportRef} className="sw-history-viewport" aria-label={label} tabIndex={0}>
      <ul
        aria-label={label}
        aria-busy={isFetchingNextPage || undefined}
        className="sw-history-list"
        style={{ height: virtualizer.getTotalSize() }}
      >
        {items.map((item) => {
          const changeSet = changeSets[item.index];
          if (!changeSet) return null;
          return (
            <HistoryEntry
              key={item.key}
              changeSet={changeSet}
              index={item.index}
              setSize={Math.max(totalCount, changeSets.length)}
              start={item.start}
              measureRef={virtualizer.measureElement}
              checking={checkingId === changeSet.id}
              failed={failedId === changeSet.id}
              pending={pendingIds.has(changeSet.id)}
              {...entryProps}
            />
          );
        })}
      </ul>
      {isFetchingNextPage ? (
        <p className="sw-list-status">
          <SpinnerIcon /> {loadingMore}
        </p>
      ) : null}
    </section>
  );
});
