import { useQuery } from '@tanstack/react-query';
import { memo, useId, useMemo } from 'react';
import type { SharedRole } from '../../api/contract.ts';
import { accessQueryOptions } from '../../api/get-access.ts';
import { isOwnerRole } from '../../sharing/asset-types.ts';
import type { RoleOption } from '../../sharing/capabilities.ts';
import { grantCapabilities } from '../../sharing/capabilities.ts';
import type { GrantEdit } from '../../sharing/draft.ts';
import type { Grant, Permission } from '../../sharing/types.ts';
import { useEntryMessage, useGrantEdit } from '../dialog-store.ts';
import { useSharedWithRows, useSharingEditor } from '../editor-context.ts';
import { displayNameOf } from '../grant-of.ts';
import type { ShareDialogMessages } from '../messages.ts';
import { useShareDialogConfig } from '../share-dialog-provider.tsx';
import { Avatar } from '../ui/avatar.tsx';
import { Badge } from '../ui/badge.tsx';
import { Button } from '../ui/button.tsx';
import { RemoveUserIcon, UndoIcon } from '../ui/icons.tsx';
import { idList } from '../ui/id-list.ts';
import { Select } from '../ui/select.tsx';
import { RowNotes } from './row-notes.tsx';
import { rowReasons } from './row-reasons.ts';

/** Props of {@link SharedWithRow}: one entry, where it sits, and how the list measures it. */
export interface SharedWithRowProps {
  entry: SharedRole;
  /** The entry as the domain sees it. */
  grant: Grant;
  /** Position in the whole list (0-based) and the list's full length, for `aria-posinset`/`aria-setsize`. */
  index: number;
  setSize: number;
  /** Offset from the top of the list, in pixels. */
  start: number;
  measureRef(element: HTMLLIElement | null): void;
}

function refusalOf(permission: Permission): Extract<Permission, { allowed: false }> | null {
  return permission.allowed ? null : permission;
}

/** The grant as the draft would leave it. */
function editedGrant(grant: Grant, edit: GrantEdit | undefined): Grant {
  if (!edit) return grant;
  return {
    ...grant,
    role: edit.role ?? grant.role,
    canShare: edit.canShare ?? grant.canShare,
    canUseData: edit.canUseData ?? grant.canUseData,
  };
}

/** A control's state: whether it is disabled, and the id of the sentence that says why. */
interface ControlState {
  disabled: boolean;
  reasonId: string | null;
}

/**
 * What the actor may do to the grant (options judged as the draft would leave it: a grant made Owner in the draft
 * always uses the data), and the sentence each disabled control points at. A removed grant's controls point at
 * its "Will lose access" badge.
 */
function useRowJudgement(grant: Grant, edit: GrantEdit | undefined, rowId: string) {
  const { messages } = useShareDialogConfig();
  const { assetType, actor } = useSharingEditor();
  const { guardList, sharingReasonId, roleReasonsId } = useSharedWithRows();
  const draftGrant = useMemo(() => editedGrant(grant, edit), [grant, edit]);
  const capabilities = useMemo(
    () => grantCapabilities(assetType, actor, grant, guardList),
    [assetType, actor, grant, guardList],
  );
  const options = useMemo(
    () => (draftGrant === grant ? capabilities : grantCapabilities(assetType, actor, draftGrant, guardList)),
    [draftGrant, grant, capabilities, assetType, actor, guardList],
  );

  const removed = edit?.remove === true;
  const pendingId = `${rowId}-pending`;
  const reasons = rowReasons(rowId, { sharingReasonId, roleReasonsId }, messages.reason);
  const otherRoles = capabilities.roles.filter((option) => option.role.name !== draftGrant.role);
  const firstRoleRefusal = otherRoles.map((option) => refusalOf(option.permission)).find(Boolean);
  const role: ControlState = {
    disabled: removed || otherRoles.every((option) => !option.permission.allowed),
    reasonId: removed ? pendingId : firstRoleRefusal ? reasons.idFor(firstRoleRefusal) : null,
  };
  const removeRefusal = refusalOf(capabilities.remove);
  const remove: ControlState = {
    disabled: removeRefusal !== null,
    reasonId: removeRefusal ? reasons.idFor(removeRefusal) : null,
  };
  // Options the asset type does not have are not shown, so they need no reason.
  const option = (supported: boolean, permission: Permission): ControlState => {
    const refusal = supported ? refusalOf(permission) : null;
    return {
      disabled: removed || refusal !== null,
      reasonId: removed ? pendingId : refusal && reasons.idFor(refusal),
    };
  };
  const canShare = option(assetType.options.allowSharing, options.allowSharing);
  const canUseData = option(assetType.options.canUseData, options.canUseData);
  return {
    draftGrant,
    removed,
    pendingId,
    roles: capabilities.roles,
    role,
    remove,
    canShare,
    canUseData,
    reasons,
  };
}

