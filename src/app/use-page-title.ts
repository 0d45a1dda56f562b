import { useEffect } from 'react';

/** Sets the document title to "<page> · Sharewell" while the page is shown. */
export function usePageTitle(page: string | undefined): void {
  useEffect(() => {
    document.title = page ? `${page} · Sharewell` : 'Sharewell';
  }, [page]);
}
