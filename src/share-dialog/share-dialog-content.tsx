import * as Dialog from '@radix-ui/react-dialog';
import { lazy, type ReactNode, Suspense } from 'react';
import { DialogAssetProvider } from './dialog-asset.tsx';
import { MultiAssetLoading } from './multi-asset/multi-asset-loading.tsx';
import { ShareDialogHeader } from './parts/dialog-header.tsx';
import { ShareDialogEditor } from './share-dialog-editor.tsx';
import { useShareDialogConfig } from './share-dialog-provider.tsx';
import { useShareDialogRoot } from './share-dialog-root.tsx';
import { Backdrop } from './ui/backdrop.tsx';
import { cx } from './ui/cx.ts';
import { focusShareWith } from './use-initial-focus.ts';

/** Props of {@link ShareDialogContent}: a class, and the parts to lay out (the default header and editor without). */
export interface ShareDialogContentProps {
  /** Extra classes on the dialog element (it already has `sw-dialog`). */
  className?: string;
  /** The dialog's parts, e.g. a header of the host's own, then `ShareDialog.Editor`. */
  children?: ReactNode;
}

// Hosts that share one asset at a time never load the multi-asset view.
const MultiAssetPanel = lazy(() =>
  import('./multi-asset/multi-asset-panel.tsx').then((module) => ({ default: module.MultiAssetPanel })),
);

/**
 * The dialog itself, portalled over the page: named `Share <asset name>` (or `Share <n> assets`), focus trapped,
 * Escape closes (asking first). With several assets it holds the multi-asset view, which has parts of its own.
 */
export function ShareDialogContent({ className, children }: ShareDialogContentProps) {
  const { colorScheme, container } = useShareDialogConfig();
  const { contentRef, assets } = useShareDialogRoot();

  return (
    <Dialog.Portal container={container ?? undefined}>
      <Backdrop colorScheme={colorScheme} container={container} />
      <Dialog.Content
        ref={contentRef}
        className={cx('sw-theme sw-dialog', className)}
        data-sw-theme={colorScheme}
        data-slot="share-dialog-content"
        onOpenAutoFocus={(event) => {
          // The editor focuses `Share with` once loaded; until then the dialog itself holds focus.
          event.preventDefault();
          if (!focusShareWith(contentRef.current)) contentRef.current?.focus();
        }}
      >
        {assets ? (
          <Suspense fallback={<MultiAssetLoading count={assets.length} />}>
            <MultiAssetPanel assets={assets} />
          </Suspense>
        ) : (
          <DialogAssetProvider>
            {children ?? (
              <>
                <ShareDialogHeader />
                <ShareDialogEditor />
              </>
            )}
          </DialogAssetProvider>
        )}
      </Dialog.Content>
    </Dialog.Portal>
  );
}