/** How the person reaches the asset besides this grant ("Also via group …"), from the backend's explanation. */
function useAccessVia(grant: Grant) {
  const { client } = useShareDialogConfig();
  const { assetType, asset } = useSharingEditor();
  const { explainAccess, organizationVia } = useSharedWithRows();
  const isUser = grant.principalType === 'user';
  const access = useQuery({
    ...accessQueryOptions(client, assetType, asset.id, grant.principalId),
    enabled: explainAccess && isUser,
  });
  return useMemo(() => {
    if (!isUser) return [];
    if (access.data) {
      return access.data.paths
        .filter((path) => path.via !== 'direct')
        .map((path) => ({ kind: path.via as 'group' | 'organization' | 'role', name: path.principalName }));
    }
    return organizationVia ? [{ kind: 'organization' as const, name: organizationVia }] : [];
  }, [isUser, access.data, organizationVia]);
}

/** The line under the name: a user's e-mail; a container's kind and member count. */
function secondaryLine(entry: SharedRole, messages: ShareDialogMessages): string {
  if (entry.shareRecipientType === 'user')
    return entry.userFullName ? entry.name : messages.recipientType.user;
  const kind = messages.recipientType[entry.shareRecipientType];
  return entry.memberCount === undefined ? kind : `${kind} · ${messages.memberCount(entry.memberCount)}`;
}

/** A per-grant option: a checkbox named `<option> for <name>`, its visible label hidden from the name. */
function RowFlag(props: {
  label: string;
  name: string;
  checked: boolean;
  state: ControlState;
  onChange(checked: boolean): void;
}) {
  const { label, name, checked, state, onChange } = props;
  return (
    <label className="sw-check__label">
      <input
        type="checkbox"
        className="sw-check__input"
        aria-label={name}
        checked={checked}
        disabled={state.disabled}
        aria-describedby={idList(state.reasonId)}
        onChange={(event) => onChange(event.target.checked)}
      />
      <span aria-hidden="true">{label}</span>
    </label>
  );
}

/** The row's role picker: the asset type's roles, those the actor may not give disabled (an unknown one kept). */
function RowRoleSelect(props: {
  name: string;
  role: string;
  roles: readonly RoleOption[];
  state: ControlState;
  error: string | null;
  onChange(role: string): void;
}) {
  const { name, role, roles, state, error, onChange } = props;
  const { messages, roleLabel } = useShareDialogConfig();
  const { assetType } = useSharingEditor();
  const known = roles.some((option) => option.role.name === role);
  return (
    <Select
      compact
      aria-label={messages.roleFor(name)}
      value={role}
      disabled={state.disabled}
      aria-describedby={idList(state.reasonId, error)}
      aria-invalid={error ? true : undefined}
      onChange={(event) => onChange(event.target.value)}
    >
      {known ? null : <option value={role}>{role}</option>}
      {roles.map((option) => (
        <option
          key={option.role.name}
          value={option.role.name}
          disabled={option.role.name !== role && !option.permission.allowed}
        >
          {roleLabel(assetType, option.role)}
        </option>
      ))}
    </Select>
  );
}

