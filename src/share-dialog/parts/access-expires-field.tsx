import { type ChangeEvent, useId, useState } from 'react';
import { expiryInstantPermission, newRecipientExpiryPermission } from '../../sharing/capabilities.ts';
import { awaitsExpiryDate, type NewExpiry } from '../../sharing/draft.ts';
import type { RoleDefinition } from '../../sharing/types.ts';
import { useSharingEditor } from '../editor-context.ts';
import { expiryOfLocalDay, lastDayOf } from '../expiry-dates.ts';
import { useInviteError, useInviteValue } from '../invite-form.ts';
import { useShareDialogConfig } from '../share-dialog-provider.tsx';
import { Hint } from '../ui/hint.tsx';
import { Select } from '../ui/select.tsx';
import { type ExpiryChoice, ExpiryOptions, LastDayInput, presetDays } from './expiry-choice.tsx';

/** Props of {@link AccessExpiresField}. */
export interface AccessExpiresFieldProps {
  /** The role new recipients get; undefined when it is not one of the type's. */
  role: RoleDefinition | undefined;
}

function choiceOf(expiry: NewExpiry): ExpiryChoice {
  if (expiry.kind === 'days') return `days:${expiry.days}`;
  return expiry.kind;
}

/**
 * `Access expires` for new recipients: never, 7, 30 or 90 days after the save, or the last day on a calendar. The
 * invite form holds the choice (field `expiry`); a chosen date is judged by R19 as the person picks it, and a save
 * that adds recipients while the day is still to be chosen stops at the date field.
 */
export function AccessExpiresField({ role }: AccessExpiresFieldProps) {
  const { messages, now } = useShareDialogConfig();
  const { assetType, actor, form, store, sharing, ids } = useSharingEditor();
  const text = messages.expiry;
  const id = useId();
  const permission = role ? newRecipientExpiryPermission(assetType, actor, role) : sharing;
  const refusal = permission.allowed ? null : permission;
  const refusedForSharing = refusal?.code === 'SHARING_NOT_ALLOWED';
  const registered = form.register('expiry', {
    validate: (expiry) =>
      !awaitsExpiryDate(store.getState().draft, { ...form.getValues(), expiry }, assetType) ||
      text.endDateRequired,
  });
  const expiry = useInviteValue(form, 'expiry');
  const error = useInviteError(form, 'expiry');
  const change = (next: NewExpiry) => form.setValue('expiry', next, { check: true });
  // The date field keeps what is typed, even while it names no day yet; the form holds the day once it does.
  const [day, setDay] = useState(() =>
    expiry.kind === 'date' && expiry.expiresAt ? lastDayOf(Date.parse(expiry.expiresAt)) : '',
  );

  const choose = (event: ChangeEvent<HTMLSelectElement>) => {
    const value = event.target.value as ExpiryChoice;
    const days = presetDays(value);
    change(
      days !== null
        ? { kind: 'days', days }
        : value === 'date'
          ? { kind: 'date', expiresAt: expiryOfLocalDay(day) }
          : { kind: 'never' },
    );
  };
  const pickDay = (event: ChangeEvent<HTMLInputElement>) => {
    setDay(event.target.value);
    change({ kind: 'date', expiresAt: expiryOfLocalDay(event.target.value) });
  };

  const choice: ExpiryChoice = refusal ? 'never' : choiceOf(expiry);
  const selectId = `${id}-select`;
  const dateId = `${id}-date`;
  const dateHintId = `${id}-date-hint`;
  const reasonId = `${id}-reason`;
  const instant = now();
  const chosen = expiry.kind === 'date' ? expiry.expiresAt : null;
  // The same rule the backend judges (R19), said the same way, before anyone presses Share.
  const verdict = chosen ? expiryInstantPermission(assetType, chosen, role?.level ?? null, instant) : null;
  const problem = verdict && !verdict.allowed ? verdict : null;
  const dateHint = problem ? messages.reason(problem) : chosen ? text.endDateHint : text.endDateRequired;
  const invalid = problem !== null || error !== undefined;

  return (
    <div className="sw-expiry-field" data-slot="access-expires">
      <label className="sw-field-label" htmlFor={selectId}>
        {text.accessExpires}
      </label>
      <Select
        id={selectId}
        value={choice}
        disabled={refusal !== null}
        aria-describedby={refusal ? (refusedForSharing ? ids.sharingReason : reasonId) : undefined}
        onChange={choose}
      >
        <ExpiryOptions never={text.never} preset={text.afterDays} />
      </Select>
      {refusal && !refusedForSharing ? (
        <Hint id={reasonId} tone="locked">
          {messages.reason(refusal)}
        </Hint>
      ) : null}
      {!refusal && choice === 'date' ? (
        <div className="sw-expiry-field__date">
          <label className="sw-field-label" htmlFor={dateId}>
            {text.endDate}
          </label>
          <LastDayInput
            ref={registered.ref}
            now={instant}
            id={dateId}
            data-slot="access-expires-date"
            required
            value={day}
            aria-invalid={invalid ? true : undefined}
            aria-describedby={dateHintId}
            onChange={pickDay}
          />
          <Hint id={dateHintId} tone={invalid ? 'danger' : 'muted'}>
            {dateHint}
          </Hint>
        </div>
      ) : null}
    </div>
  );
}
