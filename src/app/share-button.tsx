import { useId } from 'react';
import type { Asset } from '../api/contract.ts';
import { ShareDialog } from '../share-dialog/index.ts';
import { ShareIcon } from './icons.tsx';

export interface ShareButtonProps {
  asset: Asset;
}

/** The `Share` button of an asset: opens the real dialog; Radix returns focus to the button when it closes. */
export function ShareButton({ asset }: ShareButtonProps) {
  const descriptionId = useId();
  return (
    <ShareDialog.Root assetType={asset.assetType} assetId={asset.id}>
      <ShareDialog.Trigger className="button button--primary button--small" aria-describedby={descriptionId}>
        <ShareIcon />
        <span>Share</span>
      </ShareDialog.Trigger>
      <span id={descriptionId} hidden>
        {asset.name}
      </span>
      <ShareDialog.Content />
    </ShareDialog.Root>
  );
}
