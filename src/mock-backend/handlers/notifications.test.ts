import { describe, expect, it } from 'vitest';
import { notificationListSchema, notificationSchema } from '../../api/contract.ts';
import { outboxPageSchema } from '../../api/demo-contract.ts';
import { backend } from '../backend.ts';
import { demoAssetId, groupId } from '../seed.ts';
import { call, getJson, setupMockServer } from '../test-support.ts';

setupMockServer();

const datasetRoles = `/datasets/${demoAssetId('dataset')}/sharedRoles`;
const share = (roles: unknown[], extra: Record<string, unknown> = {}) =>
  call('olivia', 'PATCH', datasetRoles, { body: { operation: 'updateRoles', roles, ...extra } });

describe('notifications and the outbox', () => {
  it('notify the user shared with, with the note and a link, and mail them once', async () => {
    const response = await share(
      [{ username: 'jose.pena@acme.test', shareRecipientType: 'user', role: 'EDITOR' }],
      { note: 'Please review the holdout partition.' },
    );
    expect(response.status).toBe(204);
    const outbox = outboxPageSchema.parse(await getJson('olivia', '/outbox'));
    expect(outbox.totalCount).toBe(1);
    expect(outbox.data[0]).toMatchObject({
      to: 'jose.pena@acme.test',
      subject: 'Olivia Owens shared “Customer transactions 2024” with you',
      link: `/assets/dataset/${demoAssetId('dataset')}`,
    });
    expect(outbox.data[0]?.body).toContain('Please review the holdout partition.');
    expect(outbox.data[0]?.body).toContain('Editor');
  });

  it('notify every member of a group shared with, and each person once', async () => {
    await share([{ id: groupId('marketingAnalytics'), shareRecipientType: 'group', role: 'CONSUMER' }]);
    const members = backend.db.directory
      .membersOf(groupId('marketingAnalytics'))
      .filter((member) => member.active);
    const outbox = outboxPageSchema.parse(await getJson('olivia', '/outbox?limit=1000'));
    expect(outbox.totalCount).toBe(members.length);
    expect(new Set(outbox.data.map((email) => email.to)).size).toBe(members.length);
    expect(outbox.data.map((email) => email.to)).not.toContain('ivan@acme.test');
  });

  it('show in the recipient’s notification center, newest first, and can be marked read', async () => {
    await share([{ name: 'Risk', shareRecipientType: 'group', role: 'CONSUMER' }], {
      note: 'For the audit.',
    });
    const list = notificationListSchema.parse(await getJson('rita', '/notifications'));
    expect(list.unreadCount).toBe(1);
    expect(list.data[0]).toMatchObject({
      actorName: 'Olivia Owens',
      assetName: 'Customer transactions 2024',
      assetType: 'dataset',
      collection: 'datasets',
      role: 'CONSUMER',
      note: 'For the audit.',
      via: 'Risk',
      read: false,
      link: `/assets/dataset/${demoAssetId('dataset')}`,
    });
    const id = list.data[0]?.id as string;
    const read = await call('rita', 'POST', `/notifications/${id}/read`);
    expect(notificationSchema.parse(await read.json()).read).toBe(true);
    expect(notificationListSchema.parse(await getJson('rita', '/notifications')).unreadCount).toBe(0);
    expect((await call('olivia', 'POST', `/notifications/${id}/read`)).status).toBe(404);
  });

  it('are not sent when sendNotification is false, nor for revokes', async () => {
    await share([{ username: 'jose.pena@acme.test', shareRecipientType: 'user', role: 'EDITOR' }], {
      sendNotification: false,
    });
    await share([{ username: 'connie@acme.test', shareRecipientType: 'user', role: null }]);
    expect(outboxPageSchema.parse(await getJson('olivia', '/outbox')).totalCount).toBe(0);
    expect(notificationListSchema.parse(await getJson('connie', '/notifications')).count).toBe(0);
  });

  it('show each organization the e-mails sent to its own members only', async () => {
    await share([{ username: 'jose.pena@acme.test', shareRecipientType: 'user', role: 'EDITOR' }]);
    const globexShare = await call('gus', 'PATCH', `/datasets/${demoAssetId('globexForecast')}/sharedRoles`, {
      body: {
        operation: 'updateRoles',
        roles: [{ id: groupId('globexAnalytics'), shareRecipientType: 'group', role: 'CONSUMER' }],
      },
    });
    expect(globexShare.status).toBe(204);
    const acme = await call('olivia', 'GET', '/outbox?limit=1000');
    const acmeText = await acme.text();
    expect(outboxPageSchema.parse(JSON.parse(acmeText)).data.map((email) => email.to)).toEqual([
      'jose.pena@acme.test',
    ]);
    expect(acmeText).not.toMatch(/globex|Gus Garcia/i);
    const globex = outboxPageSchema.parse(await getJson('gus', '/outbox?limit=1000'));
    expect(globex.totalCount).toBeGreaterThan(0);
    expect(globex.data.every((email) => email.to.endsWith('@globex.test'))).toBe(true);
  });

  it('need a token', async () => {
    expect((await call(null, 'GET', '/notifications')).status).toBe(401);
    expect((await call(null, 'GET', '/outbox')).status).toBe(401);
  });
});
