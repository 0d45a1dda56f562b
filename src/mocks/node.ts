/**
 * `sharewell/mocks`: the mock backend of SPEC §5 for a host's tests in Node (Vitest, Jest), through `msw/node`:
 *
 *   const server = createMockServer({ baseUrl: 'http://localhost/api/v2' });
 *   server.listen();
 *
 * then point `ShareDialogProvider` at the same base URL with `Authorization: Bearer ${personaTokens.olivia}`. It
 * answers only requests under `baseUrl`: the host's other traffic goes on untouched. It holds the normal seed
 * only; the demo app's 100,000-principal scale data is not part of the package.
 */
import type { RequestHandler } from 'msw';
import { setupServer } from 'msw/node';
import { handlersFor } from '../mock-backend/worker-scope.ts';

export * from './mock-data.ts';

/** Options of {@link createMockServer}. */
export interface MockServerOptions {
  /** The absolute URL the dialog's API lives at in the tests, e.g. `http://localhost/api/v2`. */
  baseUrl: string;
}

/** An MSW server with every handler of the mock backend, answering `baseUrl` only. */
export function createMockServer(options: MockServerOptions) {
  return setupServer(...handlersFor(options.baseUrl));
}

/** The mock backend's handlers for `baseUrl`, to add to a host's own MSW setup. */
export function mockHandlers(options: MockServerOptions): RequestHandler[] {
  return handlersFor(options.baseUrl);
}
