import { describe, expect, it } from 'vitest';
import { MockBackendState } from './backend.ts';
import { STORAGE_KEY, STORAGE_SCHEMA_VERSION, storagePersistence } from './persistence.ts';
import { demoAssetId } from './seed.ts';

class MemoryStorage implements Storage {
  private readonly items = new Map<string, string>();
  get length() {
    return this.items.size;
  }
  clear() {
    this.items.clear();
  }
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  key(index: number) {
    return [...this.items.keys()][index] ?? null;
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
  setItem(key: string, value: string) {
    this.items.set(key, value);
  }
}

describe('browser persistence', () => {
  it('keeps changes across a reload', () => {
    const storage = new MemoryStorage();
    const first = new MockBackendState();
    first.attachPersistence(storagePersistence(storage));
    const asset = first.db.assets.get(demoAssetId('dataset'));
    if (!asset) throw new Error('no dataset');
    first.db.replaceGrants(asset, asset.grants.slice(0, 2));
    first.save();

    const reloaded = new MockBackendState();
    reloaded.attachPersistence(storagePersistence(storage));
    expect(reloaded.db.assets.get(demoAssetId('dataset'))?.grants).toHaveLength(2);
    expect(reloaded.db.etagOf(reloaded.db.assets.get(demoAssetId('dataset')) as never)).toBe(
      first.db.etagOf(asset),
    );
  });

  it('starts from the seed when the stored data has another schema', () => {
    const storage = new MemoryStorage();
    storage.setItem(
      STORAGE_KEY,
      JSON.stringify({ schema: STORAGE_SCHEMA_VERSION + 1, snapshot: { assets: [] } }),
    );
    const state = new MockBackendState();
    state.attachPersistence(storagePersistence(storage));
    expect(state.db.assets.get(demoAssetId('dataset'))?.grants.length).toBeGreaterThan(2);
    expect(JSON.parse(storage.getItem(STORAGE_KEY) ?? '{}').schema).toBe(STORAGE_SCHEMA_VERSION);
  });

  it('starts from the seed when the stored data is unreadable', () => {
    const storage = new MemoryStorage();
    storage.setItem(STORAGE_KEY, '{not json');
    const state = new MockBackendState();
    state.attachPersistence(storagePersistence(storage));
    expect(state.db.assets.size).toBeGreaterThan(8);
  });

  // Two scale seeds (100,000 people each) take a few seconds on a busy machine.
  it('remembers that scale data was on without storing it', { timeout: 60_000 }, () => {
    const storage = new MemoryStorage();
    const first = new MockBackendState();
    first.attachPersistence(storagePersistence(storage), { scale: true });
    expect((storage.getItem(STORAGE_KEY) ?? '').length).toBeLessThan(200_000);
    const reloaded = new MockBackendState();
    reloaded.attachPersistence(storagePersistence(storage));
    expect(reloaded.db.scale).toBe(true);
    expect(reloaded.db.directory.size).toBe(first.db.directory.size);
  });

  it('reset restores the seed and invalidates old ETags', () => {
    const state = new MockBackendState();
    const asset = state.db.assets.get(demoAssetId('dataset'));
    if (!asset) throw new Error('no dataset');
    const before = state.db.etagOf(asset);
    state.db.replaceGrants(asset, []);
    state.reset();
    const restored = state.db.assets.get(demoAssetId('dataset'));
    expect(restored?.grants.length).toBeGreaterThan(2);
    expect(state.db.etagOf(restored as never)).not.toBe(before);
  });
});
