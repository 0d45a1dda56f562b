/**
 * `npm run api`: the mock backend's handlers over plain HTTP on 127.0.0.1:4010 (`PORT` overrides, `SCALE=large`
 * loads the scale data), for curl, scripts and non-browser clients. Requests are answered by MSW's `getResponse`
 * with the same handlers the browser and the tests use: not a second implementation.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { pathToFileURL } from 'node:url';
import { getResponse } from 'msw';
import { backend } from '../src/mock-backend/backend.ts';
import { handlers } from '../src/mock-backend/handlers.ts';
import { MAX_BODY_BYTES, payloadTooLarge } from '../src/mock-backend/http.ts';

const tooLarge = Symbol('too large');

/** The body, read up to 1 MB: a larger one is not read on (the handlers would answer 413 to it anyway). */
async function readBody(request: IncomingMessage): Promise<Buffer | undefined | typeof tooLarge> {
  if (request.method === 'GET' || request.method === 'HEAD') return undefined;
  if (Number(request.headers['content-length']) > MAX_BODY_BYTES) return tooLarge;
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) return tooLarge;
    chunks.push(chunk as Buffer);
  }
  return chunks.length > 0 ? Buffer.concat(chunks) : undefined;
}

/** Writes a fetch Response to a Node response. */
async function send(response: ServerResponse, answer: Response): Promise<void> {
  const headers: Record<string, string> = {};
  answer.headers.forEach((value, name) => {
    headers[name] = value;
  });
  response.writeHead(answer.status, headers);
  response.end(Buffer.from(await answer.arrayBuffer()));
}

function toFetchRequest(request: IncomingMessage, body: Buffer | undefined, origin: string): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers)) {
    if (value === undefined) continue;
    for (const single of Array.isArray(value) ? value : [value]) headers.append(name, single);
  }
  const init: RequestInit = { method: request.method ?? 'GET', headers };
  if (body) init.body = new Uint8Array(body);
  return new Request(new URL(request.url ?? '/', origin), init);
}

/** Whether every percent-escape of a request path decodes (the route matcher throws on one that does not). */
function pathDecodes(url: string): boolean {
  try {
    decodeURIComponent(url.split('?')[0] ?? '');
    return true;
  } catch {
    return false;
  }
}

async function answer(request: IncomingMessage, response: ServerResponse, origin: string): Promise<void> {
  if (!pathDecodes(request.url ?? '/')) {
    response.writeHead(400, { 'content-type': 'application/json' });
    response.end(
      JSON.stringify({
        message: 'The request path holds a malformed percent-escape.',
        code: 'INVALID_REQUEST',
        errors: [{ index: null, code: 'INVALID_REQUEST', message: 'Malformed path.', path: ['path'] }],
      }),
    );
    return;
  }
  const body = await readBody(request);
  if (body === tooLarge) {
    // Answered without reading the rest; the connection closes rather than draining an unbounded body.
    response.setHeader('connection', 'close');
    await send(response, payloadTooLarge());
    return;
  }
  const fetchRequest = toFetchRequest(request, body, origin);
  const mocked = await getResponse(handlers, fetchRequest);
  if (!mocked) {
    response.writeHead(404, { 'content-type': 'application/json' });
    response.end(
      JSON.stringify({ message: `No endpoint ${request.method} ${request.url}.`, code: 'NOT_FOUND' }),
    );
    return;
  }
  if (mocked.type === 'error') {
    // An injected network error: drop the connection, as a failing network would.
    request.socket.destroy();
    return;
  }
  await send(response, mocked);
}

/** Starts the HTTP server; resolves with it once it listens. */
export function startApiServer(
  options: { port?: number; host?: string; scale?: boolean } = {},
): Promise<Server> {
  const host = options.host ?? '127.0.0.1';
  if (options.scale) {
    backend.reset({ scale: true });
    backend.warmUp();
  }
  const server = createServer((request, response) => {
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    answer(request, response, `http://${request.headers.host ?? `${host}:${port}`}`).catch(
      (error: unknown) => {
        response.writeHead(500, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ message: String(error), code: 'INTERNAL_ERROR' }));
      },
    );
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 4010, host, () => resolve(server));
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const port = Number(process.env.PORT ?? 4010);
  const scale = process.env.SCALE === 'large';
  startApiServer({ port, scale }).then(() => {
    console.log(
      `Sharewell mock API on http://127.0.0.1:${port}/api/v2${scale ? ' (scale data loaded)' : ''}`,
    );
    console.log(`Tokens: curl http://127.0.0.1:${port}/api/v2/demo/personas`);
  });
}
