import {
  measureElement,
  observeElementRect,
  type Rect,
  useVirtualizer,
  type Virtualizer,
} from '@tanstack/react-virtual';
import { memo, useEffect, useRef } from 'react';
import type { SharedRole } from '../../api/contract.ts';
import type { Grant } from '../../sharing/types.ts';
import { useShareDialogConfig } from '../share-dialog-provider.tsx';
import { SpinnerIcon } from '../ui/icons.tsx';
import { SharedWithRow, type SharedWithRowProps } from './shared-with-row.tsx';

/** How many rows are rendered beyond the visible ones, above and below. */
const OVERSCAN = 6;
/** Load the next page when the last rendered row is this close to the end of what is loaded. */
const PREFETCH_DISTANCE = 20;
/** The viewport assumed while the list has no layout yet (or in an environment without layout). */
const FALLBACK_RECT: Rect = { width: 560, height: 320 };

type ListVirtualizer = Virtualizer<HTMLElement, HTMLLIElement>;

function observeRectWithFallback(instance: ListVirtualizer, onRect: (rect: Rect) => void) {
  return observeElementRect(instance, (rect) =>
    onRect(rect.width === 0 && rect.height === 0 ? FALLBACK_RECT : rect),
  );
}

function measureWithFallback(
  element: HTMLLIElement,
  entry: ResizeObserverEntry | undefined,
  instance: ListVirtualizer,
) {
  const size = measureElement(element, entry, instance);
  return size > 0 ? size : instance.options.estimateSize(instance.indexFromElement(element));
}

/** Props of {@link SharedWithList}: the loaded entries, paging, and what every row shares. */
export interface SharedWithListProps
  extends Omit<SharedWithRowProps, 'entry' | 'grant' | 'index' | 'setSize' | 'start' | 'measureRef'> {
  entries: readonly SharedRole[];
  /** `grants[i]` is `entries[i]` as the domain sees it. */
  grants: readonly Grant[];
  /** Entries on the whole list, loaded or not. */
  totalCount: number;
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage(): void;
  /** The id of the element that names the list (`Shared with`). */
  labelledBy: string;
  /** Changes when the list is replaced (e.g. a new filter): the view scrolls back to the top. */
  resetKey: string;
}

/** The access list, virtualized: only the rows in view (and a few around them) are in the DOM, whatever its length. */
export const SharedWithList = memo(function SharedWithList({
  entries,
  grants,
  totalCount,
  hasNextPage,
  isFetchingNextPage,
  fetchNextPage,
  labelledBy,
  resetKey,
  ...rowProps
}: SharedWithListProps) {
  const { messages } = useShareDialogConfig();
  const viewportRef = useRef<HTMLElement>(null);
  const hasOptions = rowProps.assetType.options.allowSharing || rowProps.assetType.options.canUseData;
  const rowEstimate = hasOptions ? 84 : 58;

  const virtualizer = useVirtualizer<HTMLElement, HTMLLIElement>({
    count: entries.length,
    getScrollElement: () => viewportRef.current,
    estimateSize: () => rowEstimate,
    overscan: OVERSCAN,
    getItemKey: (index) => entries[index]?.id ?? index,
    initialRect: FALLBACK_RECT,
    observeElementRect: observeRectWithFallback,
    measureElement: measureWithFallback,
    useFlushSync: false,
  });

  const items = virtualizer.getVirtualItems();
  const lastRendered = items.at(-1)?.index ?? -1;

  useEffect(() => {
    if (hasNextPage && !isFetchingNextPage && lastRendered >= entries.length - PREFETCH_DISTANCE)
      fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, lastRendered, entries.length, fetchNextPage]);

  useEffect(() => {
    if (resetKey !== undefined && viewportRef.current) viewportRef.current.scrollTop = 0;
  }, [resetKey]);

  return (
    // The viewport scrolls, and a row may hold nothing focusable (an owner's locked row): it takes focus itself
    // so that keyboard users can scroll it too.
    <section
      ref={viewportRef}
      className="sw-list-viewport"
      data-slot="shared-with-viewport"
      aria-labelledby={labelledBy}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard.
      tabIndex={0}
    >
      <ul
        aria-labelledby={labelledBy}
        aria-busy={isFetchingNextPage || undefined}
        className="sw-list"
        style={{ height: virtualizer.getTotalSize() }}
      >
        {items.map((item) => {
          const entry = entries[item.index];
          const grant = grants[item.index];
          if (!entry || !grant) return null;
          return (
            <SharedWithRow
              key={item.key}
              entry={entry}
              grant={grant}
              index={item.index}
              setSize={Math.max(totalCount, entries.length)}
              start={item.start}
              measureRef={virtualizer.measureElement}
              {...rowProps}
            />
          );
        })}
      </ul>
      {isFetchingNextPage ? (
        <p className="sw-list-status">
          <SpinnerIcon /> {messages.loadingMore}
        </p>
      ) : null}
    </section>
  );
});
