import { useCallback, useId } from 'react';
import { hasUnsavedInput } from '../../sharing/draft.ts';
import { isNoteWithinLimit, MAX_NOTE_LENGTH } from '../../sharing/policy.ts';
import { type DialogState, useDialogState } from '../dialog-store.ts';
import { useSharingEditor } from '../editor-context.ts';
import { useInviteError, useInviteValue, validateNote } from '../invite-form.ts';
import { useShareDialogConfig } from '../share-dialog-provider.tsx';
import { CheckboxField } from '../ui/checkbox-field.tsx';
import { Hint } from '../ui/hint.tsx';
import { idList } from '../ui/id-list.ts';
import { Textarea } from '../ui/textarea.tsx';

/** `Add note`, with its counter to 1,000 and, once over, the refusal (R14) that keeps the save from going out. */
function NoteField({ note }: { note: string }) {
  const { messages } = useShareDialogConfig();
  const { form, sharing, ids } = useSharingEditor();
  const id = useId();
  const noteError = useInviteError(form, 'note');
  const counterId = `${id}-counter`;
  const errorId = `${id}-error`;
  return (
    <div className="sw-note">
      <div className="sw-note__head">
        <label className="sw-field-label" htmlFor={id}>
          {messages.addNote}
        </label>
        <span id={counterId} className="sw-note__counter" data-over={!isNoteWithinLimit(note)}>
          {messages.noteCounter(note.length, MAX_NOTE_LENGTH)}
        </span>
      </div>
      <Textarea
        id={id}
        rows={1}
        placeholder={messages.notePlaceholder}
        disabled={!sharing.allowed}
        aria-invalid={noteError ? true : undefined}
        aria-describedby={idList(counterId, noteError && errorId, !sharing.allowed && ids.sharingReason)}
        {...form.register('note', { validate: validateNote(messages) })}
      />
      {noteError ? (
        <Hint id={errorId} tone="danger">
          {noteError}
        </Hint>
      ) : null}
    </div>
  );
}

/** `Send notification` and `Share with lineage`, where the asset type has them. */
function SaveFlags() {
  const { messages } = useShareDialogConfig();
  const { assetType, asset, form, sharing, ids } = useSharingEditor();
  const lineageHintId = useId();
  const { notify, shareWithLineage } = assetType.options;
  if (!notify && !shareWithLineage) return null;
  const linkedInputs = (asset.linkedInputs ?? []).map((input) => input.name);
  return (
    <div className="sw-invite__row">
      {notify ? (
        <CheckboxField
          label={messages.sendNotification}
          disabled={!sharing.allowed}
          aria-describedby={idList(!sharing.allowed && ids.sharingReason)}
          {...form.register('sendNotification')}
        />
      ) : null}
      {shareWithLineage ? (
        <CheckboxField
          label={messages.shareWithLineage}
          disabled={!sharing.allowed}
          description={`${messages.lineageHint(linkedInputs)} ${messages.lineageResetHint}`}
          descriptionId={lineageHintId}
          aria-describedby={idList(lineageHintId, !sharing.allowed && ids.sharingReason)}
          {...form.register('shareWithLineage')}
        />
      ) : null}
    </div>
  );
}

/** What goes with a save (note, notification, lineage): shown once there is something to save, or a note typed. */
export function SaveOptions() {
  const { assetType, store, form } = useSharingEditor();
  const note = useInviteValue(form, 'note');
  const shown = useDialogState(
    store,
    useCallback((state: DialogState) => hasUnsavedInput(state.draft, { note }), [note]),
  );
  if (!shown) return null;
  return (
    <>
      {assetType.options.note ? <NoteField note={note} /> : null}
      <SaveFlags />
    </>
  );
}
