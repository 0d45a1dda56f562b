import { type ReactNode, useCallback, useId, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { Account, Asset } from '../api/contract.ts';
import { findRole } from '../sharing/asset-types.ts';
import {
  canActorShare,
  defaultNewRecipientRole,
  guardRelevantGrants,
  newRecipientRoleOptions,
} from '../sharing/capabilities.ts';
import { type Draft, draftGrants, initialInviteSettings } from '../sharing/draft.ts';
import type { ActorStanding, AssetTypeConfig, Grant } from '../sharing/types.ts';
import { createDialogStore, type DialogState, type DialogStore, useDialogState } from './dialog-store.ts';
import {
  AccessListContext,
  EditorSaveContext,
  type RowActions,
  SharedWithRowsContext,
  type SharedWithRowsValue,
  SharingEditorContext,
  type SharingEditorValue,
} from './editor-context.ts';
import { createGuardListSource, type GuardListSource } from './guard-list-source.ts';
import { type InviteFormValues, useInviteForm, useInviteValue } from './invite-form.ts';
import { DiscardChangesDialog } from './parts/discard-changes-dialog.tsx';
import { useShareDialogConfig } from './share-dialog-provider.tsx';
import { useShareDialogRoot } from './share-dialog-root.tsx';
import { useCloseGuard } from './use-close-guard.ts';
import { useEditorSaveValue } from './use-editor-save-value.ts';
import { type PreviewedInvite, useImpactPreview } from './use-impact-preview.ts';
import { useFocusShareWith, useInitialFocus } from './use-initial-focus.ts';
import { type LoadedAccessList, useLoadedAccessList } from './use-loaded-access-list.ts';

/** Props of {@link SharingEditorProvider}: the loaded asset, its type, who is acting, and the parts to show. */
export interface SharingEditorProviderProps {
  assetType: AssetTypeConfig;
  asset: Asset;
  account: Account;
  children?: ReactNode;
}

const selectDraft = (state: DialogState) => state.draft;

/** Whether two lists agree on what the whole-list guards read: who, of which type, owning or sharing. */
function sameForGuards(a: readonly Grant[] | undefined, b: readonly Grant[] | undefined): boolean {
  if (a === b) return true;
  if (!a || !b || a.length !== b.length) return false;
  return a.every((grant, index) => {
    const other = b[index];
    return (
      other !== undefined &&
      grant.principalId === other.principalId &&
      grant.principalType === other.principalType &&
      grant.role === other.role &&
      grant.canShare === other.canShare
    );
  });
}

/**
 * The grants the whole-list guards (R9, R10) judge, as the draft would leave them; judged only on the whole list
 * (on part of it the backend judges). The previous list is kept while the guards would read the same, so rows
 * judged against it do not re-render.
 */
function useGuardList(
  assetType: AssetTypeConfig,
  draft: Draft,
  invite: PreviewedInvite,
  list: LoadedAccessList,
): readonly Grant[] | undefined {
  const { complete, grants } = list;
  const next = useMemo(
    () =>
      complete ? guardRelevantGrants(assetType, draftGrants(draft, invite, assetType, grants)) : undefined,
    [complete, assetType, draft, invite, grants],
  );
  const stable = useRef(next);
  if (!sameForGuards(stable.current, next)) stable.current = next;
  return stable.current;
}

/** The invite settings that change who gets access, as the form holds them now. */
function useWatchedInvite(form: SharingEditorValue['form']): PreviewedInvite {
  const newRole = useInviteValue(form, 'newRole');
  const canShare = useInviteValue(form, 'canShare');
  const canUseData = useInviteValue(form, 'canUseData');
  const shareWithLineage = useInviteValue(form, 'shareWithLineage');
  return useMemo(
    () => ({ newRole, canShare, canUseData, shareWithLineage }),
    [newRole, canShare, canUseData, shareWithLineage],
  );
}

/** The standing parts of the editor: who acts, what they may do, the draft store and the invite form. */
function useEditorValue(assetType: AssetTypeConfig, asset: Asset, account: Account) {
  const id = useId();
  const actor = useMemo<ActorStanding>(
    () => ({
      principalId: account.id,
      level: findRole(assetType, asset.yourRole)?.level ?? 0,
      canShare: asset.canShare,
    }),
    [account.id, assetType, asset.yourRole, asset.canShare],
  );
  const initialInvite = useCallback(
    (): InviteFormValues => initialInviteSettings(assetType, defaultNewRecipientRole(assetType, actor).name),
    [assetType, actor],
  );
  const [store] = useState(createDialogStore);
  const form = useInviteForm(initialInvite());
  const value = useMemo<SharingEditorValue>(
    () => ({
      assetType,
      asset,
      account,
      actor,
      sharing: canActorShare(assetType, actor),
      roleOptions: newRecipientRoleOptions(assetType, actor),
      store,
      form,
      ids: {
        sharingReason: `${id}-sharing-reason`,
        roleReasons: `${id}-role-reasons`,
        listTitle: `${id}-list`,
      },
    }),
    [assetType, asset, account, actor, store, form, id],
  );
  return { value, initialInvite };
}

/** The guard list as a source the rows subscribe to, given the latest list before the browser paints. */
function useGuardListSource(guardList: readonly Grant[] | undefined): GuardListSource {
  const [source] = useState(() => createGuardListSource(guardList));
  useLayoutEffect(() => source.set(guardList), [source, guardList]);
  return source;
}

/** What every row reads besides its grant: the draft's actions, the guard list, the shared reasons' ids. */
function useRowsValue(
  editor: SharingEditorValue,
  list: LoadedAccessList,
  guards: GuardListSource,
): SharedWithRowsValue {
  const { store, sharing, roleOptions, ids } = editor;
  const actions = useMemo(() => rowActionsOf(store), [store]);
  const rolesAboveOwnLevel = roleOptions.some(
    (option) => !option.permission.allowed && option.permission.code === 'ROLE_ABOVE_OWN_LEVEL',
  );
  const { explainAccess, organizationVia } = list;
  const sharingReasonId = sharing.allowed ? null : ids.sharingReason;
  const roleReasonsId = rolesAboveOwnLevel ? ids.roleReasons : null;
  return useMemo(
    () => ({ actions, guards, explainAccess, organizationVia, sharingReasonId, roleReasonsId }),
    [actions, guards, explainAccess, organizationVia, sharingReasonId, roleReasonsId],
  );
}

function rowActionsOf(store: DialogStore): RowActions {
  return {
    setRole: (grant, role) => store.dispatch({ type: 'setGrantRole', grant, role }),
    setFlag: (grant, flag, value) => store.dispatch({ type: 'setGrantFlag', grant, flag, value }),
    remove: (grant) => store.dispatch({ type: 'removeGrant', grant }),
    undo: (principalId) => store.dispatch({ type: 'undoGrant', principalId }),
  };
}

/**
 * The editor once the asset and the actor are known: the draft store and the invite form, the access list, the
 * impact preview and the save, given to the parts inside it (`ShareDialog.Invite`, `.SharedWith`, `.Footer`, …).
 * Closing with unsaved work asks first.
 */
export function SharingEditorProvider({ assetType, asset, account, children }: SharingEditorProviderProps) {
  const { client, messages } = useShareDialogConfig();
  const root = useShareDialogRoot();
  const { value: editor, initialInvite } = useEditorValue(assetType, asset, account);
  const { store, form } = editor;
  const draft = useDialogState(store, selectDraft);
  const invite = useWatchedInvite(form);
  const list = useLoadedAccessList(client, assetType, asset.id, account.orgId);
  const guards = useGuardListSource(useGuardList(assetType, draft, invite, list));
  const rows = useRowsValue(editor, list, guards);
  const impact = useImpactPreview({
    client,
    store,
    assetType,
    assetId: asset.id,
    draft,
    invite,
    lookup: list.lookup,
  });

  const reset = useCallback(() => {
    store.dispatch({ type: 'reset' });
    form.reset(initialInvite());
  }, [store, form, initialInvite]);
  const focusShareWith = useFocusShareWith(root.contentRef);
  const save = useEditorSaveValue({
    client,
    messages,
    store,
    form,
    assetType,
    assetId: asset.id,
    list: list.snapshot,
    impact,
    reset,
    focusShareWith,
  });
  const closeGuard = useCloseGuard({
    guardRef: root.closeGuardRef,
    store,
    form,
    reset,
    forceClose: root.forceClose,
  });
  useInitialFocus(root.contentRef);

  return (
    <SharingEditorContext.Provider value={editor}>
      <SharedWithRowsContext.Provider value={rows}>
        <AccessListContext.Provider value={list.value}>
          <EditorSaveContext.Provider value={save}>{children}</EditorSaveContext.Provider>
        </AccessListContext.Provider>
      </SharedWithRowsContext.Provider>
      <DiscardChangesDialog
        open={closeGuard.confirmOpen}
        onKeepEditing={closeGuard.keepEditing}
        onDiscard={closeGuard.discard}
      />
    </SharingEditorContext.Provider>
  );
}
