import { describe, expect, it } from 'vitest';
import {
  accessRequestPageSchema,
  accessRequestSchema,
  errorBodySchema,
  notificationListSchema,
} from '../../api/contract.ts';
import { backend } from '../backend.ts';
import type { PersonaKey } from '../personas.ts';
import { personaIds } from '../personas.ts';
import { demoAssetId, seedAccessRequestId } from '../seed.ts';
import { call, getJson, setupMockServer } from '../test-support.ts';

setupMockServer();

const datasetPath = `/datasets/${demoAssetId('dataset')}`;
const deploymentPath = `/deployments/${demoAssetId('deployment')}`;
const projectPath = `/projects/${demoAssetId('project')}`;
const requestsPath = (assetPath: string) => `${assetPath}/accessRequests`;
const ask = (as: PersonaKey, assetPath: string, body: unknown) =>
  call(as, 'POST', requestsPath(assetPath), { body });
const decline = (as: PersonaKey, requestId: string, body: unknown = {}) =>
  call(as, 'POST', `${requestsPath(datasetPath)}/${requestId}/decline`, { body });
const patchDataset = (as: PersonaKey, body: unknown) =>
  call(as, 'PATCH', `${datasetPath}/sharedRoles`, { body });
const connieTo = (role: string) => ({ username: 'connie@acme.test', shareRecipientType: 'user', role });

async function requestsSeenBy(as: PersonaKey, assetPath = datasetPath) {
  return accessRequestPageSchema.parse(await getJson(as, requestsPath(assetPath))).data;
}

async function notificationsOf(as: PersonaKey) {
  return notificationListSchema.parse(await getJson(as, '/notifications')).data;
}

async function roleOf(as: PersonaKey, assetPath: string) {
  return ((await getJson(as, assetPath)) as { yourRole: string }).yourRole;
}

async function expectRefusal(response: Response, status: number, codes: string[]) {
  expect(response.status).toBe(status);
  const body = errorBodySchema.parse(await response.json());
  expect(body.errors?.map((entry) => entry.code) ?? [body.code]).toEqual(codes);
  return body;
}

describe('GET accessRequests', () => {
  it('answers the pending seed request to those who may grant it, and to Connie her own', async () => {
    const [seen] = await requestsSeenBy('olivia');
    expect(seen).toMatchObject({
      id: seedAccessRequestId,
      requester: { id: personaIds.connie, fullName: 'Connie Cole', username: 'connie@acme.test' },
      role: 'EDITOR',
      status: 'pending',
    });
    expect(seen?.message).toMatch(/holdout/);
    expect((await requestsSeenBy('eddie')).map((request) => request.id)).toEqual([seedAccessRequestId]);
    expect((await requestsSeenBy('connie')).map((request) => request.id)).toEqual([seedAccessRequestId]);
  });

  it('answers nothing to someone who may not grant the role (Nora: no "Allow sharing")', async () => {
    expect(await requestsSeenBy('nora')).toEqual([]);
  });

  it('answers 404 for an asset of another organization and 401 without a token', async () => {
    expect((await call('gus', 'GET', requestsPath(datasetPath))).status).toBe(404);
    expect((await call(null, 'GET', requestsPath(datasetPath))).status).toBe(401);
  });
});

