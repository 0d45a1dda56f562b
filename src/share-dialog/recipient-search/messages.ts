import { messageFor } from '../../sharing/messages.ts';
import type { RecipientType } from '../../sharing/types.ts';
import type { UnavailableReason } from './recipient-availability.ts';
import type { PasteFailureReason } from './resolve-pasted-recipients.ts';

/** Every text the recipient search shows or announces; a host passes its own to translate it. */
export interface RecipientSearchMessages {
  placeholder: string;
  /** Names the list of chosen recipients. */
  selectedList: string;
  /** The accessible name of a chip's remove button. */
  removeRecipient: (name: string) => string;
  /** Shown in the menu before anything is typed. */
  typeToSearch: string;
  searching: string;
  noMatches: string;
  /** Shown instead of `noMatches` for a typed address outside the organization: it names the address only. */
  outsideOrganization: (address: string) => string;
  searchFailed: string;
  /** Announced when a search settles. */
  resultCount: (count: number) => string;
  /** Announced after a recipient is added or removed. */
  recipientAdded: (name: string) => string;
  recipientRemoved: (name: string) => string;
  recipientType: Record<RecipientType, string>;
  memberCount: (count: number) => string;
  unavailable: Record<UnavailableReason, string>;
  alreadyAdded: string;
  /** Shown while a pasted list is being looked up. */
  pasteResolving: (count: number) => string;
  /** Announced when a pasted list has been looked up. */
  pasteSummary: (added: number, failed: number) => string;
  /** Heads the list of pasted entries that could not be added. */
  pasteFailuresHeading: (count: number) => string;
  pasteFailure: Record<PasteFailureReason, string>;
  dismissPasteFailures: string;
}

function plural(count: number, one: string, many: string): string {
  return `${count.toLocaleString('en')} ${count === 1 ? one : many}`;
}

/** The English texts. */
export const defaultRecipientSearchMessages: RecipientSearchMessages = {
  placeholder: 'Add people, groups or e-mail addresses',
  selectedList: 'Recipients to add',
  removeRecipient: (name) => `Remove ${name}`,
  typeToSearch: 'Type a name, e-mail address or group. Paste a list to add several at once.',
  searching: 'Searching…',
  noMatches: 'No matches',
  outsideOrganization: (address) => messageFor('RECIPIENT_OUTSIDE_ORGANIZATION', { recipient: address }),
  searchFailed: 'Search failed. Keep typing to try again.',
  resultCount: (count) => (count === 0 ? 'No matches' : plural(count, 'result', 'results')),
  recipientAdded: (name) => `${name} added`,
  recipientRemoved: (name) => `${name} removed`,
  recipientType: { user: 'User', group: 'Group', organization: 'Organization', role: 'Role' },
  memberCount: (count) => plural(count, 'member', 'members'),
  unavailable: { inactive: 'Inactive account' },
  alreadyAdded: 'Already added',
  pasteResolving: (count) => `Looking up ${plural(count, 'address', 'addresses')}…`,
  pasteSummary: (added, failed) =>
    failed === 0
      ? `${plural(added, 'recipient', 'recipients')} added`
      : `${plural(added, 'recipient', 'recipients')} added, ${failed.toLocaleString('en')} could not be added`,
  pasteFailuresHeading: (count) => `${plural(count, 'entry', 'entries')} could not be added`,
  pasteFailure: {
    invalidEmail: 'Not an e-mail address',
    notFound: 'No account with this e-mail address',
    inactive: 'Inactive account',
    outsideOrganization: 'Outside your organization',
    lookupFailed: 'Could not be checked. Paste it again to retry.',
  },
  dismissPasteFailures: 'Dismiss',
};
