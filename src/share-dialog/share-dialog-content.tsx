import * as Dialog from '@radix-ui/react-dialog';
import { useRef } from 'react';
import { ShareDialogPanel } from './share-dialog-panel.tsx';
import { useShareDialogConfig } from './share-dialog-provider.tsx';
import { useShareDialogRoot } from './share-dialog-root.tsx';
import { cx } from './ui/cx.ts';

/** Props of {@link ShareDialogContent}. */
export interface ShareDialogContentProps {
  /** Extra classes on the dialog element (it already has `sw-dialog`). */
  className?: string;
}

/** The dialog itself, portalled over the page: named `Share <asset name>`, focus trapped, Escape closes (asking first). */
export function ShareDialogContent({ className }: ShareDialogContentProps) {
  const { theme, container } = useShareDialogConfig();
  const { assetType, assetId } = useShareDialogRoot();
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
        <ShareDialogPanel assetType={assetType} assetId={assetId} />
      </Dialog.Content>
    </Dialog.Portal>
  );
}
