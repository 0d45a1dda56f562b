import { useCallback, useId, useMemo, useRef, useState } from 'react';
import type { Asset } from '../api/contract.ts';
import { ShareDialog, type ShareDialogAssetRef } from '../share-dialog/index.ts';
import type { AssetTypeConfig } from '../sharing/types.ts';
import { ShareIcon } from './icons.tsx';
import './asset-selection.css';

function keyOf(asset: Pick<Asset, 'assetType' | 'id'>): string {
  return `${asset.assetType}:${asset.id}`;
}

/** Which assets the home page has selected to share at once (any mix of types). */
export interface AssetSelection {
  isSelected(asset: Asset): boolean;
  /** Selects or unselects assets. */
  set(assets: readonly Asset[], selected: boolean): void;
  clear(): void;
  /** The selected assets among these, in their order. */
  among(assets: readonly Asset[]): Asset[];
}

/** The selection's state, held by the page that shows the assets. */
export function useAssetSelection(): AssetSelection {
  const [keys, setKeys] = useState<ReadonlySet<string>>(() => new Set());
  const set = useCallback((assets: readonly Asset[], selected: boolean) => {
    setKeys((previous) => {
      const next = new Set(previous);
      for (const asset of assets) {
        if (selected) next.add(keyOf(asset));
        else next.delete(keyOf(asset));
      }
      return next;
    });
  }, []);
  return useMemo<AssetSelection>(
    () => ({
      isSelected: (asset) => keys.has(keyOf(asset)),
      set,
      clear: () => setKeys(new Set()),
      among: (assets) => assets.filter((asset) => keys.has(keyOf(asset))),
    }),
    [keys, set],
  );
}

/** `Select <asset name>`. */
export function SelectAssetCheckbox({ asset, selection }: { asset: Asset; selection: AssetSelection }) {
  return (
    <input
      type="checkbox"
      className="asset-select"
      aria-label={`Select ${asset.name}`}
      checked={selection.isSelected(asset)}
      onChange={(event) => selection.set([asset], event.target.checked)}
    />
  );
}

/** The "select all of this type" shortcut: `Select all <plural label>`, mixed while some are selected. */
export function SelectAllOfType({
  assetType,
  assets,
  selection,
}: {
  assetType: AssetTypeConfig;
  assets: readonly Asset[];
  selection: AssetSelection;
}) {
  const count = selection.among(assets).length;
  const all = count === assets.length;
  return (
    <label className="asset-select-all">
      <input
        type="checkbox"
        className="asset-select"
        checked={all}
        ref={(element) => {
          if (element) element.indeterminate = count > 0 && !all;
        }}
        onChange={() => selection.set(assets, !all)}
      />
      <span>Select all {assetType.pluralLabel.toLowerCase()}</span>
    </label>
  );
}

/** How many assets are selected, and `Share selected`: the multi-asset dialog over them. */
export function SelectionBar({ assets, selection }: { assets: readonly Asset[]; selection: AssetSelection }) {
  const selected = selection.among(assets);
  const [open, setOpen] = useState(false);
  // The dialog keeps the assets it opened with, even when a save takes some of them out of the list.
  const opened = useRef<ShareDialogAssetRef[]>([]);
  const hintId = useId();
  return (
    <div className="selection-bar">
      <p id={hintId} className="selection-bar__count" aria-live="polite">
        {selected.length === 0
          ? 'Select assets to share them together.'
          : `${selected.length.toLocaleString('en')} selected`}
      </p>
      {selected.length > 0 ? (
        <button type="button" className="text-button" onClick={selection.clear}>
          Clear selection
        </button>
      ) : null}
      <ShareDialog.Root
        assets={open ? opened.current : []}
        open={open}
        onOpenChange={(next) => {
          if (next)
            opened.current = selected.map((asset) => ({ assetType: asset.assetType, assetId: asset.id }));
          setOpen(next);
        }}
      >
        <ShareDialog.Trigger
          className="button button--primary button--small"
          disabled={selected.length === 0}
          aria-describedby={hintId}
        >
          <ShareIcon />
          <span>Share selected</span>
        </ShareDialog.Trigger>
        <ShareDialog.Content />
      </ShareDialog.Root>
    </div>
  );
}
