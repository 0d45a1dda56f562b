/**
 * What the multi-asset dialog knows of each selected asset, outside React state: loaded or not, its access list's
 * version, its latest preview, and what its save did. The requests run a few at a time and each reads the
 * current state when it starts; the table subscribes to it.
 */
import { useSyncExternalStore } from 'react';
import type { Asset, SharedRolesPreview } from '../../api/contract.ts';
import type { AssetTypeConfig } from '../../sharing/types.ts';
import type { ShareDialogAssetRef } from '../share-dialog-root.tsx';

/** Loading one asset: its standing and its list's version. */
export type AssetLoad =
  | { status: 'loading' }
  | { status: 'ready'; asset: Asset; etag: string | null }
  | { status: 'failed'; notFound: boolean };

/** The preview of one request, named by the request's body. */
export type AssetPreview =
  | { key: string; status: 'checking' }
  | { key: string; status: 'ready'; preview: SharedRolesPreview }
  | { key: string; status: 'failed' };

/** Why a save did not apply although trying again may help. */
export type FailureCause = 'server' | 'network' | 'signedOut' | 'conflict' | 'other';

/** What one asset's save did. Only `changed` means the change applied. */
export type AssetOutcome =
  | { status: 'waiting' }
  | { status: 'saving' }
  | { status: 'changed' }
  /** The backend refused the request (nothing applied): the rules' messages, each naming its recipient. */
  | { status: 'refused'; messages: string[] }
  | { status: 'failed'; cause: FailureCause; message?: string };

/** One selected asset. */
export interface AssetEntry {
  ref: ShareDialogAssetRef;
  /** Undefined when the registry does not know the type. */
  assetType: AssetTypeConfig | undefined;
  load: AssetLoad;
  preview: AssetPreview | null;
  outcome: AssetOutcome | null;
}

export type MultiAssetAction =
  | { type: 'loaded'; index: number; load: AssetLoad }
  | { type: 'version'; index: number; etag: string | null }
  | { type: 'preview'; index: number; preview: AssetPreview }
  | { type: 'outcome'; index: number; outcome: AssetOutcome };

function nextEntry(entry: AssetEntry, action: MultiAssetAction): AssetEntry {
  switch (action.type) {
    case 'loaded':
      return { ...entry, load: action.load };
    case 'version':
      return entry.load.status === 'ready' ? { ...entry, load: { ...entry.load, etag: action.etag } } : entry;
    case 'preview':
      // A late answer for an older request never replaces the preview of a newer one.
      if (action.preview.status !== 'checking' && entry.preview && entry.preview.key !== action.preview.key)
        return entry;
      return { ...entry, preview: action.preview };
    case 'outcome':
      return { ...entry, outcome: action.outcome };
  }
}

/** The state after an action; every other entry stays the same object. */
export function multiAssetReducer(entries: readonly AssetEntry[], action: MultiAssetAction): AssetEntry[] {
  return entries.map((entry, index) => (index === action.index ? nextEntry(entry, action) : entry));
}

/** The store of a multi-asset dialog. */
export interface MultiAssetStore {
  getState(): readonly AssetEntry[];
  subscribe(listener: () => void): () => void;
  dispatch(action: MultiAssetAction): void;
}

/** A store holding the selected assets, none loaded yet. */
export function createMultiAssetStore(
  refs: readonly ShareDialogAssetRef[],
  typeOf: (id: string) => AssetTypeConfig | undefined,
): MultiAssetStore {
  let state: readonly AssetEntry[] = refs.map((ref) => ({
    ref,
    assetType: typeOf(ref.assetType),
    load: { status: 'loading' },
    preview: null,
    outcome: null,
  }));
  const listeners = new Set<() => void>();
  return {
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    dispatch(action) {
      state = multiAssetReducer(state, action);
      for (const listener of listeners) listener();
    },
  };
}

/** Every entry, re-rendering when any changes. */
export function useMultiAssetEntries(store: MultiAssetStore): readonly AssetEntry[] {
  return useSyncExternalStore(store.subscribe, store.getState, store.getState);
}
