import * as Dialog from '@radix-ui/react-dialog';
import { lazy, Suspense, useRef } from 'react';
import { MultiAssetLoading } from './multi-asset/multi-asset-loading.tsx';
import { ShareDialogPanel } from './share-dialog-panel.tsx';
import { useShareDialogConfig } from './share-dialog-provider.tsx';
import { useShareDialogRoot } from './share-dialog-root.tsx';
import { cx } from './ui/cx.ts';

/** Props of {@link ShareDialogContent}. */
export interface ShareDialogContentProps {
  /** Extra classes on the dialog element (it already has `sw-dialog`). */
  className?: string;
}

// Hosts that share one asset at a time never load the multi-asset view.
const MultiAssetPanel = lazy(() =>
  import('./multi-asset/multi-asset-panel.tsx').then((module) => ({ default: module.MultiAssetPanel })),
);

/**
 * The dialog itself, portalled over the page: named `Share <asset name>` (or `Share <n> assets`), focus trapped,
 * Escape closes (asking first).
 */
export function ShareDialogContent({ className }: ShareDialogContentProps) {
  const { theme, container } = useShareDialogConfig();
  const { assetType, assetId, assets } = useShareDialogRoot();
  const contentRef = useRef<HTMLDivElement>(null);

  return (
    <Dialog.Portal container={container ?? undefined}>
      <Dialog.Overlay className="sw-theme sw-overlay" data-sw-theme={theme} />
      <Dialog.Content
        ref={contentRef}
        className={cx('sw-theme sw-dialog', className)}
        data-sw-theme={theme}
        data-slot="share-dialog-content"
        onOpenAutoFocus={(event) => {
          // The editor focuses `Share with` once loaded; until then the dialog itself holds focus.
          event.preventDefault();
          const combobox = contentRef.current?.querySelector<HTMLElement>(
            '[role="combobox"]:not([aria-disabled="true"])',
          );
          (combobox ?? contentRef.current)?.focus();
        }}
      >
        {assets ? (
          <Suspense fallback={<MultiAssetLoading count={assets.length} />}>
            <MultiAssetPanel assets={assets} />
          </Suspense>
        ) : (
          <ShareDialogPanel assetType={assetType} assetId={assetId} />
        )}
      </Dialog.Content>
    </Dialog.Portal>
  );
}
