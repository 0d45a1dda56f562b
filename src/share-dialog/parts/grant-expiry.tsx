import { type ChangeEvent, useId, useState } from 'react';
import type { GrantEdit } from '../../sharing/draft.ts';
import { daysUntil, expiresWithin, expiryAfterDays, expiryOf } from '../../sharing/expiry.ts';
import type { Grant } from '../../sharing/types.ts';
import { useSharedWithRows, useSharingEditor } from '../editor-context.ts';
import { expiryOfLocalDay, lastDayOf } from '../expiry-dates.ts';
import { useShareDialogConfig } from '../share-dialog-provider.tsx';
import { Badge } from '../ui/badge.tsx';
import { Button } from '../ui/button.tsx';
import { UndoIcon } from '../ui/icons.tsx';
import { idList } from '../ui/id-list.ts';
import { Select } from '../ui/select.tsx';
import { type ExpiryChoice, ExpiryOptions, LastDayInput, presetDays } from './expiry-choice.tsx';
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
  const known = end !== null && !Number.isNaN(end);
  const soon = draftEnd !== null && expiresWithin({ expiresAt: draftEnd }, instant);
  const whenId = `${id}-when`;
  const { disabled } = state;
  const choice: ExpiryChoice = choosingDate ? 'date' : end === null ? 'never' : 'current';

  const choose = (event: ChangeEvent<HTMLSelectElement>) => {
    const value = event.target.value as ExpiryChoice;
    const days = presetDays(value);
    setChoosingDate(value === 'date');
    if (value === 'never') actions.setExpiry(grant, null);
    else if (days !== null) actions.setExpiry(grant, expiryAfterDays(instant, days));
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
      {known ? (
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
        aria-describedby={idList(known && whenId, disabled && state.reasonId)}
        onChange={choose}
      >
        <ExpiryOptions
          never={text.neverExpires}
          current={known ? text.endsOn(text.formatDate(end)) : null}
          preset={text.afterDaysFromNow}
        />
      </Select>
      {choosingDate && !disabled ? (
        <LastDayInput
          now={instant}
          className="sw-expiry__date"
          aria-label={text.expiryDateFor(name)}
          defaultValue={known ? lastDayOf(end) : ''}
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
