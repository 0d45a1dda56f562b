import { isValidElement, type ReactNode } from 'react';
import { ShareDialogContent } from './share-dialog-content.tsx';
import { ShareDialogRoot, type ShareDialogRootProps } from './share-dialog-root.tsx';
import { ShareDialogTrigger } from './share-dialog-trigger.tsx';

/** Props of the all-in-one {@link ShareDialog}: the root's, a trigger, and the content's class. */
export interface ShareDialogProps extends Omit<ShareDialogRootProps, 'children'> {
  /** What opens the dialog: an element (rendered as is, e.g. the host's own button) or a label. None when controlled. */
  trigger?: ReactNode;
  /** Extra classes on the dialog element. */
  className?: string;
}

function ShareDialogComponent({ trigger, className, ...rootProps }: ShareDialogProps) {
  return (
    <ShareDialogRoot {...rootProps}>
      {trigger === undefined || trigger === null ? null : isValidElement(trigger) ? (
        <ShareDialogTrigger asChild>{trigger}</ShareDialogTrigger>
      ) : (
        <ShareDialogTrigger>{trigger}</ShareDialogTrigger>
      )}
      <ShareDialogContent className={className} />
    </ShareDialogRoot>
  );
}

/**
 * The share dialog of one asset. Use it whole (`<ShareDialog assetType assetId trigger={…} />`) or by parts:
 * `ShareDialog.Root`, `ShareDialog.Trigger`, `ShareDialog.Content`.
 */
export const ShareDialog = Object.assign(ShareDialogComponent, {
  Root: ShareDialogRoot,
  Trigger: ShareDialogTrigger,
  Content: ShareDialogContent,
});
