import { useId } from 'react';
import { AlertIcon } from '../ui/icons.tsx';
import type { RecipientSearchMessages } from './messages.ts';
import type { PasteFailure } from './resolve-pasted-recipients.ts';

/** Props of {@link PasteFailurePanel}: the pasted entries that were not added, and how to dismiss them. */
export interface PasteFailurePanelProps {
  failures: readonly PasteFailure[];
  onDismiss(): void;
  messages: RecipientSearchMessages;
}

/** A region named `<n> entries could not be added` that lists each failed entry with its reason, until dismissed. */
export function PasteFailurePanel({ failures, onDismiss, messages }: PasteFailurePanelProps) {
  const headingId = useId();
  if (failures.length === 0) return null;
  return (
    <section className="sw-recipient-search__paste-failures" aria-labelledby={headingId}>
      <div className="sw-recipient-search__paste-failures-header">
        <p id={headingId} className="sw-recipient-search__paste-failures-heading">
          <AlertIcon size={14} />
          <span>{messages.pasteFailuresHeading(failures.length)}</span>
        </p>
        <button type="button" className="sw-recipient-search__dismiss" onClick={onDismiss}>
          {messages.dismissPasteFailures}
        </button>
      </div>
      <ul className="sw-recipient-search__paste-failure-list">
        {failures.map((failure) => (
          <li key={failure.entry}>
            <span className="sw-recipient-search__paste-entry">{failure.entry}</span>
            <span className="sw-recipient-search__paste-reason">{messages.pasteFailure[failure.reason]}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
