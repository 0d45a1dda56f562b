/**
 * `sharewell/mocks/browser`: the mock backend of SPEC §5 in a service worker, for a host's demos and browser
 * tests. Copy the worker script into the public folder once (`npx msw init public`), then:
 *
 *   await createMockWorker({ baseUrl: '/api/v2' }).start({ onUnhandledRequest: 'bypass' });
 *
 * It answers only requests under `baseUrl`, never the host's other traffic, and refuses to start in a production
 * build unless `allowInProduction: true` says that the build is a demo meant to ship it. Data lives in memory: a
 * reload starts from the seed.
 */
import type { RequestHandler } from 'msw';
import { setupWorker } from 'msw/browser';
import { assertMockWorkerMayStart, handlersFor } from '../mock-backend/worker-scope.ts';

export * from './mock-data.ts';

/** Options of {@link createMockWorker}. */
export interface MockWorkerOptions {
  /** Where the dialog's API lives, e.g. `/api/v2` (against the page's origin) or `https://api.example.test/api/v2`. */
  baseUrl: string;
  /** Start in a production build too. Only for a demo that is meant to ship a fake backend to its users. */
  allowInProduction?: boolean;
}

/**
 * An MSW service worker with every handler of the mock backend, answering `baseUrl` only; `start()` it before
 * rendering. Throws in a production build unless `allowInProduction` is set.
 */
export function createMockWorker(options: MockWorkerOptions) {
  assertMockWorkerMayStart(options.allowInProduction);
  return setupWorker(...handlersFor(options.baseUrl, globalThis.location?.origin));
}

/** The mock backend's handlers for `baseUrl`, to add to a host's own MSW worker. */
export function mockHandlers(options: Pick<MockWorkerOptions, 'baseUrl'>): RequestHandler[] {
  return handlersFor(options.baseUrl, globalThis.location?.origin);
}
