/**
 * The History view's texts (SPEC §10). They load with the view, not with the dialog; a host replaces any of them
 * through `ShareDialogProvider`'s `messages.historyView`. Times and dates arrive as RFC 3339 strings.
 */
import type { ChangeCause } from '../../sharing/history.ts';

/** Every text of the History view. */
export interface HistoryMessages {
  /** The accessible name of the list of change sets. */
  listLabel: string;
  count: (count: number) => string;
  loading: string;
  loadFailed: string;
  loadingMore: string;
  empty: string;
  emptyFor: (name: string) => string;
  /** The button on a principal's name that keeps only the change sets touching them. */
  historyOf: (name: string) => string;
  filteredTo: (name: string) => string;
  showAll: string;
  /** When a change set was made, in the list. */
  time: (at: string) => string;
  /** Who made a change set that no person made (an expiry). */
  noActor: string;
  cause: Record<ChangeCause, string | null>;
  noAccess: string;
  /** "Eddie Evans: Editor → Consumer" */
  change: (name: string, parts: readonly string[]) => string;
  /** What follows the name in the list, where the name is a button: ": Editor → Consumer". */
  changeDetail: (parts: readonly string[]) => string;
  roleChange: (from: string, to: string) => string;
  option: (label: 'allowSharing' | 'canUseData', on: boolean) => string;
  expires: (at: string) => string;
  neverExpires: string;
  undo: string;
  undoFailed: string;
  /** The title of an undo loaded into the draft. */
  undoTitle: (actor: string, at: string) => string;
  undoSummary: (loaded: number, skipped: number) => string;
  /** Why a change is not loaded: its grant changed again since. */
  changedAgain: (at: string, by: string | null) => string;
  notLoaded: (name: string, reason: string) => string;
  leaveOut: (name: string) => string;
  discardUndo: string;
  undoPending: string;
}

function plural(count: number, one: string, many: string): string {
  return `${count.toLocaleString('en')} ${count === 1 ? one : many}`;
}

const timeFormat = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' });
const dateFormat = new Intl.DateTimeFormat('en', { dateStyle: 'medium' });

/** The English texts. */
export const defaultHistoryMessages: HistoryMessages = {
  listLabel: 'Sharing history',
  count: (count) => plural(count, 'change', 'changes'),
  loading: 'Loading the history…',
  loadFailed: 'Could not load the history.',
  loadingMore: 'Loading more…',
  empty: 'No changes recorded yet.',
  emptyFor: (name) => `No changes to ${name}’s access recorded.`,
  historyOf: (name) => `Show the history of ${name}`,
  filteredTo: (name) => `Changes to ${name}’s access`,
  showAll: 'Show all changes',
  time: (at) => timeFormat.format(new Date(at)),
  noActor: 'Automatically',
  cause: {
    share: null,
    expiry: 'Access expired',
    lineage: 'Shared with lineage',
    request: 'Access request approved',
  },
  noAccess: 'No access',
  change: (name, parts) => `${name}: ${parts.join(', ')}`,
  changeDetail: (parts) => `: ${parts.join(', ')}`,
  roleChange: (from, to) => `${from} → ${to}`,
  option: (label, on) =>
    `${label === 'allowSharing' ? 'Allow sharing' : 'Can use data'} ${on ? 'on' : 'off'}`,
  expires: (at) => `expires ${dateFormat.format(new Date(at))}`,
  neverExpires: 'no end date',
  undo: 'Undo',
  undoFailed: 'Could not check what changed since. Try again.',
  undoTitle: (actor, at) => `Undo of ${actor}’s change, ${timeFormat.format(new Date(at))}`,
  undoSummary: (loaded, skipped) =>
    [
      loaded > 0 ? `${plural(loaded, 'change', 'changes')} loaded into your draft: review, then save.` : '',
      skipped > 0 ? `${plural(skipped, 'change is', 'changes are')} not loaded.` : '',
      loaded === 0 && skipped === 0 ? 'Nothing left to undo.' : '',
    ]
      .filter(Boolean)
      .join(' '),
  changedAgain: (at, by) =>
    by
      ? `changed again on ${dateFormat.format(new Date(at))} by ${by}`
      : `changed again on ${dateFormat.format(new Date(at))}`,
  notLoaded: (name, reason) => `${name}: not loaded, ${reason}`,
  leaveOut: (name) => `Leave out ${name}`,
  discardUndo: 'Discard undo',
  undoPending: 'Undo pending',
};

/** The default texts with a host's overrides on top. */
export function resolveHistoryMessages(overrides: Partial<HistoryMessages> | undefined): HistoryMessages {
  return overrides ? { ...defaultHistoryMessages, ...overrides } : defaultHistoryMessages;
}
