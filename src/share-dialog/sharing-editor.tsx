import * as Dialog from '@radix-ui/react-dialog';
import { keepPreviousData, useInfiniteQuery, useMutation, useQuery } from '@tanstack/react-query';
import {
  type ChangeEvent,
  useCallback,
  useEffect,
  useId,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import type { Account, Asset, SharedRolesUpdateBody } from '../api/contract.ts';
import { accessListVersion, sharedRolesInfiniteQueryOptions } from '../api/get-shared-roles.ts';
import { previewSharedRolesQueryOptions } from '../api/preview-shared-roles.ts';
import { sharingKeys } from '../api/query-keys.ts';
import { changeRequestToBody, updateSharedRolesMutationOptions } from '../api/update-shared-roles.ts';
import { findRole } from '../sharing/asset-types.ts';
import {
  canActorShare,
  guardRelevantGrants,
  newRecipientRoleOptions,
  type RoleOption,
} from '../sharing/capabilities.ts';
import {
  type Draft,
  draftGrants,
  draftToChangeRequest,
  hasPendingChanges,
  hasUnsavedInput,
} from '../sharing/draft.ts';
import type { ActorStanding, AssetTypeConfig, Grant } from '../sharing/types.ts';
import { createDialogStore, type DialogState, type DialogStore, useDialogState } from './dialog-store.ts';
import { displayNameOf, grantOf } from './grant-of.ts';
import { inviteValuesOf, useInviteForm } from './invite-form.ts';
import { DiscardChangesDialog } from './parts/discard-changes-dialog.tsx';
import { ExternalLinkSection } from './parts/external-link-section.tsx';
import { ImpactPreview } from './parts/impact-preview.tsx';
import { InviteSection } from './parts/invite-section.tsx';
import { ListSkeleton } from './parts/panel-skeleton.tsx';
import { SaveErrorSummary } from './parts/save-error-summary.tsx';
import { SharedWithList } from './parts/shared-with-list.tsx';
import type { RowActions } from './parts/shared-with-row.tsx';
import { useDebouncedValue } from './recipient-search/use-debounced-value.ts';
import { describeSaveFailure, messagesByPrincipalId, type SaveFailure } from './save-failure.ts';
import { useShareDialogConfig } from './share-dialog-provider.tsx';
import { useShareDialogRoot } from './share-dialog-root.tsx';
import { Button } from './ui/button.tsx';
import { SearchIcon } from './ui/icons.tsx';

/** How long typing in `Filter people` must pause before the list is asked for again. */
export const FILTER_DEBOUNCE_MS = 300;
/** How long the draft must rest before its impact is previewed. */
export const PREVIEW_DEBOUNCE_MS = 400;

/** Props of {@link SharingEditor}: the asset, its type, and who is acting. */
export interface SharingEditorProps {
  assetType: AssetTypeConfig;
  asset: Asset;
  account: Account;
}

const selectDraft = (state: DialogState) => state.draft;
const emptyPreviewBody: SharedRolesUpdateBody = { operation: 'updateRoles', roles: [] };

/** New recipients start at the type's default role, or the highest the actor may grant when that is above them. */
function fitNewRole(store: DialogStore, roleOptions: readonly RoleOption[]): void {
  const { newRole } = store.getState().draft;
  const current = roleOptions.find((option) => option.role.name === newRole);
  if (current?.permission.allowed) return;
  const allowed = roleOptions.find((option) => option.permission.allowed);
  if (allowed) store.dispatch({ type: 'setNewRole', role: allowed.role.name });
}

/** What the impact preview needs of a save: the entries (a note or a notification changes no one's access). */
function previewBodyOf(body: SharedRolesUpdateBody): SharedRolesUpdateBody {
  const { note: _note, sendNotification: _sendNotification, ...rest } = body;
  return rest;
}

function sameGrants(a: readonly Grant[] | undefined, b: readonly Grant[] | undefined): boolean {
  if (a === b) return true;
  if (!a || !b || a.length !== b.length) return false;
  return a.every((grant, index) => {
    const other = b[index];
    return (
      other !== undefined &&
      grant.principalId === other.principalId &&
      grant.role === other.role &&
      grant.canShare === other.canShare &&
      grant.principalType === other.principalType
    );
  });
}

/** Keeps the previous list while the new one holds the same grants, so rows judged against it do not re-render. */
function useStableGrants(grants: readonly Grant[] | undefined): readonly Grant[] | undefined {
  const stable = useRef(grants);
  if (!sameGrants(stable.current, grants)) stable.current = grants;
  return stable.current;
}

/** The names of a draft's recipients and of loaded entries, for messages about them. */
function nameIn(draft: Draft, names: ReadonlyMap<string, string>, principalId: string): string | undefined {
  const added = draft.additions.find((addition) => addition.principal.id === principalId);
  return added?.principal.displayName ?? names.get(principalId);
}

/** The dialog's working part once the asset and the actor are known: invite, list, preview, save. */
export function SharingEditor({ assetType, asset, account }: SharingEditorProps) {
  const { client, queryClient, messages } = useShareDialogConfig();
  const root = useShareDialogRoot();
  const id = useId();
  const sharingReasonId = `${id}-sharing-reason`;
  const roleReasonsId = `${id}-role-reasons`;
  const listTitleId = `${id}-list-title`;
  const bodyRef = useRef<HTMLDivElement>(null);
  const alertRef = useRef<HTMLDivElement>(null);

  const actor = useMemo<ActorStanding>(
    () => ({
      principalId: account.id,
      level: findRole(assetType, asset.yourRole)?.level ?? 0,
      canShare: asset.canShare,
    }),
    [account.id, assetType, asset.yourRole, asset.canShare],
  );
  const sharing = useMemo(() => canActorShare(assetType, actor), [assetType, actor]);
  const roleOptions = useMemo(() => newRecipientRoleOptions(assetType, actor), [assetType, actor]);

  const [store] = useState(() => {
    const created = createDialogStore(assetType);
    fitNewRole(created, roleOptions);
    return created;
  });
  const draft = useDialogState(store, selectDraft);
  const form = useInviteForm(draft, messages);
  const pending = hasPendingChanges(draft);

  // --- The access list, a page at a time, filtered on the server.
  const [filterText, setFilterText] = useState('');
  const filter = useDebouncedValue(filterText.trim(), FILTER_DEBOUNCE_MS);
  const listOptions = sharedRolesInfiniteQueryOptions(client, assetType, asset.id, { name: filter });
  const listQuery = useInfiniteQuery({ ...listOptions, placeholderData: keepPreviousData });
  const entries = useMemo(() => listQuery.data?.pages.flatMap((page) => page.data) ?? [], [listQuery.data]);
  const grants = useMemo(() => entries.map(grantOf), [entries]);
  const grantsById = useMemo(() => new Map(grants.map((grant) => [grant.principalId, grant])), [grants]);
  const namesById = useMemo(
    () => new Map(entries.map((entry) => [entry.id, displayNameOf(entry)])),
    [entries],
  );
  const lookup = useCallback((principalId: string) => grantsById.get(principalId), [grantsById]);
  const totalCount = listQuery.data?.pages[0]?.totalCount ?? 0;
  const { fetchNextPage: fetchNext } = listQuery;
  const fetchNextPage = useCallback(() => void fetchNext(), [fetchNext]);

  // The whole-list guards (R9, R10) are judged only on the whole list; on part of it the backend judges.
  const listComplete = listQuery.isSuccess && !listQuery.hasNextPage && filter === '';
  const guardList = useStableGrants(
    useMemo(
      () =>
        listComplete ? guardRelevantGrants(assetType, draftGrants(draft, assetType, grants)) : undefined,
      [listComplete, assetType, draft, grants],
    ),
  );
  const explainAccess = useMemo(
    () => grants.some((grant) => grant.principalType === 'group' || grant.principalType === 'role'),
    [grants],
  );
  const organizationVia =
    entries.find((entry) => entry.shareRecipientType === 'organization' && entry.id === account.orgId)
      ?.name ?? null;

  const rowActions = useMemo<RowActions>(
    () => ({
      setRole: (grant, role) => store.dispatch({ type: 'setGrantRole', grant, role }),
      setFlag: (grant, flag, value) => store.dispatch({ type: 'setGrantFlag', grant, flag, value }),
      remove: (grant) => store.dispatch({ type: 'removeGrant', grant }),
      undo: (principalId) => store.dispatch({ type: 'undoGrant', principalId }),
    }),
    [store],
  );

  // --- Impact preview of the draft, once it rests.
  const changeRequest = useMemo(
    () => draftToChangeRequest(draft, assetType, lookup),
    [draft, assetType, lookup],
  );
  const previewBody = useMemo(
    () => (pending ? previewBodyOf(changeRequestToBody(changeRequest)) : null),
    [pending, changeRequest],
  );
  const debouncedPreviewBody = useDebouncedValue(previewBody, PREVIEW_DEBOUNCE_MS);
  const previewQuery = useQuery({
    ...previewSharedRolesQueryOptions(client, assetType, asset.id, debouncedPreviewBody ?? emptyPreviewBody),
    enabled: debouncedPreviewBody !== null && previewBody !== null,
    placeholderData: keepPreviousData,
  });
  const previewCurrent = previewQuery.data !== undefined && !previewQuery.isPlaceholderData;
  useEffect(() => {
    if (!previewBody || !debouncedPreviewBody || !previewCurrent || !previewQuery.data) {
      store.setPreviewErrors({});
      return;
    }
    const errors: Record<string, string> = {};
    for (const error of previewQuery.data.errors) {
      const principalId = error.index === null ? undefined : debouncedPreviewBody.roles[error.index]?.id;
      if (principalId)
        errors[principalId] = errors[principalId] ? `${errors[principalId]} ${error.message}` : error.message;
    }
    store.setPreviewErrors(errors);
  }, [store, previewBody, debouncedPreviewBody, previewCurrent, previewQuery.data]);

  // --- Save: one PATCH against the version the list was read at; never twice at once.
  const mutation = useMutation(updateSharedRolesMutationOptions(client, queryClient, assetType, asset.id));
  const inFlight = useRef(false);
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<SaveFailure | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const latest = useRef({ listData: listQuery.data, listKey: listOptions.queryKey, lookup, namesById });
  latest.current = { listData: listQuery.data, listKey: listOptions.queryKey, lookup, namesById };

  const resetDraft = useCallback(() => {
    store.dispatch({ type: 'reset' });
    fitNewRole(store, roleOptions);
    form.reset(inviteValuesOf(store.getState().draft));
  }, [store, roleOptions, form]);

  const focusFirstField = useCallback(() => {
    const target = bodyRef.current?.querySelector<HTMLElement>(
      '[role="combobox"]:not([aria-disabled="true"])',
    );
    target?.focus();
  }, []);

  const save = useCallback(async () => {
    const current = store.getState().draft;
    if (!hasPendingChanges(current)) return;
    const { listData, listKey, lookup: lookupNow, namesById: names } = latest.current;
    const request = draftToChangeRequest(current, assetType, lookupNow);
    setFailure(null);
    setAnnouncement('');
    try {
      await mutation.mutateAsync({
        body: changeRequestToBody(request),
        ifMatch: accessListVersion(listData),
      });
      const added = current.additions.map((addition) => addition.principal.displayName);
      store.setSaveErrors({});
      resetDraft();
      setAnnouncement(added.length > 0 ? messages.announceShared(added) : messages.announceSaved);
      focusFirstField();
    } catch (error) {
      const described = describeSaveFailure(error, request.changes, (principalId) =>
        nameIn(current, names, principalId),
      );
      if (described.kind === 'rejected') store.setSaveErrors(messagesByPrincipalId(described.entries));
      if (described.kind === 'conflict') {
        await queryClient.invalidateQueries({ queryKey: sharingKeys.asset(assetType.id, asset.id) });
        const reloaded = queryClient.getQueryData(listKey);
        store.dispatch({
          type: 'rebase',
          grants: reloaded?.pages.flatMap((page) => page.data).map(grantOf) ?? [],
        });
      }
      setFailure(described);
    }
  }, [store, assetType, asset.id, mutation, resetDraft, messages, focusFirstField, queryClient]);

  const submit = useCallback(() => {
    if (inFlight.current) return;
    inFlight.current = true;
    setSaving(true);
    void form
      .handleSubmit(save)()
      .finally(() => {
        inFlight.current = false;
        setSaving(false);
      });
  }, [form, save]);

  useLayoutEffect(() => {
    if (failure) alertRef.current?.focus();
  }, [failure]);

  useEffect(() => {
    if (pending) setAnnouncement('');
    else setFailure((shown) => (shown?.kind === 'rejected' ? null : shown));
  }, [pending]);

  // --- Closing with unsaved work asks first.
  const [confirmOpen, setConfirmOpen] = useState(false);
  useEffect(() => {
    const guard = root.closeGuardRef;
    guard.current = () => {
      if (!hasUnsavedInput(store.getState().draft)) return true;
      setConfirmOpen(true);
      return false;
    };
    return () => {
      guard.current = null;
    };
  }, [root.closeGuardRef, store]);
  const { forceClose } = root;
  const discard = useCallback(() => {
    setConfirmOpen(false);
    resetDraft();
    forceClose();
  }, [resetDraft, forceClose]);

  // Once loaded, start where sharing starts: in `Share with`, unless the person has already moved on.
  useEffect(() => {
    const dialog = bodyRef.current?.closest<HTMLElement>('[role="dialog"]');
    const active = document.activeElement;
    if (!dialog || (active && active !== dialog && active !== document.body && dialog.contains(active)))
      return;
    focusFirstField();
  }, [focusFirstField]);

  const primaryLabel = draft.additions.length > 0 ? messages.share : messages.save;

  return (
    <>
      <div ref={bodyRef} className="sw-body" data-slot="share-dialog-body">
        {failure ? (
          <SaveErrorSummary ref={alertRef} failure={failure} onRetry={submit} retrying={saving} />
        ) : null}
        <form noValidate onSubmit={(event) => event.preventDefault()}>
          <InviteSection
            assetType={assetType}
            actor={actor}
            store={store}
            form={form}
            sharing={sharing}
            sharingReasonId={sharingReasonId}
            roleOptions={roleOptions}
            roleReasonsId={roleReasonsId}
            linkedInputs={asset.linkedInputs ?? []}
          />
        </form>

        {assetType.options.externalLink ? (
          <ExternalLinkSection
            assetType={assetType}
            assetId={asset.id}
            sharing={sharing}
            sharingReasonId={sharingReasonId}
          />
        ) : null}

        <section className="sw-section sw-section--divided sw-shared-with" data-slot="shared-with">
          <div className="sw-section__head">
            <h3 id={listTitleId} className="sw-section__title">
              {messages.sharedWith}
            </h3>
            {listQuery.data ? (
              <span className="sw-section__meta">{messages.sharedWithCount(totalCount)}</span>
            ) : null}
          </div>
          <div className="sw-filter">
            <SearchIcon />
            <input
              type="search"
              className="sw-input"
              aria-label={messages.filterPeople}
              placeholder={messages.filterPlaceholder}
              value={filterText}
              onChange={(event: ChangeEvent<HTMLInputElement>) => setFilterText(event.target.value)}
            />
          </div>
          {listQuery.isPending ? (
            <ListSkeleton />
          ) : listQuery.isError && !listQuery.data ? (
            <div className="sw-error-state">
              <p className="sw-hint sw-hint--danger">{messages.listLoadFailed}</p>
              <Button size="sm" onClick={() => void listQuery.refetch()}>
                {messages.retry}
              </Button>
            </div>
          ) : entries.length === 0 ? (
            <p className="sw-list-status">{filter ? messages.noMatches(filter) : messages.emptyList}</p>
          ) : (
            <SharedWithList
              entries={entries}
              grants={grants}
              totalCount={totalCount}
              hasNextPage={listQuery.hasNextPage}
              isFetchingNextPage={listQuery.isFetchingNextPage}
              fetchNextPage={fetchNextPage}
              labelledBy={listTitleId}
              resetKey={filter}
              assetType={assetType}
              assetId={asset.id}
              actor={actor}
              guardList={guardList}
              store={store}
              actions={rowActions}
              explainAccess={explainAccess}
              organizationVia={organizationVia}
              sharingReasonId={sharing.allowed ? null : sharingReasonId}
              roleReasonsId={
                roleOptions.some(
                  (option) => !option.permission.allowed && option.permission.code === 'ROLE_ABOVE_OWN_LEVEL',
                )
                  ? roleReasonsId
                  : null
              }
            />
          )}
        </section>
      </div>

      <div className="sw-footer" data-slot="share-dialog-footer">
        {pending ? (
          <ImpactPreview
            preview={previewQuery.data}
            checking={previewBody !== debouncedPreviewBody || previewQuery.isFetching}
            failed={previewQuery.isError}
          />
        ) : null}
        <p role="status" className="sw-footer__status">
          {saving ? messages.saving : announcement}
        </p>
        <div className="sw-footer__actions">
          <Dialog.Close asChild>
            <Button>{messages.cancel}</Button>
          </Dialog.Close>
          <Button variant="primary" disabled={!pending || saving} pending={saving} onClick={submit}>
            {primaryLabel}
          </Button>
        </div>
      </div>

      <DiscardChangesDialog
        open={confirmOpen}
        onKeepEditing={() => setConfirmOpen(false)}
        onDiscard={discard}
      />
    </>
  );
}
