import { setupWorker } from 'msw/browser';
import { sharingApiBasePath } from '../api/contract.ts';
import { instantOf } from '../sharing/expiry.ts';
import { backend } from './backend.ts';
import { moveDemoClock } from './expiry-settlement.ts';
import { parseFaultParam } from './faults.ts';
import { STORAGE_KEY, storagePersistence } from './persistence.ts';
import { assertMockWorkerMayStart, handlersFor } from './worker-scope.ts';

export interface StartMockBackendOptions {
  /** Load the scale data. Default: `?scale=large` in the URL, else what the stored data had. */
  scale?: boolean;
  /** Latency added to every API request. Default: `?latency=<ms>` in the URL, else none. */
  latencyMs?: number;
  /** Keep the data in `localStorage` across reloads. Default: true. */
  persist?: boolean;
  /** Start in a production build too: the demo app, whose backend is meant to be a mock, says so. Default: false. */
  allowInProduction?: boolean;
  /** Where the backend's clock starts (RFC 3339). Default: `?now=<date-time>` in the URL, else where it was left. */
  now?: string;
}

function scaleFromUrl(params: URLSearchParams): boolean | undefined {
  const value = params.get('scale');
  if (value === null) return undefined;
  return value === 'large';
}

/**
 * Each tab runs its own backend over the same stored data. When another tab saves, this one takes its data over;
 * otherwise the next save here would write a stale copy back and silently undo the other tab's changes.
 */
function followOtherTabs(): void {
  window.addEventListener('storage', (event) => {
    if (event.key !== STORAGE_KEY || event.newValue === null) return;
    const snapshot = storagePersistence(window.localStorage).load();
    if (snapshot && snapshot.scale === backend.db.scale) backend.db.restore(snapshot);
  });
}

/**
 * Starts the mock backend in the browser (MSW service worker) and resolves once it answers requests: the app
 * renders after this. Reads `?scale=large`, `?latency=<ms>`, `?fault=METHOD:path:effect[:times]` and
 * `?now=<date-time>` (the demo clock) from the URL. It answers the page's own `/api/v2` only, and refuses a
 * production build unless `allowInProduction` says so.
 */
export async function startMockBackend(options: StartMockBackendOptions = {}): Promise<void> {
  assertMockWorkerMayStart(options.allowInProduction);
  const params = new URLSearchParams(window.location.search);
  const scale = options.scale ?? scaleFromUrl(params);
  if (options.persist === false) {
    if (scale !== undefined) backend.reset({ scale });
  } else {
    backend.attachPersistence(storagePersistence(window.localStorage), scale === undefined ? {} : { scale });
  }
  const latency = options.latencyMs ?? Number(params.get('latency') ?? 0);
  backend.latencyMs = Number.isFinite(latency) && latency > 0 ? latency : 0;
  for (const value of params.getAll('fault')) {
    const spec = parseFaultParam(value);
    if (spec) backend.faults.add(spec);
  }
  const startAt = instantOf(options.now ?? params.get('now') ?? '');
  if (!Number.isNaN(startAt)) {
    moveDemoClock(backend.db, { to: startAt });
    backend.save();
  }
  if (options.persist !== false) followOtherTabs();
  if (backend.db.scale) backend.warmUp();
  const worker = setupWorker(...handlersFor(sharingApiBasePath, window.location.origin));
  await worker.start({
    onUnhandledRequest: 'bypass',
    quiet: true,
    serviceWorker: { url: `${import.meta.env.BASE_URL}mockServiceWorker.js` },
  });
}
