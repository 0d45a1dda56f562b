/**
 * A native date field speaks in days of the person's own calendar; the wire speaks in instants. A chosen day
 * means "through that day": access ends when the day ends, in the person's time zone.
 */
import { latestExpiry } from '../sharing/expiry.ts';

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

/** The day of an instant in local time, as a date field writes it (`YYYY-MM-DD`). */
export function localDateOf(instant: number): string {
  const day = new Date(instant);
  return `${day.getFullYear()}-${pad(day.getMonth() + 1)}-${pad(day.getDate())}`;
}

/** The instant a local day ends (the next day's midnight), or null when the text names no day. */
export function endOfLocalDay(day: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return null;
  const [year, month, date] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const start = new Date(year, month - 1, date);
  if (start.getFullYear() !== year || start.getMonth() !== month - 1 || start.getDate() !== date) return null;
  return new Date(year, month - 1, date + 1).getTime();
}

/** The days a date field offers at `now`: from today to the last day whose end is within R19's 365 days. */
export function endDateBounds(now: number): { min: string; max: string } {
  const latest = latestExpiry(now);
  let last = localDateOf(latest);
  const lastEnd = endOfLocalDay(last);
  if (lastEnd !== null && lastEnd > latest) last = localDateOf(latest - 86_400_000);
  return { min: localDateOf(now), max: last };
}

/** The ISO instant a chosen day ends, or null when the text names no day. */
export function expiryOfLocalDay(day: string): string | null {
  const end = endOfLocalDay(day);
  return end === null ? null : new Date(end).toISOString();
}

/** The last day of access an end gives, in local time: an end at midnight leaves the day before as the last. */
export function lastDayOf(instant: number): string {
  return localDateOf(instant - 1);
}
