import * as Dialog from '@radix-ui/react-dialog';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { resetDemoData } from './demo-api.ts';
import { ResetIcon } from './icons.tsx';
import { useSession } from './session.tsx';

/** Restores the demo seed after asking: every share, notification and e-mail made since is dropped. */
export function ResetDemoButton() {
  const { client } = useSession();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const reset = useMutation({
    mutationFn: () => resetDemoData(client),
    onSuccess: async () => {
      setOpen(false);
      await queryClient.resetQueries();
    },
  });

  return (
    <Dialog.Root
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (!next) reset.reset();
      }}
    >
      <Dialog.Trigger asChild>
        <button type="button" className="button button--quiet">
          <ResetIcon />
          <span>Reset demo data</span>
        </button>
      </Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay className="confirm-overlay" />
        <Dialog.Content className="confirm" role="alertdialog">
          <Dialog.Title className="confirm__title">Reset demo data?</Dialog.Title>
          <Dialog.Description className="confirm__text">
            Every share, notification and e-mail made since the start is dropped, and the demo assets go back
            to their original access lists. Who you are acting as stays the same.
          </Dialog.Description>
          {reset.isError ? (
            <p className="confirm__error" role="alert">
              The demo data could not be reset: {reset.error.message}
            </p>
          ) : null}
          <div className="confirm__actions">
            <Dialog.Close asChild>
              <button type="button" className="button">
                Cancel
              </button>
            </Dialog.Close>
            <button
              type="button"
              className="button button--danger"
              onClick={() => reset.mutate()}
              disabled={reset.isPending}
              aria-busy={reset.isPending}
            >
              {reset.isPending ? 'Resetting…' : 'Reset'}
            </button>
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
