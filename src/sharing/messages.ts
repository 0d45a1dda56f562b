import { roleAtLevel } from './asset-types.ts';
import type { ExpiryProblem } from './expiry.ts';
import { type AssetTypeConfig, type Level, OWNER_LEVEL, type RecipientType, type RuleCode } from './types.ts';

/** The options a request can set beyond role, and what a person calls them. */
const optionLabels = {
  canShare: 'Allow sharing',
  canUseData: 'Can use data',
  shareWithLineage: 'Share with lineage',
  expiry: 'Access expires',
} as const;

export type OptionName = keyof typeof optionLabels;

/** How a person names each recipient type, one and many. */
export const recipientTypeWords: Record<RecipientType, { one: string; many: string }> = {
  user: { one: 'user', many: 'users' },
  group: { one: 'group', many: 'groups' },
  organization: { one: 'organization', many: 'organizations' },
  role: { one: 'role', many: 'roles' },
};

/** What each message needs to know, per error code. */
export interface MessageFacts {
  RECIPIENT_INACTIVE: { recipient: string };
  RECIPIENT_OUTSIDE_ORGANIZATION: { recipient: string };
  RECIPIENT_NOT_FOUND: { recipient: string; type: RecipientType };
  RECIPIENT_TYPE_NOT_ALLOWED: { type: RecipientType; assetType: AssetTypeConfig };
  ROLE_ABOVE_OWN_LEVEL: { assetType: AssetTypeConfig; ownLevel: Level | 0 };
  TARGET_ABOVE_OWN_LEVEL: { assetType: AssetTypeConfig; targetLevel: Level; ownLevel: Level | 0 };
  SHARING_NOT_ALLOWED: { assetType: AssetTypeConfig; ownLevel: Level | 0 };
  ROLE_ABOVE_RECIPIENT_CEILING: { recipient: string; assetType: AssetTypeConfig; ceiling: Level };
  LAST_OWNER: { recipient: string; isActor: boolean; assetType: AssetTypeConfig };
  LAST_SHARER: { recipient: string; isActor: boolean; assetType: AssetTypeConfig };
  INVALID_ROLE: { role: string; assetType: AssetTypeConfig };
  OPTION_NOT_SUPPORTED:
    | { kind: 'unsupported'; option: OptionName; assetType: AssetTypeConfig }
    | { kind: 'ownerUsesData'; assetType: AssetTypeConfig };
  TOO_MANY_ENTRIES: { count: number; max: number };
  DUPLICATE_RECIPIENT: { recipient: string };
  NOTE_TOO_LONG: { length: number; max: number };
  VERSION_CONFLICT: Record<string, never>;
  /** `inputs`: the names of the blocked inputs the actor can open; `hiddenInputs`: how many more they cannot. */
  LINEAGE_INPUT_NOT_SHAREABLE: { recipient: string; inputs: readonly string[]; hiddenInputs: number };
  DATA_USE_NOT_HELD: { assetType: AssetTypeConfig };
  REQUEST_NOT_NEEDED: { assetType: AssetTypeConfig; ownLevel: Level | 0 };
  REQUEST_PENDING: { assetType: AssetTypeConfig; role: string };
  REQUEST_NOT_PENDING:
    | { kind: 'unknown'; requestId: string }
    | { kind: 'notGranted'; requester: string; assetType: AssetTypeConfig; level: Level };
  INVALID_EXPIRY: { problem: ExpiryProblem; assetType: AssetTypeConfig; maxDays: number };
}

function noun(assetType: AssetTypeConfig): string {
  return assetType.label.toLowerCase();
}

function labelAt(assetType: AssetTypeConfig, level: number): string {
  return roleAtLevel(assetType, level)?.label ?? 'no role';
}

/** Words joined as a person writes a list: `a, b and c`. */
export function listOf(words: readonly string[], conjunction: 'and' | 'or'): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} ${conjunction} ${words.at(-1)}`;
}

function quoted(name: string): string {
  return `“${name}”`;
}

function sharingNotAllowed({ assetType, ownLevel }: MessageFacts['SHARING_NOT_ALLOWED']): string {
  const model = assetType.whoMayShare;
  if (ownLevel === 0) return `You have no access to this ${noun(assetType)}, so you cannot share it.`;
  switch (model.kind) {
    case 'canShareFlag':
      return `You need ${quoted(optionLabels.canShare)} on this ${noun(assetType)} to share it.`;
    case 'minimumLevel':
      return `${labelAt(assetType, ownLevel)} access cannot share a ${noun(assetType)}. You need ${labelAt(assetType, model.level)} or higher.`;
    case 'anyCollaborator':
      return `You are not allowed to share this ${noun(assetType)}.`;
  }
}

function invalidExpiry({ problem, assetType, maxDays }: MessageFacts['INVALID_EXPIRY']): string {
  switch (problem) {
    case 'notAnInstant':
      return 'An expiry must be a date and time (RFC 3339), e.g. 2025-07-14T17:00:00Z.';
    case 'notInFuture':
      return 'An expiry must lie in the future.';
    case 'tooFar':
      return `Access can end at most ${maxDays} days from now.`;
    case 'ownerLevel':
      return `${labelAt(assetType, OWNER_LEVEL)} access never expires: every ${noun(assetType)} keeps its owners.`;
    case 'revocation':
      return 'Removing access ends it now: a removal carries no expiry.';
  }
}

function optionNotSupported(facts: MessageFacts['OPTION_NOT_SUPPORTED']): string {
  if (facts.kind === 'ownerUsesData') {
    return `${labelAt(facts.assetType, OWNER_LEVEL)} access always includes ${quoted(optionLabels.canUseData)}; it cannot be turned off.`;
  }
  return `${facts.assetType.pluralLabel} have no ${quoted(optionLabels[facts.option])} option.`;
}

/** Names the inputs the actor can open; the others are only counted, so nothing of them leaks. */
function lineageInputNotShareable({
  recipient,
  inputs,
  hiddenInputs,
}: MessageFacts['LINEAGE_INPUT_NOT_SHAREABLE']): string {
  const total = inputs.length + hiddenInputs;
  const one = total === 1;
  const hidden =
    hiddenInputs === 0
      ? []
      : inputs.length === 0
        ? [one ? 'a linked input you cannot open' : `${hiddenInputs} linked inputs you cannot open`]
        : [`${hiddenInputs} more you cannot open`];
  const named = inputs.length === 0 ? '' : `the linked ${one ? 'input' : 'inputs'} `;
  const what = `${named}${listOf([...inputs.map(quoted), ...hidden], 'and')}`;
  return `You cannot share ${what} with ${recipient}, and ${one ? 'it is' : 'they are'} not shared with them yet. Share without lineage, or ask an owner of the ${one ? 'input' : 'inputs'}.`;
}

function requestNotPending(facts: MessageFacts['REQUEST_NOT_PENDING']): string {
  if (facts.kind === 'unknown') return `No pending access request ${quoted(facts.requestId)} on this asset.`;
  return `Approving ${facts.requester}'s request needs ${labelAt(facts.assetType, facts.level)} for them in the same save.`;
}

