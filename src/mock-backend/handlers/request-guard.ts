import { http } from 'msw';
import {
  errorResponse,
  isJsonMediaType,
  MAX_BODY_BYTES,
  payloadTooLarge,
  unsupportedMediaType,
} from '../http.ts';
import { apiPath } from '../routes.ts';

const writes = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** The size of a request's body in bytes, read from a copy so that the handler after this one can read it too. */
async function bodySize(request: Request): Promise<number> {
  const declared = Number(request.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > MAX_BODY_BYTES) return declared;
  return request.body === null ? 0 : (await request.clone().arrayBuffer()).byteLength;
}

/** Whether a request comes from a page of another origin (browsers say so in `Origin`). */
function fromAnotherOrigin(request: Request): boolean {
  const origin = request.headers.get('origin');
  return origin !== null && origin !== new URL(request.url).origin;
}

/**
 * Runs first for every API request, demo endpoints included (SPEC §5 "Requests"): a body over 1 MB answers 413
 * before anything is checked; a write whose body is not JSON answers 415, so that a form or `text/plain` post from
 * another site can change nothing. A bodyless write that another site's page sends (which needs no Content-Type)
 * is refused too. Otherwise it falls through to the real handlers.
 */
export const requestGuardHandlers = [
  http.all(apiPath('/*'), async ({ request }) => {
    if (!writes.has(request.method)) return undefined;
    const size = await bodySize(request);
    if (size > MAX_BODY_BYTES) return payloadTooLarge();
    const contentType = request.headers.get('content-type');
    if (contentType !== null ? !isJsonMediaType(contentType) : size > 0) return unsupportedMediaType();
    if (fromAnotherOrigin(request)) {
      return errorResponse(403, {
        message: 'Writes from a page of another origin are refused; nothing was changed.',
        code: 'FORBIDDEN',
      });
    }
    return undefined;
  }),
];
