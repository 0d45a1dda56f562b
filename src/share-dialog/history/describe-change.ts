import { findRole } from '../../sharing/asset-types.ts';
import type { GrantState } from '../../sharing/history.ts';
import type { AssetTypeConfig, RoleDefinition } from '../../sharing/types.ts';
import type { HistoryMessages } from './messages.ts';

/** How the view names roles: the provider's labels (a host may rename them). */
export type RoleLabel = (assetType: AssetTypeConfig, role: RoleDefinition) => string;

/** The words for a grant's role, or "No access" for none. */
function roleWords(
  assetType: AssetTypeConfig,
  roleLabel: RoleLabel,
  messages: HistoryMessages,
  state: GrantState | null,
): string {
  if (!state) return messages.noAccess;
  const role = findRole(assetType, state.role);
  return role ? roleLabel(assetType, role) : state.role;
}

/**
 * What a change did, in words: ["Editor → Consumer"], ["Editor", "Allow sharing on"]. A grant given, taken or moved
 * to another role says its roles; a kept role says which options or end date changed.
 */
export function changeParts(
  assetType: AssetTypeConfig,
  roleLabel: RoleLabel,
  messages: HistoryMessages,
  before: GrantState | null,
  after: GrantState | null,
): string[] {
  const from = roleWords(assetType, roleLabel, messages, before);
  const to = roleWords(assetType, roleLabel, messages, after);
  if (!before || !after || before.role !== after.role) {
    const parts = [messages.roleChange(from, to)];
    if (after?.expiresAt) parts.push(messages.expires(after.expiresAt));
    return parts;
  }
  const parts = [to];
  const { options } = assetType;
  if (options.allowSharing && before.canShare !== after.canShare)
    parts.push(messages.option('allowSharing', after.canShare));
  if (options.canUseData && before.canUseData !== after.canUseData)
    parts.push(messages.option('canUseData', after.canUseData));
  if (before.expiresAt !== after.expiresAt)
    parts.push(after.expiresAt ? messages.expires(after.expiresAt) : messages.neverExpires);
  return parts;
}

/** One change as a sentence: "Eddie Evans: Editor → Consumer". */
export function describeChange(
  assetType: AssetTypeConfig,
  roleLabel: RoleLabel,
  messages: HistoryMessages,
  name: string,
  before: GrantState | null,
  after: GrantState | null,
): string {
  return messages.change(name, changeParts(assetType, roleLabel, messages, before, after));
}
