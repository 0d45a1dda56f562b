import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { personaToken } from '../mock-backend/personas.ts';
import { scaleAssetId } from '../mock-backend/scale.ts';
import { setupMockServer, testApiBase } from '../mock-backend/test-support.ts';
import { assetTypes } from '../sharing/asset-types.ts';
import type { AssetTypeConfig } from '../sharing/types.ts';
import { createApiClient } from './client.ts';
import { contractParsers } from './contract-parsers.ts';
import { sharedRolesInfiniteQueryOptions } from './get-shared-roles.ts';

setupMockServer({ scale: true });

describe('the access list of 10,000 grants, a page at a time', () => {
  it('reaches the end in 11 requests: a first page of 100, then pages of the contract’s 1,000', async () => {
    const limits: number[] = [];
    const client = createApiClient({
      baseUrl: testApiBase,
      parseAnswers: contractParsers,
      headers: () => ({ Authorization: `Bearer ${personaToken('olivia')}` }),
      fetch: (input, init) => {
        const url = new URL(input instanceof Request ? input.url : String(input));
        if (url.pathname.endsWith('/sharedRoles')) limits.push(Number(url.searchParams.get('limit')));
        return fetch(input, init);
      },
    });
    const dataset = assetTypes.get('dataset') as AssetTypeConfig;
    const options = sharedRolesInfiniteQueryOptions(client, dataset, scaleAssetId(10_000));

    const data = await new QueryClient().fetchInfiniteQuery({ ...options, pages: 50 });

    const ids = data.pages.flatMap((page) => page.data.map((entry) => entry.id));
    expect(ids).toHaveLength(10_000);
    expect(new Set(ids).size).toBe(10_000);
    expect(limits).toEqual([100, ...Array.from({ length: 10 }, () => 1000)]);
    expect(data.pages.at(-1)?.next).toBeNull();
  }, 60_000);
});
