import type { ReactNode } from 'react';
import type { Asset } from '../api/contract.ts';
import { accessCountLabel } from './format.ts';
import { RolePill } from './role-pill.tsx';

export interface AssetFactsProps {
  asset: Asset;
  /** `facts` on the asset page, `asset-row__facts` in a list. */
  className: string;
  /** Whether to say if the actor may share it (the asset page does; the list leaves it to the Share dialog). */
  withCanShare?: boolean;
  /** Further facts, after the access count. */
  children?: ReactNode;
}

/** What the actor reads about an asset at a glance: their role, whether they may share it, who has access. */
export function AssetFacts({ asset, className, withCanShare = false, children }: AssetFactsProps) {
  return (
    <dl className={className}>
      <div>
        <dt>Your role</dt>
        <dd>
          <RolePill assetTypeId={asset.assetType} role={asset.yourRole} />
        </dd>
      </div>
      {withCanShare ? (
        <div>
          <dt>You can share</dt>
          <dd>{asset.canShare ? 'Yes' : 'No'}</dd>
        </div>
      ) : null}
      <div>
        <dt>Access</dt>
        <dd>{accessCountLabel(asset.sharedWithCount)}</dd>
      </div>
      {children}
    </dl>
  );
}
