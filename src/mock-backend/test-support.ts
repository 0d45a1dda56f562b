import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { backend } from './backend.ts';
import { createMockServer } from './node.ts';
import { type PersonaKey, personaToken } from './personas.ts';

/** Where tests send requests: any origin works, the handlers match `*\/api/v2/…`. */
export const testApiBase = 'http://sharewell.test/api/v2';

/**
 * Starts the MSW server for a test file. Before each test: no faults, no latency, and the seed restored (for the
 * scale data, whose seed takes a second, only once per file unless `resetEachTest`).
 */
export function setupMockServer(options: { scale?: boolean; resetEachTest?: boolean } = {}): void {
  const scale = options.scale ?? false;
  const resetEachTest = options.resetEachTest ?? !scale;
  const server = createMockServer();
  // The scale seed takes a second or more on a busy machine.
  const seedTimeout = scale ? 60_000 : 10_000;
  beforeAll(() => {
    server.listen({ onUnhandledRequest: 'error' });
    backend.reset({ scale });
  }, seedTimeout);
  beforeEach(() => {
    if (resetEachTest) backend.reset({ scale });
    backend.latencyMs = 0;
    backend.faults.clear();
  }, seedTimeout);
  afterEach(() => server.resetHandlers());
  afterAll(() => server.close());
}

/**
 * A request as a persona (or with no token when `as` is null), returning the raw Response. `body` is sent as JSON;
 * `rawBody` as it is, with only the headers given.
 */
export function call(
  as: PersonaKey | null,
  method: string,
  path: string,
  options: { body?: unknown; rawBody?: string; headers?: Record<string, string> } = {},
): Promise<Response> {
  const headers: Record<string, string> = { ...options.headers };
  if (as) headers.Authorization = `Bearer ${personaToken(as)}`;
  const init: RequestInit = { method, headers };
  if (options.rawBody !== undefined) init.body = options.rawBody;
  else if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    init.body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
  }
  return fetch(path.startsWith('http') ? path : `${testApiBase}${path}`, init);
}

/** GET as a persona, parsed as JSON. */
export async function getJson<T = unknown>(as: PersonaKey | null, path: string): Promise<T> {
  const response = await call(as, 'GET', path);
  if (!response.ok) throw new Error(`GET ${path} answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as T;
}
