/** Every text of expiring access (SPEC §9) in the dialog; a host passes its own, any subset, to translate them. */
export interface ExpiryMessages {
  /** Names the picker of when new recipients' access ends. */
  accessExpires: string;
  never: string;
  /** A row's option for access that does not end. */
  neverExpires: string;
  /** A preset for new recipients, e.g. "7 days". */
  afterDays: (days: number) => string;
  /** The same preset on a row of the list, e.g. "7 days from now". */
  afterDaysFromNow: (days: number) => string;
  onDate: string;
  /** Names the date field of new recipients. */
  endDate: string;
  /** Under the date field: what the date means. */
  endDateHint: string;
  /** Under the date field while no date is chosen. */
  endDateRequired: string;
  /** Names a row's expiry control. */
  expiryFor: (name: string) => string;
  /** Names a row's date field. */
  expiryDateFor: (name: string) => string;
  /** The option of a row's control that keeps the end it has, e.g. "Ends Jul 14, 2025". */
  endsOn: (date: string) => string;
  /** How long until access ends: "Expires in 6 days". */
  expiresIn: (days: number) => string;
  /** Marks access that ends within three days. */
  endingSoon: string;
  /** An instant as a person reads it, e.g. "Jul 14, 2025, 5:00 PM". */
  formatDateTime: (instant: number) => string;
  /** An instant's day, e.g. "Jul 14, 2025". */
  formatDate: (instant: number) => string;
  /** Undoes a row's expiry change alone, keeping its other changes. */
  undoExpiryFor: (name: string) => string;
}

const dateTime = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' });
const date = new Intl.DateTimeFormat('en', { dateStyle: 'medium' });

/** The English texts. */
export const defaultExpiryMessages: ExpiryMessages = {
  accessExpires: 'Access expires',
  never: 'Never',
  neverExpires: 'Never expires',
  afterDays: (days) => `${days} days`,
  afterDaysFromNow: (days) => `${days} days from now`,
  onDate: 'On a date…',
  endDate: 'Last day of access',
  endDateHint: 'Access ends when this day does.',
  endDateRequired: 'Choose the last day of access, or another option.',
  expiryFor: (name) => `Expiry for ${name}`,
  expiryDateFor: (name) => `Last day of access for ${name}`,
  endsOn: (day) => `Ends ${day}`,
  expiresIn: (days) => (days <= 1 ? 'Expires within a day' : `Expires in ${days} days`),
  endingSoon: 'Ending soon',
  formatDateTime: (instant) => dateTime.format(instant),
  formatDate: (instant) => date.format(instant),
  undoExpiryFor: (name) => `Undo expiry change for ${name}`,
};
