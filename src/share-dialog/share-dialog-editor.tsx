import type { ReactNode } from 'react';
import { useDialogAsset } from './dialog-asset.tsx';
import { ShareDialogRequests } from './parts/access-requests.tsx';
import { ShareDialogBody } from './parts/dialog-body.tsx';
import { ShareDialogFooter } from './parts/editor-footer.tsx';
import { ShareDialogExternalLink } from './parts/external-link.tsx';
import { ShareDialogHistory } from './parts/history.tsx';
import { ShareDialogInvite } from './parts/invite-section.tsx';
import { PanelMessage } from './parts/panel-message.tsx';
import { PanelSkeleton } from './parts/panel-skeleton.tsx';
import { ShareDialogErrorSummary } from './parts/save-error-summary.tsx';
import { ShareDialogSharedWith } from './parts/shared-with-section.tsx';
import { useShareDialogConfig } from './share-dialog-provider.tsx';
import { SharingEditorProvider } from './sharing-editor.tsx';

/** Props of {@link ShareDialogEditor}: the parts to show once loaded; the default body and footer without them. */
export interface ShareDialogEditorProps {
  children?: ReactNode;
}

/** The sections and the footer of the dialog, as `ShareDialog.Editor` shows them without children. */
function DefaultEditorParts() {
  return (
    <>
      <ShareDialogBody>
        <ShareDialogErrorSummary />
        <ShareDialogInvite />
        <ShareDialogRequests />
        <ShareDialogExternalLink />
        <ShareDialogSharedWith />
        <ShareDialogHistory />
      </ShareDialogBody>
      <ShareDialogFooter />
    </>
  );
}

/**
 * The working part of the dialog: skeletons while the asset and the actor load, a message (with Retry) when they
 * cannot, then the editor, whose parts (`ShareDialog.Invite`, `.SharedWith`, `.Footer`, …) go inside it.
 */
export function ShareDialogEditor({ children }: ShareDialogEditorProps) {
  const { messages } = useShareDialogConfig();
  const state = useDialogAsset();
  switch (state.status) {
    case 'unknownType':
      return <PanelMessage>{messages.unknownAssetType(state.assetTypeId)}</PanelMessage>;
    case 'loading':
      return <PanelSkeleton />;
    case 'failed':
      return (
        <PanelMessage onRetry={state.notFound ? undefined : state.retry}>
          {state.notFound ? messages.notFound : messages.loadFailed}
        </PanelMessage>
      );
    case 'ready':
      return (
        <SharingEditorProvider assetType={state.assetType} asset={state.asset} account={state.account}>
          {children ?? <DefaultEditorParts />}
        </SharingEditorProvider>
      );
  }
}
