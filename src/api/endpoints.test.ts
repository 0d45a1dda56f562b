import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { personaIds, personaToken } from '../mock-backend/personas.ts';
import { demoAssetId } from '../mock-backend/seed.ts';
import { setupMockServer, testApiBase } from '../mock-backend/test-support.ts';
import { assetTypes } from '../sharing/asset-types.ts';
import type { AssetTypeConfig } from '../sharing/types.ts';
import { type ApiError, createApiClient } from './client.ts';
import { contractParsers } from './contract-parsers.ts';
import { createExternalShare, deleteExternalShare, getExternalShare } from './external-share.ts';
import { getAccess } from './get-access.ts';
import { getAccount } from './get-account.ts';
import { getAsset } from './get-asset.ts';
import { getAssets } from './get-assets.ts';
import { getNotifications, markNotificationRead } from './get-notifications.ts';
import { getOutbox } from './get-outbox.ts';
import { accessListVersion, sharedRolesInfiniteQueryOptions } from './get-shared-roles.ts';
import { previewSharedRoles } from './preview-shared-roles.ts';
import { updateSharedRoles } from './update-shared-roles.ts';

setupMockServer();

const as = (persona: 'olivia' | 'eddie' | 'connie') =>
  createApiClient({
    baseUrl: testApiBase,
    parseAnswers: contractParsers,
    headers: () => ({ Authorization: `Bearer ${personaToken(persona)}` }),
  });
const config = (id: string) => assetTypes.get(id) as AssetTypeConfig;

describe('the endpoints against the mock backend', () => {
  it('reads the actor, an asset with the actor’s standing, and asset lists', async () => {
    const olivia = as('olivia');
    expect(await getAccount(olivia)).toMatchObject({ id: personaIds.olivia, fullName: 'Olivia Owens' });
    expect(await getAsset(olivia, config('dataset'), demoAssetId('dataset'))).toMatchObject({
      name: 'Customer transactions 2024',
      yourRole: 'OWNER',
      canShare: true,
    });
    expect(await getAsset(as('connie'), config('deployment'), demoAssetId('deployment'))).toMatchObject({
      yourRole: 'CONSUMER',
    });
    const datasets = await getAssets(olivia, config('dataset'));
    expect(datasets.data.every((asset) => asset.assetType === 'dataset')).toBe(true);
    expect((await getAssets(olivia, null)).totalCount).toBeGreaterThan(datasets.totalCount);
  });

  it('answers 404 for an asset the actor cannot see', async () => {
    const error = (await getAsset(as('olivia'), config('project'), demoAssetId('marketingMix')).catch(
      (caught: unknown) => caught,
    )) as ApiError;
    expect(error.status).toBe(404);
  });

  it('pages the access list as an infinite query and keeps the first page’s ETag; a save with it succeeds once', async () => {
    const olivia = as('olivia');
    const queryClient = new QueryClient();
    const dataset = config('dataset');
    const assetId = demoAssetId('dataset');
    const options = sharedRolesInfiniteQueryOptions(olivia, dataset, assetId, {}, { first: 5, next: 5 });
    const data = await queryClient.fetchInfiniteQuery(options);
    expect(data.pages[0]?.data).toHaveLength(5);
    const etag = accessListVersion(data);
    expect(etag).toMatch(/^"/);
    expect(options.getNextPageParam(data.pages[0] as never, data.pages, 0, [0])).toBe(5);

    const body = {
      operation: 'updateRoles' as const,
      roles: [{ id: personaIds.connie, shareRecipientType: 'user' as const, role: 'EDITOR' }],
    };
    const saved = await updateSharedRoles(olivia, dataset, assetId, { body, ifMatch: etag });
    expect(saved.etag).not.toBe(etag);
    const stale = (await updateSharedRoles(olivia, dataset, assetId, { body, ifMatch: etag }).catch(
      (caught: unknown) => caught,
    )) as ApiError;
    expect(stale.status).toBe(412);
    expect(stale.code).toBe('VERSION_CONFLICT');
  });

  it('previews a change: per-entry errors and who gains access', async () => {
    const preview = await previewSharedRoles(as('olivia'), config('deployment'), demoAssetId('deployment'), {
      operation: 'updateRoles',
      roles: [
        { id: personaIds.rita, shareRecipientType: 'user', role: 'USER' },
        { name: 'Marketing Analytics', shareRecipientType: 'group', role: 'CONSUMER' },
      ],
    });
    expect(preview.errors).toEqual([
      expect.objectContaining({ index: 0, code: 'ROLE_ABOVE_RECIPIENT_CEILING' }),
    ]);
    expect(preview.impact.counts.gains).toBeGreaterThan(0);
  });

  it('explains why a user has access', async () => {
    const access = await getAccess(
      as('olivia'),
      config('deployment'),
      demoAssetId('deployment'),
      personaIds.rita,
    );
    expect(access.paths.map((path) => path.via)).toEqual(expect.arrayContaining(['direct', 'group']));
  });

  it('creates, reads and revokes an application’s external link', async () => {
    const olivia = as('olivia');
    const application = config('application');
    const assetId = demoAssetId('application');
    expect((await getExternalShare(olivia, application, assetId)).enabled).toBe(false);
    const created = await createExternalShare(olivia, application, assetId);
    expect(created).toMatchObject({ enabled: true, url: expect.any(String) });
    await deleteExternalShare(olivia, application, assetId);
    expect((await getExternalShare(olivia, application, assetId)).enabled).toBe(false);
  });

  it('delivers a notification and an e-mail when something is shared', async () => {
    const olivia = as('olivia');
    const deployment = config('deployment');
    const assetId = demoAssetId('deployment');
    await updateSharedRoles(olivia, deployment, assetId, {
      body: {
        operation: 'updateRoles',
        roles: [{ id: personaIds.connie, shareRecipientType: 'user', role: 'USER' }],
        note: 'Promoted',
        sendNotification: true,
      },
      ifMatch: null,
    });
    const connie = as('connie');
    const notifications = await getNotifications(connie);
    const latest = notifications.data[0];
    expect(latest).toMatchObject({ assetId, note: 'Promoted', read: false });
    expect((await markNotificationRead(connie, latest?.id ?? '')).read).toBe(true);
    expect((await getOutbox(olivia)).data.some((mail) => mail.to.startsWith('connie'))).toBe(true);
  });
});
