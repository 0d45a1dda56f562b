import { HttpResponse } from 'msw';
import { en } from 'zod/locales';
import type { z } from 'zod/mini';
import type { ErrorBody, ErrorEntry } from '../api/contract.ts';
import type { Principal } from '../sharing/types.ts';
import { backend } from './backend.ts';
import { personaDefinitions, personaId, personaToken } from './personas.ts';

/** A JSON error response with the body of SPEC §5. */
export function errorResponse(status: number, body: ErrorBody, headers?: Record<string, string>): Response {
  return HttpResponse.json(body, headers ? { status, headers } : { status });
}

/** 401: no or a bad token. */
function unauthorized(message = 'Sign in: this request has no valid bearer token.'): Response {
  return errorResponse(401, { message, code: 'UNAUTHORIZED' });
}

/** 404: no such thing, or one the actor cannot see (never 403, so its existence is not leaked). */
export function notFound(message = 'Not found.'): Response {
  return errorResponse(404, { message, code: 'NOT_FOUND' });
}

/** SPEC §5: a body over this many bytes answers 413 before anything is checked. */
export const MAX_BODY_BYTES = 1024 * 1024;

/** 413: the body is over 1 MB; nothing of it was read. */
export function payloadTooLarge(): Response {
  return errorResponse(413, {
    message: `The request body is over ${MAX_BODY_BYTES / 1024 / 1024} MB; nothing was changed.`,
    code: 'PAYLOAD_TOO_LARGE',
  });
}

/** 415: a write whose body is not JSON; nothing was changed. */
export function unsupportedMediaType(): Response {
  return errorResponse(415, {
    message: 'Send the request body as Content-Type: application/json; nothing was changed.',
    code: 'UNSUPPORTED_MEDIA_TYPE',
  });
}

/** Whether a Content-Type names JSON: `application/json`, or a `+json` type, with any parameters. */
export function isJsonMediaType(contentType: string): boolean {
  const type = contentType.split(';')[0]?.trim().toLowerCase() ?? '';
  return type === 'application/json' || /^application\/[\w.+-]+\+json$/.test(type);
}

/** zod/mini has no messages of its own: English ones are given per parse, leaving zod's global config alone. */
export const englishIssueMessages = { error: en().localeError };

/** 400 from zod issues: each with the path of the malformed field; `index` is the role entry it concerns. */
export function badRequest(issues: readonly z.core.$ZodIssue[], prefix: (string | number)[] = []): Response {
  const errors: ErrorEntry[] = issues.map((issue) => {
    const path = [
      ...prefix,
      ...issue.path.map((segment) => (typeof segment === 'symbol' ? String(segment) : segment)),
    ];
    const index = path[0] === 'roles' && typeof path[1] === 'number' ? path[1] : null;
    return { index, code: 'INVALID_REQUEST', message: `${path.join('.') || 'body'}: ${issue.message}`, path };
  });
  const count = errors.length;
  return errorResponse(400, {
    message: `The request is malformed (${count} ${count === 1 ? 'problem' : 'problems'}); nothing was changed.`,
    code: 'INVALID_REQUEST',
    errors,
  });
}

const tokenToUserId = new Map(
  personaDefinitions.map((persona) => [personaToken(persona.key), personaId(persona.key)]),
);

/** The signed-in user of a request, or the 401 to answer: no token, an unknown one, or an inactive account. */
export function authenticate(request: Request): Principal | Response {
  const header = request.headers.get('authorization') ?? '';
  const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
  if (!match) return unauthorized();
  const userId = tokenToUserId.get(match[1] as string);
  const user = userId === undefined ? undefined : backend.db.user(userId);
  if (!user) return unauthorized('Sign in: this bearer token is not valid.');
  if (!user.active) return unauthorized(`${user.displayName}'s account is inactive and cannot sign in.`);
  return user;
}

/** The query string parsed with a contract schema, or the 400 to answer. */
export function parseQuery<Schema extends z.ZodMiniType>(
  request: Request,
  schema: Schema,
): z.infer<Schema> | Response {
  const url = new URL(request.url);
  const result = schema.safeParse(Object.fromEntries(url.searchParams), englishIssueMessages);
  return result.success ? result.data : badRequest(result.error.issues, ['query']);
}

/** The JSON body parsed with a contract schema, or the 400 to answer. */
export async function parseBody<Schema extends z.ZodMiniType>(
  request: Request,
  schema: Schema,
): Promise<z.infer<Schema> | Response> {
  let json: unknown;
  try {
    json = await request.json();
  } catch {
    return errorResponse(400, { message: 'The request body is not valid JSON.', code: 'INVALID_REQUEST' });
  }
  const result = schema.safeParse(json, englishIssueMessages);
  return result.success ? result.data : badRequest(result.error.issues);
}

/** The full URLs of the next and previous pages, keeping every other parameter of the request. */
export function pageLinks(
  request: Request,
  offset: number,
  limit: number,
  totalCount: number,
): { next: string | null; previous: string | null } {
  const at = (newOffset: number) => {
    const url = new URL(request.url);
    url.searchParams.set('offset', String(newOffset));
    url.searchParams.set('limit', String(limit));
    return url.toString();
  };
  return {
    next: offset + limit < totalCount ? at(offset + limit) : null,
    previous: offset > 0 ? at(Math.max(0, offset - limit)) : null,
  };
}

/** A page of items with `count`, `totalCount` and full-URL `next`/`previous`. */
export function page<T>(request: Request, items: readonly T[], offset: number, limit: number) {
  return {
    count: Math.max(0, Math.min(limit, items.length - offset)),
    totalCount: items.length,
    ...pageLinks(request, offset, limit, items.length),
    data: items.slice(offset, offset + limit),
  };
}
