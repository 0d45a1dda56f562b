import type { QueryClient } from '@tanstack/react-query';
import type { AssetTypeConfig } from '../sharing/types.ts';
import type { ApiClient } from './client.ts';
import { accountQueryOptions } from './get-account.ts';
import { assetQueryOptions } from './get-asset.ts';
import { sharedRolesInfiniteQueryOptions } from './get-shared-roles.ts';

/** What a share dialog needs before it shows its first rows: the actor, the asset, the access list's first page. */
export function shareDialogQueries(client: ApiClient, assetType: AssetTypeConfig, assetId: string) {
  return {
    account: accountQueryOptions(client),
    asset: assetQueryOptions(client, assetType, assetId),
    accessList: sharedRolesInfiniteQueryOptions(client, assetType, assetId),
  };
}

/**
 * Asks for everything a share dialog opens on, all at once: no request waits on another or on a component
 * mounting. What is cached and still fresh is not asked again, and a request under way is not repeated.
 */
export function prefetchShareDialog(
  queryClient: QueryClient,
  client: ApiClient,
  assetType: AssetTypeConfig,
  assetId: string,
): void {
  const queries = shareDialogQueries(client, assetType, assetId);
  void queryClient.prefetchQuery(queries.account);
  void queryClient.prefetchQuery(queries.asset);
  // The first page only: a list scrolled far before is not reloaded page by page for a dialog that is not open.
  void queryClient.prefetchInfiniteQuery({ ...queries.accessList, pages: 1 });
}
