import type { PrincipalItem } from '../../api/contract.ts';
import type { RecipientSummary } from '../../sharing/draft.ts';

/** What the draft keeps of a search result. */
export function toRecipientSummary(item: PrincipalItem): RecipientSummary {
  const summary: RecipientSummary = {
    id: item.id,
    type: item.shareRecipientType,
    name: item.name,
    displayName: item.displayName,
  };
  if (item.email !== undefined) summary.email = item.email;
  if (item.memberCount !== undefined) summary.memberCount = item.memberCount;
  return summary;
}
