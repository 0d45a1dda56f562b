/**
 * A small fetch wrapper for the sharing REST contract: every answer is parsed with the contract's schema, and
 * every failure (an error status, a lost network, an answer that breaks the contract) becomes an `ApiError`.
 */
import { type ErrorBody, errorBodySchema } from './contract.ts';

/** Anything that turns unknown JSON into a typed value or throws: every zod schema of the contract is one. */
export interface ResponseParser<T> {
  parse(input: unknown): T;
}

/** How a host points the client at its backend. */
export interface ApiClientOptions {
  /** The API root, e.g. `/api/v2` or `https://example.test/api/v2`. Paths are appended to it. */
  baseUrl: string;
  /** The fetch to use (a host's instrumented fetch, a test's fetch). Defaults to the global one. */
  fetch?: typeof fetch;
  /** Headers added to every request, asked for anew each time (e.g. a fresh bearer token). */
  headers?: () => Record<string, string> | Promise<Record<string, string>>;
}

type QueryValue = string | number | boolean | null | undefined;

/** One request. Without `schema` the answer's body is ignored (e.g. `204 No Content`). */
export interface ApiRequest<T> {
  method?: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /** Path below `baseUrl`, starting with `/`. */
  path: string;
  query?: Record<string, QueryValue>;
  /** Sent as JSON. */
  body?: unknown;
  headers?: Record<string, string>;
  schema?: ResponseParser<T>;
  signal?: AbortSignal;
}

/** A successful answer: the parsed body and the headers that matter. */
export interface ApiResponse<T> {
  data: T;
  status: number;
  /** The `ETag` header, when the answer has one (the access list's version). */
  etag: string | null;
  headers: Headers;
}

/** What went wrong: an error status, no answer at all, or an answer that breaks the contract. */
export type ApiErrorKind = 'http' | 'network' | 'invalid-response';

/** A failed request. `status` is 0 when no answer arrived. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly kind: ApiErrorKind;
  readonly status: number;
  /** The parsed error body (SPEC §5), when the answer carried one. */
  readonly body: ErrorBody | undefined;
  /** Whether trying again may help: no answer, a timeout, throttling, or a server failure. */
  readonly retryable: boolean;

  constructor(options: {
    kind: ApiErrorKind;
    status: number;
    message: string;
    body?: ErrorBody;
    cause?: unknown;
  }) {
    super(options.message, options.cause === undefined ? undefined : { cause: options.cause });
    this.kind = options.kind;
    this.status = options.status;
    this.body = options.body;
    this.retryable = options.kind === 'network' || isRetryableStatus(options.status);
  }

  /** The error's code (`VALIDATION_FAILED`, `VERSION_CONFLICT`, …), when the body names one. */
  get code(): string | undefined {
    return this.body?.code;
  }
}

function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 429 || status >= 500;
}

/** Whether a thrown value is an answer or a failure of the API (an `ApiError`), rather than a bug. */
export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

/** A TanStack Query `retry` policy: retry what may succeed next time, at most twice; never a refusal. */
export function retryApiError(failureCount: number, error: unknown): boolean {
  return isApiError(error) && error.retryable && failureCount < 2;
}

/** What every endpoint function calls: one request against the base URL, its answer parsed by a schema. */
export interface ApiClient {
  readonly baseUrl: string;
  request<T = undefined>(request: ApiRequest<T>): Promise<ApiResponse<T>>;
}

function buildUrl(baseUrl: string, path: string, query: ApiRequest<unknown>['query']): string {
  const url = `${baseUrl.replace(/\/+$/, '')}${path}`;
  if (!query) return url;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `${url}?${search}` : url;
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function isAbort(error: unknown, signal: AbortSignal | undefined): boolean {
  return signal?.aborted === true || (error instanceof DOMException && error.name === 'AbortError');
}

/** Creates a client for a backend of SPEC §5's shape. */
export function createApiClient(options: ApiClientOptions): ApiClient {
  const baseUrl = options.baseUrl;

  async function request<T>(req: ApiRequest<T>): Promise<ApiResponse<T>> {
    const fetchImpl = options.fetch ?? globalThis.fetch;
    const extraHeaders = options.headers ? await options.headers() : {};
    const headers: Record<string, string> = { Accept: 'application/json', ...extraHeaders, ...req.headers };
    if (req.body !== undefined) headers['Content-Type'] = 'application/json';

    let response: Response;
    try {
      response = await fetchImpl(buildUrl(baseUrl, req.path, req.query), {
        method: req.method ?? 'GET',
        headers,
        body: req.body === undefined ? undefined : JSON.stringify(req.body),
        signal: req.signal,
      });
    } catch (error) {
      // A cancelled request is not a failure: the caller asked for it, so it keeps its own error.
      if (isAbort(error, req.signal)) throw error;
      throw new ApiError({
        kind: 'network',
        status: 0,
        message: 'The server could not be reached.',
        cause: error,
      });
    }

    if (!response.ok) {
      const parsed = errorBodySchema.safeParse(await readJson(response));
      throw new ApiError({
        kind: 'http',
        status: response.status,
        message: parsed.success ? parsed.data.message : `The server answered ${response.status}.`,
        body: parsed.success ? parsed.data : undefined,
      });
    }

    let data: T;
    if (req.schema) {
      const json = await readJson(response);
      try {
        data = req.schema.parse(json);
      } catch (error) {
        throw new ApiError({
          kind: 'invalid-response',
          status: response.status,
          message: 'The server answered in an unexpected shape.',
          cause: error,
        });
      }
    } else {
      data = undefined as T;
    }
    return { data, status: response.status, etag: response.headers.get('ETag'), headers: response.headers };
  }

  return { baseUrl, request };
}
