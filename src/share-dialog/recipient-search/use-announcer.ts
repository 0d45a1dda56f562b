import { useState } from 'react';

/**
 * What a polite live region says, held apart from the part that announces: announcing re-renders the region alone,
 * not the combobox and its suggestions around it.
 */
export interface Announcer {
  announce(text: string): void;
  subscribe(listener: () => void): () => void;
  text(): string;
}

function createAnnouncer(): Announcer {
  let text = '';
  const listeners = new Set<() => void>();
  return {
    announce(next) {
      // A repeated text is not announced again unless the region's content changes; a trailing space changes it.
      text = text === next ? `${next}\u00a0` : next;
      for (const listener of listeners) listener();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    text: () => text,
  };
}

/** An announcer of the component's own, for its {@link Announcement} region. */
export function useAnnouncer(): Announcer {
  const [announcer] = useState(createAnnouncer);
  return announcer;
}
