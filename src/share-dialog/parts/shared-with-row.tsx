import { useQuery } from '@tanstack/react-query';
import { memo, useId, useMemo } from 'react';
import type { SharedRole } from '../../api/contract.ts';
import { accessQueryOptions } from '../../api/get-access.ts';
import { isOwnerRole } from '../../sharing/asset-types.ts';
import { grantCapabilities } from '../../sharing/capabilities.ts';
import type { GrantFlag } from '../../sharing/draft.ts';
import type { ActorStanding, AssetTypeConfig, Grant, Permission } from '../../sharing/types.ts';
import { type DialogStore, useEntryMessage, useGrantEdit } from '../dialog-store.ts';
import { displayNameOf } from '../grant-of.ts';
import { useShareDialogConfig } from '../share-dialog-provider.tsx';
import { Avatar } from '../ui/avatar.tsx';
import { Badge } from '../ui/badge.tsx';
import { Button } from '../ui/button.tsx';
import { Hint } from '../ui/hint.tsx';
import { RemoveUserIcon, UndoIcon } from '../ui/icons.tsx';
import { Select } from '../ui/select.tsx';
import { GrantExpiry } from './grant-expiry.tsx';

/** What a row can ask the draft to do; one stable object for every row. */
export interface RowActions {
  setRole(grant: Grant, role: string): void;
  setFlag(grant: Grant, flag: GrantFlag, value: boolean): void;
  remove(grant: Grant): void;
  undo(principalId: string): void;
  /** Sets, moves (an RFC 3339 instant) or clears (null) when a grant ends. */
  setExpiry(grant: Grant, expiresAt: string | null): void;
  /** Undoes a grant's pending end alone. */
  undoExpiry(principalId: string): void;
}

/** Props of {@link SharedWithRow}. Every prop but `start` and `index` stays the same while another row changes. */
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
  assetType: AssetTypeConfig;
  assetId: string;
  actor: ActorStanding;
  /** The grants the whole-list guards (R9, R10) look at, as the draft would leave them; none when not all loaded. */
  guardList: readonly Grant[] | undefined;
  store: DialogStore;
  actions: RowActions;
  /** Whether to ask the backend why a user has access (only worth it when groups or roles are on the list). */
  explainAccess: boolean;
  /** The name of an organization grant that reaches every user on the list, if any. */
  organizationVia: string | null;
  /** Ids of the visible sentences shared by every row: why sharing is not allowed (R7), why roles are not offered (R5). */
  sharingReasonId: string | null;
  roleReasonsId: string | null;
}

type Refusal = Extract<Permission, { allowed: false }>;

