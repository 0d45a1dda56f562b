import { type ChangeEvent, useId, useState } from 'react';
import type { GrantEdit } from '../../sharing/draft.ts';
import {
  daysUntil,
  EXPIRY_PRESET_DAYS,
  expiresWithin,
  expiryAfterDays,
  expiryOf,
} from '../../sharing/expiry.ts';
import type { Grant } from '../../sharing/types.ts';
import { useSharedWithRows, useSharingEditor } from '../editor-context.ts';
import { endDateBounds, expiryOfLocalDay, lastDayOf } from '../expiry-dates.ts';
import { useShareDialogConfig } from '../share-dialog-provider.tsx';
import { Badge } from '../ui/badge.tsx';
import { Button } from '../ui/button.tsx';
import { UndoIcon } from '../ui/icons.tsx';
import { idList } from '../ui/id-list.ts';
import { Select } from '../ui/select.tsx';
import type { RowJudgement } from './row-judgement.ts';

/** Props of {@link GrantExpiry}. */
export interface GrantExpiryProps {
  /** The grant as loaded. */
  grant: Grant;
  /** Its pending edit, if any. */
  edit: GrantEdit | undefined;
  /** The name a person reads for the grant's principal. */
  name: string;
  /** What the actor may do to the grant: whether its end may change, and the sentence that says why not. */
  judged: Pick<RowJudgement, 'expiry' | 'expiryRefusal' | 'ownerLevel' | 'removed'>;
}

type Choice = 'never' | 'current' | `days:${number}` | 'date';

/** Whether an edit changes more of the grant than its end: then the end's change can be undone on its own. */
function changesMoreThanEnd(edit: GrantEdit): boolean {
  return edit.role !== undefined || edit.canShare !== undefined || edit.canUseData !== undefined;
}

/**
 * When one grant of the list ends: the end as text ("Expires in 6 days · Jul 14, 2025, 5:00 PM", marked within
 * three days), and `Expiry for <name>` to set, move or clear it. An owner's row says that owner access never ends.
 */
export function GrantExpiry({ grant, edit, name, judged }: GrantExpiryProps) {
  const { messages, now } = useShareDialogConfig();
  const { assetType } = useSharingEditor();
  const { actions } = useSharedWithRows();
  const text = messages.expiry;
  const id = useId();
  const [choosingDate, setChoosingDate] = useState(false);
  const { expiry: state, expiryRefusal, ownerLevel, removed } = judged;

  if (!assetType.options.expiry) return null;
  if (ownerLevel) {
    return (
      <p className="sw-row__expiry sw-expiry__note" data-slot="grant-expiry">
        {expiryRefusal ? messages.reason(expiryRefusal) : null}
      </p>
    );
  }

  const instant = now();
  const draftEnd = edit?.expiresAt !== undefined ? edit.expiresAt : (grant.expiresAt ?? null);
  const end = draftEnd === null ? null : expiryOf({ expiresAt: draftEnd });
  const soon = draftEnd !== null && expiresWithin({ expiresAt: draftEnd }, instant);
  const whenId = `${id}-when`;
  const { disabled } = state;
  const choice: Choice = choosingDate ? 'date' : end === null ? 'never' : 'current';
  const bounds = endDateBounds(instant);

  const choose = (event: ChangeEvent<HTMLSelectElement>) => {
    const value = event.target.value as Choice;
    setChoosingDate(value === 'date');
    if (value === 'never') actions.setExpiry(grant, null);
    else if (value.startsWith('days:'))
      actions.setExpiry(grant, expiryAfterDays(instant, Number(value.slice('days:'.length))));
  };
  const pickDay = (event: ChangeEvent<HTMLInputElement>) => {
    const chosen = expiryOfLocalDay(event.target.value);
    if (chosen) actions.setExpiry(grant, chosen);
  };

  return (
    <div
      className="sw-row__expiry"
      data-slot="grant-expiry"
      data-ending-soon={soon && !removed ? 'true' : undefined}
    >
      {end !== null && !Number.isNaN(end) ? (
        <span id={whenId} className="sw-expiry__when">
          {soon && !removed ? <Badge className="sw-badge--soon">{text.endingSoon}</Badge> : null}
          <span>
            {text.expiresIn(Math.max(0, daysUntil(end, instant)))} ·{' '}
            <time dateTime={new Date(end).toISOString()}>{text.formatDateTime(end)}</time>
          </span>
        </span>
      ) : null}
      <Select
        compact
        aria-label={text.expiryFor(name)}
        value={choice}
        disabled={disabled}
        aria-describedby={idList(end !== null ? whenId : null, disabled ? state.reasonId : null)}
        onChange={choose}
      >
        <option value="never">{text.neverExpires}</option>
        {end !== null && !Number.isNaN(end) ? (
          <option value="current">{text.endsOn(text.formatDate(end))}</option>
        ) : null}
        {EXPIRY_PRESET_DAYS.map((days) => (
          <option key={days} value={`days:${days}`}>
            {text.afterDaysFromNow(days)}
          </option>
        ))}
        <option value="date">{text.onDate}</option>
      </Select>
      {choosingDate && !disabled ? (
        <input
          type="date"
          className="sw-input sw-expiry__date"
          aria-label={text.expiryDateFor(name)}
          min={bounds.min}
          max={bounds.max}
          defaultValue={end !== null && !Number.isNaN(end) ? lastDayOf(end) : ''}
          onChange={pickDay}
        />
      ) : null}
      {edit && edit.expiresAt !== undefined && changesMoreThanEnd(edit) ? (
        <Button
          size="sm"
          variant="ghost"
          aria-label={text.undoExpiryFor(name)}
          onClick={() => actions.undoExpiry(grant.principalId)}
        >
          <UndoIcon />
        </Button>
      ) : null}
    </div>
  );
}
