import { memo, useCallback, useId, useMemo } from 'react';
import { type UseFormReturn, useFormState, useWatch } from 'react-hook-form';
import type { LinkedInputItem } from '../../api/contract.ts';
import { findRole } from '../../sharing/asset-types.ts';
import {
  newRecipientExpiryPermission,
  newRecipientOptionPermissions,
  type RoleOption,
} from '../../sharing/capabilities.ts';
import { hasUnsavedInput, type RecipientSummary } from '../../sharing/draft.ts';
import { MAX_NOTE_LENGTH } from '../../sharing/policy.ts';
import type { ActorStanding, AssetTypeConfig, Permission } from '../../sharing/types.ts';
import { type DialogState, type DialogStore, useDialogState } from '../dialog-store.ts';
import { type InviteFormValues, inviteValuesOf } from '../invite-form.ts';
import { RecipientSearch } from '../recipient-search/recipient-search.tsx';
import { useShareDialogConfig } from '../share-dialog-provider.tsx';
import { CheckboxField } from '../ui/checkbox-field.tsx';
import { Hint } from '../ui/hint.tsx';
import { Select } from '../ui/select.tsx';
import { Textarea } from '../ui/textarea.tsx';
import { AccessExpiresField } from './access-expires-field.tsx';

/** Props of {@link InviteSection}. */
export interface InviteSectionProps {
  assetType: AssetTypeConfig;
  actor: ActorStanding;
  store: DialogStore;
  form: UseFormReturn<InviteFormValues>;
  /** Whether the actor may share at all (R7). */
  sharing: Permission;
  /** The id of the visible sentence that says why sharing is not allowed, when it is not. */
  sharingReasonId: string;
  /** The roles new recipients may get, each with whether the actor may grant it. */
  roleOptions: readonly RoleOption[];
  /** The id of the visible list of roles the actor may not grant, and why. */
  roleReasonsId: string;
  linkedInputs: readonly LinkedInputItem[];
}

const selectAdditions = (state: DialogState) => state.draft.additions;
const selectSaveErrors = (state: DialogState) => state.saveErrors;
const selectPreviewErrors = (state: DialogState) => state.previewErrors;
const selectHasUnsavedInput = (state: DialogState) => hasUnsavedInput(state.draft);

type Refusal = Extract<Permission, { allowed: false }>;

/** Roles that cannot be granted, grouped by the sentence that says why (most share one). */
function groupByReason(options: readonly RoleOption[], reasonOf: (refusal: Refusal) => string) {
  const groups = new Map<string, RoleOption['role'][]>();
  for (const option of options) {
    if (option.permission.allowed) continue;
    const reason = reasonOf(option.permission);
    groups.set(reason, [...(groups.get(reason) ?? []), option.role]);
  }
  return [...groups].map(([reason, roles]) => ({ reason, roles }));
}

function refusalOf(permission: Permission): Refusal | null {
  return permission.allowed ? null : permission;
}

