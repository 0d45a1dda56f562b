/**
 * What keeps a mock backend to its own business: it answers only the base URL it is given, never a host's other
 * traffic, and a browser worker does not start in a production build unless the host says so (SPEC §7).
 */
import { http, passthrough, type RequestHandler } from 'msw';
import { sharingApiBasePath } from '../api/contract.ts';
import { handlers } from './handlers.ts';

// The browser entry is typed without Node's globals; bundlers replace `process.env.NODE_ENV` where it is read.
declare const process: { env: Record<string, string | undefined> };

/** A base URL made absolute (against `origin` when relative), without a trailing slash. */
export function resolveBaseUrl(baseUrl: string, origin?: string): URL {
  const base = new URL(baseUrl, origin);
  base.pathname = base.pathname.replace(/\/+$/, '');
  base.search = '';
  base.hash = '';
  if (!base.pathname.endsWith(sharingApiBasePath)) {
    throw new Error(
      `The mock backend answers the sharing API under ${sharingApiBasePath}: give it a base URL that ends in ${sharingApiBasePath} (not ${baseUrl}).`,
    );
  }
  return base;
}

/** Whether a request URL lies under a base URL: the same origin, and the base's path or one below it. */
export function isUnderBaseUrl(url: string, base: URL): boolean {
  const target = new URL(url);
  if (target.origin !== base.origin) return false;
  return target.pathname === base.pathname || target.pathname.startsWith(`${base.pathname}/`);
}

/**
 * The mock backend's handlers, answering only requests under `baseUrl` (absolute, or relative to `origin`); any
 * other request goes on to the network untouched, whatever its path.
 */
export function handlersFor(baseUrl: string, origin?: string): RequestHandler[] {
  const base = resolveBaseUrl(baseUrl, origin);
  const elsewhere = http.all('*', ({ request }) =>
    isUnderBaseUrl(request.url, base) ? undefined : passthrough(),
  );
  return [elsewhere, ...handlers];
}

/**
 * Whether this code runs in a production build, as the host's bundler says through `process.env.NODE_ENV` (which
 * Vite, webpack, esbuild and Parcel set). A browser build that says nothing counts as production: not knowing must
 * not ship a fake backend.
 */
export function isProductionBuild(): boolean {
  try {
    return process.env.NODE_ENV === 'production';
  } catch {
    return true;
  }
}

/** Throws unless a mock worker may start here: any build but production, or production when the host allows it. */
export function assertMockWorkerMayStart(allowInProduction: boolean | undefined): void {
  if (allowInProduction === true || !isProductionBuild()) return;
  throw new Error(
    'Sharewell’s mock backend does not start in a production build: it would answer every save of your users with a fake backend. Pass `allowInProduction: true` only for a demo that is meant to ship one.',
  );
}
