import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { isApiError } from '../api/client.ts';
import type { Asset, SharedRole } from '../api/contract.ts';
import { assetQueryOptions } from '../api/get-asset.ts';
import { sharedRolesInfiniteQueryOptions } from '../api/get-shared-roles.ts';
import { assetTypes } from '../sharing/asset-types.ts';
import type { AssetTypeConfig } from '../sharing/types.ts';
import { AssetFacts } from './asset-facts.tsx';
import { assetTypeLabel, initials, roleLabel } from './format.ts';
import { NotFound } from './not-found-page.tsx';
import { QueryError, QueryLoading } from './query-states.tsx';
import { useSession } from './session.tsx';
import { ShareButton } from './share-button.tsx';
import { usePageTitle } from './use-page-title.ts';

/** How many entries of the access list the asset page previews; the Share dialog shows them all. */
const ACCESS_PREVIEW_SIZE = 8;

/** One asset (`/assets/:assetType/:id`), the target of notification links, with its Share button. */
export function AssetPage() {
  const { assetType: assetTypeId = '', id = '' } = useParams();
  const assetType = assetTypes.get(assetTypeId);
  if (!assetType) {
    return (
      <NotFound
        title="No such asset type"
        text={`Sharewell does not know the asset type “${assetTypeId}”.`}
      />
    );
  }
  return <AssetDetails key={`${assetType.id}/${id}`} assetType={assetType} assetId={id} />;
}

function AssetDetails({ assetType, assetId }: { assetType: AssetTypeConfig; assetId: string }) {
  const { client, persona } = useSession();
  const assetQuery = useQuery(assetQueryOptions(client, assetType, assetId));
  usePageTitle(assetQuery.data?.name ?? assetType.label);

  if (assetQuery.isPending) {
    return (
      <QueryLoading className="page" label="Loading the asset…">
        <div className="skeleton-line skeleton-line--title" />
        <div className="skeleton-card" />
      </QueryLoading>
    );
  }
  if (assetQuery.isError) {
    if (isApiError(assetQuery.error) && assetQuery.error.status === 404) {
      return (
        <NotFound
          title={`${assetType.label} not found`}
          text={`This ${assetType.label.toLowerCase()} does not exist, or nothing about it is shared with ${persona.fullName}.`}
        />
      );
    }
    return (
      <div className="page">
        <QueryError
          subject={`The ${assetType.label.toLowerCase()}`}
          error={assetQuery.error}
          onRetry={() => void assetQuery.refetch()}
        />
      </div>
    );
  }

  const asset = assetQuery.data;
  return (
    <div className="page">
      <nav className="breadcrumbs" aria-label="Breadcrumbs">
        <Link to="/">Assets</Link>
        <span aria-hidden="true">/</span>
        <span>{assetType.pluralLabel}</span>
      </nav>
      <div className="asset-hero">
        <div className="asset-hero__text">
          <p className="asset-hero__type">{assetType.label}</p>
          <h1 className="page-title">{asset.name}</h1>
          {asset.description ? <p className="page-lede">{asset.description}</p> : null}
        </div>
        <ShareButton asset={asset} />
      </div>
      <div className="asset-panels">
        <section className="panel" aria-labelledby="asset-about">
          <h2 id="asset-about" className="panel__title">
            About
          </h2>
          <AssetFacts asset={asset} className="facts" withCanShare>
            {asset.linkedInputs && asset.linkedInputs.length > 0 ? (
              <div>
                <dt>Built from</dt>
                <dd>
                  <ul className="linked-inputs">
                    {asset.linkedInputs.map((input) => (
                      <li key={input.id}>
                        <Link to={`/assets/${input.assetType}/${input.id}`}>{input.name}</Link>{' '}
                        <span className="muted">({assetTypeLabel(input.assetType)})</span>
                      </li>
                    ))}
                  </ul>
                </dd>
              </div>
            ) : null}
          </AssetFacts>
        </section>
        <AccessPreview assetType={assetType} asset={asset} />
      </div>
    </div>
  );
}

function AccessPreview({ assetType, asset }: { assetType: AssetTypeConfig; asset: Asset }) {
  const { client } = useSession();
  const sharedRolesQuery = useInfiniteQuery(sharedRolesInfiniteQueryOptions(client, assetType, asset.id));
  const firstPage = sharedRolesQuery.data?.pages[0];
  const entries = firstPage?.data.slice(0, ACCESS_PREVIEW_SIZE) ?? [];
  const more = (firstPage?.totalCount ?? 0) - entries.length;

  return (
    <section className="panel" aria-labelledby="asset-access">
      <h2 id="asset-access" className="panel__title">
        Who has access
      </h2>
      {sharedRolesQuery.isPending ? (
        <QueryLoading label="Loading who has access…">
          <div className="skeleton-line" />
          <div className="skeleton-line" />
          <div className="skeleton-line" />
        </QueryLoading>
      ) : sharedRolesQuery.isError ? (
        <p className="muted" role="alert">
          Who has access could not be loaded: {sharedRolesQuery.error.message}
        </p>
      ) : (
        <>
          <ul className="people">
            {entries.map((entry) => (
              <AccessEntry key={entry.id} entry={entry} assetTypeId={asset.assetType} />
            ))}
          </ul>
          {more > 0 ? (
            <p className="muted">
              and {more.toLocaleString('en')} more. Open <strong>Share</strong> to see everyone.
            </p>
          ) : null}
        </>
      )}
    </section>
  );
}

function AccessEntry({ entry, assetTypeId }: { entry: SharedRole; assetTypeId: string }) {
  const title = entry.userFullName ?? entry.name;
  const detail =
    entry.shareRecipientType === 'user'
      ? entry.name
      : `${entry.shareRecipientType.charAt(0).toUpperCase()}${entry.shareRecipientType.slice(1)}${
          entry.memberCount === undefined ? '' : ` · ${entry.memberCount.toLocaleString('en')} members`
        }`;
  return (
    <li className="person">
      <span className={`avatar avatar--small avatar--${entry.shareRecipientType}`} aria-hidden="true">
        {initials(title)}
      </span>
      <span className="person__text">
        <span className="person__name">{title}</span>
        <span className="person__detail">{detail}</span>
      </span>
      <span className="person__role">{roleLabel(assetTypeId, entry.role)}</span>
    </li>
  );
}
