import { type InfiniteData, useMutation, useQueryClient } from '@tanstack/react-query';
import { useCallback, useRef, useState } from 'react';
import type { ApiClient } from '../api/client.ts';
import { accessListVersion, type VersionedSharedRolesPage } from '../api/get-shared-roles.ts';
import { sharingKeys } from '../api/query-keys.ts';
import { updateSharedRolesMutationOptions } from '../api/update-shared-roles.ts';
import { changeRequestToBody, grantOf } from '../api/wire-mapping.ts';
import { type Draft, draftToChangeRequest, type GrantLookup, hasPendingChanges } from '../sharing/draft.ts';
import type { AssetTypeConfig, Grant } from '../sharing/types.ts';
import type { DialogStore } from './dialog-store.ts';
import type { InviteForm, InviteFormValues } from './invite-form.ts';
import { describeSaveFailure, messagesByPrincipalId, type SaveFailure } from './save-failure.ts';

/** The access list as the dialog shows it when a save starts. */
export interface ListSnapshot {
  data: InfiniteData<VersionedSharedRolesPage> | undefined;
  queryKey: readonly unknown[];
  /** Whether every entry is loaded and unfiltered: then an entry missing from it is gone. */
  complete: boolean;
  lookup: GrantLookup;
  names: ReadonlyMap<string, string>;
}

/** What a save needs: where to send it, the draft and the form, and the list it was made against. */
export interface SaveDraftOptions {
  client: ApiClient;
  /** What time it is for the backend: "7 days" counts from the save. */
  now(): number;
  store: DialogStore;
  form: InviteForm;
  assetType: AssetTypeConfig;
  assetId: string;
  /** The list as shown right now (read when the save starts, and again after a reload). */
  list(): ListSnapshot;
  /** After a save: the names of the recipients it added. */
  onSaved(addedNames: readonly string[]): void;
}

/** After this long a save says it is slow, and the person may stop waiting for it. */
export const SLOW_SAVE_MS = 10_000;

function nameIn(draft: Draft, names: ReadonlyMap<string, string>, principalId: string): string | undefined {
  const added = [...draft.additions, ...draft.restorations].find(
    (addition) => addition.principal.id === principalId,
  );
  return added?.principal.displayName ?? names.get(principalId);
}

/**
 * The grants a draft is rebased on after a conflict: the reloaded list; and, when that list is filtered or only
 * partly loaded, the edited grants it does not show, which cannot be checked here (the backend judges them).
 */
function rebaseGrants(draft: Draft, list: ListSnapshot): Grant[] {
  const reloaded = list.data?.pages.flatMap((page) => page.data).map(grantOf) ?? [];
  if (list.complete) return reloaded;
  const shown = new Set(reloaded.map((grant) => grant.principalId));
  const unseen = Object.values(draft.edits)
    .map((edit) => edit.grant)
    .filter((grant) => !shown.has(grant.principalId));
  return [...reloaded, ...unseen];
}

/**
 * Saves the draft: the invite form is validated, then one PATCH goes out against the version the list was read at.
 * A second request never starts while one is in flight. Refused entries get their messages in the store; on a
 * conflict the list is reloaded and the draft keeps what still applies.
 */
export function useSaveDraft({
  client,
  now,
  store,
  form,
  assetType,
  assetId,
  list,
  onSaved,
}: SaveDraftOptions) {
  const queryClient = useQueryClient();
  const mutation = useMutation(updateSharedRolesMutationOptions(client, queryClient, assetType, assetId));
  const inFlight = useRef(false);
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<SaveFailure | null>(null);
  const [slow, setSlow] = useState(false);
  const inFlightAbort = useRef<AbortController | null>(null);

  const save = useCallback(
    async (invite: InviteFormValues) => {
      const draft = store.getState().draft;
      if (!hasPendingChanges(draft)) return;
      const snapshot = list();
      const request = draftToChangeRequest(draft, invite, assetType, snapshot.lookup, now());
      setFailure(null);
      const abort = new AbortController();
      inFlightAbort.current = abort;
      try {
        await mutation.mutateAsync({
          body: changeRequestToBody(request),
          ifMatch: accessListVersion(snapshot.data),
          signal: abort.signal,
        });
        store.setSaveErrors({});
        onSaved(draft.additions.map((addition) => addition.principal.displayName));
      } catch (error) {
        const described = describeSaveFailure(error, request.changes, (principalId) =>
          nameIn(draft, snapshot.names, principalId),
        );
        if (described.kind === 'rejected') store.setSaveErrors(messagesByPrincipalId(described.entries));
        if (described.kind === 'conflict') {
          await queryClient.invalidateQueries({ queryKey: sharingKeys.asset(assetType.id, assetId) });
          const reloaded = { ...list(), data: queryClient.getQueryData(snapshot.queryKey) } as ListSnapshot;
          store.dispatch({ type: 'rebase', grants: rebaseGrants(store.getState().draft, reloaded) });
        }
        setFailure(described);
      } finally {
        inFlightAbort.current = null;
      }
    },
    [store, list, assetType, assetId, mutation, onSaved, queryClient, now],
  );

  const submit = useCallback(() => {
    if (inFlight.current) return;
    inFlight.current = true;
    setSaving(true);
    const slowTimer = setTimeout(() => setSlow(true), SLOW_SAVE_MS);
    void form
      .handleSubmit(save)()
      .finally(() => {
        clearTimeout(slowTimer);
        inFlight.current = false;
        setSaving(false);
        setSlow(false);
      });
  }, [form, save]);

  /** Stops waiting for the save in flight: the draft stays, and a retry is offered. */
  const cancel = useCallback(() => inFlightAbort.current?.abort(), []);

  return { submit, saving, slow, cancel, failure, setFailure };
}
