import type { Fault, FaultSpec, Persona } from '../api/contract.ts';
import { backend } from './backend.ts';
import type { MockDatabase } from './db.ts';
import { personaList } from './handlers/demo.ts';
import type { PersonaKey } from './personas.ts';
import { personaIds, personaTokens } from './personas.ts';

/** The mock backend's control panel, for the demo gallery and tests: set states directly, without HTTP. */
export const mockBackend = {
  /** The live database (read it; change it only through the API unless a demo state needs otherwise). */
  get db(): MockDatabase {
    return backend.db;
  },
  /** Whether the scale data (100,000 people, datasets with 10 to 10,000 grants) is loaded. */
  get scale(): boolean {
    return backend.db.scale;
  },
  /** Restores the seed and clears faults; `scale` switches the scale data on or off (default: unchanged). */
  reset(options: { scale?: boolean } = {}): void {
    backend.reset(options);
    if (backend.db.scale) backend.warmUp();
  },
  /** Makes matching requests fail, hang or lose the network (see `POST /demo/faults`). */
  injectFault(spec: FaultSpec): Fault {
    return backend.faults.add(spec);
  },
  clearFaults(): void {
    backend.faults.clear();
  },
  /** Faults still armed. */
  faults(): readonly Fault[] {
    return backend.faults.list();
  },
  /** Adds this much latency to every API request (demo endpoints excepted); 0 removes it. */
  setLatency(ms: number): void {
    backend.latencyMs = Math.max(0, ms);
  },
  get latencyMs(): number {
    return backend.latencyMs;
  },
  /** Every persona with its token. */
  personas(): Persona[] {
    return personaList().data;
  },
  /** A persona's bearer token, e.g. `tokenOf('olivia')` = `demo-olivia`. */
  tokenOf(persona: PersonaKey): string {
    return personaTokens[persona];
  },
  /** A persona's user id. */
  idOf(persona: PersonaKey): string {
    return personaIds[persona];
  },
};
export type MockBackendControl = typeof mockBackend;
