import type { InputHTMLAttributes, Ref } from 'react';
import { EXPIRY_PRESET_DAYS } from '../../sharing/expiry.ts';
import { endDateBounds } from '../expiry-dates.ts';
import { useShareDialogConfig } from '../share-dialog-provider.tsx';
import { cx } from '../ui/cx.ts';

/** What an expiry picker offers: never, some days from now, a day on a calendar, and on a row the end it has. */
export type ExpiryChoice = 'never' | 'current' | `days:${number}` | 'date';

/** The days a preset choice counts, or null for another choice. */
export function presetDays(choice: ExpiryChoice): number | null {
  return choice.startsWith('days:') ? Number(choice.slice('days:'.length)) : null;
}

/** The options of an expiry picker: `never`, the end it has (`current`, when given), the presets, a date. */
export function ExpiryOptions(props: {
  never: string;
  current?: string | null;
  preset(days: number): string;
}) {
  const { messages } = useShareDialogConfig();
  return (
    <>
      <option value="never">{props.never}</option>
      {props.current ? <option value="current">{props.current}</option> : null}
      {EXPIRY_PRESET_DAYS.map((days) => (
        <option key={days} value={`days:${days}`}>
          {props.preset(days)}
        </option>
      ))}
      <option value="date">{messages.expiry.onDate}</option>
    </>
  );
}

/** A native date field for the last day of access, offering the days R19 allows at `now`. */
export function LastDayInput({
  now,
  className,
  ...props
}: InputHTMLAttributes<HTMLInputElement> & { now: number; ref?: Ref<HTMLInputElement> }) {
  const bounds = endDateBounds(now);
  return (
    <input type="date" className={cx('sw-input', className)} min={bounds.min} max={bounds.max} {...props} />
  );
}
