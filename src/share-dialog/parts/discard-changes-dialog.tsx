import * as Dialog from '@radix-ui/react-dialog';
import { useShareDialogConfig } from '../share-dialog-provider.tsx';
import { Backdrop } from '../ui/backdrop.tsx';
import { Button } from '../ui/button.tsx';

/** Props of {@link DiscardChangesDialog}: whether it is asked, and the two answers. */
export interface DiscardChangesDialogProps {
  open: boolean;
  onKeepEditing(): void;
  onDiscard(): void;
}

/** Asks before closing with pending changes: `Discard changes?` — Discard, or Keep editing (also Escape). */
export function DiscardChangesDialog({ open, onKeepEditing, onDiscard }: DiscardChangesDialogProps) {
  const { messages, colorScheme, container } = useShareDialogConfig();
  return (
    <Dialog.Root open={open} onOpenChange={(next) => (next ? undefined : onKeepEditing())}>
      <Dialog.Portal container={container ?? undefined}>
        <Backdrop colorScheme={colorScheme} container={container} />
        <Dialog.Content
          role="alertdialog"
          className="sw-theme sw-dialog sw-confirm"
          data-sw-theme={colorScheme}
        >
          <Dialog.Title className="sw-title">{messages.discardTitle}</Dialog.Title>
          <Dialog.Description className="sw-subtitle">{messages.discardBody}</Dialog.Description>
          <div className="sw-footer__actions">
            <Dialog.Close asChild>
              <Button>{messages.keepEditing}</Button>
            </Dialog.Close>
            <Button variant="danger" onClick={onDiscard}>
              {messages.discard}
            </Button>
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
