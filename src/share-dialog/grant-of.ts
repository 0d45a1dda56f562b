import type { SharedRole } from '../api/contract.ts';
import type { Grant } from '../sharing/types.ts';

/** The domain's view of an access-list entry. */
export function grantOf(entry: SharedRole): Grant {
  const grant: Grant = {
    principalId: entry.id,
    principalType: entry.shareRecipientType,
    role: entry.role.toUpperCase(),
    canShare: entry.canShare,
    canUseData: entry.canUseData,
  };
  if (entry.expiresAt) grant.expiresAt = entry.expiresAt;
  return grant;
}

/** The name a person reads for an access-list entry: the full name of a user, else its name. */
export function displayNameOf(entry: SharedRole): string {
  return entry.userFullName || entry.name;
}