describe('POST accessRequests (R20)', () => {
  it('creates a pending request (201) and notifies everyone who may grant it, with the message and a link', async () => {
    const response = await ask('connie', deploymentPath, {
      role: 'user',
      message: 'For the canary rollout.',
    });
    expect(response.status).toBe(201);
    const created = accessRequestSchema.parse(await response.json());
    expect(created).toMatchObject({ role: 'USER', status: 'pending', message: 'For the canary rollout.' });

    for (const grantor of ['olivia', 'eddie'] as const) {
      const notification = (await notificationsOf(grantor)).find(
        (candidate) =>
          candidate.kind === 'accessRequested' && candidate.assetId === demoAssetId('deployment'),
      );
      expect(notification).toMatchObject({
        actorName: 'Connie Cole',
        role: 'USER',
        message: 'For the canary rollout.',
        link: `/assets/deployment/${demoAssetId('deployment')}?share=requests`,
        read: false,
      });
    }
    const told = await notificationsOf('nora');
    expect(told.some((notification) => notification.kind === 'accessRequested')).toBe(false);
  });

  it('refuses a role not above the own level (422 REQUEST_NOT_NEEDED)', async () => {
    await expectRefusal(await ask('eddie', deploymentPath, { role: 'CONSUMER' }), 422, [
      'REQUEST_NOT_NEEDED',
    ]);
  });

  it("refuses a role above the RBAC ceiling (422 ROLE_ABOVE_RECIPIENT_CEILING, with R8's suggestion)", async () => {
    const body = await expectRefusal(await ask('rita', deploymentPath, { role: 'USER' }), 422, [
      'ROLE_ABOVE_RECIPIENT_CEILING',
    ]);
    expect(body.message).toBe('Rita Reyes can hold at most Consumer. Try a more restrictive role.');
  });

  it('refuses a second pending request for the same asset (409 REQUEST_PENDING)', async () => {
    await expectRefusal(await ask('connie', datasetPath, { role: 'OWNER' }), 409, ['REQUEST_PENDING']);
  });

  it('refuses a message over 1,000 characters and an unknown role (422), and a malformed body (400)', async () => {
    await expectRefusal(
      await ask('connie', deploymentPath, { role: 'USER', message: 'x'.repeat(1001) }),
      422,
      ['NOTE_TOO_LONG'],
    );
    await expectRefusal(await ask('connie', deploymentPath, { role: 'ADMIN' }), 422, ['INVALID_ROLE']);
    expect((await ask('connie', deploymentPath, { message: 'no role' })).status).toBe(400);
    expect(await requestsSeenBy('connie', deploymentPath)).toEqual([]);
  });

  it('answers 404 for an asset of another organization, changing nothing', async () => {
    expect((await ask('gus', datasetPath, { role: 'EDITOR' })).status).toBe(404);
    expect(backend.db.accessRequests).toHaveLength(1);
  });
});

describe('PATCH sharedRoles with approvesRequests', () => {
  it('approves and grants in one save; Connie is told and holds Editor', async () => {
    const response = await patchDataset('olivia', {
      operation: 'updateRoles',
      roles: [connieTo('EDITOR')],
      approvesRequests: [seedAccessRequestId],
    });
    expect(response.status).toBe(204);
    expect(await roleOf('connie', datasetPath)).toBe('EDITOR');
    const [own] = await requestsSeenBy('connie');
    expect(own).toMatchObject({ status: 'approved' });
    const approved = (await notificationsOf('connie')).find(
      (notification) => notification.kind === 'requestApproved',
    );
    expect(approved).toMatchObject({ actorName: 'Olivia Owens', role: 'EDITOR' });
    expect(await requestsSeenBy('olivia')).toEqual([]);
  });

  it('approves nothing when any entry breaks a rule (atomic)', async () => {
    const response = await patchDataset('olivia', {
      operation: 'updateRoles',
      roles: [
        connieTo('EDITOR'),
        { username: 'ivan@acme.test', shareRecipientType: 'user', role: 'CONSUMER' },
      ],
      approvesRequests: [seedAccessRequestId],
    });
    await expectRefusal(response, 422, ['RECIPIENT_INACTIVE']);
    expect(await roleOf('connie', datasetPath)).toBe('CONSUMER');
    expect((await requestsSeenBy('olivia')).map((request) => request.status)).toEqual(['pending']);
  });

  it('answers the approvals’ violations together with the entries’, when both are refused', async () => {
    // An unknown request id beside an inactive recipient: both are answered, not the entry's alone.
    const unknown = await patchDataset('olivia', {
      operation: 'updateRoles',
      roles: [{ username: 'ivan@acme.test', shareRecipientType: 'user', role: 'CONSUMER' }],
      approvesRequests: ['0123456789abcdef01234567'],
    });
    const body = await expectRefusal(unknown, 422, ['RECIPIENT_INACTIVE', 'REQUEST_NOT_PENDING']);
    expect(body.code).toBe('VALIDATION_FAILED');
    // Eddie (User on the project) may not grant the Owner role Connie asks for, whatever else his save says.
    expect((await ask('connie', projectPath, { role: 'OWNER' })).status).toBe(201);
    const [asked] = await requestsSeenBy('connie', projectPath);
    const byEddie = await call('eddie', 'PATCH', `${projectPath}/sharedRoles`, {
      body: {
        operation: 'updateRoles',
        roles: [{ username: 'ivan@acme.test', shareRecipientType: 'user', role: 'CONSUMER' }],
        approvesRequests: [asked?.id],
      },
    });
    await expectRefusal(byEddie, 422, ['RECIPIENT_INACTIVE', 'ROLE_ABOVE_OWN_LEVEL']);
    expect((await requestsSeenBy('connie', projectPath)).map((request) => request.status)).toEqual([
      'pending',
    ]);
  });

  it('refuses (422) an id that is not a pending request of this asset, changing nothing', async () => {
    const response = await patchDataset('olivia', {
      operation: 'updateRoles',
      roles: [connieTo('EDITOR')],
      approvesRequests: ['0123456789abcdef01234567'],
    });
    await expectRefusal(response, 422, ['REQUEST_NOT_PENDING']);
    expect(await roleOf('connie', datasetPath)).toBe('CONSUMER');
  });

  it('refuses (422) an approval whose save does not grant the role asked for', async () => {
    const response = await patchDataset('olivia', {
      operation: 'updateRoles',
      roles: [{ username: 'nora@acme.test', shareRecipientType: 'user', role: 'CONSUMER' }],
      approvesRequests: [seedAccessRequestId],
    });
    const body = await expectRefusal(response, 422, ['REQUEST_NOT_PENDING']);
    expect(body.message).toBe("Approving Connie Cole's request needs Editor for them in the same save.");
    expect((await requestsSeenBy('olivia')).map((request) => request.status)).toEqual(['pending']);
  });

  it('closes a request as granted when the role arrives another way', async () => {
    expect(
      (await patchDataset('olivia', { operation: 'updateRoles', roles: [connieTo('EDITOR')] })).status,
    ).toBe(204);
    expect((await requestsSeenBy('connie')).map((request) => request.status)).toEqual(['granted']);
    expect(await requestsSeenBy('olivia')).toEqual([]);
  });
});

