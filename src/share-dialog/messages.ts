/**
 * Every text the dialog shows or announces. A host translates the dialog by passing its own (any subset) to
 * `ShareDialogProvider`; texts that depend on a name or a count are functions.
 */
import type { Permission, RecipientType } from '../sharing/types.ts';
import { defaultExpiryMessages, type ExpiryMessages } from './expiry-messages.ts';
import type { HistoryMessages } from './history/messages.ts';
import type { MultiAssetMessages } from './multi-asset/messages.ts';
import { defaultRecipientSearchMessages, type RecipientSearchMessages } from './recipient-search/messages.ts';

/** How many people a save would give access, change, or take it from (group and organization members counted). */
export interface ImpactCounts {
  gains: number;
  changes: number;
  loses: number;
  /** People who keep their role but whose access ends at another time (SPEC §9). */
  expiries: number;
}

/** Every text of the dialog, English by default; texts with a name or a count in them are functions. */
export interface ShareDialogMessages {
  /** The dialog's name: `Share <asset name>`. */
  dialogTitle: (assetName: string) => string;
  /** The dialog's name while the asset loads. */
  dialogTitleLoading: (assetTypeLabel: string) => string;
  /** The name of a dialog that shares several assets at once: `Share <n> assets`. */
  dialogTitleMany: (count: number) => string;
  /** Under the title: the asset type and the actor's role. */
  dialogSubtitle: (assetTypeLabel: string, yourRoleLabel: string | null) => string;
  close: string;
  cancel: string;
  share: string;
  save: string;
  saving: string;
  retry: string;

  role: string;
  /** Why some roles are disabled, as listed under the role picker. */
  roleUnavailable: (roleLabels: readonly string[], reason: string) => string;
  allowSharing: string;
  canUseData: string;
  addNote: string;
  notePlaceholder: string;
  noteCounter: (length: number, max: number) => string;
  noteTooLong: (max: number) => string;
  sendNotification: string;
  shareWithLineage: string;
  lineageHint: (inputNames: readonly string[]) => string;
  lineageResetHint: string;

  externalLink: string;
  externalLinkOn: string;
  externalLinkOff: string;
  copyLink: string;
  linkCopied: string;
  copyFailed: string;
  externalLinkFailed: string;

  sharedWith: string;
  sharedWithCount: (count: number) => string;
  filterPeople: string;
  filterPlaceholder: string;
  noMatches: (filter: string) => string;
  emptyList: string;
  loadingMore: string;
  listLoadFailed: string;
  you: string;
  recipientType: Record<RecipientType, string>;
  memberCount: (count: number) => string;
  /** "Also via group Data Science", from the access explanation. */
  alsoVia: (via: readonly { kind: 'group' | 'organization' | 'role'; name: string }[]) => string;
  roleFor: (name: string) => string;
  allowSharingFor: (name: string) => string;
  canUseDataFor: (name: string) => string;
  removeAccessFor: (name: string) => string;
  undoChangesFor: (name: string) => string;
  undo: string;
  pending: string;
  pendingRemoval: string;
  /** Beside a pending change an undo loaded (SPEC §10). */
  fromUndo: string;
  /** Opens the reasons a row's controls are disabled, when there are several. */
  whyLocked: string;

  impactHeading: string;
  impactChecking: string;
  impactSummary: (counts: ImpactCounts) => string;
  /** Who is in one part of the preview, e.g. "Gain access: Rita Reyes, Ana Lee and 3 more". */
  impactNames: (kind: keyof ImpactCounts, names: readonly string[], more: number) => string;
  impactNothing: string;
  impactFailed: string;

  errorSummaryTitle: (failedEntries: number) => string;
  conflict: string;
  networkError: string;
  serverError: string;
  /** A save refused because the session ended (401). */
  signedOut: string;
  /** After the person stopped waiting for a slow save. */
  saveCancelled: string;
  /** Shown while a save has taken longer than usual. */
  savingSlow: string;
  /** Stops waiting for a slow save. */
  cancelSave: string;
  genericError: string;
  /** A failed entry's message shown beside a recipient that is no longer in view. */
  entryError: (name: string, message: string) => string;

  /** Announced after a save that added recipients. */
  announceShared: (names: readonly string[]) => string;
  announceSaved: string;