/** One sentence per error code: what went wrong and, where there is one, what to do instead. */
const messages: { [Code in RuleCode]: (facts: MessageFacts[Code]) => string } = {
  RECIPIENT_INACTIVE: ({ recipient }) =>
    `${recipient}'s account is inactive. You can only share with active accounts.`,
  RECIPIENT_OUTSIDE_ORGANIZATION: ({ recipient }) =>
    `${recipient} is outside your organization. You can only share within your organization.`,
  RECIPIENT_NOT_FOUND: ({ recipient, type }) =>
    `No ${recipientTypeWords[type].one} named ${quoted(recipient)} was found.`,
  RECIPIENT_TYPE_NOT_ALLOWED: ({ type, assetType }) =>
    `${assetType.pluralLabel} can be shared with ${listOf(
      assetType.recipientTypes.map((allowed) => recipientTypeWords[allowed].many),
      'and',
    )} only, not with ${recipientTypeWords[type].many}.`,
  ROLE_ABOVE_OWN_LEVEL: ({ assetType, ownLevel }) =>
    `You can grant at most ${labelAt(assetType, ownLevel)}, your own role.`,
  TARGET_ABOVE_OWN_LEVEL: ({ assetType, targetLevel, ownLevel }) =>
    `You cannot change or remove ${labelAt(assetType, targetLevel)} access: it is above your own role, ${labelAt(assetType, ownLevel)}.`,
  SHARING_NOT_ALLOWED: sharingNotAllowed,
  ROLE_ABOVE_RECIPIENT_CEILING: ({ recipient, assetType, ceiling }) =>
    `${recipient} can hold at most ${labelAt(assetType, ceiling)}. Try a more restrictive role.`,
  LAST_OWNER: ({ recipient, isActor, assetType }) =>
    `${isActor ? 'You are' : `${recipient} is`} the last ${labelAt(assetType, OWNER_LEVEL)} of this ${noun(assetType)}. Make someone else ${labelAt(assetType, OWNER_LEVEL)} first.`,
  LAST_SHARER: ({ recipient, isActor, assetType }) =>
    `${isActor ? 'You are' : `${recipient} is`} the last person who can share this ${noun(assetType)}. Give someone else ${quoted(optionLabels.canShare)} first.`,
  INVALID_ROLE: ({ role, assetType }) =>
    `${quoted(role)} is not a role of a ${noun(assetType)}. Choose ${listOf(
      assetType.roles.map((known) => known.label),
      'or',
    )}.`,
  OPTION_NOT_SUPPORTED: optionNotSupported,
  TOO_MANY_ENTRIES: ({ count, max }) =>
    count === 0
      ? 'A save needs at least one change.'
      : `A save holds at most ${max} changes; this one has ${count}. Save in smaller parts.`,
  DUPLICATE_RECIPIENT: ({ recipient }) => `${recipient} is named more than once. Name each recipient once.`,
  NOTE_TOO_LONG: ({ length, max }) =>
    `A note holds at most ${max.toLocaleString('en-US')} characters; this one has ${length.toLocaleString('en-US')}.`,
  VERSION_CONFLICT: () =>
    'Someone else changed sharing since you opened it. Nothing was changed; review the current list and save again.',
  LINEAGE_INPUT_NOT_SHAREABLE: lineageInputNotShareable,
  DATA_USE_NOT_HELD: ({ assetType }) =>
    `You do not have ${quoted(optionLabels.canUseData)} on this ${noun(assetType)} yourself, so you cannot give it to anyone.`,
  REQUEST_NOT_NEEDED: ({ assetType, ownLevel }) =>
    `You already hold ${labelAt(assetType, ownLevel)} on this ${noun(assetType)}. Ask for a role above it.`,
  REQUEST_PENDING: ({ assetType, role }) =>
    `You already asked for ${role} on this ${noun(assetType)}. Wait for an answer before asking again.`,
  REQUEST_NOT_PENDING: requestNotPending,
  INVALID_EXPIRY: invalidExpiry,
};

/** The message for an error code, from the facts it needs. */
export function messageFor<Code extends RuleCode>(code: Code, facts: MessageFacts[Code]): string {
  return messages[code](facts);
}
