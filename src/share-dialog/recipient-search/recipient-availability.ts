import type { PrincipalItem } from '../../api/contract.ts';

/**
 * Why a search result cannot be chosen, as the server marked it (R1 inactive). The search never answers anyone
 * of another organization, so R2 is not among them: see `isAddressOutsideOrganization`.
 */
export type UnavailableReason = 'inactive';

/** Why a recipient cannot be chosen, or `undefined` when it can. Reads the server's verdict; decides nothing. */
export function unavailableReason(item: PrincipalItem): UnavailableReason | undefined {
  if (!item.active) return 'inactive';
  return undefined;
}
