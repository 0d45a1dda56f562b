/**
 * What a host's tests need to know about the mock backend's seed: who to act as, which assets exist, and how to
 * start again from the seed. Shared by the Node and the browser entry of `sharewell/mocks`.
 */
import { sharingApiBasePath } from '../api/contract.ts';
import { backend } from '../mock-backend/backend.ts';

export {
  type PersonaDefinition,
  type PersonaKey,
  personaDefinitions,
  personaTokens,
} from '../mock-backend/personas.ts';
export { type DemoAssetKey, demoAssetId, demoAssetKeys } from '../mock-backend/seed.ts';

/** The path the mock backend answers under, on any origin: `/api/v2`. */
export const mockApiBasePath = sharingApiBasePath;

/** Restores the seed (every asset and grant as shipped) and clears injected faults: call it between tests. */
export function resetMockData(): void {
  backend.reset({ scale: false });
  backend.latencyMs = 0;
}
