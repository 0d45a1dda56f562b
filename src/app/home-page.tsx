import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { isApiError } from '../api/client.ts';
import type { Asset } from '../api/contract.ts';
import { assetsQueryOptions } from '../api/get-assets.ts';
import { assetTypes } from '../sharing/asset-types.ts';
import type { AssetTypeConfig } from '../sharing/types.ts';
import { AssetFacts } from './asset-facts.tsx';
import {
  type AssetSelection,
  SelectAllOfType,
  SelectAssetCheckbox,
  SelectionBar,
  useAssetSelection,
} from './asset-selection.tsx';
import { QueryError, QueryLoading } from './query-states.tsx';
import { useSession } from './session.tsx';
import { ShareButton } from './share-button.tsx';
import { usePageTitle } from './use-page-title.ts';

/** The assets the actor can see, grouped by the registry's asset types, in the registry's order. */
export function groupAssetsByType(
  assets: readonly Asset[],
): { assetType: AssetTypeConfig; assets: Asset[] }[] {
  return assetTypes
    .all()
    .map((assetType) => ({ assetType, assets: assets.filter((asset) => asset.assetType === assetType.id) }))
    .filter((group) => group.assets.length > 0);
}

/** Home: every asset the current persona can see, by type, each with a Share button. */
export function HomePage() {
  const { client, persona } = useSession();
  const assetsQuery = useQuery(assetsQueryOptions(client, null));
  const selection = useAssetSelection();
  usePageTitle('Assets');

  return (
    <div className="page">
      <div className="page-header">
        <h1 className="page-title">Assets</h1>
        <p className="page-lede">
          What {persona.fullName} can see. Open <strong>Share</strong> on any of them; switch persona under{' '}
          <em>Acting as</em> to try the same asset from the other side.
        </p>
      </div>
      {/* Shown whenever the list is, so that a dialog opened from it stays open when a save empties the list. */}
      {assetsQuery.data ? <SelectionBar assets={assetsQuery.data.data} selection={selection} /> : null}
      {assetsQuery.isPending ? (
        <QueryLoading className="asset-groups asset-groups--loading" label="Loading assets…">
          {[0, 1, 2].map((index) => (
            <div key={index} className="skeleton-card" />
          ))}
        </QueryLoading>
      ) : assetsQuery.isError && isApiError(assetsQuery.error) && assetsQuery.error.status === 401 ? (
        <div className="callout" role="alert">
          <p>
            <strong>{persona.fullName} cannot sign in.</strong> {assetsQuery.error.message}
          </p>
          <p>
            Choose another persona under “Acting as” to try sharing with {persona.fullName} from their side.
          </p>
        </div>
      ) : assetsQuery.isError ? (
        <QueryError
          subject="The assets"
          error={assetsQuery.error}
          onRetry={() => void assetsQuery.refetch()}
        />
      ) : assetsQuery.data.data.length === 0 ? (
        <p className="callout">Nothing is shared with {persona.fullName}.</p>
      ) : (
        <div className="asset-groups">
          {groupAssetsByType(assetsQuery.data.data).map((group) => (
            <section
              key={group.assetType.id}
              className="asset-group"
              aria-labelledby={`group-${group.assetType.id}`}
            >
              <h2 id={`group-${group.assetType.id}`} className="asset-group__title">
                {group.assetType.pluralLabel}
                <span className="asset-group__count" aria-hidden="true">
                  {group.assets.length}
                </span>
              </h2>
              <SelectAllOfType assetType={group.assetType} assets={group.assets} selection={selection} />
              <ul className="asset-list">
                {group.assets.map((asset) => (
                  <AssetRow key={asset.id} asset={asset} selection={selection} />
                ))}
              </ul>
            </section>
          ))}
        </div>
      )}
    </div>
  );
}

function AssetRow({ asset, selection }: { asset: Asset; selection: AssetSelection }) {
  return (
    <li className="asset-row asset-row--selectable">
      <SelectAssetCheckbox asset={asset} selection={selection} />
      <div className="asset-row__main">
        <Link className="asset-row__name" to={`/assets/${asset.assetType}/${asset.id}`}>
          {asset.name}
        </Link>
        {asset.description ? <p className="asset-row__description">{asset.description}</p> : null}
      </div>
      <AssetFacts asset={asset} className="asset-row__facts" />
      <ShareButton asset={asset} />
    </li>
  );
}
