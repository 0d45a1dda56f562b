import { type RefObject, useCallback, useEffect, useState } from 'react';
import { hasUnsavedInput } from '../sharing/draft.ts';
import type { DialogStore } from './dialog-store.ts';
import type { InviteForm } from './invite-form.ts';
import type { CloseGuard } from './share-dialog-root.tsx';

/** What the discard question needs: whether it is asked, and the two answers. */
export interface CloseGuardState {
  confirmOpen: boolean;
  keepEditing(): void;
  discard(): void;
}

/**
 * Closing with unsaved work (pending changes, or a note) asks first: the guard registered with the root answers
 * false and opens the question; discarding resets the draft and the form, then closes.
 */
export function useCloseGuard(options: {
  guardRef: RefObject<CloseGuard | null>;
  store: DialogStore;
  form: InviteForm;
  reset(): void;
  forceClose(): void;
}): CloseGuardState {
  const { guardRef, store, form, reset, forceClose } = options;
  const [confirmOpen, setConfirmOpen] = useState(false);

  useEffect(() => {
    guardRef.current = () => {
      if (!hasUnsavedInput(store.getState().draft, form.getValues())) return true;
      setConfirmOpen(true);
      return false;
    };
    return () => {
      guardRef.current = null;
    };
  }, [guardRef, store, form]);

  const keepEditing = useCallback(() => setConfirmOpen(false), []);
  const discard = useCallback(() => {
    setConfirmOpen(false);
    reset();
    forceClose();
  }, [reset, forceClose]);

  return { confirmOpen, keepEditing, discard };
}
