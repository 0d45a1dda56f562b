import { isValidElement, type ReactNode } from 'react';
import { ShareDialogRequests } from './parts/access-requests.tsx';
import { ShareDialogBody } from './parts/dialog-body.tsx';
import { ShareDialogClose } from './parts/dialog-close.tsx';
import { ShareDialogDescription } from './parts/dialog-description.tsx';
import { ShareDialogHeader } from './parts/dialog-header.tsx';
import { ShareDialogTitle } from './parts/dialog-title.tsx';
import { ShareDialogFooter } from './parts/editor-footer.tsx';
import { ShareDialogExternalLink } from './parts/external-link.tsx';
import { ShareDialogHistory } from './parts/history.tsx';
import { ShareDialogInvite } from './parts/invite-section.tsx';
import { ShareDialogErrorSummary } from './parts/save-error-summary.tsx';
import { ShareDialogSharedWith } from './parts/shared-with-section.tsx';
import { ShareDialogContent } from './share-dialog-content.tsx';
import { ShareDialogEditor } from './share-dialog-editor.tsx';
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
 * The share dialog of one asset, or of several at once (`<ShareDialog assets={[…]} />`, titled `Share <n> assets`,
 * with a view of its own). Use it whole (`<ShareDialog assetType assetId trigger={…} />`) or by parts, as
 * Radix's Dialog: `Root` (open state, controlled or not) holds a `Trigger` and the `Content`; inside the content,
 * a header (`Header`, or `Title`, `Description` and `Close` of the host's arranging) and the `Editor`, which loads
 * the asset and holds the sections (`Body` around `ErrorSummary`, `Invite`, `Requests`, `ExternalLink`, `SharedWith`, `History`) and the
 * `Footer`, in any order the host lays out.
 */
export const ShareDialog = Object.assign(ShareDialogComponent, {
  Root: ShareDialogRoot,
  Trigger: ShareDialogTrigger,
  Content: ShareDialogContent,
  Header: ShareDialogHeader,
  Title: ShareDialogTitle,
  Description: ShareDialogDescription,
  Close: ShareDialogClose,
  Editor: ShareDialogEditor,
  Body: ShareDialogBody,
  ErrorSummary: ShareDialogErrorSummary,
  Invite: ShareDialogInvite,
  Requests: ShareDialogRequests,
  ExternalLink: ShareDialogExternalLink,
  SharedWith: ShareDialogSharedWith,
  History: ShareDialogHistory,
  Footer: ShareDialogFooter,
});
