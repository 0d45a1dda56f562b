import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useCallback, useMemo } from 'react';
import { accessRequestsQueryOptions } from '../../api/get-access-requests.ts';
import { requestableRoles } from '../../sharing/access-requests.ts';
import { findRole } from '../../sharing/asset-types.ts';
import type { Level } from '../../sharing/types.ts';
import { RequestsToAnswer } from '../access-requests/requests-to-answer.tsx';
import { useAccessList, useSharingEditor } from '../editor-context.ts';
import { useShareDialogConfig } from '../share-dialog-provider.tsx';
import { useShareDialogRoot } from '../share-dialog-root.tsx';

// The form's code loads only once it is shown: most dialogs open without it, and the rows never wait for it.
const RequestAccessForm = lazy(() =>
  import('../access-requests/request-access-form.tsx').then((module) => ({
    default: module.RequestAccessForm,
  })),
);

/**
 * Access requests (SPEC §12), as a part of the editor: `Requests (<n>)` for those who may answer some, and
 * `Request access` for a person who could hold more than they do. Shows nothing while the requests or a part's
 * code load.
 */
export function ShareDialogRequests() {
  const { assetType, asset, account, actor, store } = useSharingEditor();
  const { client } = useShareDialogConfig();
  const { initialView } = useShareDialogRoot();
  const { grants } = useAccessList();
  const query = useQuery(accessRequestsQueryOptions(client, assetType, asset.id));
  const byId = useMemo(() => new Map(grants.map((grant) => [grant.principalId, grant])), [grants]);
  const lookup = useCallback((principalId: string) => byId.get(principalId), [byId]);
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
  const toAnswer = query.data.filter(
    (entry) => entry.request.status === 'pending' && entry.request.requesterId !== account.id,
  );
  const latestOwn = query.data.filter((entry) => entry.request.requesterId === account.id).at(-1);
  return (
    <Suspense fallback={null}>
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
    </Suspense>
  );
}