  discardTitle: string;
  discardBody: string;
  discard: string;
  keepEditing: string;

  loadFailed: string;
  notFound: string;
  unknownAssetType: (assetType: string) => string;

  /** The sentence that says why something is disabled; the rule's own English sentence by default. */
  reason: (permission: Extract<Permission, { allowed: false }>) => string;

  /** Hands the asset to a person on the list. */
  makeOwner: string;
  makeOwnerTitle: (name: string) => string;
  makeOwnerBody: (name: string, ownerLabel: string) => string;
  /** Under `Make owner`: the actor steps down altogether instead of keeping read-write access. */
  removeMyAccess: string;
  keepReadWriteHint: (readWriteLabel: string) => string;

  recipientSearch: RecipientSearchMessages;
  /** Texts of the dialog that shares several assets at once, replacing any subset of its own. */
  multiAsset?: Partial<MultiAssetMessages>;
  /** Expiring access (SPEC §9). */
  expiry: ExpiryMessages;

  /** The History view's disclosure (SPEC §10). */
  history: string;
  /** Replacements of the History view's own texts; its defaults load with the view. */
  historyView?: Partial<HistoryMessages>;
}

function plural(count: number, one: string, many: string): string {
  return `${count.toLocaleString('en')} ${count === 1 ? one : many}`;
}

function listOf(words: readonly string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;
}

