/**
 * `sharewell/mocks/browser`: the mock backend of SPEC §5 in a service worker, for a host's demos and browser
 * tests. Copy the worker script into the public folder once (`npx msw init public`), then:
 *
 *   await createMockWorker().start({ onUnhandledRequest: 'bypass' });
 *
 * Data lives in memory: a reload starts from the seed.
 */
import { setupWorker } from 'msw/browser';
import { handlers } from '../mock-backend/handlers.ts';

export * from './mock-data.ts';
export { handlers };

/** An MSW service worker with every handler of the mock backend; `start()` it before rendering. */
export function createMockWorker() {
  return setupWorker(...handlers);
}
