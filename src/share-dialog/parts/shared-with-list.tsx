import {
  measureElement,
  observeElementRect,
  type Rect,
  useVirtualizer,
  type Virtualizer,
} from '@tanstack/react-virtual';
import { memo, type UIEvent, useCallback, useEffect, useRef } from 'react';
import { useAccessList, useSharingEditor } from '../editor-context.ts';
import { useShareDialogConfig } from '../share-dialog-provider.tsx';
import { SpinnerIcon } from '../ui/icons.tsx';
import { ACCESS_LIST_FETCH_AHEAD_ROWS } from '../use-loaded-access-list.ts';
import { PassingRow, SharedWithRow } from './shared-with-row.tsx';
import { useFling } from './use-fling.ts';
import { useFocusEntryInView } from './use-focus-entry-in-view.ts';

/** How many rows are rendered beyond the visible ones, above and below. */
const OVERSCAN = 6;
/** The same while the list is flung: every row in view is new in every frame, so rows beyond it would never be seen. */
const FLUNG_OVERSCAN = 1;
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

/** The virtualizer of a list of `li` rows: it measures each row once rendered, and assumes a layout where there is none. */
export function useListVirtualizer(
  count: number,
  keyOf: (index: number) => string | number,
  rowEstimate: number,
  overscan = OVERSCAN,
) {
  const viewportRef = useRef<HTMLElement>(null);
  const virtualizer = useVirtualizer<HTMLElement, HTMLLIElement>({
    count,
    getScrollElement: () => viewportRef.current,
    estimateSize: () => rowEstimate,
    overscan,
    getItemKey: keyOf,
    initialRect: FALLBACK_RECT,
    observeElementRect: observeRectWithFallback,
    measureElement: measureWithFallback,
    useFlushSync: false,
  });
  return { viewportRef, virtualizer };
}

/** The position in the list of the row that holds focus, if one does. */
function focusedIndexIn(list: HTMLElement | null): number | null {
  const focused = list?.ownerDocument.activeElement;
  const row = focused && list?.contains(focused) ? focused.closest('[data-index]') : null;
  return row ? Number(row.getAttribute('data-index')) : null;
}

/**
 * The access list, virtualized: only the rows in view (and a few around them) are in the DOM, whatever its
 * length. The next page loads as the end comes near; a new filter scrolls back to the top. Flung a screenful a
 * frame, it shows who and which role only, and the rows come back whole once it slows (a focused row stays whole).
 */
export const SharedWithList = memo(function SharedWithList() {
  const { messages } = useShareDialogConfig();
  const { assetType, ids } = useSharingEditor();
  const { entries, grants, totalCount, hasNextPage, isFetchingNextPage, fetchNextPage, filter } =
    useAccessList();
  const hasOptions = assetType.options.allowSharing || assetType.options.canUseData;
  const listRef = useRef<HTMLUListElement>(null);
  const { flinging, onScroll: onFlingScroll } = useFling();
  const focusedIndex = flinging ? focusedIndexIn(listRef.current) : null;
  const { viewportRef, virtualizer } = useListVirtualizer(
    entries.length,
    (index) => entries[index]?.id ?? index,
    hasOptions ? 84 : 58,
    // A row holding focus stays rendered as long as the usual overscan reaches it.
    flinging && focusedIndex === null ? FLUNG_OVERSCAN : OVERSCAN,
  );

  const focusEntry = useFocusEntryInView(listRef);
  const { onScroll: onEntryScroll } = focusEntry;
  const onScroll = useCallback(
    (event: UIEvent<HTMLElement>) => {
      onEntryScroll(event);
      onFlingScroll(event.currentTarget);
    },
    [onEntryScroll, onFlingScroll],
  );
  const items = virtualizer.getVirtualItems();
  const lastRendered = items.at(-1)?.index ?? -1;

  useEffect(() => {
    if (hasNextPage && !isFetchingNextPage && lastRendered >= entries.length - ACCESS_LIST_FETCH_AHEAD_ROWS)
      fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, lastRendered, entries.length, fetchNextPage]);

  // A new filter starts at the top. Only a change of filter: setting `scrollTop` lays the page out at once, which
  // on opening would come before the rows are even measured.
  const shownFilter = useRef(filter);
  useEffect(() => {
    if (shownFilter.current === filter) return;
    shownFilter.current = filter;
    if (viewportRef.current) viewportRef.current.scrollTop = 0;
  }, [filter, viewportRef]);

  return (
    // The viewport scrolls, and a row may hold nothing focusable (an owner's locked row): it takes focus itself
    // so that keyboard users can scroll it too.
    <section
      ref={viewportRef}
      className="sw-list-viewport"
      data-slot="shared-with-viewport"
      aria-labelledby={ids.listTitle}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard.
      tabIndex={0}
      onFocus={focusEntry.onFocus}
      onPointerDown={focusEntry.onPointerDown}
      onScroll={onScroll}
    >
      <ul
        ref={listRef}
        aria-labelledby={ids.listTitle}
        aria-busy={isFetchingNextPage || undefined}
        className="sw-list"
        // The rows are in the flow below this padding, so a row that grows or shrinks moves those after it
        // without re-rendering them.
        style={{ height: virtualizer.getTotalSize(), paddingTop: items[0]?.start ?? 0 }}
      >
        {items.map((item) => {
          const entry = entries[item.index];
          const grant = grants[item.index];
          if (!entry || !grant) return null;
          const row = { entry, grant, index: item.index, setSize: Math.max(totalCount, entries.length) };
          return flinging && item.index !== focusedIndex ? (
            <PassingRow key={item.key} {...row} height={item.size} />
          ) : (
            <SharedWithRow key={item.key} {...row} measureRef={virtualizer.measureElement} />
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