/** One grant of the list: who, their role and options, and what the actor may change, with the reasons. */
export const SharedWithRow = memo(function SharedWithRow({
  entry,
  grant,
  index,
  setSize,
  start,
  measureRef,
  assetType,
  assetId,
  actor,
  guardList,
  store,
  actions,
  explainAccess,
  organizationVia,
  sharingReasonId,
  roleReasonsId,
}: SharedWithRowProps) {
  const { client, messages, roleLabel } = useShareDialogConfig();
  const rowId = useId();
  const edit = useGrantEdit(store, grant.principalId);
  const entryMessage = useEntryMessage(store, grant.principalId);

  const name = displayNameOf(entry);
  const isSelf = grant.principalId === actor.principalId;
  const isUser = grant.principalType === 'user';
  const removed = edit?.remove === true;

  const capabilities = useMemo(
    () => grantCapabilities(assetType, actor, grant, guardList),
    [assetType, actor, grant, guardList],
  );
  const draftGrant = useMemo<Grant>(
    () =>
      edit
        ? {
            ...grant,
            role: edit.role ?? grant.role,
            canShare: edit.canShare ?? grant.canShare,
            canUseData: edit.canUseData ?? grant.canUseData,
          }
        : grant,
    [grant, edit],
  );
  // Options are judged as the draft would leave the grant: a grant made Owner in the draft always uses the data.
  const optionCapabilities = useMemo(
    () => (draftGrant === grant ? capabilities : grantCapabilities(assetType, actor, draftGrant, guardList)),
    [draftGrant, grant, capabilities, assetType, actor, guardList],
  );
  const draftIsOwner = isOwnerRole(assetType, draftGrant.role);

  const access = useQuery({
    ...accessQueryOptions(client, assetType, assetId, grant.principalId),
    enabled: explainAccess && isUser,
  });
  const via = useMemo(() => {
    if (!isUser) return [];
    if (access.data) {
      return access.data.paths
        .filter((path) => path.via !== 'direct')
        .map((path) => ({ kind: path.via as 'group' | 'organization' | 'role', name: path.principalName }));
    }
    return organizationVia ? [{ kind: 'organization' as const, name: organizationVia }] : [];
  }, [isUser, access.data, organizationVia]);

  // Every disabled control points at a visible sentence: shared ones for R7 and R5, the row's own otherwise.
  const localReasons = new Map<string, string>();
  const reasonIdFor = (refusal: Refusal): string => {
    if (refusal.code === 'SHARING_NOT_ALLOWED' && sharingReasonId) return sharingReasonId;
    if (refusal.code === 'ROLE_ABOVE_OWN_LEVEL' && roleReasonsId) return roleReasonsId;
    const text = messages.reason(refusal);
    const known = [...localReasons.entries()].find(([, value]) => value === text)?.[0];
    if (known) return known;
    const id = `${rowId}-reason-${localReasons.size}`;
    localReasons.set(id, text);
    return id;
  };

  const pendingId = `${rowId}-pending`;
  const errorId = `${rowId}-error`;
  const describedBy = (...ids: (string | null | undefined | false)[]) =>
    ids.filter(Boolean).join(' ') || undefined;

  const otherRoleOptions = capabilities.roles.filter((option) => option.role.name !== draftGrant.role);
  const roleLocked = removed || otherRoleOptions.every((option) => !option.permission.allowed);
  const firstRoleRefusal = otherRoleOptions.find((option) => !option.permission.allowed)?.permission as
    | Refusal
    | undefined;
  const roleReasonId = removed ? pendingId : firstRoleRefusal ? reasonIdFor(firstRoleRefusal) : null;
  const knownRole = assetType.roles.some((role) => role.name === draftGrant.role);

  const removeRefusal = capabilities.remove.allowed ? null : capabilities.remove;
  // Options the asset type does not have are not shown, so they need no reason.
  const allowSharingRefusal =
    !assetType.options.allowSharing || optionCapabilities.allowSharing.allowed
      ? null
      : optionCapabilities.allowSharing;
  const canUseDataRefusal =
    !assetType.options.canUseData || optionCapabilities.canUseData.allowed
      ? null
      : optionCapabilities.canUseData;
  const removeReasonId = removeRefusal ? reasonIdFor(removeRefusal) : null;
  const allowSharingReasonId = removed
    ? pendingId
    : allowSharingRefusal
      ? reasonIdFor(allowSharingRefusal)
      : null;
  const canUseDataReasonId = removed ? pendingId : canUseDataRefusal ? reasonIdFor(canUseDataRefusal) : null;
  // An owner's row says itself why its access never ends; other refusals join the row's reasons.
  const expiryRefusal = optionCapabilities.expiry.allowed ? null : optionCapabilities.expiry;
  const expiryReasonId = removed
    ? pendingId
    : expiryRefusal && !draftIsOwner
      ? reasonIdFor(expiryRefusal)
      : null;

  const secondary = isUser
    ? entry.userFullName
      ? entry.name
      : messages.recipientType.user
    : entry.memberCount === undefined
      ? messages.recipientType[grant.principalType]
      : `${messages.recipientType[grant.principalType]} · ${messages.memberCount(entry.memberCount)}`;

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
          {isSelf ? <Badge>{messages.you}</Badge> : null}
          {edit ? (
            <Badge id={pendingId} tone={removed ? 'danger' : 'pending'}>
              {removed ? messages.pendingRemoval : messages.pending}
            </Badge>
          ) : null}
        </div>
        <div className="sw-row__secondary">{secondary}</div>
        {via.length > 0 ? <div className="sw-row__via">{messages.alsoVia(via)}</div> : null}
        {assetType.options.allowSharing || assetType.options.canUseData ? (
          <div className="sw-row__flags">
            {assetType.options.allowSharing ? (
              <label className="sw-check__label">
                <input
                  type="checkbox"
                  className="sw-check__input"
                  aria-label={messages.allowSharingFor(name)}
                  checked={draftGrant.canShare}
                  disabled={removed || allowSharingRefusal !== null}
                  aria-describedby={describedBy(allowSharingReasonId)}
                  onChange={(event) => actions.setFlag(grant, 'canShare', event.target.checked)}
                />
                <span aria-hidden="true">{messages.allowSharing}</span>
              </label>
            ) : null}
            {assetType.options.canUseData ? (
              <label className="sw-check__label">
                <input
                  type="checkbox"
                  className="sw-check__input"
                  aria-label={messages.canUseDataFor(name)}
                  checked={draftIsOwner || draftGrant.canUseData}
                  disabled={removed || canUseDataRefusal !== null}
                  aria-describedby={describedBy(canUseDataReasonId)}
                  onChange={(event) => actions.setFlag(grant, 'canUseData', event.target.checked)}
                />
                <span aria-hidden="true">{messages.canUseData}</span>
              </label>
            ) : null}
          </div>
        ) : null}
        {assetType.options.expiry ? (
          <GrantExpiry
            grant={grant}
            edit={edit}
            name={name}
            permission={optionCapabilities.expiry}
            ownerLevel={draftIsOwner}
            reasonId={expiryReasonId}
            removed={removed}
            setExpiry={actions.setExpiry}
            undoExpiry={actions.undoExpiry}
          />
        ) : null}
      </div>
      <div className="sw-row__controls">
        <Select
          compact
          aria-label={messages.roleFor(name)}
          value={draftGrant.role}
          disabled={roleLocked}
          aria-describedby={describedBy(roleReasonId, entryMessage && errorId)}
          aria-invalid={entryMessage ? true : undefined}
          onChange={(event) => actions.setRole(grant, event.target.value)}
        >
          {knownRole ? null : <option value={draftGrant.role}>{draftGrant.role}</option>}
          {capabilities.roles.map((option) => (
            <option
              key={option.role.name}
              value={option.role.name}
              disabled={option.role.name !== draftGrant.role && !option.permission.allowed}
            >
              {roleLabel(assetType, option.role)}
            </option>
          ))}
        </Select>
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
            disabled={removeRefusal !== null}
            aria-describedby={describedBy(removeReasonId)}
            onClick={() => actions.remove(grant)}
          >
            <RemoveUserIcon />
          </Button>
        )}
      </div>
      {entryMessage || localReasons.size > 0 ? (
        <div className="sw-row__notes">
          {entryMessage ? (
            <Hint id={errorId} tone="danger">
              {entryMessage}
            </Hint>
          ) : null}
          {[...localReasons.entries()].map(([id, text]) => (
            <Hint key={id} id={id} tone="locked">
              {text}
            </Hint>
          ))}
        </div>
      ) : null}
    </li>
  );
});
