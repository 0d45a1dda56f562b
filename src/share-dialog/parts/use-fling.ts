import { useCallback, useEffect, useRef, useState } from 'react';

/** How long after the last fast scroll the rows come back whole. */
const FLING_SETTLES_MS = 150;
/**
 * A fling: this many scrolls in a row, each within `FLING_STEP_MS` of the one before and moving a screenful and at
 * least `FLING_STEP_PX`. Scrolling a control into view, and the list settling its measured rows after it, never does.
 */
const FLING_STEPS = 3;
const FLING_STEP_MS = 100;
const FLING_STEP_PX = 400;

/**
 * Whether the list is being flung: moved a screenful or more (and at least `FLING_STEP_PX`) at each scroll event,
 * `FLING_STEPS` times in a row, so that no row stays in view for more than a frame. A jump, to a focused row or a
 * control scrolled into view, is not a fling. Give `onScroll` each scroll of the viewport.
 */
export function useFling(): {
  flinging: boolean;
  onScroll(viewport: HTMLElement): void;
} {
  const [flinging, setFlinging] = useState(false);
  const last = useRef({ top: 0, at: Number.NEGATIVE_INFINITY, streak: 0 });
  const settle = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(settle.current), []);
  const onScroll = useCallback((viewport: HTMLElement) => {
    const now = performance.now();
    const previous = last.current;
    const step = Math.abs(viewport.scrollTop - previous.top);
    const fast = step >= Math.max(FLING_STEP_PX, viewport.clientHeight);
    const streak = fast ? (now - previous.at <= FLING_STEP_MS ? previous.streak + 1 : 1) : 0;
    last.current = { top: viewport.scrollTop, at: now, streak };
    if (streak < FLING_STEPS) return;
    setFlinging(true);
    clearTimeout(settle.current);
    settle.current = setTimeout(() => setFlinging(false), FLING_SETTLES_MS);
  }, []);
  return { flinging, onScroll };
}
