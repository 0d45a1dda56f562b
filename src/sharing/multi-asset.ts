/**
 * Sharing several assets at once (SPEC §11). One draft, written against the whole selection, becomes one request
 * per asset: the generic level sent as the asset type's own role, and every entry or option the asset's type
 * refuses by its config (R4, R12) left out of that asset's request — each named, with the reason, before saving.
 */
import { roleAtLevel } from './asset-types.ts';
import {
  createDraft,
  type Draft,
  draftToChangeRequest,
  type InviteSettings,
  type RecipientSummary,
} from './draft.ts';
import { listOf, recipientTypeWords } from './messages.ts';
import { type AccessAfterTransfer, transferChanges } from './transfer.ts';
import {
  type AssetTypeConfig,
  type ChangeRequest,
  type Level,
  OWNER_LEVEL,
  type RecipientType,
  type RoleDefinition,
} from './types.ts';

/** The levels a selection is shared at, by their generic names; each is sent as every asset type's own role. */
export const genericRoles: readonly RoleDefinition[] = [
  {
    name: 'OWNER',
    level: OWNER_LEVEL,
    label: 'Owner',
    description: 'Full control, including who has access.',
  },
  { name: 'READ_WRITE', level: 2, label: 'Read-write', description: 'Can view and change.' },
  { name: 'READ_ONLY', level: 1, label: 'Read-only', description: 'Can view and use.' },
];

/** One asset of a selection, as far as planning its request goes. */
export interface SelectedAsset {
  id: string;
  name: string;
  assetType: AssetTypeConfig;
}

/** The per-grant and per-save options a selection may set, each supported by some asset types only. */
export type SelectionOption = 'allowSharing' | 'canUseData' | 'expiry' | 'note' | 'notify';

export const selectionOptions: readonly SelectionOption[] = [
  'allowSharing',
  'canUseData',
  'expiry',
  'note',
  'notify',
];

const recipientTypeOrder: readonly RecipientType[] = ['user', 'group', 'organization', 'role'];

/**
 * The asset type a selection is shared as: the recipient types any selected type takes, the generic levels, and
 * the options any selected type supports. Lineage and the external link belong to one asset and are left out.
 */
export function selectionAssetType(types: readonly AssetTypeConfig[]): AssetTypeConfig {
  const some = (option: SelectionOption) => types.some((type) => type.options[option]);
  return {
    id: 'selection',
    label: 'Selection',
    pluralLabel: 'Selections',
    collection: '',
    recipientTypes: recipientTypeOrder.filter((type) =>
      types.some((config) => config.recipientTypes.includes(type)),
    ),
    roles: genericRoles,
    defaultRole: 'READ_WRITE',
    options: {
      allowSharing: some('allowSharing'),
      canUseData: some('canUseData'),
      expiry: some('expiry'),
      externalLink: false,
      shareWithLineage: false,
      note: some('note'),
      notify: some('notify'),
    },
    whoMayShare: { kind: 'anyCollaborator' },
    invariants: { lastOwner: true, lastSharer: false },
  };
}

/** The level of a generic role name (`READ_WRITE` → 2). */
export function genericLevel(roleName: string): Level | undefined {
  return genericRoles.find((role) => role.name === roleName.toUpperCase())?.level;
}

/** An asset type's own role at a generic level (Read-write → Editor on a dataset, User on a deployment). */
export function roleForLevel(assetType: AssetTypeConfig, level: Level): RoleDefinition {
  const role = roleAtLevel(assetType, level) ?? assetType.roles.at(-1);
  if (!role) throw new Error(`${assetType.label} has no roles.`);
  return role;
}

function nounOf(assetType: AssetTypeConfig): string {
  // "Use Case" is a name and keeps its capitals; "Data connection" is an ordinary noun.
  const words = assetType.label.split(' ');
  return words.length > 1 && words.every((word) => /^[A-Z]/.test(word))
    ? assetType.label
    : assetType.label.toLowerCase();
}

/** "a Use Case", "an application". */
export function withArticle(assetType: AssetTypeConfig): string {
  const noun = nounOf(assetType);
  return `${/^[aeio]/i.test(noun) ? 'an' : 'a'} ${noun}`;
}

/** A recipient that one asset's type does not take (R4), left out of that asset's request. */
export interface LeftOutRecipient {
  recipient: RecipientSummary;
  asset: SelectedAsset;
  code: 'RECIPIENT_TYPE_NOT_ALLOWED';
  /** "Data Science is not added to Customer churn reduction: a Use Case takes users and organizations only" */
  message: string;
}

/** Why a recipient is left out of one asset, naming the asset and its type's rule. */
export function leftOutMessage(recipient: RecipientSummary, asset: SelectedAsset): string {
  const takes = listOf(
    asset.assetType.recipientTypes.map((type) => recipientTypeWords[type].many),
    'and',
  );
  return `${recipient.displayName} is not added to ${asset.name}: ${withArticle(asset.assetType)} takes ${takes} only`;
}

/** A hand-over of every selected asset to one user (SPEC §11, transfer ownership). */
export interface SelectionTransfer {
  newOwner: RecipientSummary;
  /** The acting user, who steps down. */
  actorId: string;
  afterwards: AccessAfterTransfer;
}

/** One asset's part of a multi-asset save. */
export interface AssetPlan {
  asset: SelectedAsset;
  /** The request to send; null when nothing is left to send to this asset. */
  request: ChangeRequest | null;
  /** The role new recipients get here, in the asset type's own name. */
  role: RoleDefinition;
  leftOut: LeftOutRecipient[];
}

/**
 * The request one asset gets from a draft written against the whole selection: additions its type takes, at its
 * own role for the invite's generic level, with the options it supports (`draftToChangeRequest` drops the others),
 * then the hand-over, if any. A recipient named by the hand-over is not added a second time (R13).
 */
export function planAssetRequest(
  draft: Draft,
  invite: InviteSettings,
  asset: SelectedAsset,
  now: number,
  transfer: SelectionTransfer | null = null,
): AssetPlan {
  const { assetType } = asset;
  const role = roleForLevel(assetType, genericLevel(invite.newRole) ?? 2);
  const handedOver = new Set(transfer ? [transfer.newOwner.id, transfer.actorId] : []);
  const leftOut: LeftOutRecipient[] = [];
  const additions = draft.additions.filter(({ principal }) => {
    if (handedOver.has(principal.id)) return false;
    if (assetType.recipientTypes.includes(principal.type)) return true;
    leftOut.push({
      recipient: principal,
      asset,
      code: 'RECIPIENT_TYPE_NOT_ALLOWED',
      message: leftOutMessage(principal, asset),
    });
    return false;
  });
  const assetDraft: Draft = { ...createDraft(), additions };
  const assetInvite: InviteSettings = { ...invite, newRole: role.name, shareWithLineage: false };
  const request = draftToChangeRequest(assetDraft, assetInvite, assetType, () => undefined, now);
  const changes = transfer
    ? [
        ...request.changes,
        ...transferChanges(
          assetType,
          { type: 'user', id: transfer.newOwner.id, name: transfer.newOwner.name },
          transfer.actorId,
          transfer.afterwards,
        ),
      ]
    : request.changes;
  return {
    asset,
    request: changes.length > 0 ? { ...request, changes } : null,
    role,
    leftOut,
  };
}

/** The selected assets whose type lacks an option: where the dialog says that option does not apply (R12). */
export function assetsWithoutOption(
  assets: readonly SelectedAsset[],
  option: SelectionOption,
): SelectedAsset[] {
  return assets.filter((asset) => !asset.assetType.options[option]);
}
