import { lazy, Suspense, useCallback, useMemo } from 'react';
import { useAccessList, useSharingEditor } from '../editor-context.ts';

// Its code is a chunk of its own, loaded as the dialog opens: the rows and the invite form never wait for it.
const AccessRequestsSection = lazy(() => import('../access-requests/access-requests-section.tsx'));

/**
 * Access requests (SPEC §12), as a part of the editor: `Requests (<n>)` for those who may answer some, and
 * `Request access` for a person who could hold more than they do. Shows nothing while its code or the requests load.
 */
export function ShareDialogRequests() {
  const { assetType, asset, account, actor, store } = useSharingEditor();
  const { grants } = useAccessList();
  const byId = useMemo(() => new Map(grants.map((grant) => [grant.principalId, grant])), [grants]);
  const lookup = useCallback((principalId: string) => byId.get(principalId), [byId]);
  return (
    <Suspense fallback={null}>
      <AccessRequestsSection
        assetType={assetType}
        asset={asset}
        account={account}
        actor={actor}
        store={store}
        lookup={lookup}
      />
    </Suspense>
  );
}