describe('the backend’s clock dates what requests write', () => {
  it('a request, its approval and its decline are dated on the demo clock, not on real time', async () => {
    const moved = await call(null, 'POST', '/demo/clock', { body: { advanceDays: 100 } });
    const from = Date.parse(((await moved.json()) as { now: string }).now);
    const created = accessRequestSchema.parse(
      await (await ask('connie', deploymentPath, { role: 'USER' })).json(),
    );
    expect(Date.parse(created.createdAt)).toBeGreaterThanOrEqual(from);
    const declined = accessRequestSchema.parse(await (await decline('olivia', seedAccessRequestId)).json());
    expect(Date.parse(declined.decidedAt ?? '')).toBeGreaterThanOrEqual(from);
    const approval = await call('olivia', 'PATCH', `${deploymentPath}/sharedRoles`, {
      body: { operation: 'updateRoles', roles: [connieTo('USER')], approvesRequests: [created.id] },
    });
    expect(approval.status).toBe(204);
    const [approved] = await requestsSeenBy('connie', deploymentPath);
    expect(approved?.status).toBe('approved');
    expect(Date.parse(approved?.decidedAt ?? '')).toBeGreaterThanOrEqual(from);
  });
});

describe('POST accessRequests/{requestId}/decline', () => {
  it('declines with a message; Connie is told, and may ask again', async () => {
    const response = await decline('olivia', seedAccessRequestId, {
      message: 'Ask Eddie for a copy instead.',
    });
    expect(response.status).toBe(200);
    expect(accessRequestSchema.parse(await response.json())).toMatchObject({
      status: 'declined',
      declineMessage: 'Ask Eddie for a copy instead.',
    });
    const told = (await notificationsOf('connie')).find(
      (notification) => notification.kind === 'requestDeclined',
    );
    expect(told).toMatchObject({ actorName: 'Olivia Owens', message: 'Ask Eddie for a copy instead.' });
    expect(await roleOf('connie', datasetPath)).toBe('CONSUMER');
    expect((await ask('connie', datasetPath, { role: 'EDITOR' })).status).toBe(201);
  });

  it('refuses a request that is no longer pending (422 REQUEST_NOT_PENDING)', async () => {
    expect((await decline('olivia', seedAccessRequestId)).status).toBe(200);
    await expectRefusal(await decline('eddie', seedAccessRequestId), 422, ['REQUEST_NOT_PENDING']);
  });

  it('refuses the requester (403) and hides the request from someone who may not act on it (404)', async () => {
    await expectRefusal(await decline('connie', seedAccessRequestId), 403, ['SHARING_NOT_ALLOWED']);
    expect((await decline('nora', seedAccessRequestId)).status).toBe(404);
    expect((await decline('gus', seedAccessRequestId)).status).toBe(404);
    expect((await requestsSeenBy('olivia')).map((request) => request.status)).toEqual(['pending']);
  });

  it('refuses a message over 1,000 characters (422 NOTE_TOO_LONG)', async () => {
    await expectRefusal(await decline('olivia', seedAccessRequestId, { message: 'x'.repeat(1001) }), 422, [
      'NOTE_TOO_LONG',
    ]);
  });
});
