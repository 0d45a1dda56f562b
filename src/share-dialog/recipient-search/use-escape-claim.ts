import { type RefObject, useEffect } from 'react';

/**
 * While the menu is open, Escape belongs to the menu. An enclosing dialog closes on Escape, and Radix listens on
 * the document in the capture phase, before the input sees the key: marking it handled (defaultPrevented) from the
 * window, which the event reaches first, keeps the dialog open.
 */
export function useEscapeClaim(inputRef: RefObject<HTMLInputElement | null>, menuOpen: boolean): void {
  useEffect(() => {
    const input = inputRef.current;
    const view = input?.ownerDocument.defaultView;
    if (!menuOpen || !input || !view) return;
    const claimEscape = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && event.target === input) event.preventDefault();
    };
    view.addEventListener('keydown', claimEscape, true);
    return () => view.removeEventListener('keydown', claimEscape, true);
  }, [inputRef, menuOpen]);
}