/** The English texts. */
export const defaultMessages: ShareDialogMessages = {
  dialogTitle: (assetName) => `Share ${assetName}`,
  dialogTitleLoading: (assetTypeLabel) => `Share ${assetTypeLabel.toLowerCase()}`,
  dialogTitleMany: (count) => `Share ${count.toLocaleString('en')} assets`,
  dialogSubtitle: (assetTypeLabel, yourRoleLabel) =>
    yourRoleLabel ? `${assetTypeLabel} · You are ${yourRoleLabel}` : assetTypeLabel,
  close: 'Close',
  cancel: 'Cancel',
  share: 'Share',
  save: 'Save',
  saving: 'Saving…',
  retry: 'Retry',

  role: 'Role',
  roleUnavailable: (roleLabels, reason) => `${listOf(roleLabels)}: ${reason}`,
  allowSharing: 'Allow sharing',
  canUseData: 'Can use data',
  addNote: 'Add note',
  notePlaceholder: 'Write a message for the people you share with (optional)',
  noteCounter: (length, max) => `${length.toLocaleString('en')} / ${max.toLocaleString('en')}`,
  noteTooLong: (max) => `A note holds at most ${max.toLocaleString('en')} characters.`,
  sendNotification: 'Send notification',
  shareWithLineage: 'Share with lineage',
  lineageHint: (inputNames) =>
    inputNames.length === 0
      ? 'Also shares the linked inputs.'
      : `Also shares ${plural(inputNames.length, 'linked input', 'linked inputs')}: ${listOf(inputNames)}.`,
  lineageResetHint: 'Applies to this save only.',

  externalLink: 'External sharing link',
  externalLinkOn: 'Anyone with the link can open this application without signing in.',
  externalLinkOff: 'Off: only the people below can open it.',
  copyLink: 'Copy link',
  linkCopied: 'Link copied',
  copyFailed: 'Could not copy. Select the link and copy it yourself.',
  externalLinkFailed: 'Could not change the external link. Try again.',

  sharedWith: 'Shared with',
  sharedWithCount: (count) => plural(count, 'entry', 'entries'),
  filterPeople: 'Filter people',
  filterPlaceholder: 'Filter by name or e-mail',
  noMatches: (filter) => `No one matches “${filter}”.`,
  emptyList: 'Not shared with anyone yet.',
  loadingMore: 'Loading more…',
  listLoadFailed: 'Could not load who has access.',
  you: 'You',
  recipientType: { user: 'User', group: 'Group', organization: 'Organization', role: 'Role' },
  memberCount: (count) => plural(count, 'member', 'members'),
  alsoVia: (via) =>
    `Also via ${listOf(via.map(({ kind, name }) => (kind === 'organization' ? name : `${kind} ${name}`)))}`,
  roleFor: (name) => `Role for ${name}`,
  allowSharingFor: (name) => `Allow sharing for ${name}`,
  canUseDataFor: (name) => `Can use data for ${name}`,
  removeAccessFor: (name) => `Remove access for ${name}`,
  undoChangesFor: (name) => `Undo changes for ${name}`,
  undo: 'Undo',
  pending: 'Pending',
  pendingRemoval: 'Will lose access',
  fromUndo: 'From undo',
  whyLocked: 'Why can’t I change this?',

  impactHeading: 'If you save',
  impactChecking: 'Checking who is affected…',
  impactSummary: ({ gains, changes, loses, expiries }) =>
    [
      gains > 0 ? `${plural(gains, 'person gains', 'people gain')} access` : '',
      changes > 0 ? plural(changes, 'change', 'changes') : '',
      loses > 0 ? `${plural(loses, 'person loses', 'people lose')} access` : '',
      expiries > 0 ? `${plural(expiries, 'person gets', 'people get')} a new end date` : '',
    ]
      .filter(Boolean)
      .join(' · '),
  impactNames: (kind, names, more) =>
    `${{ gains: 'Gain access', changes: 'Change', loses: 'Lose access', expiries: 'New end date' }[kind]}: ${
      more > 0 ? `${names.join(', ')} and ${more.toLocaleString('en')} more` : listOf(names)
    }`,
  impactNothing: 'No one’s access changes.',
  impactFailed: 'Could not check who is affected.',

  errorSummaryTitle: (failedEntries) =>
    failedEntries > 0
      ? `${plural(failedEntries, 'change', 'changes')} could not be applied. Nothing was changed.`
      : 'Nothing was changed.',
  conflict:
    'Someone else changed sharing while you were editing. The list has been reloaded; your changes that still apply are kept. Review them and save again.',
  networkError: 'The server could not be reached. Your changes are kept.',
  serverError: 'Something went wrong on the server. Your changes are kept.',
  signedOut: 'You were signed out, so nothing was saved. Your changes are kept: sign in again, then retry.',
  saveCancelled:
    'You stopped waiting for the save. Your changes are kept; if the server applied them meanwhile, retrying shows it.',
  savingSlow: 'Still saving… This is taking longer than usual. You can keep waiting or cancel.',
  cancelSave: 'Cancel save',
  genericError: 'Your changes could not be saved.',
  entryError: (name, message) => `${name}: ${message}`,

  announceShared: (names) =>
    names.length > 3
      ? `Shared with ${names.slice(0, 2).join(', ')} and ${plural(names.length - 2, 'other', 'others')}`
      : `Shared with ${listOf(names)}`,
  announceSaved: 'Changes saved',

  discardTitle: 'Discard changes?',
  discardBody: 'Your pending changes have not been saved.',
  discard: 'Discard',
  keepEditing: 'Keep editing',

  loadFailed: 'Could not load sharing for this item.',
  notFound: 'This item does not exist, or you cannot see it.',
  unknownAssetType: (assetType) => `Unknown asset type “${assetType}”.`,

  reason: (permission) => permission.reason,

  makeOwner: 'Make owner',
  makeOwnerTitle: (name) => `Make ${name} owner?`,
  makeOwnerBody: (name, ownerLabel) =>
    `${name} becomes ${ownerLabel}, in the same save as your own change, so the asset is never without an owner.`,
  removeMyAccess: 'and remove my access',
  keepReadWriteHint: (readWriteLabel) => `Otherwise you keep ${readWriteLabel} access.`,

  recipientSearch: defaultRecipientSearchMessages,
  expiry: defaultExpiryMessages,

  history: 'History',
};

/** Texts a host overrides: any subset; the recipient search's texts may be overridden one by one too. */
export type ShareDialogMessagesOverrides = Partial<
  Omit<ShareDialogMessages, 'recipientSearch' | 'expiry'>
> & {
  recipientSearch?: Partial<RecipientSearchMessages>;
  expiry?: Partial<ExpiryMessages>;
};

/** The default texts with a host's overrides on top. */
export function resolveMessages(overrides: ShareDialogMessagesOverrides | undefined): ShareDialogMessages {
  if (!overrides) return defaultMessages;
  return {
    ...defaultMessages,
    ...overrides,
    recipientSearch: { ...defaultMessages.recipientSearch, ...overrides.recipientSearch },
    expiry: { ...defaultMessages.expiry, ...overrides.expiry },
  };
}
