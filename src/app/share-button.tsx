import { useEffect, useId, useState } from 'react';
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
  // A notification's link (`?share=requests`) opens the dialog on the access requests, once: the parameter is
  // taken off the address, so that a reload or another persona does not open it again.
  const [searchParams, setSearchParams] = useSearchParams();
  const [onRequests, setOnRequests] = useState(() => searchParams.get('share') === 'requests');
  useEffect(() => {
    if (!searchParams.has('share')) return;
    setSearchParams(
      (params) => {
        params.delete('share');
        return params;
      },
      { replace: true },
    );
  }, [searchParams, setSearchParams]);
  return (
    <ShareDialog.Root
      assetType={asset.assetType}
      assetId={asset.id}
      defaultOpen={onRequests}
      initialView={onRequests ? 'requests' : undefined}
      onOpenChange={(open) => {
        if (!open) setOnRequests(false);
      }}
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
