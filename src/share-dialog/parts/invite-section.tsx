import { useCallback, useMemo } from 'react';
import type { RecipientSummary } from '../../sharing/draft.ts';
import { type DialogState, useDialogState } from '../dialog-store.ts';
import { useSharingEditor } from '../editor-context.ts';
import { RecipientSearch } from '../recipient-search/recipient-search.tsx';
import { useShareDialogConfig } from '../share-dialog-provider.tsx';
import { cx } from '../ui/cx.ts';
import { Hint } from '../ui/hint.tsx';
import { NewRecipientOptions } from './new-recipient-options.tsx';
import { SaveOptions } from './save-options.tsx';

/** Props of {@link ShareDialogInvite}: only a class; what it shows follows the asset type and the actor. */
export interface ShareDialogInviteProps {
  /** Extra classes on the section (it already has `sw-invite`). */
  className?: string;
}

const selectAdditions = (state: DialogState) => state.draft.additions;
const selectSaveErrors = (state: DialogState) => state.saveErrors;
const selectPreviewErrors = (state: DialogState) => state.previewErrors;

/** `Share with`, wired to the draft: its chips are the draft's additions, each with its entry's message. */
function InviteRecipients() {
  const { assetType, store, sharing, ids } = useSharingEditor();
  const additions = useDialogState(store, selectAdditions);
  const saveErrors = useDialogState(store, selectSaveErrors);
  const previewErrors = useDialogState(store, selectPreviewErrors);
  const selected = useMemo<RecipientSummary[]>(
    () => additions.map((addition) => addition.principal),
    [additions],
  );
  const chipErrors = useMemo(() => ({ ...previewErrors, ...saveErrors }), [previewErrors, saveErrors]);
  const onAdd = useCallback(
    (recipients: RecipientSummary[]) => store.dispatch({ type: 'addRecipients', recipients }),
    [store],
  );
  const onRemove = useCallback(
    (principalId: string) => store.dispatch({ type: 'removeRecipient', id: principalId }),
    [store],
  );
  return (
    <RecipientSearch
      assetType={assetType}
      selected={selected}
      onAdd={onAdd}
      onRemove={onRemove}
      errorsByPrincipalId={chipErrors}
      disabled={!sharing.allowed}
      describedBy={sharing.allowed ? undefined : ids.sharingReason}
    />
  );
}

/**
 * Who to add, at which role, with which options, and what goes with the save (note, notification, lineage). When
 * the actor may not share at all (R7), its banner says why, once, for every part that points at it.
 */
export function ShareDialogInvite({ className }: ShareDialogInviteProps) {
  const { messages } = useShareDialogConfig();
  const { sharing, ids } = useSharingEditor();
  return (
    <form
      noValidate
      className={cx('sw-section sw-invite', className)}
      data-slot="invite"
      onSubmit={(event) => event.preventDefault()}
    >
      {sharing.allowed ? null : (
        <Hint id={ids.sharingReason} tone="locked" className="sw-banner">
          {messages.reason(sharing)}
        </Hint>
      )}
      <InviteRecipients />
      <NewRecipientOptions />
      <SaveOptions />
    </form>
  );
}
