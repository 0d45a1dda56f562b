import { usePrefetchInfiniteQuery, useQuery } from '@tanstack/react-query';
import { createContext, type ReactNode, useContext, useMemo } from 'react';
import { isApiError } from '../api/client.ts';
import type { Account, Asset } from '../api/contract.ts';
import { shareDialogQueries } from '../api/share-dialog-queries.ts';
import type { AssetTypeConfig } from '../sharing/types.ts';
import { useShareDialogConfig } from './share-dialog-provider.tsx';
import { useShareDialogRoot } from './share-dialog-root.tsx';

/** How far the dialog's asset and the actor have loaded: what the title, the description and the editor show. */
export type DialogAssetState =
  | { status: 'unknownType'; assetTypeId: string }
  | { status: 'loading'; assetType: AssetTypeConfig; asset: Asset | undefined }
  | {
      status: 'failed';
      assetType: AssetTypeConfig;
      asset: Asset | undefined;
      notFound: boolean;
      retry(): void;
    }
  | { status: 'ready'; assetType: AssetTypeConfig; asset: Asset; account: Account };

const DialogAssetContext = createContext<DialogAssetState | null>(null);

/** The dialog's asset as loaded so far; parts of `ShareDialog.Content` read it. */
export function useDialogAsset(): DialogAssetState {
  const state = useContext(DialogAssetContext);
  if (!state) throw new Error('The parts of ShareDialog must be inside ShareDialog.Content.');
  return state;
}

function KnownAssetProvider({ assetType, children }: { assetType: AssetTypeConfig; children: ReactNode }) {
  const { client, queryClient } = useShareDialogConfig();
  const { assetId } = useShareDialogRoot();
  const queries = shareDialogQueries(client, assetType, assetId);
  // The access list is asked for with the asset and the actor, not once the editor has mounted on them.
  usePrefetchInfiniteQuery(queries.accessList, queryClient);
  const account = useQuery(queries.account);
  const asset = useQuery(queries.asset);
  const error = asset.error ?? account.error;
  const { refetch: refetchAccount } = account;
  const { refetch: refetchAsset } = asset;

  const state = useMemo<DialogAssetState>(() => {
    if (account.data && asset.data)
      return { status: 'ready', assetType, asset: asset.data, account: account.data };
    if (!error) return { status: 'loading', assetType, asset: asset.data };
    const retry = () => {
      void refetchAccount();
      void refetchAsset();
    };
    const notFound = isApiError(error) && error.status === 404;
    return { status: 'failed', assetType, asset: asset.data, notFound, retry };
  }, [assetType, account.data, asset.data, error, refetchAccount, refetchAsset]);

  return <DialogAssetContext.Provider value={state}>{children}</DialogAssetContext.Provider>;
}

/** Loads the root's asset and the actor for the parts inside; an asset type the registry lacks is said at once. */
export function DialogAssetProvider({ children }: { children: ReactNode }) {
  const { registry } = useShareDialogConfig();
  const { assetType: assetTypeId } = useShareDialogRoot();
  const assetType = registry.get(assetTypeId);
  const unknown = useMemo<DialogAssetState>(() => ({ status: 'unknownType', assetTypeId }), [assetTypeId]);
  if (!assetType)
    return <DialogAssetContext.Provider value={unknown}>{children}</DialogAssetContext.Provider>;
  return <KnownAssetProvider assetType={assetType}>{children}</KnownAssetProvider>;
}
