import { useCallback, useState } from 'react';

/** A polite live region's text, and the function that changes it: what a screen reader is told. */
export function useAnnouncer(): { announcement: string; announce(text: string): void } {
  const [announcement, setAnnouncement] = useState('');
  const announce = useCallback((text: string) => {
    // A repeated text is not announced again unless the region's content changes; a trailing space changes it.
    setAnnouncement((previous) => (previous === text ? `${text}\u00a0` : text));
  }, []);
  return { announcement, announce };
}
