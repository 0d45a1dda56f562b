import { describe, expect, it, vi } from 'vitest';
import { ApiError, createApiClient, isApiError, retryApiError } from './client.ts';
import { contractParsers } from './contract-parsers.ts';

const account = {
  id: '5f1a2b3c4d5e6f7a8b9c0d1e',
  username: 'olivia@acme.test',
  fullName: 'Olivia Owens',
  orgId: '5f1a2b3c4d5e6f7a8b9c0d1f',
};

function fetchAnswering(response: Response | Error) {
  return vi.fn(async (_input: RequestInfo | URL, _init?: RequestInit) => {
    if (response instanceof Error) throw response;
    return response;
  });
}

describe('createApiClient', () => {
  it('joins the base URL and path, drops empty query values, and sends the host headers', async () => {
    const fetch = fetchAnswering(Response.json(account, { headers: { ETag: '"v1"' } }));
    const client = createApiClient({
      baseUrl: 'https://example.test/api/v2/',
      fetch,
      headers: async () => ({ Authorization: 'Bearer t' }),
    });
    const answer = await client.request({
      path: '/account',
      query: { offset: 0, name: '', type: undefined, limit: 100 },
      answer: 'account',
    });
    expect(answer.data).toEqual(account);
    expect(answer.etag).toBe('"v1"');
    const [url, init] = fetch.mock.calls[0] ?? [];
    expect(url).toBe('https://example.test/api/v2/account?offset=0&limit=100');
    expect(init?.headers).toMatchObject({ Authorization: 'Bearer t', Accept: 'application/json' });
  });

  it('sends a body as JSON', async () => {
    const fetch = fetchAnswering(new Response(null, { status: 204 }));
    const client = createApiClient({ baseUrl: '/api/v2', fetch });
    await client.request({ method: 'PATCH', path: '/x', body: { a: 1 }, headers: { 'If-Match': '"v2"' } });
    const init = fetch.mock.calls[0]?.[1];
    expect(init?.method).toBe('PATCH');
    expect(init?.body).toBe('{"a":1}');
    expect(init?.headers).toMatchObject({ 'Content-Type': 'application/json', 'If-Match': '"v2"' });
  });

  it('throws an ApiError with the parsed error body on an error status', async () => {
    const body = {
      message: '1 change could not be applied; nothing was changed.',
      code: 'RECIPIENT_INACTIVE',
      errors: [{ index: 0, code: 'RECIPIENT_INACTIVE', message: 'Inactive.' }],
    };
    const client = createApiClient({
      baseUrl: '/api/v2',
      fetch: fetchAnswering(Response.json(body, { status: 422 })),
    });
    const error = await client.request({ path: '/x' }).catch((caught: unknown) => caught);
    expect(isApiError(error)).toBe(true);
    expect(error).toMatchObject({ kind: 'http', status: 422, body, retryable: false, message: body.message });
    expect((error as ApiError).code).toBe('RECIPIENT_INACTIVE');
  });

  it('marks server failures and lost networks as retryable', async () => {
    const failing = createApiClient({
      baseUrl: '/api/v2',
      fetch: fetchAnswering(new Response('oops', { status: 503 })),
    });
    const serverError = await failing.request({ path: '/x' }).catch((caught: unknown) => caught);
    expect(serverError).toMatchObject({ kind: 'http', status: 503, retryable: true, body: undefined });

    const offline = createApiClient({
      baseUrl: '/api/v2',
      fetch: fetchAnswering(new TypeError('Failed to fetch')),
    });
    const networkError = await offline.request({ path: '/x' }).catch((caught: unknown) => caught);
    expect(networkError).toMatchObject({ kind: 'network', status: 0, retryable: true });
  });

  it("with the contract's parsers, refuses an answer that breaks the contract", async () => {
    const client = createApiClient({
      baseUrl: '/api/v2',
      fetch: fetchAnswering(Response.json({ id: 'nope' })),
      parseAnswers: contractParsers,
    });
    const error = await client
      .request({ path: '/account', answer: 'account' })
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ kind: 'invalid-response', status: 200, retryable: false });
  });

  it('without them, takes a JSON answer as it is, and refuses one that is not JSON', async () => {
    const trusting = createApiClient({
      baseUrl: '/api/v2',
      fetch: fetchAnswering(Response.json({ id: 'nope' })),
    });
    expect((await trusting.request({ path: '/account', answer: 'account' })).data).toEqual({ id: 'nope' });

    const garbled = createApiClient({
      baseUrl: '/api/v2',
      fetch: fetchAnswering(new Response('<html>', { status: 200 })),
    });
    const error = await garbled
      .request({ path: '/account', answer: 'account' })
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ kind: 'invalid-response', status: 200 });
  });

  it('reads an error body with or without the parsers, and ignores one without a message', async () => {
    const body = { message: 'Nope.', code: 'SHARING_NOT_ALLOWED' };
    for (const parseAnswers of [undefined, contractParsers]) {
      const client = createApiClient({
        baseUrl: '/api/v2',
        fetch: fetchAnswering(Response.json(body, { status: 403 })),
        parseAnswers,
      });
      expect(await client.request({ path: '/x' }).catch((caught: unknown) => caught)).toMatchObject({ body });
    }
    const bare = createApiClient({
      baseUrl: '/api/v2',
      fetch: fetchAnswering(Response.json({ error: 'x' }, { status: 500 })),
    });
    expect(await bare.request({ path: '/x' }).catch((caught: unknown) => caught)).toMatchObject({
      body: undefined,
      message: 'The server answered 500.',
    });
  });

  it('lets a cancelled request fail as a cancellation, not an ApiError', async () => {
    const controller = new AbortController();
    controller.abort();
    const abort = new DOMException('Aborted', 'AbortError');
    const client = createApiClient({ baseUrl: '/api/v2', fetch: fetchAnswering(abort) });
    const error = await client
      .request({ path: '/x', signal: controller.signal })
      .catch((caught: unknown) => caught);
    expect(error).toBe(abort);
  });
});

describe('retryApiError', () => {
  it('retries what may succeed next time, at most twice', () => {
    const transient = new ApiError({ kind: 'network', status: 0, message: 'down' });
    const refused = new ApiError({ kind: 'http', status: 422, message: 'no' });
    expect(retryApiError(0, transient)).toBe(true);
    expect(retryApiError(2, transient)).toBe(false);
    expect(retryApiError(0, refused)).toBe(false);
    expect(retryApiError(0, new Error('other'))).toBe(false);
  });
});
