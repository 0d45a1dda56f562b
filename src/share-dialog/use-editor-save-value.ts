import { useCallback, useEffect, useMemo, useState } from 'react';
import type { ApiClient } from '../api/client.ts';
import { hasPendingChanges } from '../sharing/draft.ts';
import type { AssetTypeConfig } from '../sharing/types.ts';
import { type DialogState, type DialogStore, useDialogState } from './dialog-store.ts';
import type { EditorSaveValue } from './editor-context.ts';
import type { InviteForm } from './invite-form.ts';
import type { ShareDialogMessages } from './messages.ts';
import type { ImpactPreviewState } from './use-impact-preview.ts';
import { type ListSnapshot, useSaveDraft } from './use-save-draft.ts';

const selectPending = (state: DialogState) => hasPendingChanges(state.draft);

/**
 * The save as the footer and the error summary show it. After a save the draft and the form start over, the status
 * says what was done and focus returns to `Share with`; a new change clears that, and a refusal once it is undone.
 */
export function useEditorSaveValue(options: {
  client: ApiClient;
  messages: ShareDialogMessages;
  store: DialogStore;
  form: InviteForm;
  assetType: AssetTypeConfig;
  assetId: string;
  list(): ListSnapshot;
  impact: ImpactPreviewState;
  /** Starts the draft and the form over. */
  reset(): void;
  focusShareWith(): void;
}): EditorSaveValue {
  const { client, messages, store, form, assetType, assetId, list, impact, reset, focusShareWith } = options;
  const [announcement, setAnnouncement] = useState('');
  const pending = useDialogState(store, selectPending);

  const onSaved = useCallback(
    (added: readonly string[]) => {
      reset();
      setAnnouncement(added.length > 0 ? messages.announceShared(added) : messages.announceSaved);
      focusShareWith();
    },
    [reset, messages, focusShareWith],
  );
  const { submit, saving, slow, cancel, failure, setFailure } = useSaveDraft({
    client,
    store,
    form,
    assetType,
    assetId,
    list,
    onSaved,
  });

  useEffect(() => {
    if (pending) setAnnouncement('');
    else setFailure((shown) => (shown?.kind === 'rejected' ? null : shown));
  }, [pending, setFailure]);

  const { impact: accessImpact, checking, failed } = impact;
  return useMemo(
    () => ({
      submit,
      saving,
      slow,
      cancel,
      failure,
      announcement,
      impact: { impact: accessImpact, checking, failed },
    }),
    [submit, saving, slow, cancel, failure, announcement, accessImpact, checking, failed],
  );
}
