import { isValidElement, type ReactNode } from 'react';
import { ShareDialogContent } from './share-dialog-content.tsx';
import {
  ShareDialogRoot,
  type ShareDialogRootOptions,
  type ShareDialogTarget,
} from './share-dialog-root.tsx';
import { ShareDialogTrigger } from './share-dialog-trigger.tsx';

/** What the all-in-one {@link ShareDialog} takes besides the root's props: a trigger, and the content's class. */
export interface ShareDialogOptions extends Omit<ShareDialogRootOptions, 'children'> {
  /** What opens the dialog: an element (rendered as is, e.g. the host's own button) or a label. None when controlled. */
  trigger?: ReactNode;
  /** Extra classes on the dialog element. */
  className?: string;
}

/** Props of the all-in-one {@link ShareDialog}: one asset (`assetType`, `assetId`) or several (`assets`). */
export type ShareDialogProps = ShareDialogTarget & ShareDialogOptions;

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
 * The share dialog of one asset, or of several at once (`<ShareDialog assets={[…]} />`, titled `Share <n> assets`).
 * Use it whole (`<ShareDialog assetType assetId trigger={…} />`) or by parts:
 * `ShareDialog.Root`, `ShareDialog.Trigger`, `ShareDialog.Content`.
 */
export const ShareDialog = Object.assign(ShareDialogComponent, {
  Root: ShareDialogRoot,
  Trigger: ShareDialogTrigger,
  Content: ShareDialogContent,
});
