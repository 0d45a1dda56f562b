import { useId } from 'react';
import { findRole } from '../../sharing/asset-types.ts';
import { newRecipientOptionPermissions, type RoleOption } from '../../sharing/capabilities.ts';
import type { Permission } from '../../sharing/types.ts';
import { useSharingEditor } from '../editor-context.ts';
import { applyRoleOptions, useInviteValue } from '../invite-form.ts';
import { useShareDialogConfig } from '../share-dialog-provider.tsx';
import { CheckboxField } from '../ui/checkbox-field.tsx';
import { Hint } from '../ui/hint.tsx';
import { idList } from '../ui/id-list.ts';
import { Select } from '../ui/select.tsx';

type Refusal = Extract<Permission, { allowed: false }>;

function refusalOf(permission: Permission | undefined): Refusal | null {
  return permission && !permission.allowed ? permission : null;
}

/** Roles that cannot be granted, grouped by the sentence that says why (most share one). */
function groupByReason(options: readonly RoleOption[], reasonOf: (refusal: Refusal) => string) {
  const groups = new Map<string, RoleOption['role'][]>();
  for (const option of options) {
    const refusal = refusalOf(option.permission);
    if (!refusal) continue;
    const reason = reasonOf(refusal);
    groups.set(reason, [...(groups.get(reason) ?? []), option.role]);
  }
  return [...groups].map(([reason, roles]) => ({ reason, roles }));
}

/** One option of the new recipients (`Allow sharing`, `Can use data`), disabled with its reason when refused. */
function NewRecipientFlag(props: {
  name: 'canShare' | 'canUseData';
  label: string;
  refusal: Refusal | null;
}) {
  const { name, label, refusal } = props;
  const { messages } = useShareDialogConfig();
  const { form, ids } = useSharingEditor();
  const reasonId = useId();
  // Sharing not allowed at all (R7) is said once, in the banner; other reasons under the option itself.
  const ownReason = refusal && refusal.code !== 'SHARING_NOT_ALLOWED' ? messages.reason(refusal) : undefined;
  return (
    <CheckboxField
      label={label}
      disabled={refusal !== null}
      description={ownReason}
      descriptionId={reasonId}
      aria-describedby={refusal ? (ownReason ? reasonId : ids.sharingReason) : undefined}
      {...form.register(name)}
    />
  );
}

/**
 * What new recipients get: the `Role` picker (roles the actor may not grant disabled, and listed with the reason
 * under it) and, where the asset type has them, `Allow sharing` and `Can use data`, which follow the role.
 */
export function NewRecipientOptions() {
  const { messages, roleLabel } = useShareDialogConfig();
  const { assetType, actor, form, sharing, roleOptions, ids } = useSharingEditor();
  const roleId = useId();
  const newRole = useInviteValue(form, 'newRole');
  const role = findRole(assetType, newRole);
  const permissions = role ? newRecipientOptionPermissions(assetType, actor, role) : null;
  // Sharing not allowed at all (R7) is said once, in the banner; the list names the roles refused for other reasons.
  const unavailableRoles = roleOptions.filter(
    (option) => !option.permission.allowed && option.permission.code !== 'SHARING_NOT_ALLOWED',
  );
  const reasons = groupByReason(unavailableRoles, messages.reason).map(({ reason, roles }) =>
    messages.roleUnavailable(
      roles.map((unavailable) => roleLabel(assetType, unavailable)),
      reason,
    ),
  );

  return (
    <>
      <div className="sw-invite__row">
        <div className="sw-role-field">
          <label className="sw-field-label" htmlFor={roleId}>
            {messages.role}
          </label>
          <Select
            id={roleId}
            disabled={!sharing.allowed}
            aria-describedby={idList(
              !sharing.allowed && ids.sharingReason,
              reasons.length > 0 && ids.roleReasons,
            )}
            {...form.register('newRole', {
              onChange: (role) => applyRoleOptions(form, assetType, role),
            })}
          >
            {roleOptions.map((option) => (
              <option key={option.role.name} value={option.role.name} disabled={!option.permission.allowed}>
                {roleLabel(assetType, option.role)}
              </option>
            ))}
          </Select>
        </div>
        {assetType.options.allowSharing ? (
          <NewRecipientFlag
            name="canShare"
            label={messages.allowSharing}
            refusal={refusalOf(permissions?.allowSharing)}
          />
        ) : null}
        {assetType.options.canUseData ? (
          <NewRecipientFlag
            name="canUseData"
            label={messages.canUseData}
            refusal={refusalOf(permissions?.canUseData)}
          />
        ) : null}
      </div>
      {reasons.length > 0 ? (
        <Hint id={ids.roleReasons} tone="locked">
          {reasons.join(' ')}
        </Hint>
      ) : null}
    </>
  );
}
