import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { createApiClient } from './client.ts';
import type { PrincipalItem, PrincipalPage } from './contract.ts';
import { contractParsers } from './contract-parsers.ts';
import {
  exactUserMatch,
  PRINCIPAL_SEARCH_PAGE_SIZE,
  principalSearchQueryOptions,
  searchPrincipals,
} from './principals.ts';
import { sharingKeys } from './query-keys.ts';

function item(fields: Partial<PrincipalItem> & Pick<PrincipalItem, 'name' | 'displayName'>): PrincipalItem {
  return { id: '1'.repeat(24), shareRecipientType: 'user', active: true, orgId: 'a'.repeat(24), ...fields };
}

function page(data: PrincipalItem[]): PrincipalPage {
  return { count: data.length, totalCount: data.length, next: null, previous: null, data };
}

/** A client whose fetch records each URL and signal and answers one page. */
function recordingClient(answer: unknown) {
  const calls: { url: URL; signal: AbortSignal | null | undefined }[] = [];
  const client = createApiClient({
    baseUrl: 'http://localhost/api/v2',
    parseAnswers: contractParsers,
    fetch: async (input, init) => {
      calls.push({ url: new URL(String(input)), signal: init?.signal });
      return new Response(JSON.stringify(answer), {
        status: 200,
        headers: { 'Content-Type': 'application/json' },
      });
    },
  });
  return { client, calls };
}

describe('searchPrincipals', () => {
  it('asks GET /principals for the search, the recipient types and the page, and parses the answer', async () => {
    const eddie = item({ name: 'eddie@acme.test', displayName: 'Eddie Evans', email: 'eddie@acme.test' });
    const { client, calls } = recordingClient(page([eddie]));
    const controller = new AbortController();

    const result = await searchPrincipals(
      client,
      { search: 'edd', types: ['user', 'group'], offset: 20, limit: 10 },
      controller.signal,
    );

    expect(result.data).toEqual([eddie]);
    const url = calls[0]?.url;
    expect(url?.pathname).toBe('/api/v2/principals');
    expect(Object.fromEntries(url?.searchParams ?? [])).toEqual({
      search: 'edd',
      types: 'user,group',
      offset: '20',
      limit: '10',
    });
    expect(calls[0]?.signal).toBe(controller.signal);
  });

  it('refuses an answer that breaks the contract, given the contract parsers', async () => {
    const { client } = recordingClient({ data: [{ id: 'not-an-id' }] });
    await expect(searchPrincipals(client, { search: 'x', types: ['user'] })).rejects.toMatchObject({
      kind: 'invalid-response',
    });
  });
});

describe('principalSearchQueryOptions', () => {
  it('keys the query by the trimmed search and the set of types, and asks for the first page', async () => {
    const { client, calls } = recordingClient(page([]));
    const options = principalSearchQueryOptions(client, {
      search: '  olivia ',
      types: ['organization', 'user'],
    });
    expect(options.queryKey).toEqual(sharingKeys.principals('olivia', ['user', 'organization']));
    expect(sharingKeys.principals('olivia', ['user'])).not.toEqual(options.queryKey);
    expect(sharingKeys.principals('olivi', ['user', 'organization'])).not.toEqual(options.queryKey);

    await new QueryClient().fetchQuery(options);
    expect(calls[0]?.url.searchParams.get('search')).toBe('olivia');
    expect(calls[0]?.url.searchParams.get('offset')).toBe('0');
    expect(calls[0]?.url.searchParams.get('limit')).toBe(String(PRINCIPAL_SEARCH_PAGE_SIZE));
    // TanStack Query hands the query its own signal, so a superseded search can be cancelled.
    expect(calls[0]?.signal).toBeInstanceOf(AbortSignal);
  });
});

describe('exactUserMatch', () => {
  const results = page([
    item({ name: 'Eddie Evans Fans', displayName: 'Eddie Evans Fans', shareRecipientType: 'group' }),
    item({ name: 'eddie.evans@acme.test', displayName: 'Eddie Evans Jr', email: 'eddie.evans@acme.test' }),
    item({ name: 'eddie@acme.test', displayName: 'Eddie Evans', email: 'Eddie@Acme.test' }),
  ]);

  it('finds the user whose username is exactly the one asked for, in any case', () => {
    expect(exactUserMatch(results, ' EDDIE@acme.test ')?.displayName).toBe('Eddie Evans');
  });

  it('finds nothing for a prefix or for a group of that name', () => {
    expect(exactUserMatch(results, 'eddie@acme')).toBeUndefined();
    expect(exactUserMatch(results, 'Eddie Evans Fans')).toBeUndefined();
  });
});
