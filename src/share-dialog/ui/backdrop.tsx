import { useLayoutEffect, useRef, useState } from 'react';

/** How many dialogs hold each document's scrolling, and how to give it back when the last one closes. */
const scrollLocks = new WeakMap<Document, { count: number; release(): void }>();

/** The width of a document's vertical scrollbar (0 where it has none, or the scrollbars overlay the page). */
export function scrollbarWidthOf(document: Document): number {
  return Math.max(0, (document.defaultView?.innerWidth ?? 0) - document.documentElement.clientWidth);
}

/**
 * Holds a document's scrolling still until the returned function is called: `overflow: hidden` on its root, and
 * the scrollbar's width (measured before) as padding so that the page does not move. Dialogs on top of dialogs
 * share one lock.
 */
export function lockDocumentScroll(document: Document, scrollbarWidth: number): () => void {
  const held = scrollLocks.get(document);
  if (held) held.count += 1;
  else {
    const root = document.documentElement;
    const { overflow, paddingRight } = root.style;
    root.style.overflow = 'hidden';
    if (scrollbarWidth > 0) root.style.paddingRight = `${scrollbarWidth}px`;
    scrollLocks.set(document, {
      count: 1,
      release() {
        root.style.overflow = overflow;
        root.style.paddingRight = paddingRight;
      },
    });
  }
  let released = false;
  return () => {
    const lock = scrollLocks.get(document);
    if (released || !lock) return;
    released = true;
    lock.count -= 1;
    if (lock.count > 0) return;
    scrollLocks.delete(document);
    lock.release();
  };
}

/** Props of {@link Backdrop}. */
export interface BackdropProps {
  colorScheme: 'light' | 'dark';
  /** Where the dialog is portalled, when not into this document's body. */
  container?: HTMLElement | null;
}

/**
 * The dimmed page behind a modal dialog, which holds the page's scrolling while it is shown. It stands in for
 * Radix's overlay, which locks scrolling with a stylesheet and a custom property on `<body>`: both restyle every
 * element of the host's page on each open, tens of milliseconds on a page of a few thousand elements. A click on
 * it is a click outside the dialog, as on Radix's.
 */
export function Backdrop({ colorScheme, container }: BackdropProps) {
  const ref = useRef<HTMLDivElement>(null);
  // Measured while rendering, before the dialog is in the page: measured after, it would lay the whole page out
  // with the new dialog in it, only for the lock to change the page's overflow and have it laid out again.
  const [scrollbarWidth] = useState(() =>
    typeof document === 'undefined' ? 0 : scrollbarWidthOf(container?.ownerDocument ?? document),
  );
  useLayoutEffect(
    () => lockDocumentScroll(ref.current?.ownerDocument ?? document, scrollbarWidth),
    [scrollbarWidth],
  );
  return <div ref={ref} className="sw-theme sw-overlay" data-sw-theme={colorScheme} aria-hidden="true" />;
}
