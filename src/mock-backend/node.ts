import { setupServer } from 'msw/node';
import { handlers } from './handlers.ts';

export { handlers };

/** An MSW server with every handler of the mock backend, for tests and Node clients. */
export function createMockServer() {
  return setupServer(...handlers);
}
