import type { ReactNode } from 'react';
import { useShareDialogConfig } from '../share-dialog-provider.tsx';
import { Button } from '../ui/button.tsx';
import { ShareDialogBody } from './dialog-body.tsx';

/** A message in place of the dialog's body (an error), with Retry when trying again may help. */
export function PanelMessage({ children, onRetry }: { children: ReactNode; onRetry?: () => void }) {
  const { messages } = useShareDialogConfig();
  return (
    <ShareDialogBody>
      <div className="sw-error-state" role="alert">
        <p>{children}</p>
        {onRetry ? (
          <Button size="sm" onClick={onRetry}>
            {messages.retry}
          </Button>
        ) : null}
      </div>
    </ShareDialogBody>
  );
}
