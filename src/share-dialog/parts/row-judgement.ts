import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { accessQueryOptions } from '../../api/get-access.ts';
import { isOwnerRole } from '../../sharing/asset-types.ts';
import type { GrantEdit } from '../../sharing/draft.ts';
import { mayOfferOwnership } from '../../sharing/transfer.ts';
import type { Grant, Permission } from '../../sharing/types.ts';
import { useSharedWithRows, useSharingEditor } from '../editor-context.ts';
import { useGrantVerdict } from '../guard-list-source.ts';
import { useShareDialogConfig } from '../share-dialog-provider.tsx';
import { rowReasons } from './row-reasons.ts';

function refusalOf(permission: Permission): Extract<Permission, { allowed: false }> | null {
  return permission.allowed ? null : permission;
}

/** The grant as the draft would leave it. */
function editedGrant(grant: Grant, edit: GrantEdit | undefined): Grant {
  if (!edit) return grant;
  const { expiresAt: _current, ...rest } = grant;
  const edited: Grant = {
    ...rest,
    role: edit.role ?? grant.role,
    canShare: edit.canShare ?? grant.canShare,
    canUseData: edit.canUseData ?? grant.canUseData,
  };
  const expiresAt = edit.expiresAt === undefined ? grant.expiresAt : edit.expiresAt;
  if (expiresAt) edited.expiresAt = expiresAt;
  return edited;
}

/** A control's state: whether it is disabled, and the id of the sentence that says why. */
export interface ControlState {
  disabled: boolean;
  reasonId: string | null;
}

/**
 * What the actor may do to the grant (options judged as the draft would leave it: a grant made Owner in the draft
 * always uses the data), and the sentence each disabled control points at. A removed grant's controls point at
 * its "Will lose access" badge.
 */
export function useRowJudgement(grant: Grant, edit: GrantEdit | undefined, rowId: string) {
  const { messages } = useShareDialogConfig();
  const { assetType, actor } = useSharingEditor();
  const { guards, sharingReasonId, roleReasonsId, actions } = useSharedWithRows();
  const draftGrant = useMemo(() => editedGrant(grant, edit), [grant, edit]);
  const { current: capabilities, draft: options } = useGrantVerdict(
    guards,
    assetType,
    actor,
    grant,
    draftGrant,
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
  // `Make owner` is offered on a person's unchanged row, to an owner who may give the owner role.
  const offersOwnership =
    actions.makeOwner !== undefined && !edit && mayOfferOwnership(assetType, actor, grant, capabilities);
  // An owner's row says itself why its access never ends (R19); other refusals join the row's reasons.
  const ownerLevel = isOwnerRole(assetType, draftGrant.role);
  const expiryRefusal = refusalOf(options.expiry);
  const expiry: ControlState = {
    disabled: removed || expiryRefusal !== null,
    reasonId: removed ? pendingId : expiryRefusal && !ownerLevel ? reasons.idFor(expiryRefusal) : null,
  };
  return {
    offersOwnership,
    draftGrant,
    removed,
    pendingId,
    roles: capabilities.roles,
    role,
    remove,
    canShare,
    canUseData,
    expiry,
    /** Why the grant, as the draft leaves it, may not end, when it may not (an owner's never does). */
    expiryRefusal,
    ownerLevel,
    reasons,
  };
}

/** What a row shows of the actor's judgement of its grant. */
export type RowJudgement = ReturnType<typeof useRowJudgement>;

/** How the person reaches the asset besides this grant ("Also via group …"), from the backend's explanation. */
export function useAccessVia(grant: Grant) {
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
