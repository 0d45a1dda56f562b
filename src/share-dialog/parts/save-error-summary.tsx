import type { Ref } from 'react';
import type { SaveFailure } from '../save-failure.ts';
import { useShareDialogConfig } from '../share-dialog-provider.tsx';
import { Button } from '../ui/button.tsx';
import { AlertIcon } from '../ui/icons.tsx';

/** Props of {@link SaveErrorSummary}. */
export interface SaveErrorSummaryProps {
  failure: SaveFailure;
  /** Offered when trying again may help (no answer, a server failure). */
  onRetry(): void;
  retrying: boolean;
  ref?: Ref<HTMLDivElement>;
}

/** Why the last save failed, and each refused entry: focus moves here so every user hears it first. */
export function SaveErrorSummary({ failure, onRetry, retrying, ref }: SaveErrorSummaryProps) {
  const { messages } = useShareDialogConfig();
  let title: string;
  switch (failure.kind) {
    case 'rejected':
      title = messages.errorSummaryTitle(
        failure.entries.filter((entry) => entry.principalId !== null).length,
      );
      break;
    case 'conflict':
      title = messages.conflict;
      break;
    case 'retryable':
      title = {
        network: messages.networkError,
        server: messages.serverError,
        signedOut: messages.signedOut,
        cancelled: messages.saveCancelled,
      }[failure.cause];
      break;
    case 'other':
      title = failure.message || messages.genericError;
      break;
  }

  return (
    <div
      ref={ref}
      role="alert"
      tabIndex={-1}
      data-slot="save-error-summary"
      data-kind={failure.kind}
      className={failure.kind === 'conflict' ? 'sw-alert sw-alert--warning' : 'sw-alert'}
    >
      <AlertIcon />
      <p className="sw-alert__title">{title}</p>
      {failure.kind === 'rejected' ? (
        <ul className="sw-alert__list">
          {failure.entries.map((entry) => (
            <li key={`${entry.principalId ?? 'request'}-${entry.code}-${entry.message}`}>
              {entry.name ? messages.entryError(entry.name, entry.message) : entry.message}
            </li>
          ))}
        </ul>
      ) : null}
      {failure.kind === 'retryable' ? (
        <div className="sw-alert__actions">
          <Button size="sm" onClick={onRetry} pending={retrying} disabled={retrying}>
            {messages.retry}
          </Button>
        </div>
      ) : null}
    </div>
  );
}