/** One grant of the list: who, their role and options, and what the actor may change, with the reasons. */
export const SharedWithRow = memo(function SharedWithRow({
  entry,
  grant,
  index,
  setSize,
  start,
  measureRef,
}: SharedWithRowProps) {
  const { messages } = useShareDialogConfig();
  const { assetType, actor, store } = useSharingEditor();
  const { actions } = useSharedWithRows();
  const rowId = useId();
  const edit = useGrantEdit(store, grant.principalId);
  const entryMessage = useEntryMessage(store, grant.principalId);
  const judged = useRowJudgement(grant, edit, rowId);
  const via = useAccessVia(grant);
  const { draftGrant, removed, pendingId } = judged;
  const name = displayNameOf(entry);
  const errorId = `${rowId}-error`;
  const { allowSharing, canUseData } = assetType.options;

  return (
    <li
      ref={measureRef}
      aria-setsize={setSize}
      aria-posinset={index + 1}
      data-index={index}
      data-slot="shared-with-row"
      data-pending={edit ? 'true' : undefined}
      data-removed={removed ? 'true' : undefined}
      data-error={entryMessage ? 'true' : undefined}
      className="sw-row"
      style={{ transform: `translateY(${start}px)` }}
    >
      <Avatar type={grant.principalType} name={name} />
      <div className="sw-row__main">
        <div className="sw-row__title">
          <span className="sw-row__name">{name}</span>
          {grant.principalId === actor.principalId ? <Badge>{messages.you}</Badge> : null}
          {edit ? (
            <Badge id={pendingId} tone={removed ? 'danger' : 'pending'}>
              {removed ? messages.pendingRemoval : messages.pending}
            </Badge>
          ) : null}
        </div>
        <div className="sw-row__secondary">{secondaryLine(entry, messages)}</div>
        {via.length > 0 ? <div className="sw-row__via">{messages.alsoVia(via)}</div> : null}
        {allowSharing || canUseData ? (
          <div className="sw-row__flags">
            {allowSharing ? (
              <RowFlag
                label={messages.allowSharing}
                name={messages.allowSharingFor(name)}
                checked={draftGrant.canShare}
                state={judged.canShare}
                onChange={(checked) => actions.setFlag(grant, 'canShare', checked)}
              />
            ) : null}
            {canUseData ? (
              <RowFlag
                label={messages.canUseData}
                name={messages.canUseDataFor(name)}
                checked={isOwnerRole(assetType, draftGrant.role) || draftGrant.canUseData}
                state={judged.canUseData}
                onChange={(checked) => actions.setFlag(grant, 'canUseData', checked)}
              />
            ) : null}
          </div>
        ) : null}
      </div>
      <div className="sw-row__controls">
        <RowRoleSelect
          name={name}
          role={draftGrant.role}
          roles={judged.roles}
          state={judged.role}
          error={entryMessage ? errorId : null}
          onChange={(role) => actions.setRole(grant, role)}
        />
        {edit ? (
          <Button
            size="sm"
            variant="ghost"
            aria-label={messages.undoChangesFor(name)}
            onClick={() => actions.undo(grant.principalId)}
          >
            <UndoIcon />
            <span aria-hidden="true">{messages.undo}</span>
          </Button>
        ) : (
          <Button
            size="icon"
            aria-label={messages.removeAccessFor(name)}
            disabled={judged.remove.disabled}
            aria-describedby={idList(judged.remove.reasonId)}
            onClick={() => actions.remove(grant)}
          >
            <RemoveUserIcon />
          </Button>
        )}
      </div>
      <RowNotes entryMessage={entryMessage} errorId={errorId} reasons={judged.reasons.own()} />
    </li>
  );
});