/** Who to add, at which role, with which options, and what goes with the save (note, notification, lineage). */
export const InviteSection = memo(function InviteSection({
  assetType,
  actor,
  store,
  form,
  sharing,
  sharingReasonId,
  roleOptions,
  roleReasonsId,
  linkedInputs,
}: InviteSectionProps) {
  const { messages, roleLabel } = useShareDialogConfig();
  const id = useId();
  const { options } = assetType;
  const { register, setValue, control } = form;
  const formState = useFormState({ control, name: 'note' });

  const additions = useDialogState(store, selectAdditions);
  const saveErrors = useDialogState(store, selectSaveErrors);
  const previewErrors = useDialogState(store, selectPreviewErrors);
  // A note, a notification and lineage go with a save: they appear once there is something to save.
  const showSaveOptions = useDialogState(store, selectHasUnsavedInput);
  const selected = useMemo<RecipientSummary[]>(
    () => additions.map((addition) => addition.principal),
    [additions],
  );
  const chipErrors = useMemo(() => ({ ...previewErrors, ...saveErrors }), [previewErrors, saveErrors]);

  const onAdd = useCallback(
    (recipients: RecipientSummary[]) => store.dispatch({ type: 'addRecipients', recipients }),
    [store],
  );
  const onRemove = useCallback(
    (principalId: string) => store.dispatch({ type: 'removeRecipient', id: principalId }),
    [store],
  );

  // The draft adjusts the options to the role (owners share and use the data); the form shows what it decided.
  const syncFromDraft = useCallback(() => {
    const values = inviteValuesOf(store.getState().draft);
    setValue('allowSharing', values.allowSharing);
    setValue('canUseData', values.canUseData);
  }, [store, setValue]);

  const refusal = refusalOf(sharing);
  const disabled = refusal !== null;
  const sharingReason = refusal ? messages.reason(refusal) : undefined;

  const newRole = useWatch({ control, name: 'newRole' });
  const note = useWatch({ control, name: 'note' });
  const role = findRole(assetType, newRole);
  const optionPermissions = role ? newRecipientOptionPermissions(assetType, actor, role) : null;
  const allowSharingRefusal = optionPermissions ? refusalOf(optionPermissions.allowSharing) : null;
  const canUseDataRefusal = optionPermissions ? refusalOf(optionPermissions.canUseData) : null;

  // Sharing not allowed at all (R7) is said once, in the banner; the list names the roles refused for other reasons.
  const unavailableRoles = roleOptions.filter(
    (option) => !option.permission.allowed && option.permission.code !== 'SHARING_NOT_ALLOWED',
  );
  const roleDescribedBy = [
    disabled ? sharingReasonId : null,
    unavailableRoles.length > 0 ? roleReasonsId : null,
  ]
    .filter(Boolean)
    .join(' ');

  const noteLength = note.length;
  const noteError = formState.errors.note?.message;
  const noteCounterId = `${id}-note-counter`;
  const noteErrorId = `${id}-note-error`;

  const describedByFor = (own: Refusal | null, ownId: string) =>
    own ? (own.code === 'SHARING_NOT_ALLOWED' ? sharingReasonId : ownId) : undefined;

  return (
    <section className="sw-section sw-invite">
      {refusal ? (
        <Hint id={sharingReasonId} tone="locked" className="sw-banner">
          {sharingReason}
        </Hint>
      ) : null}
      <RecipientSearch
        assetType={assetType}
        selected={selected}
        onAdd={onAdd}
        onRemove={onRemove}
        errorsByPrincipalId={chipErrors}
        disabled={disabled}
        describedBy={disabled ? sharingReasonId : undefined}
        messages={messages.recipientSearch}
      />

      <div className="sw-invite__row">
        <div className="sw-role-field">
          <label className="sw-field-label" htmlFor={`${id}-role`}>
            {messages.role}
          </label>
          <Select
            id={`${id}-role`}
            disabled={disabled}
            aria-describedby={roleDescribedBy || undefined}
            {...register('newRole', {
              onChange: (event: { target: { value: string } }) => {
                store.dispatch({ type: 'setNewRole', role: event.target.value });
                syncFromDraft();
              },
            })}
          >
            {roleOptions.map((option) => (
              <option key={option.role.name} value={option.role.name} disabled={!option.permission.allowed}>
                {roleLabel(assetType, option.role)}
              </option>
            ))}
          </Select>
        </div>
        {options.expiry ? (
          <AccessExpiresField
            assetType={assetType}
            store={store}
            permission={role ? newRecipientExpiryPermission(assetType, actor, role) : sharing}
            roleLevel={role?.level ?? null}
            sharingReasonId={disabled ? sharingReasonId : undefined}
          />
        ) : null}
        {options.allowSharing ? (
          <CheckboxField
            label={messages.allowSharing}
            disabled={allowSharingRefusal !== null}
            description={
              allowSharingRefusal && allowSharingRefusal.code !== 'SHARING_NOT_ALLOWED'
                ? messages.reason(allowSharingRefusal)
                : undefined
            }
            descriptionId={`${id}-allow-sharing-reason`}
            aria-describedby={describedByFor(allowSharingRefusal, `${id}-allow-sharing-reason`)}
            {...register('allowSharing', {
              onChange: (event: { target: { checked: boolean } }) =>
                store.dispatch({ type: 'setNewFlag', flag: 'canShare', value: event.target.checked }),
            })}
          />
        ) : null}
        {options.canUseData ? (
          <CheckboxField
            label={messages.canUseData}
            disabled={canUseDataRefusal !== null}
            description={
              canUseDataRefusal && canUseDataRefusal.code !== 'SHARING_NOT_ALLOWED'
                ? messages.reason(canUseDataRefusal)
                : undefined
            }
            descriptionId={`${id}-can-use-data-reason`}
            aria-describedby={describedByFor(canUseDataRefusal, `${id}-can-use-data-reason`)}
            {...register('canUseData', {
              onChange: (event: { target: { checked: boolean } }) =>
                store.dispatch({ type: 'setNewFlag', flag: 'canUseData', value: event.target.checked }),
            })}
          />
        ) : null}
      </div>
      {unavailableRoles.length > 0 ? (
        <Hint id={roleReasonsId} tone="locked">
          {groupByReason(unavailableRoles, (refusal) => messages.reason(refusal))
            .map(({ reason, roles }) =>
              messages.roleUnavailable(
                roles.map((role) => roleLabel(assetType, role)),
                reason,
              ),
            )
            .join(' ')}
        </Hint>
      ) : null}

      {showSaveOptions && options.note ? (
        <div className="sw-note">
          <div className="sw-note__head">
            <label className="sw-field-label" htmlFor={`${id}-note`}>
              {messages.addNote}
            </label>
            <span id={noteCounterId} className="sw-note__counter" data-over={noteLength > MAX_NOTE_LENGTH}>
              {messages.noteCounter(noteLength, MAX_NOTE_LENGTH)}
            </span>
          </div>
          <Textarea
            id={`${id}-note`}
            rows={1}
            placeholder={messages.notePlaceholder}
            disabled={disabled}
            aria-invalid={noteError ? true : undefined}
            aria-describedby={[
              noteCounterId,
              noteError ? noteErrorId : null,
              disabled ? sharingReasonId : null,
            ]
              .filter(Boolean)
              .join(' ')}
            {...register('note', {
              onChange: (event: { target: { value: string } }) =>
                store.dispatch({ type: 'setNote', note: event.target.value }),
            })}
          />
          {noteError ? (
            <Hint id={noteErrorId} tone="danger">
              {noteError}
            </Hint>
          ) : null}
        </div>
      ) : null}

      {showSaveOptions && (options.notify || options.lineage) ? (
        <div className="sw-invite__row">
          {options.notify ? (
            <CheckboxField
              label={messages.sendNotification}
              disabled={disabled}
              aria-describedby={disabled ? sharingReasonId : undefined}
              {...register('sendNotification', {
                onChange: (event: { target: { checked: boolean } }) =>
                  store.dispatch({ type: 'setSendNotification', value: event.target.checked }),
              })}
            />
          ) : null}
          {options.lineage ? (
            <CheckboxField
              label={messages.shareWithLineage}
              disabled={disabled}
              description={`${messages.lineageHint(linkedInputs.map((input) => input.name))} ${messages.lineageResetHint}`}
              descriptionId={`${id}-lineage-hint`}
              aria-describedby={[`${id}-lineage-hint`, disabled ? sharingReasonId : null]
                .filter(Boolean)
                .join(' ')}
              {...register('shareWithLineage', {
                onChange: (event: { target: { checked: boolean } }) =>
                  store.dispatch({ type: 'setShareWithLineage', value: event.target.checked }),
              })}
            />
          ) : null}
        </div>
      ) : null}
    </section>
  );
});
