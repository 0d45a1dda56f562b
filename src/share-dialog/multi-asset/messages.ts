/**
 * The texts of the dialog that shares several assets at once (SPEC §11). A host replaces any of them through the
 * provider's `messages.multiAsset`; the sentences the rules make (why an entry is refused) come from `sharing/`.
 */

/** How many assets ended each way. */
export interface MultiAssetCounts {
  changed: number;
  refused: number;
  failed: number;
}

/** Every text of the multi-asset dialog. */
export interface MultiAssetMessages {
  /** Under the title: how many assets, of how many types. */
  subtitle: (count: number, typeCount: number) => string;
  assetsHeading: string;
  columnAsset: string;
  columnBeforeSaving: string;
  columnResult: string;
  loading: string;
  loadFailed: string;
  notFound: string;
  /** Some assets could not be loaded: they are left out of the save. */
  someNotLoaded: (count: number) => string;
  checking: string;
  checkFailed: string;
  nothingToChange: string;
  /** New recipients get this asset type's own role for the generic level. */
  sentAs: (roleLabel: string) => string;
  /** Options that some selected asset types lack, and the assets they are left out for. */
  optionNotApplied: (optionLabels: readonly string[], assetNames: readonly string[], more: number) => string;

  /** Opens the hand-over of every selected asset to one person. */
  transferOwnership: string;
  transferTo: string;
  transferPlaceholder: string;
  transferHint: string;

  waiting: string;
  saving: string;
  progress: string;
  progressText: (done: number, total: number) => string;
  changed: string;
  refused: string;
  failed: string;
  conflict: string;
  serverError: string;
  networkError: string;
  signedOut: string;
  summary: (counts: MultiAssetCounts) => string;
  retryFailed: string;
  done: string;
  /** Closing is not possible while the saves are under way. */
  closeWhileSaving: string;
}

function listOf(words: readonly string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;
}

function plural(count: number, one: string, many: string): string {
  return `${count.toLocaleString('en')} ${count === 1 ? one : many}`;
}

/** The English texts. */
export const defaultMultiAssetMessages: MultiAssetMessages = {
  subtitle: (count, typeCount) =>
    `${plural(count, 'asset', 'assets')} of ${plural(typeCount, 'type', 'types')} · each saved on its own`,
  assetsHeading: 'Selected assets',
  columnAsset: 'Asset',
  columnBeforeSaving: 'Before saving',
  columnResult: 'Result',
  loading: 'Loading…',
  loadFailed: 'Could not be loaded; it is left out.',
  notFound: 'Does not exist, or you cannot see it; it is left out.',
  someNotLoaded: (count) =>
    `${plural(count, 'asset', 'assets')} could not be loaded and will not be changed.`,
  checking: 'Checking…',
  checkFailed: 'Could not check this asset; saving will say what happened.',
  nothingToChange: 'Nothing to change here.',
  sentAs: (roleLabel) => `New recipients get ${roleLabel}.`,
  optionNotApplied: (optionLabels, assetNames, more) =>
    `${listOf(optionLabels.map((label) => `“${label}”`))} ${optionLabels.length === 1 ? 'does' : 'do'} not apply to ${
      more > 0 ? `${assetNames.join(', ')} and ${more.toLocaleString('en')} more` : listOf(assetNames)
    }: ${assetNames.length + more === 1 ? 'its type has' : 'their types have'} no such ${optionLabels.length === 1 ? 'option' : 'options'}.`,

  transferOwnership: 'Transfer ownership',
  transferTo: 'Transfer every selected asset to',
  transferPlaceholder: 'Find a person by name or e-mail (optional)',
  transferHint: 'The person becomes owner of each asset, in the same save as your own change.',

  waiting: 'Waiting',
  saving: 'Saving…',
  progress: 'Saving assets',
  progressText: (done, total) => `${done.toLocaleString('en')} of ${plural(total, 'asset', 'assets')} saved`,
  changed: 'Changed',
  refused: 'Refused',
  failed: 'Failed',
  conflict:
    'Someone else changed sharing of this asset meanwhile; nothing was overwritten. It was checked again: review it, then retry.',
  serverError: 'Something went wrong on the server; nothing was changed.',
  networkError: 'The server could not be reached; nothing was changed.',
  signedOut: 'You were signed out; nothing was changed.',
  summary: ({ changed, refused, failed }) =>
    `${changed.toLocaleString('en')} changed · ${refused.toLocaleString('en')} refused · ${failed.toLocaleString('en')} failed`,
  retryFailed: 'Retry failed',
  done: 'Done',
  closeWhileSaving: 'The dialog closes once every save has answered.',
};
