import * as Dialog from '@radix-ui/react-dialog';
import type { ComponentPropsWithRef } from 'react';
import { useShareDialogConfig } from './share-dialog-provider.tsx';

/** Props of {@link ShareDialogTrigger}: a button's; `asChild` renders the host's own element instead. */
export type ShareDialogTriggerProps = ComponentPropsWithRef<typeof Dialog.Trigger>;

/** Opens the dialog. Unstyled: it belongs to the host's page, which styles it (or passes its own with `asChild`). */
export function ShareDialogTrigger({ children, ...props }: ShareDialogTriggerProps) {
  const { messages } = useShareDialogConfig();
  return (
    <Dialog.Trigger data-slot="share-dialog-trigger" {...props}>
      {children ?? messages.share}
    </Dialog.Trigger>
  );
}
