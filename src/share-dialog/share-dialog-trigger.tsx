import { useComposedRefs } from '@radix-ui/react-compose-refs';
import * as Dialog from '@radix-ui/react-dialog';
import type { ComponentPropsWithRef, SyntheticEvent } from 'react';
import { useShareDialogConfig } from './share-dialog-provider.tsx';
import { useShareDialogRoot } from './share-dialog-root.tsx';
import { useOpenIntent } from './use-open-intent.ts';

/** Props of {@link ShareDialogTrigger}: a button's; `asChild` renders the host's own element instead. */
export type ShareDialogTriggerProps = ComponentPropsWithRef<typeof Dialog.Trigger>;

/** The host's handler first; ours unless it prevented the default. */
function composed<Event extends SyntheticEvent>(
  theirs: ((event: Event) => void) | undefined,
  ours: () => void,
): (event: Event) => void {
  return (event) => {
    theirs?.(event);
    if (!event.defaultPrevented) ours();
  };
}

/**
 * Opens the dialog, and asks for what it opens on as soon as the person shows intent (see `useOpenIntent`). Unstyled:
 * it belongs to the host's page, which styles it (or passes its own with `asChild`).
 */
export function ShareDialogTrigger({ children, ref, ...props }: ShareDialogTriggerProps) {
  const { messages } = useShareDialogConfig();
  const { triggerRef } = useShareDialogRoot();
  const intent = useOpenIntent();
  return (
    <Dialog.Trigger
      data-slot="share-dialog-trigger"
      {...props}
      ref={useComposedRefs(ref, triggerRef)}
      onPointerEnter={composed(props.onPointerEnter, intent.onPointerEnter)}
      onPointerLeave={composed(props.onPointerLeave, intent.onPointerLeave)}
      onFocus={composed(props.onFocus, intent.onFocus)}
      onBlur={composed(props.onBlur, intent.onBlur)}
      onPointerDown={composed(props.onPointerDown, intent.onPointerDown)}
    >
      {children ?? messages.share}
    </Dialog.Trigger>
  );
}
