import type { DatabaseSnapshot } from './db.ts';

/** Where the browser keeps the demo data between reloads. */
export const STORAGE_KEY = 'sharewell.mock-backend';

/** Bump when the stored shape or the seed changes: older (and newer) data is dropped and the seed restored. */
export const STORAGE_SCHEMA_VERSION = 2;

/** Keeps the database's mutable part somewhere between page loads. */
export interface Persistence {
  load(): DatabaseSnapshot | null;
  save(snapshot: DatabaseSnapshot): void;
  clear(): void;
}

interface StoredEnvelope {
  schema: number;
  snapshot: DatabaseSnapshot;
}

function isEnvelope(value: unknown): value is StoredEnvelope {
  return typeof value === 'object' && value !== null && 'schema' in value && 'snapshot' in value;
}

/** Persistence in `localStorage` (or any Storage), versioned: a stored schema other than this one resets cleanly. */
export function storagePersistence(storage: Storage, key = STORAGE_KEY): Persistence {
  return {
    load() {
      const text = storage.getItem(key);
      if (text === null) return null;
      try {
        const parsed: unknown = JSON.parse(text);
        if (isEnvelope(parsed) && parsed.schema === STORAGE_SCHEMA_VERSION) return parsed.snapshot;
      } catch {
        // Unreadable data is dropped like data of another schema.
      }
      storage.removeItem(key);
      return null;
    },
    save(snapshot) {
      const envelope: StoredEnvelope = { schema: STORAGE_SCHEMA_VERSION, snapshot };
      try {
        storage.setItem(key, JSON.stringify(envelope));
      } catch {
        // A full storage only loses persistence; the demo keeps working in memory.
      }
    },
    clear() {
      storage.removeItem(key);
    },
  };
}
