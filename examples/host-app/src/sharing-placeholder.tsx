import type { ReactNode } from 'react';
import type { HostAsset } from './app.tsx';
import type * as Sharing from './sharing.tsx';

/**
 * The portal without the ShareDialog (`VITE_SHARE_DIALOG=off`): the same page and button, so that building
 * both measures what the dialog alone adds to a host's bundle.
 */
export const SharingProvider: typeof Sharing.SharingProvider = ({ children }: { children: ReactNode }) => (
  <>{children}</>
);

export const ShareButton: typeof Sharing.ShareButton = ({ asset }: { asset: HostAsset }) => (
  <button
    type="button"
    aria-label={`Share ${asset.name}`}
    onClick={() => window.alert('Sharing is coming soon.')}
  >
    Share
  </button>
);
