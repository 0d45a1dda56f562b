import * as Dialog from '@radix-ui/react-dialog';
import type { ComponentPropsWithRef } from 'react';
import { useShareDialogConfig } from '../share-dialog-provider.tsx';
import { Button } from '../ui/button.tsx';
import { CloseIcon } from '../ui/icons.tsx';

/** Props of {@link ShareDialogClose}: a button's; `asChild` renders the host's own element instead. */
export type ShareDialogCloseProps = ComponentPropsWithRef<typeof Dialog.Close>;

/**
 * Closes the dialog (asking first when there is unsaved work). Without children it is the × button named
 * `Close`; with children, a button in the dialog's look holding them.
 */
export function ShareDialogClose({ asChild, children, ...props }: ShareDialogCloseProps) {
  const { messages } = useShareDialogConfig();
  if (asChild)
    return (
      <Dialog.Close asChild {...props}>
        {children}
      </Dialog.Close>
    );
  return (
    <Dialog.Close asChild {...props}>
      {children ? (
        <Button data-slot="share-dialog-close">{children}</Button>
      ) : (
        <Button size="icon" aria-label={messages.close} data-slot="share-dialog-close">
          <CloseIcon size={18} />
        </Button>
      )}
    </Dialog.Close>
  );
}
