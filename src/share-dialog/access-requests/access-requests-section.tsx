import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { Account, Asset } from '../../api/contract.ts';
import { accessRequestsQueryOptions } from '../../api/get-access-requests.ts';
import { requestableRoles } from '../../sharing/access-requests.ts';
import { findRole } from '../../sharing/asset-types.ts';
import type { GrantLookup } from '../../sharing/draft.ts';
import type { ActorStanding, AssetTypeConfig, Level } from '../../sharing/types.ts';
import type { DialogStore } from '../dialog-store.ts';
import { useShareDialogConfig } from '../share-dialog-provider.tsx';
import { useShareDialogRoot } from '../share-dialog-root.tsx';
import './access-requests.css';
import { RequestAccessForm } from './request-access-form.tsx';
import { RequestsToAnswer } from './requests-to-answer.tsx';

/** Props of {@link AccessRequestsSection}. */
export interface AccessRequestsSectionProps {
  assetType: AssetTypeConfig;
  asset: Asset;
  account: Account;
  actor: ActorStanding;
  store: DialogStore;
  lookup: GrantLookup;
}

/**
 * Access requests in the dialog (SPEC §12): `Requests (<n>)` for those who may answer some, and `Request access`
 * for a person who could hold more than they do. Loaded lazily: most dialogs open without either.
 */
export default function AccessRequestsSection({
  assetType,
  asset,
  account,
  actor,
  store,
  lookup,
}: AccessRequestsSectionProps) {
  const { client } = useShareDialogConfig();
  const { initialView } = useShareDialogRoot();
  const query = useQuery(accessRequestsQueryOptions(client, assetType, asset.id));
  const entries = query.data ?? [];
  const toAnswer = entries.filter(
    (entry) => entry.request.status === 'pending' && entry.request.requesterId !== account.id,
  );
  const latestOwn = entries.filter((entry) => entry.request.requesterId === account.id).at(-1);
  const roles = useMemo(
    () =>
      requestableRoles(assetType, {
        principalId: account.id,
        displayName: account.fullName,
        level: actor.level,
        ceiling: (account.rbacCeiling ?? 3) as Level,
      }),
    [assetType, account, actor.level],
  );

  if (!query.data) return null;
  return (
    <>
      {toAnswer.length > 0 || initialView === 'requests' ? (
        <RequestsToAnswer
          assetType={assetType}
          assetId={asset.id}
          actor={actor}
          requests={toAnswer}
          store={store}
          lookup={lookup}
          initiallyOpen={initialView === 'requests'}
        />
      ) : null}
      {roles.length > 0 || latestOwn ? (
        <RequestAccessForm
          assetType={assetType}
          assetId={asset.id}
          ownRole={findRole(assetType, asset.yourRole)}
          roles={roles}
          latest={latestOwn}
        />
      ) : null}
    </>
  );
}
