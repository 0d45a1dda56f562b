import { type FocusEvent, type RefObject, type UIEvent, useCallback, useRef } from 'react';

const focusableSelector = 'a[href], button, input, select, textarea, [tabindex]';

/** The controls of a row that Tab stops at, in order. */
function tabStopsOf(row: Element): HTMLElement[] {
  return [...row.querySelectorAll<HTMLElement>(focusableSelector)].filter(
    (element) =>
      element.tabIndex >= 0 &&
      !(element as HTMLButtonElement).disabled &&
      element.getClientRects().length > 0,
  );
}

function overlaps(rect: DOMRect, box: DOMRect): boolean {
  return rect.bottom > box.top && rect.top < box.bottom;
}

/**
 * Keyboard entry into a virtualized list: the rows rendered beyond the viewport (its overscan) are in the tab
 * order, so Tab into a scrolled list would land on a row above the view, and Shift+Tab on one below it. When focus
 * comes into the list from outside its rows onto a row out of view, it moves to the first tab stop in view of the
 * first row in view (the last one of the last row in view, coming from below), and the list stays where it was
 * scrolled.
 * Moving between rows, and clicks, are left be: a press on a control focuses that control where it is, even when the
 * scroll that brought it into view has not been reported yet. Give the three handlers to the scrolling viewport.
 */
export function useFocusEntryInView(listRef: RefObject<HTMLElement | null>) {
  // Where the person last scrolled the viewport: the browser scrolls a focused row into view before the focus
  // event, and its scroll event comes later.
  const scrolledTo = useRef(0);
  const onScroll = useCallback((event: UIEvent<HTMLElement>) => {
    scrolledTo.current = event.currentTarget.scrollTop;
  }, []);
  // A press comes before the focus it gives: that focus is the pointer's, not the keyboard's.
  const pressed = useRef(false);
  const onPointerDown = useCallback(() => {
    pressed.current = true;
    // The focus a press gives comes in the same task; a press on nothing focusable gives none.
    setTimeout(() => {
      pressed.current = false;
    }, 0);
  }, []);
  const onFocus = useCallback(
    (event: FocusEvent<HTMLElement>) => {
      const byPointer = pressed.current;
      pressed.current = false;
      if (byPointer) return;
      const viewport = event.currentTarget;
      const list = listRef.current;
      const from = event.relatedTarget;
      if (!list || (from instanceof Node && list.contains(from))) return;
      const row = event.target.closest('li');
      if (!row || row.parentElement !== list) return;
      if (viewport.scrollTop !== scrolledTo.current) viewport.scrollTop = scrolledTo.current;
      const box = viewport.getBoundingClientRect();
      const rect = row.getBoundingClientRect();
      if (overlaps(rect, box)) return;
      const inView = [...list.children].filter((child) => overlaps(child.getBoundingClientRect(), box));
      const fromAbove = rect.bottom <= box.top;
      for (const candidate of fromAbove ? inView : inView.reverse()) {
        // A row cut by the edge may have its first (or last) control out of view: then the next row's.
        const stops = tabStopsOf(candidate).filter((stop) => overlaps(stop.getBoundingClientRect(), box));
        const target = fromAbove ? stops[0] : stops.at(-1);
        if (target) {
          target.focus({ preventScroll: true });
          return;
        }
      }
    },
    [listRef],
  );
  return { onFocus, onScroll, onPointerDown };
}
