import { useLayoutEffect, useRef } from 'react';
import { useEditorSave } from '../editor-context.ts';
import type { ShareDialogMessages } from '../messages.ts';
import type { SaveFailure } from '../save-failure.ts';
import { useShareDialogConfig } from '../share-dialog-provider.tsx';
import { Button } from '../ui/button.tsx';
import { cx } from '../ui/cx.ts';
import { AlertIcon } from '../ui/icons.tsx';

/** Props of {@link ShareDialogErrorSummary}: only a class; it shows the editor's last failed save. */
export interface ShareDialogErrorSummaryProps {
  /** Extra classes on the alert (it already has `sw-alert`). */
  className?: string;
}

function titleOf(failure: SaveFailure, messages: ShareDialogMessages): string {
  switch (failure.kind) {
    case 'rejected':
      return messages.errorSummaryTitle(failure.entries.filter((entry) => entry.principalId !== null).length);
    case 'conflict':
      return messages.conflict;
    case 'retryable':
      return {
        network: messages.networkError,
        server: messages.serverError,
        signedOut: messages.signedOut,
        cancelled: messages.saveCancelled,
      }[failure.cause];
    case 'other':
      return failure.message || messages.genericError;
  }
}

/**
 * Why the last save failed, and each refused entry, with Retry where trying again may help. Focus moves here when
 * a save fails, so that every user hears it first. Nothing is shown until then.
 */
export function ShareDialogErrorSummary({ className }: ShareDialogErrorSummaryProps) {
  const { messages } = useShareDialogConfig();
  const { failure, submit, saving } = useEditorSave();
  const alertRef = useRef<HTMLDivElement>(null);

  useLayoutEffect(() => {
    if (failure) alertRef.current?.focus();
  }, [failure]);

  if (!failure) return null;
  return (
    <div
      ref={alertRef}
      role="alert"
      tabIndex={-1}
      data-slot="save-error-summary"
      data-kind={failure.kind}
      className={cx('sw-alert', failure.kind === 'conflict' && 'sw-alert--warning', className)}
    >
      <AlertIcon />
      <p className="sw-alert__title">{titleOf(failure, messages)}</p>
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
          <Button size="sm" onClick={submit} pending={saving} disabled={saving}>
            {messages.retry}
          </Button>
        </div>
      ) : null}
    </div>
  );
}
