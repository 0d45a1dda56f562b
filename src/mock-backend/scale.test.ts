import { describe, expect, it } from 'vitest';
import { createDatabase } from './backend.ts';
import { personaIds } from './personas.ts';
import { SCALE_DIRECTORY_SIZE, scaleAssetId, scaleAssetName, scaleGrantCounts } from './scale.ts';

describe('the scale seed', () => {
  const db = createDatabase({ scale: true });

  it('adds a 100,000-person directory', () => {
    expect(db.directory.size).toBeGreaterThanOrEqual(SCALE_DIRECTORY_SIZE);
  });

  it('adds datasets with exactly 10, 100, 1,000 and 10,000 grants, owned by Olivia, each principal once', () => {
    for (const count of scaleGrantCounts) {
      const asset = db.assets.get(scaleAssetId(count));
      expect(asset?.name).toBe(scaleAssetName(count));
      expect(asset?.grants).toHaveLength(count);
      expect(new Set(asset?.grants.map((grant) => grant.principalId)).size).toBe(count);
      expect(asset?.grants[0]).toMatchObject({ principalId: personaIds.olivia, role: 'OWNER' });
    }
    expect(scaleAssetName(10_000)).toBe('Scale · 10,000 grants');
  });

  it('is never persisted: a snapshot holds the normal assets and the fact that scale is on', () => {
    const snapshot = db.snapshot();
    expect(snapshot.scale).toBe(true);
    expect(snapshot.assets.some((asset) => asset.scale)).toBe(false);
  });
});
