import * as Dialog from '@radix-ui/react-dialog';
import { FocusScope } from '@radix-ui/react-focus-scope';
import { hideOthers } from 'aria-hidden';
import { lazy, type ReactElement, type ReactNode, type RefObject, Suspense, useEffect } from 'react';
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

/** Keeps a right click (or a ctrl-click) outside the dialog from closing it, as Radix's modal dialog does. */
function keepOpenOnSecondaryClick(event: CustomEvent<{ originalEvent: PointerEvent }>) {
  const { button, ctrlKey } = event.detail.originalEvent;
  if (button === 2 || (button === 0 && ctrlKey)) event.preventDefault();
}

/**
 * What makes the dialog modal: focus held inside it, the rest of the page hidden from assistive technology, and
 * focus back on the trigger once it closes. The backdrop takes the pointer outside it. Radix's modal dialog does
 * the same, and also sets `pointer-events: none` on `<body>`, which restyles every element of the host's page on
 * each open: tens of milliseconds, before the first frame, on a page of a few thousand elements.
 */
function ModalScope({
  contentRef,
  children,
}: {
  contentRef: RefObject<HTMLElement | null>;
  children: ReactElement;
}) {
  const { triggerRef } = useShareDialogRoot();
  useEffect(() => {
    const content = contentRef.current;
    return content ? hideOthers(content) : undefined;
  }, [contentRef]);
  return (
    <FocusScope
      asChild
      loop
      trapped
      onUnmountAutoFocus={(event) => {
        // Without a trigger (a host that opens the dialog itself), focus goes back to where it was.
        const trigger = triggerRef.current;
        if (!trigger?.isConnected) return;
        event.preventDefault();
        trigger.focus();
      }}
    >
      {children}
    </FocusScope>
  );
}

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
      <ModalScope contentRef={contentRef}>
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
          onPointerDownOutside={keepOpenOnSecondaryClick}
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
      </ModalScope>
    </Dialog.Portal>
  );
}
