import type { AssetTypeConfig } from '../sharing/types.ts';

/** The path of one asset, `/{collection}/{id}`, followed by `under` (e.g. `/sharedRoles`). */
export function assetPath(
  assetType: Pick<AssetTypeConfig, 'collection'>,
  assetId: string,
  under = '',
): string {
  return `/${assetType.collection}/${encodeURIComponent(assetId)}${under}`;
}
