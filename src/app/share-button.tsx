import { useId } from 'react';
import { useSearchParams } from 'react-router';
import type { Asset } from '../api/contract.ts';
import { ShareDialog } from '../share-dialog/index.ts';
import { ShareIcon } from './icons.tsx';

export interface ShareButtonProps {
  asset: Asset;
}

/** The `Share` button of an asset: opens the real dialog; Radix returns focus to the button when it closes. */
export function ShareButton({ asset }: ShareButtonProps) {
  const descriptionId = useId();
  // A notification's link (`?share=requests`) opens the dialog on the access requests.
  const [searchParams] = useSearchParams();
  const onRequests = searchParams.get('share') === 'requests';
  return (
    <ShareDialog.Root
      assetType={asset.assetType}
      assetId={asset.id}
      defaultOpen={onRequests}
      initialView={onRequests ? 'requests' : undefined}
    >
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
