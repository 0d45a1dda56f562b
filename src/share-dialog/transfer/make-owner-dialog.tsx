import * as Dialog from '@radix-ui/react-dialog';
import { useId, useState } from 'react';
import { useShareDialogConfig } from '../share-dialog-provider.tsx';
import { Backdrop } from '../ui/backdrop.tsx';
import { Button } from '../ui/button.tsx';
import { CheckboxField } from '../ui/checkbox-field.tsx';

/** Props of {@link MakeOwnerDialog}. */
export interface MakeOwnerDialogProps {
  /** The person to make owner; the dialog is open while there is one. */
  name: string | null;
  /** The asset type's owner and read-write role labels, e.g. Owner and Editor. */
  ownerLabel: string;
  readWriteLabel: string;
  onConfirm(removeMine: boolean): void;
  onCancel(): void;
  /** Where focus goes once the dialog has closed. */
  onCloseAutoFocus?(event: Event): void;
}

/** `Make <name> owner?` — with `and remove my access`, or keeping read-write — then Make owner or Cancel. */
export function MakeOwnerDialog({
  name,
  ownerLabel,
  readWriteLabel,
  onConfirm,
  onCancel,
  onCloseAutoFocus,
}: MakeOwnerDialogProps) {
  const { messages, colorScheme, container } = useShareDialogConfig();
  const id = useId();
  const [removeMine, setRemoveMine] = useState(false);
  return (
    <Dialog.Root
      open={name !== null}
      onOpenChange={(open) => {
        if (open) return;
        setRemoveMine(false);
        onCancel();
      }}
    >
      <Dialog.Portal container={container ?? undefined}>
        <Backdrop colorScheme={colorScheme} container={container} />
        <Dialog.Content
          role="alertdialog"
          className="sw-theme sw-dialog sw-confirm"
          data-sw-theme={colorScheme}
          onCloseAutoFocus={onCloseAutoFocus}
        >
          <Dialog.Title className="sw-title">{messages.makeOwnerTitle(name ?? '')}</Dialog.Title>
          <Dialog.Description className="sw-subtitle">
            {messages.makeOwnerBody(name ?? '', ownerLabel)}
          </Dialog.Description>
          <CheckboxField
            label={messages.removeMyAccess}
            checked={removeMine}
            onChange={(event) => setRemoveMine(event.target.checked)}
            description={messages.keepReadWriteHint(readWriteLabel)}
            descriptionId={`${id}-keep`}
          />
          <div className="sw-footer__actions">
            <Dialog.Close asChild>
              <Button>{messages.cancel}</Button>
            </Dialog.Close>
            <Button
              variant="primary"
              onClick={() => {
                onConfirm(removeMine);
                setRemoveMine(false);
              }}
            >
              {messages.makeOwner}
            </Button>
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
