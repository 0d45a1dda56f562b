/**
 * `sharewell/mocks` as a host's tests use it: it answers the base URL it is given, and nothing else of the host's
 * traffic, not even a path that looks like the API on another origin.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountSchema } from '../api/contract.ts';
import { createMockServer, mockApiBasePath, personaTokens } from './node.ts';

const base = `http://sharewell.test${mockApiBasePath}`;
const mocks = createMockServer({ baseUrl: base });
let hostService: Server;
let hostOrigin: string;

beforeAll(async () => {
  hostService = createServer((request, response) => {
    response.setHeader('content-type', 'text/plain');
    response.end(`the host's own service answered ${request.url}`);
  });
  await new Promise<void>((resolve) => hostService.listen(0, '127.0.0.1', resolve));
  hostOrigin = `http://127.0.0.1:${(hostService.address() as AddressInfo).port}`;
  mocks.listen({ onUnhandledRequest: 'bypass' });
});

afterAll(async () => {
  mocks.close();
  await new Promise<void>((resolve) => hostService.close(() => resolve()));
});

const auth = { Authorization: `Bearer ${personaTokens.olivia}` };

describe('createMockServer', () => {
  it('answers the sharing API under its base URL', async () => {
    const response = await fetch(`${base}/account`, { headers: auth });
    expect(accountSchema.parse(await response.json()).username).toBe('olivia@acme.test');
  });

  it('leaves every other request to the network: another origin, or another path on its own', async () => {
    const elsewhere = await fetch(`${hostOrigin}${mockApiBasePath}/account`, { headers: auth });
    expect(await elsewhere.text()).toBe(`the host's own service answered ${mockApiBasePath}/account`);
    const prefixed = await fetch(`${hostOrigin}/proxy${mockApiBasePath}/account`, { headers: auth });
    expect(await prefixed.text()).toBe(`the host's own service answered /proxy${mockApiBasePath}/account`);
  });

  it('wants a base URL that ends in /api/v2, where the API lives', () => {
    expect(() => createMockServer({ baseUrl: 'http://localhost/backend' })).toThrow(/ends in \/api\/v2/);
  });
});
