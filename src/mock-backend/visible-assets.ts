import type { Asset } from '../api/contract.ts';
import { type EffectiveAccess, effectiveAccess, standingOf } from '../sharing/access.ts';
import { assetTypes, roleAtLevel } from '../sharing/asset-types.ts';
import { canManageExternalLink } from '../sharing/external-link.ts';
import type { ActorStanding, AssetTypeConfig, LinkedInput, Principal } from '../sharing/types.ts';
import type { MockDatabase, StoredAsset } from './db.ts';
import { settleExpiredGrants } from './expiry-settlement.ts';

/** An asset the actor can see, with the actor's access to it. */
export interface VisibleAsset {
  asset: StoredAsset;
  assetType: AssetTypeConfig;
  access: EffectiveAccess;
  standing: ActorStanding;
}

/**
 * The actor's view of an asset at `now`, or undefined when they have no effective access (the asset "does not
 * exist"). Grants expired by `now` are settled first: every read sees the list as it stands at its instant.
 */
export function visibleAsset(
  db: MockDatabase,
  asset: StoredAsset,
  actor: Principal,
  now: number,
): VisibleAsset | undefined {
  settleExpiredGrants(db, asset, now);
  const assetType = db.assetTypeOf(asset);
  const access = effectiveAccess(assetType, db.grantIndex(asset, now), actor, db.directory);
  if (access.level === 0) return undefined;
  return {
    asset,
    assetType,
    access,
    standing: standingOf(actor, access),
  };
}

/** The asset of a collection with this id, if the actor can see it. */
export function findVisibleAsset(
  db: MockDatabase,
  collection: string,
  id: string,
  actor: Principal,
  now: number,
): VisibleAsset | undefined {
  const asset = db.assets.get(id);
  if (!asset || assetTypes.byCollection(collection)?.id !== asset.assetTypeId) return undefined;
  return visibleAsset(db, asset, actor, now);
}

/** The linked inputs of an asset at `now`, as the policy reads them for lineage (R16). */
export function linkedInputsOf(db: MockDatabase, asset: StoredAsset, now: number): LinkedInput[] {
  return asset.linkedInputIds.flatMap((inputId) => {
    const input = db.assets.get(inputId);
    if (!input) return [];
    settleExpiredGrants(db, input, now);
    return [
      { assetId: input.id, assetName: input.name, assetType: db.assetTypeOf(input), grants: input.grants },
    ];
  });
}

/** Whether the actor may open a linked input at `now`: the same test as any asset they can see. */
export function opensInput(db: MockDatabase, input: LinkedInput, actor: Principal, now: number): boolean {
  const asset = db.assets.get(input.assetId);
  return asset !== undefined && visibleAsset(db, asset, actor, now) !== undefined;
}

/** An asset as the contract answers it, from the actor's point of view. */
export function assetView(db: MockDatabase, visible: VisibleAsset, actor: Principal, now: number): Asset {
  const { asset, assetType, access } = visible;
  const view: Asset = {
    id: asset.id,
    name: asset.name,
    assetType: asset.assetTypeId,
    collection: assetType.collection,
    yourRole: roleAtLevel(assetType, access.level)?.name ?? '',
    canShare: access.canShare,
    canUseData: access.canUseData,
    sharedWithCount: asset.grants.length,
  };
  if (asset.description) view.description = asset.description;
  if (asset.linkedInputIds.length > 0) {
    // Inputs the actor cannot open are counted, never named or identified.
    const inputs = linkedInputsOf(db, asset, now);
    const opened = inputs.filter((input) => opensInput(db, input, actor, now));
    view.linkedInputs = opened.map((input) => ({
      id: input.assetId,
      name: input.assetName,
      assetType: input.assetType.id,
    }));
    if (opened.length < inputs.length) view.hiddenLinkedInputCount = inputs.length - opened.length;
  }
  // The link lets anyone in: answered only to those who may create and revoke it.
  if (canManageExternalLink(assetType, visible.standing).allowed) {
    view.externalShareUrl = asset.externalShare?.url ?? null;
  }
  return view;
}

/** The path of an asset in the demo app, used by notification links. */
export function assetLink(asset: StoredAsset): string {
  return `/assets/${asset.assetTypeId}/${asset.id}`;
}
