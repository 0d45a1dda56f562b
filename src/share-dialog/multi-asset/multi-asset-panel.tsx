import { useQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { accountQueryOptions } from '../../api/get-account.ts';
import { PanelMessage } from '../parts/panel-message.tsx';
import { PanelSkeleton } from '../parts/panel-skeleton.tsx';
import { useShareDialogConfig } from '../share-dialog-provider.tsx';
import type { ShareDialogAssetRef } from '../share-dialog-root.tsx';
import { defaultMultiAssetMessages, type MultiAssetMessages } from './messages.ts';
import { MultiAssetEditor } from './multi-asset-editor.tsx';
import { MultiAssetHeader } from './multi-asset-header.tsx';
import { loadAssets } from './multi-asset-requests.ts';
import { createMultiAssetStore, useMultiAssetEntries } from './multi-asset-store.ts';
import './multi-asset.css';

/** Props of {@link MultiAssetPanel}. */
export interface MultiAssetPanelProps {
  assets: readonly ShareDialogAssetRef[];
}

/** Runs one batch of requests after another, so that batches never add up beyond one batch's limit. */
function useSerialRuns() {
  const tail = useRef<Promise<unknown>>(Promise.resolve());
  return useCallback(<T,>(run: () => Promise<T>): Promise<T> => {
    const next = tail.current.then(run, run);
    tail.current = next.catch(() => undefined);
    return next;
  }, []);
}

/** Everything inside a dialog that shares several assets at once: it loads each asset, then the editor. */
export function MultiAssetPanel({ assets }: MultiAssetPanelProps) {
  const config = useShareDialogConfig();
  const { client, queryClient, registry } = config;
  const messages = useMemo<MultiAssetMessages>(
    () => ({ ...defaultMultiAssetMessages, ...config.messages.multiAsset }),
    [config.messages.multiAsset],
  );
  const account = useQuery(accountQueryOptions(client));
  const [store] = useState(() => createMultiAssetStore(assets, (id) => registry.get(id)));
  const entries = useMultiAssetEntries(store);
  const enqueue = useSerialRuns();

  // The assets load once the account has answered: the account's request is never a fifth one in flight.
  const loadStarted = useRef(false);
  const accountLoaded = account.data !== undefined;
  useEffect(() => {
    if (loadStarted.current || !accountLoaded) return;
    loadStarted.current = true;
    const format = config.messages.entryError;
    void enqueue(() =>
      loadAssets({ client, queryClient, store, nameOf: () => undefined, formatEntry: format }),
    );
  }, [accountLoaded, enqueue, client, queryClient, store, config.messages.entryError]);

  const typeCount = new Set(assets.map((asset) => asset.assetType)).size;
  const header = (
    <MultiAssetHeader
      title={config.messages.dialogTitleMany(assets.length)}
      subtitle={messages.subtitle(assets.length, typeCount)}
    />
  );
  const loaded = entries.every((entry) => entry.load.status !== 'loading');

  if (account.error) {
    return (
      <>
        {header}
        <PanelMessage onRetry={() => void account.refetch()}>{config.messages.loadFailed}</PanelMessage>
      </>
    );
  }
  if (!account.data || !loaded) {
    return (
      <>
        {header}
        <PanelSkeleton />
      </>
    );
  }
  return (
    <>
      {header}
      <MultiAssetEditor account={account.data} store={store} enqueue={enqueue} messages={messages} />
    </>
  );
}
