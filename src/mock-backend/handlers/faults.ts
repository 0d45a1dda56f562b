import { delay, HttpResponse, http } from 'msw';
import { sharingApiBasePath } from '../../api/contract.ts';
import { backend } from '../backend.ts';
import { errorResponse } from '../http.ts';
import { apiPath } from '../routes.ts';

const demoPrefix = `${sharingApiBasePath}/demo/`;

/**
 * Runs first for every API request: adds the configured latency and applies an injected fault. It answers only
 * for a failing fault; otherwise it falls through to the real handlers.
 */
export const faultHandlers = [
  http.all(apiPath('/*'), async ({ request }) => {
    const { pathname } = new URL(request.url);
    if (pathname.includes(demoPrefix)) return undefined;
    if (backend.latencyMs > 0) await delay(backend.latencyMs);
    const effect = backend.faults.take(request.method, pathname);
    if (!effect) return undefined;
    if (effect.delayMs > 0) await delay(effect.delayMs);
    if (effect.kind === 'networkError') return HttpResponse.error();
    if (effect.kind === 'status') {
      return errorResponse(effect.status, {
        message: `Injected fault: this request failed with status ${effect.status}.`,
        code: effect.status >= 500 ? 'INTERNAL_ERROR' : 'INVALID_REQUEST',
      });
    }
    return undefined;
  }),
];
