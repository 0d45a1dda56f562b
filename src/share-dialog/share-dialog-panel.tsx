import * as Dialog from '@radix-ui/react-dialog';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { isApiError } from '../api/client.ts';
import { accountQueryOptions } from '../api/get-account.ts';
import { assetQueryOptions } from '../api/get-asset.ts';
import { findRole } from '../sharing/asset-types.ts';
import type { AssetTypeConfig } from '../sharing/types.ts';
import { PanelSkeleton } from './parts/panel-skeleton.tsx';
import { useShareDialogConfig } from './share-dialog-provider.tsx';
import { SharingEditor } from './sharing-editor.tsx';
import { Button } from './ui/button.tsx';
import { CloseIcon } from './ui/icons.tsx';

/** Props of {@link ShareDialogPanel}. */
export interface ShareDialogPanelProps {
  /** The asset type's registry id. */
  assetType: string;
  assetId: string;
}

/** The dialog's header: its title (the dialog's name), a line under it, and Close. */
export function PanelHeader({ title, subtitle }: { title: string; subtitle: string }) {
  const { messages } = useShareDialogConfig();
  return (
    <div className="sw-header" data-slot="share-dialog-header">
      <div className="sw-header__text">
        <Dialog.Title className="sw-title">{title}</Dialog.Title>
        <Dialog.Description className="sw-subtitle">{subtitle}</Dialog.Description>
      </div>
      <Dialog.Close asChild>
        <Button size="icon" aria-label={messages.close}>
          <CloseIcon size={18} />
        </Button>
      </Dialog.Close>
    </div>
  );
}

/** A message in place of the dialog's body (an error), with Retry when trying again may help. */
export function PanelMessage({ children, onRetry }: { children: ReactNode; onRetry?: () => void }) {
  const { messages } = useShareDialogConfig();
  return (
    <div className="sw-body">
      <div className="sw-error-state" role="alert">
        <p>{children}</p>
        {onRetry ? (
          <Button size="sm" onClick={onRetry}>
            {messages.retry}
          </Button>
        ) : null}
      </div>
    </div>
  );
}

function AssetPanel({ assetType, assetId }: { assetType: AssetTypeConfig; assetId: string }) {
  const { client, messages, roleLabel } = useShareDialogConfig();
  const account = useQuery(accountQueryOptions(client));
  const asset = useQuery(assetQueryOptions(client, assetType, assetId));

  if (account.data && asset.data) {
    const yourRole = findRole(assetType, asset.data.yourRole);
    return (
      <>
        <PanelHeader
          title={messages.dialogTitle(asset.data.name)}
          subtitle={messages.dialogSubtitle(
            assetType.label,
            yourRole ? roleLabel(assetType, yourRole) : null,
          )}
        />
        <SharingEditor assetType={assetType} asset={asset.data} account={account.data} />
      </>
    );
  }

  const error = asset.error ?? account.error;
  const title = asset.data
    ? messages.dialogTitle(asset.data.name)
    : messages.dialogTitleLoading(assetType.label);
  if (error) {
    const notFound = isApiError(error) && error.status === 404;
    return (
      <>
        <PanelHeader title={title} subtitle={assetType.label} />
        <PanelMessage
          onRetry={
            notFound
              ? undefined
              : () => {
                  void account.refetch();
                  void asset.refetch();
                }
          }
        >
          {notFound ? messages.notFound : messages.loadFailed}
        </PanelMessage>
      </>
    );
  }
  return (
    <>
      <PanelHeader title={title} subtitle={assetType.label} />
      <PanelSkeleton />
    </>
  );
}

/** Everything inside the dialog: the header, then loading, an error, or the editor. */
export function ShareDialogPanel({ assetType: assetTypeId, assetId }: ShareDialogPanelProps) {
  const { registry, messages } = useShareDialogConfig();
  const assetType = registry.get(assetTypeId);
  if (!assetType) {
    return (
      <>
        <PanelHeader title={messages.dialogTitleLoading(assetTypeId)} subtitle="" />
        <PanelMessage>{messages.unknownAssetType(assetTypeId)}</PanelMessage>
      </>
    );
  }
  return <AssetPanel assetType={assetType} assetId={assetId} />;
}
