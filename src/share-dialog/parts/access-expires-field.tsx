import { type ChangeEvent, useCallback, useId, useState } from 'react';
import { refused } from '../../sharing/capabilities.ts';
import type { NewExpiry } from '../../sharing/draft.ts';
import { EXPIRY_PRESET_DAYS, expiryProblem, MAX_EXPIRY_DAYS } from '../../sharing/expiry.ts';
import type { AssetTypeConfig, Level, Permission } from '../../sharing/types.ts';
import { type DialogState, type DialogStore, useDialogState } from '../dialog-store.ts';
import { endDateBounds, expiryOfLocalDay, lastDayOf } from '../expiry-dates.ts';
import { useShareDialogConfig } from '../share-dialog-provider.tsx';
import { Hint } from '../ui/hint.tsx';
import { Select } from '../ui/select.tsx';

/** Props of {@link AccessExpiresField}. */
export interface AccessExpiresFieldProps {
  assetType: AssetTypeConfig;
  store: DialogStore;
  /** Whether new recipients' access may end at all, given their role (R12, R7; owner access never ends). */
  permission: Permission;
  /** The level of the role new recipients get, null when it is not one of the type's. */
  roleLevel: Level | null;
  /** The id of the visible sentence that says why sharing is not allowed, when it is not. */
  sharingReasonId: string | undefined;
}

const selectNewExpiry = (state: DialogState) => state.draft.newExpiry;

type Choice = 'never' | `days:${number}` | 'date';

function choiceOf(expiry: NewExpiry): Choice {
  if (expiry.kind === 'days') return `days:${expiry.days}`;
  return expiry.kind;
}

/** `Access expires` for new recipients: never, 7, 30 or 90 days after the save, or the last day on a calendar. */
export function AccessExpiresField({
  assetType,
  store,
  permission,
  roleLevel,
  sharingReasonId,
}: AccessExpiresFieldProps) {
  const { messages, now } = useShareDialogConfig();
  const text = messages.expiry;
  const id = useId();
  const expiry = useDialogState(store, selectNewExpiry);
  const refusal = permission.allowed ? null : permission;
  const refusedForSharing = refusal?.code === 'SHARING_NOT_ALLOWED';
  // The date field keeps what is typed, even while it names no day yet; the draft holds the day once it does.
  const [day, setDay] = useState(() =>
    expiry.kind === 'date' && expiry.expiresAt ? lastDayOf(Date.parse(expiry.expiresAt)) : '',
  );

  const choose = useCallback(
    (event: ChangeEvent<HTMLSelectElement>) => {
      const value = event.target.value as Choice;
      const next: NewExpiry =
        value === 'never'
          ? { kind: 'never' }
          : value === 'date'
            ? { kind: 'date', expiresAt: expiryOfLocalDay(day) }
            : { kind: 'days', days: Number(value.slice('days:'.length)) };
      store.dispatch({ type: 'setNewExpiry', expiry: next });
    },
    [store, day],
  );

  const pickDay = useCallback(
    (event: ChangeEvent<HTMLInputElement>) => {
      setDay(event.target.value);
      store.dispatch({
        type: 'setNewExpiry',
        expiry: { kind: 'date', expiresAt: expiryOfLocalDay(event.target.value) },
      });
    },
    [store],
  );

  const choice: Choice = refusal ? 'never' : choiceOf(expiry);
  const selectId = `${id}-select`;
  const dateId = `${id}-date`;
  const dateHintId = `${id}-date-hint`;
  const reasonId = `${id}-reason`;
  const instant = now();
  const bounds = endDateBounds(instant);
  const chosen = expiry.kind === 'date' ? expiry.expiresAt : null;
  const problem = chosen ? expiryProblem(chosen, roleLevel, instant) : null;
  // The same rule the backend judges (R19), said the same way, before anyone presses Share.
  const problemRefusal = problem
    ? refused('INVALID_EXPIRY', { problem, assetType, maxDays: MAX_EXPIRY_DAYS })
    : null;
  const dateHint =
    problemRefusal && !problemRefusal.allowed
      ? messages.reason(problemRefusal)
      : chosen
        ? text.endDateHint
        : text.endDateRequired;

  return (
    <div className="sw-expiry-field" data-slot="access-expires">
      <label className="sw-field-label" htmlFor={selectId}>
        {text.accessExpires}
      </label>
      <Select
        id={selectId}
        value={choice}
        disabled={refusal !== null}
        aria-describedby={refusal ? (refusedForSharing ? sharingReasonId : reasonId) : undefined}
        onChange={choose}
      >
        <option value="never">{text.never}</option>
        {EXPIRY_PRESET_DAYS.map((days) => (
          <option key={days} value={`days:${days}`}>
            {text.afterDays(days)}
          </option>
        ))}
        <option value="date">{text.onDate}</option>
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
          <input
            id={dateId}
            type="date"
            className="sw-input"
            data-slot="access-expires-date"
            required
            min={bounds.min}
            max={bounds.max}
            value={day}
            aria-invalid={problem ? true : undefined}
            aria-describedby={dateHintId}
            onChange={pickDay}
          />
          <Hint id={dateHintId} tone={problem ? 'danger' : 'muted'}>
            {dateHint}
          </Hint>
        </div>
      ) : null}
    </div>
  );
}
