import { hasPendingChanges } from '../../sharing/draft.ts';
import { type DialogState, useDialogState } from '../dialog-store.ts';
import { useEditorSave, useSharingEditor } from '../editor-context.ts';
import { useShareDialogConfig } from '../share-dialog-provider.tsx';
import { Button } from '../ui/button.tsx';
import { cx } from '../ui/cx.ts';
import { ShareDialogClose } from './dialog-close.tsx';
import { ImpactPreview } from './impact-preview.tsx';

/** Props of {@link ShareDialogFooter}: only a class; its actions are the editor's. */
export interface ShareDialogFooterProps {
  /** Extra classes on the footer (it already has `sw-footer`). */
  className?: string;
}

const selectPending = (state: DialogState) => hasPendingChanges(state.draft);
const selectAdds = (state: DialogState) => state.draft.additions.length > 0;

/**
 * The footer: the impact preview while changes are pending, the save's status, and the actions — Cancel, and the
 * primary button (`Share` when the draft adds recipients, else `Save`), with `Cancel save` once a save is slow.
 */
export function ShareDialogFooter({ className }: ShareDialogFooterProps) {
  const { messages } = useShareDialogConfig();
  const { store } = useSharingEditor();
  const { submit, saving, slow, cancel, announcement, impact } = useEditorSave();
  const pending = useDialogState(store, selectPending);
  const adds = useDialogState(store, selectAdds);

  return (
    <div className={cx('sw-footer', className)} data-slot="share-dialog-footer">
      {pending ? (
        <ImpactPreview impact={impact.impact} checking={impact.checking} failed={impact.failed} />
      ) : null}
      <p role="status" className="sw-footer__status">
        {saving ? (slow ? messages.savingSlow : messages.saving) : announcement}
      </p>
      <div className="sw-footer__actions">
        {slow ? <Button onClick={cancel}>{messages.cancelSave}</Button> : null}
        <ShareDialogClose>{messages.cancel}</ShareDialogClose>
        <Button variant="primary" disabled={!pending || saving} pending={saving} onClick={submit}>
          {adds ? messages.share : messages.save}
        </Button>
      </div>
    </div>
  );
}
