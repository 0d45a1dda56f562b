import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { sharingKeys } from './query-keys.ts';
import { invalidateAfterSharing } from './update-shared-roles.ts';

describe('sharingKeys', () => {
  it('nests from general to specific, so one key covers everything under it', () => {
    const asset = sharingKeys.asset('dataset', 'a1');
    for (const key of [
      sharingKeys.sharedRoles('dataset', 'a1', { name: 'con' }),
      sharingKeys.preview('dataset', 'a1', { roles: [] }),
      sharingKeys.access('dataset', 'a1', 'u1'),
      sharingKeys.externalShare('dataset', 'a1'),
      sharingKeys.history('dataset', 'a1', { principalId: 'p1' }),
    ]) {
      expect(key.slice(0, asset.length)).toEqual(asset);
    }
    expect(asset.slice(0, sharingKeys.assets().length)).toEqual(sharingKeys.assets());
    expect(sharingKeys.assetList('dataset').slice(0, 3)).toEqual(sharingKeys.assetLists());
  });

  it('treats an empty or padded filter as the same query', () => {
    expect(sharingKeys.sharedRoles('dataset', 'a1', { name: '  ' })).toEqual(
      sharingKeys.sharedRoles('dataset', 'a1'),
    );
    expect(sharingKeys.sharedRoles('dataset', 'a1', { name: ' con ' })).toEqual(
      sharingKeys.sharedRoles('dataset', 'a1', { name: 'con' }),
    );
  });
});

describe('invalidateAfterSharing', () => {
  it('marks the asset, its access list and the asset lists stale, and nothing of other assets', async () => {
    const client = new QueryClient();
    const touched = [
      sharingKeys.asset('dataset', 'a1'),
      sharingKeys.sharedRoles('dataset', 'a1', { name: 'x' }),
      sharingKeys.history('dataset', 'a1'),
      sharingKeys.assetList('dataset'),
    ];
    const untouched = [sharingKeys.asset('dataset', 'a2'), sharingKeys.account()];
    for (const key of [...touched, ...untouched]) client.setQueryData(key, { any: true });
    await invalidateAfterSharing(client, 'dataset', 'a1');
    for (const key of touched) expect(client.getQueryState(key)?.isInvalidated).toBe(true);
    for (const key of untouched) expect(client.getQueryState(key)?.isInvalidated).toBe(false);
  });
});
