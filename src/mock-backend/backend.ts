import type { MockDatabase } from './db.ts';
import { FaultRegistry } from './faults.ts';
import type { Persistence } from './persistence.ts';
import { addDemoProjects } from './project-seed.ts';
import { addScaleData } from './scale.ts';
import { createSeededDatabase } from './seed.ts';

/** A seeded database, with the scale data when asked. */
export function createDatabase(options: { scale?: boolean; epoch?: number } = {}): MockDatabase {
  const db = createSeededDatabase(options);
  addDemoProjects(db);
  if (options.scale) addScaleData(db);
  return db;
}

/** The mock backend's running state: the database, injected faults, added latency, and where it persists. */
export class MockBackendState {
  db: MockDatabase;
  readonly faults = new FaultRegistry();
  /** Added to every API request (demo endpoints excepted). */
  latencyMs = 0;
  private persistence: Persistence | null = null;

  constructor() {
    this.db = createDatabase();
  }

  /** Starts from what the persistence holds (or the seed), with the scale data if asked or if it was on. */
  attachPersistence(persistence: Persistence, options: { scale?: boolean } = {}): void {
    const snapshot = persistence.load();
    this.db = createDatabase({ scale: options.scale ?? snapshot?.scale ?? false });
    if (snapshot) this.db.restore(snapshot);
    this.persistence = persistence;
    this.save();
  }

  /** Back to the seed (keeping the scale setting unless told), with no faults; old ETags stop matching. */
  reset(options: { scale?: boolean } = {}): void {
    this.db = createDatabase({ scale: options.scale ?? this.db.scale, epoch: this.db.epoch + 1 });
    this.faults.clear();
    this.save();
  }

  /** Writes the database's mutable part to the persistence, if any. */
  save(): void {
    this.persistence?.save(this.db.snapshot());
  }

  /** Builds what the first search would otherwise build (the 100,000-principal index takes a moment). */
  warmUp(): void {
    this.db.searchIndex();
  }
}

/** The one running backend, shared by the handlers and the control API. */
export const backend = new MockBackendState();
