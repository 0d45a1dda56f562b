/**
 * A small fetch wrapper for the sharing REST contract: each request names the answer it expects, and every failure
 * (an error status, a lost network, an answer that breaks the contract) becomes an `ApiError`. Answers are checked
 * against the contract when the client is given its parsers (`parseAnswers`), and taken as the contract types them
 * otherwise.
 */
import type { AnswerName, ContractAnswers, ContractParsers } from './answers.ts';
import type { ErrorBody } from './contract.ts';

/** How a host points the client at its backend. */
export interface ApiClientOptions {
  /** The API root, e.g. `/api/v2` or `https://example.test/api/v2`. Paths are appended to it. */
  baseUrl: string;
  /** The fetch to use (a host's instrumented fetch, a test's fetch). Defaults to the global one. */
  fetch?: typeof fetch;
  /** Headers added to every request, asked for anew each time (e.g. a fresh bearer token). */
  headers?: () => Record<string, string> | Promise<Record<string, string>>;
  /**
   * The contract's parsers (`contractParsers`, from `sharewell/contract`): with them, every answer is checked against
   * the contract and one that strays fails as `invalid-response`. Without them, answers are trusted as typed.
   */
  parseAnswers?: ContractParsers;
}

type QueryValue = string | number | boolean | null | undefined;

/** One request. Without `answer` the answer's body is ignored (e.g. `204 No Content`). */
export interface ApiRequest<Name extends AnswerName | undefined = undefined> {
  method?: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /** Path below `baseUrl`, starting with `/`. */
  path: string;
  query?: Record<string, QueryValue>;
  /** Sent as JSON. */
  body?: unknown;
  headers?: Record<string, string>;
  /** The answer the request expects, by its name in the contract. */
  answer?: Name;
  signal?: AbortSignal;
}

/** What a request named as its answer: the contract's type of it, or nothing. */
export type AnswerOf<Name extends AnswerName | undefined> = Name extends AnswerName
  ? ContractAnswers[Name]
  : undefined;

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

/** What every endpoint function calls: one request against the base URL, its answer taken as the one it names. */
export interface ApiClient {
  readonly baseUrl: string;
  request<Name extends AnswerName | undefined = undefined>(
    request: ApiRequest<Name>,
  ): Promise<ApiResponse<AnswerOf<Name>>>;
}

function buildUrl(baseUrl: string, path: string, query: ApiRequest['query']): string {
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

/**
 * An error answer's body (SPEC §5), when it has one: checked by the contract's parser when the client has them,
 * else taken when it carries a message, as every error body of the contract does.
 */
function errorBodyOf(json: unknown, parsers: ContractParsers | undefined): ErrorBody | undefined {
  if (parsers) {
    try {
      return parsers.error.parse(json);
    } catch {
      return undefined;
    }
  }
  const candidate = json as Partial<ErrorBody> | null | undefined;
  return typeof candidate === 'object' && candidate !== null && typeof candidate.message === 'string'
    ? (candidate as ErrorBody)
    : undefined;
}

function isAbort(error: unknown, signal: AbortSignal | undefined): boolean {
  return signal?.aborted === true || (error instanceof DOMException && error.name === 'AbortError');
}

/** Creates a client for a backend of SPEC §5's shape. */
export function createApiClient(options: ApiClientOptions): ApiClient {
  const { baseUrl, parseAnswers: parsers } = options;

  async function request<Name extends AnswerName | undefined = undefined>(
    req: ApiRequest<Name>,
  ): Promise<ApiResponse<AnswerOf<Name>>> {
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
      const body = errorBodyOf(await readJson(response), parsers);
      throw new ApiError({
        kind: 'http',
        status: response.status,
        message: body ? body.message : `The server answered ${response.status}.`,
        body,
      });
    }

    let data: AnswerOf<Name> = undefined as AnswerOf<Name>;
    if (req.answer) {
      const json = await readJson(response);
      try {
        if (json === undefined) throw new Error('The answer carries no JSON.');
        data = (parsers ? parsers[req.answer].parse(json) : json) as AnswerOf<Name>;
      } catch (error) {
        throw new ApiError({
          kind: 'invalid-response',
          status: response.status,
          message: 'The server answered in an unexpected shape.',
          cause: error,
        });
      }
    }
    return { data, status: response.status, etag: response.headers.get('ETag'), headers: response.headers };
  }

  return { baseUrl, request };
}
