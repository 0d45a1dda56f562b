import { describe, expect, it } from 'vitest';
import { assetTypes } from '../sharing/asset-types.ts';
import { applyChangeSet, type ChangeSet, grantStateOf, undoOfChangeSet } from '../sharing/history.ts';
import { applyChanges } from '../sharing/policy.ts';
import type { ChangeRequest, Grant, Principal } from '../sharing/types.ts';
import { createDatabase } from './backend.ts';
import type { MockDatabase, StoredAsset } from './db.ts';
import { historyPage } from './history.ts';
import { personaIds } from './personas.ts';
import { type DemoAssetKey, demoAssetId, demoAssetKeys } from './seed.ts';
import { PARTLY_STALE_NOTE } from './seed-history.ts';

const db = createDatabase();
const demoAssets = demoAssetKeys.map((key) => db.assets.get(demoAssetId(key)) as StoredAsset);

function historyOf(database: MockDatabase, asset: StoredAsset): ChangeSet[] {
  return historyPage(database, asset.id, { offset: 0, limit: 1000 }).items.reverse();
}

function contentOf(grants: readonly Grant[]) {
  return grants
    .map((grant) => [grant.principalId, grant.principalType, grantStateOf(grant)] as const)
    .sort(([a], [b]) => a.localeCompare(b));
}

/** A change set as the save that would have made it: every change by id, with the options the type has. */
function requestOf(asset: StoredAsset, changeSet: ChangeSet): ChangeRequest {
  const { options } = db.assetTypeOf(asset);
  return {
    changes: changeSet.changes.map(({ principal, after }) => ({
      recipient: { type: principal.type, id: principal.id },
      role: after?.role ?? null,
      ...(after && options.allowSharing ? { canShare: after.canShare } : {}),
      ...(after && options.canUseData && after.role !== 'OWNER' ? { canUseData: after.canUseData } : {}),
      ...(after?.expiresAt ? { expiresAt: after.expiresAt } : {}),
    })),
  };
}

describe('the seeded history', () => {
  it('spans weeks, several personas act in it, and the newest comes last', () => {
    for (const asset of demoAssets) {
      const history = historyOf(db, asset);
      // An asset shared with few (another organization's) has a short history; the others, weeks of it.
      expect(history.length, asset.name).toBeGreaterThanOrEqual(Math.min(4, asset.grants.length));
      const times = history.map((changeSet) => Date.parse(changeSet.at));
      expect([...times].sort((a, b) => a - b)).toEqual(times);
      if (history.length >= 4)
        expect((times.at(-1) as number) - (times[0] as number), asset.name).toBeGreaterThan(5 * 86_400_000);
    }
    const actors = new Set(
      demoAssets.flatMap((asset) => historyOf(db, asset).map((cs) => cs.actor?.fullName)),
    );
    expect([...actors]).toEqual(expect.arrayContaining(['Olivia Owens', 'Eddie Evans', 'Connie Cole']));
  });

  it('replayed from an empty list, ends in exactly the seeded grants', () => {
    for (const asset of demoAssets) {
      const replayed = historyOf(db, asset).reduce<Grant[]>(applyChangeSet, []);
      expect(contentOf(replayed), asset.name).toEqual(contentOf(asset.grants));
    }
  });

  it('holds only change sets their actor was allowed to make, each as the policy applies it', () => {
    for (const asset of demoAssets) {
      const [creation, ...later] = historyOf(db, asset) as [ChangeSet, ...ChangeSet[]];
      // The asset's creation makes its creator the owner; every later change set is a save.
      expect(creation.changes).toEqual([
        expect.objectContaining({
          principal: expect.objectContaining({ id: creation.actor?.id }),
          before: null,
          after: expect.objectContaining({ role: 'OWNER' }),
        }),
      ]);
      let grants = applyChangeSet([], creation);
      for (const changeSet of later) {
        const actor = db.directory.byId(changeSet.actor?.id ?? '') as Principal;
        const context = {
          assetType: db.assetTypeOf(asset),
          actor,
          grants,
          directory: db.directory,
          now: Date.parse(changeSet.at),
        };
        const result = applyChanges(context, requestOf(asset, changeSet));
        const replayed = applyChangeSet(grants, changeSet);
        if (!result.ok) {
          // Ivan was shared with while his account was active; it has been deactivated since.
          expect(
            result.violations.map((violation) => [violation.code, violation.recipient]),
            `${asset.name}: ${changeSet.note}`,
          ).toEqual([['RECIPIENT_INACTIVE', personaIds.ivan]]);
        } else {
          expect(contentOf(result.grants), `${asset.name} at ${changeSet.at}`).toEqual(contentOf(replayed));
        }
        grants = replayed;
      }
    }
  });

  it('has, for every asset type, a change set whose undo is partly stale: Eddie changed Connie again since', () => {
    for (const { id: key } of assetTypes.all()) {
      const asset = db.assets.get(demoAssetId(key as DemoAssetKey)) as StoredAsset;
      const newestFirst = historyOf(db, asset).reverse();
      const index = newestFirst.findIndex((changeSet) => changeSet.note === PARTLY_STALE_NOTE);
      const changeSet = newestFirst[index] as ChangeSet;
      const plan = undoOfChangeSet(changeSet, newestFirst.slice(0, index));
      expect(plan.changes, key).toHaveLength(1);
      expect(plan.skipped, key).toEqual([
        expect.objectContaining({
          principal: expect.objectContaining({ id: personaIds.connie }),
          changedBy: { id: personaIds.eddie, fullName: 'Eddie Evans' },
        }),
      ]);
    }
  });
});
