import { describe, expect, it } from 'vitest';
import { historyPageSchema } from '../../api/history-contract.ts';
import { changeSetOfBody } from '../../api/wire-mapping.ts';
import { grantStateOf } from '../../sharing/history.ts';
import type { Grant } from '../../sharing/types.ts';
import { backend } from '../backend.ts';
import { historyPage } from '../history.ts';
import { personaIds } from '../personas.ts';
import { scaleAssetId, scaleGrantCounts, scaleUserId } from '../scale.ts';
import { call, getJson, setupMockServer } from '../test-support.ts';

setupMockServer({ scale: true });

const historyPath = (count: (typeof scaleGrantCounts)[number], query = '') =>
  `/datasets/${scaleAssetId(count)}/sharedRoles/history${query}`;

describe('the scale datasets’ history', () => {
  it('holds one change set per grant: 10, 100, 1,000 and 10,000', async () => {
    for (const count of scaleGrantCounts) {
      const page = historyPageSchema.parse(await getJson('olivia', historyPath(count, '?limit=5')));
      expect(page.totalCount, `${count} grants`).toBe(count);
      expect(page.count).toBe(5);
    }
  });

  it('replayed oldest first, ends in the 10,000 seeded grants', () => {
    const asset = backend.db.assets.get(scaleAssetId(10_000));
    if (!asset) throw new Error('no scale dataset');
    const { items } = historyPage(backend.db, asset.id, { offset: 0, limit: 10_000 });
    // Replayed into a map: applyChangeSet copies the list each time, too slow for 10,000 in a row.
    const replayed = new Map<string, unknown>();
    for (const changeSet of items.reverse()) {
      for (const change of changeSet.changes) {
        if (change.after) replayed.set(change.principal.id, change.after);
        else replayed.delete(change.principal.id);
      }
    }
    const content = (grants: readonly Grant[]) =>
      new Map(grants.map((grant) => [grant.principalId, grantStateOf(grant)]));
    expect(replayed).toEqual(content(asset.grants));
  });

  it('answers its last page, and one person’s change sets, like any other', async () => {
    const last = historyPageSchema.parse(
      await getJson('olivia', historyPath(10_000, '?offset=9990&limit=50')),
    );
    expect(last.count).toBe(10);
    expect(last.next).toBeNull();
    expect(last.data.at(-1)?.changes[0]?.principal.id).toBe(personaIds.olivia);
    const someone = backend.db.assets.get(scaleAssetId(10_000))?.grants[5_000]?.principalId as string;
    const theirs = historyPageSchema.parse(
      await getJson('olivia', historyPath(10_000, `?principalId=${someone}`)),
    );
    expect(theirs.totalCount).toBe(1);
    expect(theirs.data[0]?.changes.map((change) => change.principal.id)).toEqual([someone]);
    const nobody = historyPageSchema.parse(
      await getJson('olivia', historyPath(10_000, `?principalId=${scaleUserId(99_999)}`)),
    );
    expect(nobody.totalCount).toBe(0);
  });

  it('puts a save on top of the generated change sets', async () => {
    const someone = backend.db.assets.get(scaleAssetId(1_000))?.grants[500]?.principalId as string;
    const response = await call('olivia', 'PATCH', `/datasets/${scaleAssetId(1_000)}/sharedRoles`, {
      body: { operation: 'updateRoles', roles: [{ id: someone, shareRecipientType: 'user', role: null }] },
    });
    expect(response.status).toBe(204);
    const page = historyPageSchema.parse(await getJson('olivia', historyPath(1_000, '?limit=2')));
    expect(page.totalCount).toBe(1_001);
    expect(changeSetOfBody(page.data[0] as never).changes).toEqual([
      expect.objectContaining({ principal: expect.objectContaining({ id: someone }), after: null }),
    ]);
    const theirs = historyPageSchema.parse(
      await getJson('olivia', historyPath(1_000, `?principalId=${someone}`)),
    );
    expect(theirs.data.map((changeSet) => changeSet.changes[0]?.after?.role ?? null)).toEqual([
      null,
      expect.any(String),
    ]);
    // The scale data is regenerated on load, never persisted: nor is its history.
    expect(backend.db.snapshot().changeSets?.map((changeSet) => changeSet.assetId)).not.toContain(
      scaleAssetId(1_000),
    );
  });
});
