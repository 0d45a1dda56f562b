import * as Dialog from '@radix-ui/react-dialog';
import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
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
import type { Account, Asset } from '../api/contract.ts';
import { sharedRolesInfiniteQueryOptions } from '../api/get-shared-roles.ts';
import { findRole } from '../sharing/asset-types.ts';
import {
  canActorShare,
  guardRelevantGrants,
  newRecipientRoleOptions,
  type RoleOption,
} from '../sharing/capabilities.ts';
import { awaitsExpiryDate, draftGrants, hasPendingChanges, hasUnsavedInput } from '../sharing/draft.ts';
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
import { useShareDialogConfig } from './share-dialog-provider.tsx';
import { useShareDialogRoot } from './share-dialog-root.tsx';
import { Button } from './ui/button.tsx';
import { SearchIcon } from './ui/icons.tsx';
import { useImpactPreview } from './use-impact-preview.ts';
import { type ListSnapshot, useSaveDraft } from './use-save-draft.ts';

/** How long typing in `Filter people` must pause before the list is asked for again. */
export const FILTER_DEBOUNCE_MS = 300;

/** Props of {@link SharingEditor}: the asset, its type, and who is acting. */
export interface SharingEditorProps {
  assetType: AssetTypeConfig;
  asset: Asset;
  account: Account;
}

const selectDraft = (state: DialogState) => state.draft;

/** New recipients start at the type's default role, or the highest the actor may grant when that is above them. */
function fitNewRole(store: DialogStore, roleOptions: readonly RoleOption[]): void {
  const { newRole } = store.getState().draft;
  const current = roleOptions.find((option) => option.role.name === newRole);
  if (current?.permission.allowed) return;
  const allowed = roleOptions.find((option) => option.permission.allowed);
  if (allowed) store.dispatch({ type: 'setNewRole', role: allowed.role.name });
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

/** The dialog's working part once the asset and the actor are known: invite, list, preview, save. */
export function SharingEditor({ assetType, asset, account }: SharingEditorProps) {
  const { client, messages, now } = useShareDialogConfig();
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
        listComplete
          ? guardRelevantGrants(assetType, draftGrants(draft, assetType, grants, now()))
          : undefined,
      [listComplete, assetType, draft, grants, now],
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
      setExpiry: (grant, expiresAt) => store.dispatch({ type: 'setGrantExpiry', grant, expiresAt }),
      undoExpiry: (principalId) => store.dispatch({ type: 'undoGrant', principalId, change: 'expiresAt' }),
    }),
    [store],
  );

  // --- Impact preview of the draft, once it rests.
  const impact = useImpactPreview({ client, now, store, assetType, assetId: asset.id, draft, lookup });

  // --- Save: one PATCH against the version the list was read at; never twice at once.
  const [announcement, setAnnouncement] = useState('');
  const listNow = useRef<ListSnapshot | null>(null);
  listNow.current = {
    data: listQuery.data,
    queryKey: listOptions.queryKey,
    complete: listComplete,
    lookup,
    names: namesById,
  };
  const readList = useCallback(() => listNow.current as ListSnapshot, []);

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

  const onSaved = useCallback(
    (added: readonly string[]) => {
      resetDraft();
      setAnnouncement(added.length > 0 ? messages.announceShared(added) : messages.announceSaved);
      focusFirstField();
    },
    [resetDraft, messages, focusFirstField],
  );
  const { submit, saving, slow, cancel, failure, setFailure } = useSaveDraft({
    client,
    now,
    store,
    form,
    assetType,
    assetId: asset.id,
    list: readList,
    onSaved,
  });

  useLayoutEffect(() => {
    if (failure) alertRef.current?.focus();
  }, [failure]);

  // New recipients whose last day is still to be chosen are not shared with for ever by mistake: ask for the day.
  const submitDraft = useCallback(() => {
    if (!awaitsExpiryDate(store.getState().draft)) return submit();
    bodyRef.current?.querySelector<HTMLElement>('[data-slot="access-expires-date"]')?.focus();
  }, [store, submit]);

  useEffect(() => {
    if (pending) setAnnouncement('');
    else setFailure((shown) => (shown?.kind === 'rejected' ? null : shown));
  }, [pending, setFailure]);

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
            actor={actor}
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
          <ImpactPreview preview={impact.preview} checking={impact.checking} failed={impact.failed} />
        ) : null}
        <p role="status" className="sw-footer__status">
          {saving ? (slow ? messages.savingSlow : messages.saving) : announcement}
        </p>
        <div className="sw-footer__actions">
          {slow ? <Button onClick={cancel}>{messages.cancelSave}</Button> : null}
          <Dialog.Close asChild>
            <Button>{messages.cancel}</Button>
          </Dialog.Close>
          <Button variant="primary" disabled={!pending || saving} pending={saving} onClick={submitDraft}>
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
