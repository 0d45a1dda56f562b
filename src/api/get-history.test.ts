import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { personaIds, personaToken } from '../mock-backend/personas.ts';
import { demoAssetId } from '../mock-backend/seed.ts';
import { setupMockServer, testApiBase } from '../mock-backend/test-support.ts';
import { assetTypes } from '../sharing/asset-types.ts';
import type { AssetTypeConfig } from '../sharing/types.ts';
import { type ApiError, createApiClient } from './client.ts';
import { contractParsers } from './contract-parsers.ts';
import { getHistory, historyInfiniteQueryOptions, newestChangeSet } from './get-history.ts';
import { sharingKeys } from './query-keys.ts';

setupMockServer();

const as = (persona: 'olivia' | 'nora') =>
  createApiClient({
    baseUrl: testApiBase,
    parseAnswers: contractParsers,
    headers: () => ({ Authorization: `Bearer ${personaToken(persona)}` }),
  });
const dataset = assetTypes.get('dataset') as AssetTypeConfig;

describe('getHistory against the mock backend', () => {
  it('pages the history as an infinite query, under the asset’s key', async () => {
    const queryClient = new QueryClient();
    const options = historyInfiniteQueryOptions(as('olivia'), dataset, demoAssetId('dataset'), {}, 4);
    expect(options.queryKey.slice(0, 5)).toEqual(sharingKeys.asset('dataset', demoAssetId('dataset')));
    const data = await queryClient.fetchInfiniteQuery(options);
    const first = data.pages[0];
    expect(first?.data).toHaveLength(4);
    expect(first?.offset).toBe(0);
    expect(options.getNextPageParam(first as never, [], 0, [])).toBe(4);
    const all = await getHistory(as('olivia'), dataset, demoAssetId('dataset'), { limit: 1000 });
    expect(all.data.slice(0, 4)).toEqual(first?.data);
    expect(options.getNextPageParam(all as never, [], 0, [])).toBeUndefined();
  });

  it('finds the newest change set touching one person', async () => {
    const latest = await newestChangeSet(as('olivia'), dataset, demoAssetId('dataset'), personaIds.connie);
    expect(latest?.changes.some((change) => change.principal.id === personaIds.connie)).toBe(true);
    const all = await getHistory(as('olivia'), dataset, demoAssetId('dataset'), { limit: 1000 });
    const newestForConnie = all.data.find((item) =>
      item.changes.some((change) => change.principal.id === personaIds.connie),
    );
    expect(latest).toEqual(newestForConnie);
    expect(await newestChangeSet(as('olivia'), dataset, demoAssetId('dataset'))).toEqual(all.data[0]);
  });

  it('fails with the backend’s 403 for someone who may not share', async () => {
    const error = (await getHistory(as('nora'), dataset, demoAssetId('dataset')).catch(
      (caught: unknown) => caught,
    )) as ApiError;
    expect(error.status).toBe(403);
    expect(error.code).toBe('SHARING_NOT_ALLOWED');
  });
});
