import { describe, expect, it } from 'vitest';
import { createDatabase } from './backend.ts';
import type { MockDatabase, StoredChangeSet } from './db.ts';
import { historyPage } from './history.ts';
import { personaIds } from './personas.ts';

const assetId = 'a'.repeat(24);
const otherAssetId = 'b'.repeat(24);

/** A change set on `asset` at `at`, touching `principalId`. */
function changeSet(
  id: string,
  at: string,
  asset = assetId,
  principalId: string = personaIds.connie,
): StoredChangeSet {
  return {
    assetId: asset,
    id,
    at,
    actor: null,
    note: null,
    cause: 'share',
    changes: [
      {
        principal: { id: principalId, type: 'user', name: principalId, displayName: principalId },
        before: null,
        after: { role: 'CONSUMER', canShare: false, canUseData: false, expiresAt: null },
      },
    ],
  };
}

function emptyDatabase(): MockDatabase {
  const db = createDatabase();
  db.changeSets = [];
  return db;
}

const ids = (page: { items: StoredChangeSet[] }) => page.items.map((item) => item.id);

describe('historyPage', () => {
  it('pages one asset’s change sets newest first, whatever order they were recorded in', () => {
    const db = emptyDatabase();
    db.changeSets.push(
      changeSet('jan', '2026-01-01T00:00:00.000Z'),
      changeSet('elsewhere', '2026-02-01T00:00:00.000Z', otherAssetId),
      changeSet('mar', '2026-03-01T00:00:00.000Z'),
    );
    expect(ids(historyPage(db, assetId, { offset: 0, limit: 10 }))).toEqual(['mar', 'jan']);
    // Recorded after the page above was read, and dated earlier: the demo clock was turned back.
    db.changeSets.push(
      changeSet('feb', '2026-02-01T00:00:00.000Z'),
      changeSet('apr', '2026-04-01T00:00:00.000Z'),
    );
    expect(ids(historyPage(db, assetId, { offset: 0, limit: 10 }))).toEqual(['apr', 'mar', 'feb', 'jan']);
    expect(historyPage(db, assetId, { offset: 1, limit: 2 })).toEqual({
      totalCount: 4,
      items: [expect.objectContaining({ id: 'mar' }), expect.objectContaining({ id: 'feb' })],
    });
    expect(ids(historyPage(db, assetId, { offset: 3, limit: 2 }))).toEqual(['jan']);
    expect(ids(historyPage(db, assetId, { offset: 9, limit: 2 }))).toEqual([]);
    expect(ids(historyPage(db, otherAssetId, { offset: 0, limit: 10 }))).toEqual(['elsewhere']);
  });

  it('puts the later recorded of two change sets at the same instant first, and filters to a principal', () => {
    const db = emptyDatabase();
    const at = '2026-05-05T05:05:05.000Z';
    db.changeSets.push(
      changeSet('first', at),
      changeSet('eddie', at, assetId, personaIds.eddie),
      changeSet('second', at),
    );
    expect(ids(historyPage(db, assetId, { offset: 0, limit: 10 }))).toEqual(['second', 'eddie', 'first']);
    const connie = historyPage(db, assetId, { offset: 0, limit: 10, principalId: personaIds.connie });
    expect(connie.totalCount).toBe(2);
    expect(ids(connie)).toEqual(['second', 'first']);
  });

  it('follows a history replaced by a restore', () => {
    const db = emptyDatabase();
    db.changeSets.push(changeSet('before', '2026-01-01T00:00:00.000Z'));
    expect(ids(historyPage(db, assetId, { offset: 0, limit: 10 }))).toEqual(['before']);
    db.changeSets = [changeSet('restored', '2026-01-02T00:00:00.000Z')];
    expect(ids(historyPage(db, assetId, { offset: 0, limit: 10 }))).toEqual(['restored']);
  });
});
