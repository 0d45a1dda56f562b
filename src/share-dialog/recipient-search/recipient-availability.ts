import type { PrincipalItem } from '../../api/contract.ts';

/** Why a search result cannot be chosen, as the server marked it (R1 inactive, R2 another organization). */
export type UnavailableReason = 'inactive' | 'outsideOrganization';

/** Why a recipient cannot be chosen, or `undefined` when it can. Reads the server's verdict; decides nothing. */
export function unavailableReason(item: PrincipalItem): UnavailableReason | undefined {
  if (item.outsideOrganization) return 'outsideOrganization';
  if (!item.active) return 'inactive';
  return undefined;
}
