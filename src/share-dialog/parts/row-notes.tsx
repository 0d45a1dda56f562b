import { useId, useState } from 'react';
import { useShareDialogConfig } from '../share-dialog-provider.tsx';
import { Hint } from '../ui/hint.tsx';
import { LockIcon } from '../ui/icons.tsx';

/** Props of {@link RowNotes}: the entry's message, if any, and the row's own reasons, by id. */
export interface RowNotesProps {
  entryMessage: string | undefined;
  errorId: string;
  reasons: readonly [id: string, text: string][];
}

/**
 * Under a row: what went wrong with its entry, and why its controls are disabled. One reason is shown as it is;
 * several fold behind one `Why can't I change this?` button, a disclosure every user reaches. Folded or not, each
 * reason stays the description of the control it disables.
 */
export function RowNotes({ entryMessage, errorId, reasons }: RowNotesProps) {
  const { messages } = useShareDialogConfig();
  const [open, setOpen] = useState(false);
  const panelId = useId();
  if (!entryMessage && reasons.length === 0) return null;
  const folded = reasons.length > 1;
  return (
    <div className="sw-row__notes">
      {entryMessage ? (
        <Hint id={errorId} tone="danger">
          {entryMessage}
        </Hint>
      ) : null}
      {folded ? (
        <button
          type="button"
          className="sw-disclosure"
          aria-expanded={open}
          aria-controls={panelId}
          onClick={() => setOpen((wasOpen) => !wasOpen)}
        >
          <LockIcon size={12} />
          <span>{messages.whyLocked}</span>
        </button>
      ) : null}
      <div id={panelId} hidden={folded && !open}>
        {reasons.map(([id, text]) => (
          <Hint key={id} id={id} tone="locked">
            {text}
          </Hint>
        ))}
      </div>
    </div>
  );
}
