import { useLayoutEffect, useRef } from 'react';

/** How many dialogs hold each document's scrolling, and how to give it back when the last one closes. */
const scrollLocks = new WeakMap<Document, { count: number; release(): void }>();

/**
 * Holds a document's scrolling still until the returned function is called: `overflow: hidden` on its root, and
 * the scrollbar's width as padding so that the page does not move. Dialogs on top of dialogs share one lock.
 */
export function lockDocumentScroll(document: Document): () => void {
  const held = scrollLocks.get(document);
  if (held) held.count += 1;
  else {
    const root = document.documentElement;
    const { overflow, paddingRight } = root.style;
    const scrollbarWidth = (document.defaultView?.innerWidth ?? 0) - root.clientWidth;
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
}

/**
 * The dimmed page behind a modal dialog, which holds the page's scrolling while it is shown. It stands in for
 * Radix's overlay, which locks scrolling with a stylesheet and a custom property on `<body>`: both restyle every
 * element of the host's page on each open, tens of milliseconds on a page of a few thousand elements. A click on
 * it is a click outside the dialog, as on Radix's.
 */
export function Backdrop({ colorScheme }: BackdropProps) {
  const ref = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => lockDocumentScroll(ref.current?.ownerDocument ?? document), []);
  return <div ref={ref} className="sw-theme sw-overlay" data-sw-theme={colorScheme} aria-hidden="true" />;
}
