import { isOwnerRole } from '../../sharing/asset-types.ts';
import type { RoleOption } from '../../sharing/capabilities.ts';
import type { Grant } from '../../sharing/types.ts';
import { useSharedWithRows, useSharingEditor } from '../editor-context.ts';
import { useShareDialogConfig } from '../share-dialog-provider.tsx';
import { Button } from '../ui/button.tsx';
import { RemoveUserIcon, UndoIcon } from '../ui/icons.tsx';
import { idList } from '../ui/id-list.ts';
import { Select } from '../ui/select.tsx';
import type { ControlState, RowJudgement } from './row-judgement.ts';

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
export function RowRoleSelect(props: {
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

/** `Allow sharing for <name>` and `Can use data for <name>`, where the asset type has them (an owner's is always on). */
export function RowFlags(props: { grant: Grant; draftGrant: Grant; name: string; judged: RowJudgement }) {
  const { grant, draftGrant, name, judged } = props;
  const { messages } = useShareDialogConfig();
  const { assetType } = useSharingEditor();
  const { actions } = useSharedWithRows();
  const { allowSharing, canUseData } = assetType.options;
  if (!allowSharing && !canUseData) return null;
  return (
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
  );
}

/** `Undo changes for <name>` once the grant has pending changes, else `Remove access for <name>`. */
export function RowUndoOrRemove(props: {
  grant: Grant;
  name: string;
  edited: boolean;
  remove: ControlState;
}) {
  const { grant, name, edited, remove } = props;
  const { messages } = useShareDialogConfig();
  const { actions } = useSharedWithRows();
  if (edited) {
    return (
      <Button
        size="sm"
        variant="ghost"
        aria-label={messages.undoChangesFor(name)}
        onClick={() => actions.undo(grant.principalId)}
      >
        <UndoIcon />
        <span aria-hidden="true">{messages.undo}</span>
      </Button>
    );
  }
  return (
    <Button
      size="icon"
      aria-label={messages.removeAccessFor(name)}
      disabled={remove.disabled}
      aria-describedby={idList(remove.reasonId)}
      onClick={() => actions.remove(grant)}
    >
      <RemoveUserIcon />
    </Button>
  );
}
