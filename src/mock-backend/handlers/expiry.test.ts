import { describe, expect, it } from 'vitest';
import {
  accessExplanationSchema,
  assetPageSchema,
  errorBodySchema,
  notificationListSchema,
  type SharedRole,
  sharedRolesPageSchema,
  sharedRolesPreviewSchema,
} from '../../api/contract.ts';
import { demoClockSchema, outboxPageSchema } from '../../api/demo-contract.ts';
import { changeRequestOf, changeRequestToBody, grantOf } from '../../api/wire-mapping.ts';
import { effectiveAccess, indexGrants } from '../../sharing/access.ts';
import { DAY_MS } from '../../sharing/expiry.ts';
import type { ChangeRequest } from '../../sharing/types.ts';
import { backend } from '../backend.ts';
import { personaIds } from '../personas.ts';
import { demoAssetId, groupId } from '../seed.ts';
import { call, getJson, setupMockServer } from '../test-support.ts';

setupMockServer();

const app = demoAssetId('application');
const appRoles = `/customApplications/${app}/sharedRoles`;
const datasetRoles = `/datasets/${demoAssetId('dataset')}/sharedRoles`;
const now = () => backend.db.clock.now();
const inDays = (days: number) => new Date(now() + days * DAY_MS).toISOString();

function patch(path: string, roles: unknown[], extra: Record<string, unknown> = {}, headers = {}) {
  return call('olivia', 'PATCH', path, { body: { operation: 'updateRoles', roles, ...extra }, headers });
}

async function entries(as: Parameters<typeof getJson>[0], path: string, query = '') {
  return sharedRolesPageSchema.parse(await getJson(as, `${path}${query}`));
}

async function entryOf(path: string, id: string): Promise<SharedRole | undefined> {
  return (await entries('olivia', path, '?limit=1000')).data.find((entry) => entry.id === id);
}

async function moveClock(body: Record<string, unknown>) {
  const response = await call(null, 'POST', '/demo/clock', { body });
  expect(response.status).toBe(200);
  return demoClockSchema.parse(await response.json());
}

const eddie = (extra: Record<string, unknown>) => ({
  username: 'eddie@acme.test',
  shareRecipientType: 'user',
  role: 'EDITOR',
  ...extra,
});

describe('R19 INVALID_EXPIRY at the backend (forged requests)', () => {
  async function refusedAlone(roles: unknown[]) {
    const before = await entries('olivia', appRoles, '?limit=1000');
    const response = await patch(appRoles, roles);
    expect(response.status).toBe(422);
    const body = errorBodySchema.parse(await response.json());
    expect(body.code).toBe('INVALID_EXPIRY');
    expect(body.errors?.map((error) => [error.index, error.code])).toEqual([[0, 'INVALID_EXPIRY']]);
    // A refused save changes nothing.
    expect((await entries('olivia', appRoles, '?limit=1000')).data).toEqual(before.data);
    return body;
  }

  it('accepts an end in the future up to 365 days ahead, and answers it in UTC', async () => {
    const end = new Date(now() + 365 * DAY_MS - 60_000);
    const offset = `${end.toISOString().slice(0, 19)}+00:00`;
    expect((await patch(appRoles, [eddie({ expiresAt: offset })])).status).toBe(204);
    expect((await entryOf(appRoles, personaIds.eddie))?.expiresAt).toBe(
      new Date(Date.parse(offset)).toISOString(),
    );
  });

  it('refuses an end in the past, or now', async () => {
    const body = await refusedAlone([eddie({ expiresAt: inDays(-1) })]);
    expect(body.message).toBe('An expiry must lie in the future.');
    await refusedAlone([eddie({ expiresAt: new Date(now() - 1000).toISOString() })]);
  });

  it('refuses an end more than 365 days ahead', async () => {
    const body = await refusedAlone([eddie({ expiresAt: inDays(366) })]);
    expect(body.message).toBe('Access can end at most 365 days from now.');
  });

  it('refuses an end on an owner-level grant, new or existing', async () => {
    await refusedAlone([eddie({ role: 'OWNER', expiresAt: inDays(7) })]);
    const body = await refusedAlone([
      { username: 'olivia@acme.test', shareRecipientType: 'user', role: 'OWNER', expiresAt: inDays(7) },
    ]);
    expect(body.message).toBe('Owner access never expires: every application keeps its owners.');
  });

  it('refuses an end on a revocation (NO_ROLE or null); `expiresAt: null` on one is fine', async () => {
    await refusedAlone([eddie({ role: 'NO_ROLE', expiresAt: inDays(7) })]);
    await refusedAlone([eddie({ role: null, expiresAt: inDays(7) })]);
    expect((await patch(appRoles, [eddie({ role: null, expiresAt: null })])).status).toBe(204);
    expect(await entryOf(appRoles, personaIds.eddie)).toBeUndefined();
  });

  it('refuses an end that is not an RFC 3339 date-time', async () => {
    for (const expiresAt of ['2030-01-01', 'next Tuesday', '']) {
      await refusedAlone([eddie({ expiresAt })]);
    }
  });

  it('reports R19 beside other rules: 422 VALIDATION_FAILED with each entry’s code; the preview says the same', async () => {
    const roles = [
      eddie({ expiresAt: inDays(400) }),
      { username: 'ivan@acme.test', shareRecipientType: 'user', role: 'CONSUMER' },
    ];
    const response = await patch(appRoles, roles);
    expect(response.status).toBe(422);
    const body = errorBodySchema.parse(await response.json());
    expect(body.code).toBe('VALIDATION_FAILED');
    expect(body.errors?.map((error) => [error.index, error.code])).toEqual([
      [0, 'INVALID_EXPIRY'],
      [1, 'RECIPIENT_INACTIVE'],
    ]);
    const preview = sharedRolesPreviewSchema.parse(
      await (
        await call('olivia', 'POST', `${appRoles}/preview`, { body: { operation: 'updateRoles', roles } })
      ).json(),
    );
    expect(preview.errors.map((error) => error.code)).toEqual(['INVALID_EXPIRY', 'RECIPIENT_INACTIVE']);
  });

  it('treats setting, moving or clearing an end as a change: a consumer may not touch an editor’s (R6)', async () => {
    const response = await call('connie', 'PATCH', appRoles, {
      body: { operation: 'updateRoles', roles: [eddie({ expiresAt: inDays(7) })] },
    });
    expect(response.status).toBe(403);
    expect(errorBodySchema.parse(await response.json()).code).toBe('TARGET_ABOVE_OWN_LEVEL');
  });
});

describe('a grant that expires between two reads', () => {
  it('is gone from the second read, the search, …/access/… and for a PATCH that relies on it', async () => {
    const end = inDays(2);
    expect((await patch(appRoles, [eddie({ expiresAt: end })])).status).toBe(204);

    // First read: Eddie is on the list with his end, sees the application, and has read-write through his grant.
    const first = await call('olivia', 'GET', `${appRoles}?limit=1000`);
    const etag = first.headers.get('etag') as string;
    const eddieEntry = sharedRolesPageSchema
      .parse(await first.json())
      .data.find((e) => e.id === personaIds.eddie);
    expect(eddieEntry?.expiresAt).toBe(end);
    expect((await entries('eddie', appRoles)).totalCount).toBeGreaterThan(0);
    const countBefore = assetPageSchema
      .parse(await getJson('olivia', '/customApplications'))
      .data.find((asset) => asset.id === app)?.sharedWithCount;

    await moveClock({ advanceDays: 3 });

    // The second read, and a filtered one.
    const second = await call('olivia', 'GET', `${appRoles}?limit=1000`);
    expect(sharedRolesPageSchema.parse(await second.json()).data.map((e) => e.id)).not.toContain(
      personaIds.eddie,
    );
    expect(second.headers.get('etag')).not.toBe(etag);
    expect((await entries('olivia', appRoles, '?name=eddie')).totalCount).toBe(0);
    expect(
      assetPageSchema
        .parse(await getJson('olivia', '/customApplications'))
        .data.find((asset) => asset.id === app)?.sharedWithCount,
    ).toBe((countBefore ?? 0) - 1);

    // Eddie's own view: the application no longer exists for him, in the list and in the search.
    const eddieAssets = assetPageSchema.parse(await getJson('eddie', '/assets?search=churn insights'));
    expect(eddieAssets.data.map((asset) => asset.id)).not.toContain(app);
    expect((await call('eddie', 'GET', `/customApplications/${app}`)).status).toBe(404);
    expect((await call('eddie', 'GET', appRoles)).status).toBe(404);

    // Why-access: nothing reaches him.
    const why = accessExplanationSchema.parse(
      await getJson('olivia', `/customApplications/${app}/access/${personaIds.eddie}`),
    );
    expect(why).toMatchObject({ level: 0, role: null, paths: [] });

    // A PATCH that relies on the grant: Eddie sharing on, and Olivia saving against the list as it was.
    const reshare = await call('eddie', 'PATCH', appRoles, {
      body: {
        operation: 'updateRoles',
        roles: [{ username: 'una@acme.test', shareRecipientType: 'user', role: 'CONSUMER' }],
      },
    });
    expect(reshare.status).toBe(404);
    const stale = await patch(
      appRoles,
      [{ username: 'connie@acme.test', shareRecipientType: 'user', role: 'EDITOR' }],
      {},
      { 'If-Match': etag },
    );
    expect(stale.status).toBe(412);
  });

  it('is recorded as its own change, dated when it ended, by nobody', async () => {
    const end = inDays(1);
    expect((await patch(appRoles, [eddie({ expiresAt: end })])).status).toBe(204);
    await moveClock({ advanceDays: 2 });
    await entries('olivia', appRoles);
    const expiries = backend.db.changeSets.filter((set) => set.cause === 'expiry');
    expect(expiries).toHaveLength(1);
    expect(expiries[0]).toMatchObject({
      assetId: app,
      at: end,
      actor: null,
      cause: 'expiry',
      changes: [
        {
          principal: { id: personaIds.eddie, type: 'user' },
          before: { role: 'EDITOR', expiresAt: end },
          after: null,
        },
      ],
    });
    // Read again: recorded once.
    await entries('olivia', appRoles);
    expect(backend.db.changeSets.filter((set) => set.cause === 'expiry')).toHaveLength(1);
  });

  it('is absent before anything has settled it: access is computed at the instant, no sweeper needed', async () => {
    expect((await patch(appRoles, [eddie({ expiresAt: inDays(1) })])).status).toBe(204);
    backend.db.clock.advanceDays(2);
    const stored = backend.db.assets.get(app);
    // Nothing has read the list since the clock moved: the stored list still holds the grant...
    expect(stored?.grants.map((grant) => grant.principalId)).toContain(personaIds.eddie);
    // ...and yet it grants nothing.
    const eddiePrincipal = backend.db.user(personaIds.eddie);
    if (!stored || !eddiePrincipal) throw new Error('seed');
    const index = indexGrants(stored.grants, backend.db.clock.now());
    expect(effectiveAccess(backend.db.assetTypeOf(stored), index, eddiePrincipal).level).toBe(0);
    expect((await call('eddie', 'GET', appRoles)).status).toBe(404);
  });
});

describe('moving the demo clock back', () => {
  it('brings nothing back that ended, whether or not anything read it in between', async () => {
    expect(
      (
        await patch(appRoles, [
          eddie({ expiresAt: inDays(1) }),
          {
            username: 'connie@acme.test',
            shareRecipientType: 'user',
            role: 'CONSUMER',
            expiresAt: inDays(2),
          },
        ])
      ).status,
    ).toBe(204);
    // Eddie's end is read past; Connie's is only passed by the clock, then the clock goes back.
    await moveClock({ advanceDays: 1.5 });
    expect(await entryOf(appRoles, personaIds.eddie)).toBeUndefined();
    await moveClock({ advanceDays: 1 });
    await moveClock({ advanceDays: -10 });
    expect(await entryOf(appRoles, personaIds.eddie)).toBeUndefined();
    expect(await entryOf(appRoles, personaIds.connie)).toBeUndefined();
    expect((await call(null, 'DELETE', '/demo/clock')).status).toBe(204);
    expect(await entryOf(appRoles, personaIds.eddie)).toBeUndefined();
    expect((await call('eddie', 'GET', appRoles)).status).toBe(404);
  });

  it('does not bring back a grant someone removed, nor end one that had not ended', async () => {
    expect(
      (
        await patch(appRoles, [
          { username: 'connie@acme.test', shareRecipientType: 'user', role: null },
          eddie({ expiresAt: inDays(30) }),
        ])
      ).status,
    ).toBe(204);
    await moveClock({ advanceDays: 10 });
    await moveClock({ advanceDays: -20 });
    expect(await entryOf(appRoles, personaIds.connie)).toBeUndefined();
    expect((await entryOf(appRoles, personaIds.eddie))?.role).toBe('EDITOR');
  });
});

describe('the demo clock', () => {
  it('answers what time it is, moves to an instant or by days, and goes back to real time', async () => {
    const real = demoClockSchema.parse(await getJson(null, '/demo/clock'));
    expect(real.offsetMs).toBe(0);
    const moved = await moveClock({ now: '2031-03-01T09:00:00Z' });
    expect(Date.parse(moved.now)).toBeGreaterThanOrEqual(Date.parse('2031-03-01T09:00:00Z'));
    expect(Date.parse(moved.now) - Date.parse('2031-03-01T09:00:00Z')).toBeLessThan(DAY_MS);
    const later = await moveClock({ advanceDays: 3 });
    expect(later.offsetMs - moved.offsetMs).toBe(3 * DAY_MS);
    expect((await call(null, 'DELETE', '/demo/clock')).status).toBe(204);
    expect(demoClockSchema.parse(await getJson(null, '/demo/clock')).offsetMs).toBe(0);
  });

  it('refuses a body with both, neither, or an unreadable instant (400)', async () => {
    for (const body of [
      {},
      { now: '2031-03-01T09:00:00Z', advanceDays: 1 },
      { now: 'soon' },
      { advanceDays: 'x' },
    ]) {
      const response = await call(null, 'POST', '/demo/clock', { body });
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(errorBodySchema.parse(await response.json()).code).toBe('INVALID_REQUEST');
    }
    expect(demoClockSchema.parse(await getJson(null, '/demo/clock')).offsetMs).toBe(0);
  });

  it('is back at real time after a reset', async () => {
    await moveClock({ advanceDays: 30 });
    expect((await call(null, 'POST', '/demo/reset')).status).toBe(204);
    expect(demoClockSchema.parse(await getJson(null, '/demo/clock')).offsetMs).toBe(0);
  });
});

describe('notifications of expiring access', () => {
  it('the share notification and e-mail say when the access ends', async () => {
    const end = '2035-01-01T00:00:00.000Z';
    await moveClock({ now: '2034-12-01T12:00:00Z' });
    expect(
      (
        await patch(
          datasetRoles,
          [{ username: 'rita@acme.test', shareRecipientType: 'user', role: 'CONSUMER', expiresAt: end }],
          { note: 'For the audit.' },
        )
      ).status,
    ).toBe(204);
    const list = notificationListSchema.parse(await getJson('rita', '/notifications'));
    expect(list.data[0]).toMatchObject({ kind: 'share', actorName: 'Olivia Owens', expiresAt: end });
    const outbox = outboxPageSchema.parse(await getJson('olivia', '/outbox'));
    expect(outbox.data[0]?.body).toContain('Your access ends on January 1, 2035 at 12:00 AM UTC.');
  });

  it('three days before, the recipient is told; not earlier, not after', async () => {
    await moveClock({ now: '2034-12-01T12:00:00Z' });
    const end = '2034-12-20T12:00:00.000Z';
    await patch(appRoles, [eddie({ expiresAt: end })], { sendNotification: false });
    const notices = async () =>
      notificationListSchema
        .parse(await getJson('eddie', '/notifications'))
        .data.filter((n) => n.kind === 'accessEnds');

    await moveClock({ now: '2034-12-17T11:00:00Z' });
    expect(await notices()).toEqual([]);
    await moveClock({ now: '2034-12-17T13:00:00Z' });
    const [notice, ...others] = await notices();
    expect(others).toEqual([]);
    expect(notice).toMatchObject({
      kind: 'accessEnds',
      assetId: app,
      assetName: 'Churn insights portal',
      role: 'EDITOR',
      expiresAt: end,
      createdAt: '2034-12-17T12:00:00.000Z',
      read: false,
    });
    expect(notice).not.toHaveProperty('actorName');
    // It can be marked read, like any notification.
    const read = await call('eddie', 'POST', `/notifications/${notice?.id}/read`);
    expect(read.status).toBe(200);
    expect((await notices())[0]?.read).toBe(true);

    await moveClock({ now: '2034-12-21T12:00:00Z' });
    expect(await notices()).toEqual([]);
  });

  it('is not sent to someone who keeps the same access another way', async () => {
    // Connie holds Consumer on the dataset herself and through Data Science: her own grant ending changes nothing.
    await patch(datasetRoles, [
      { username: 'connie@acme.test', shareRecipientType: 'user', role: 'CONSUMER', expiresAt: inDays(2) },
      { id: groupId('risk'), shareRecipientType: 'group', role: 'CONSUMER', expiresAt: inDays(2) },
    ]);
    const kinds = async (who: 'connie' | 'rita') =>
      notificationListSchema.parse(await getJson(who, '/notifications')).data.map((n) => n.kind);
    expect(await kinds('connie')).not.toContain('accessEnds');
    // Rita reaches the dataset through Risk alone: she is told.
    expect(await kinds('rita')).toContain('accessEnds');
  });
});

describe('the impact preview and lineage', () => {
  it('counts who keeps their role but with another end', async () => {
    const response = await call('olivia', 'POST', `${appRoles}/preview`, {
      body: { operation: 'updateRoles', roles: [eddie({ expiresAt: inDays(7) })] },
    });
    const preview = sharedRolesPreviewSchema.parse(await response.json());
    expect(preview.impact.counts).toEqual({ gains: 0, changes: 0, loses: 0, expiries: 1 });
    expect(preview.impact.expiries[0]).toMatchObject({ id: personaIds.eddie, afterRole: 'EDITOR' });
  });

  it('a lineage share ends on the inputs when it ends on the asset', async () => {
    const model = demoAssetId('governedModel');
    const input = backend.db.assets.get(demoAssetId('creditBureauExtract'));
    if (!input) throw new Error('seed');
    const modelGrants = backend.db.assets.get(model)?.grants ?? [];
    const onInput = new Set([...input.grants, ...modelGrants].map((grant) => grant.principalId));
    const newcomer = [...backend.db.directory.all()].find(
      (p) =>
        p.type === 'user' &&
        p.active &&
        p.orgId === backend.db.user(personaIds.olivia)?.orgId &&
        !onInput.has(p.id) &&
        !p.groupIds?.length &&
        !p.roleIds?.length &&
        (p.rbacCeiling ?? 3) >= 2,
    );
    if (!newcomer) throw new Error('no colleague without access');
    const end = inDays(14);
    const response = await patch(
      `/models/${model}/sharedRoles`,
      [{ id: newcomer.id, shareRecipientType: 'user', role: 'READ', expiresAt: end }],
      { applyGrantToLinkedObjects: true },
    );
    expect(response.status).toBe(204);
    expect(
      backend.db.assets.get(input.id)?.grants.find((grant) => grant.principalId === newcomer.id),
    ).toMatchObject({
      role: 'CONSUMER',
      expiresAt: end,
    });
  });
});

describe('the wire mapping of expiresAt', () => {
  it('goes out and comes back unchanged: request entries and access-list entries', async () => {
    const request: ChangeRequest = {
      changes: [
        {
          recipient: { type: 'user', id: personaIds.eddie },
          role: 'EDITOR',
          expiresAt: '2035-01-01T00:00:00.000Z',
        },
        { recipient: { type: 'user', id: personaIds.connie }, role: 'CONSUMER', expiresAt: null },
        { recipient: { type: 'user', id: personaIds.nora }, role: 'EDITOR' },
      ],
    };
    expect(changeRequestOf(changeRequestToBody(request)).changes).toEqual(request.changes);
    await moveClock({ now: '2034-12-01T12:00:00Z' });
    await patch(appRoles, [eddie({ expiresAt: '2035-01-01T00:00:00.000Z' })]);
    const entry = await entryOf(appRoles, personaIds.eddie);
    const connie = await entryOf(appRoles, personaIds.connie);
    if (!entry || !connie) throw new Error('seed');
    expect(grantOf(entry)).toEqual(
      backend.db.assets.get(app)?.grants.find((g) => g.principalId === personaIds.eddie),
    );
    expect(connie.expiresAt).toBeNull();
    expect(grantOf(connie)).not.toHaveProperty('expiresAt');
  });
});

describe('what the browser keeps across a reload', () => {
  it('keeps the moved clock and the recorded expiries', async () => {
    expect((await patch(appRoles, [eddie({ expiresAt: inDays(1) })])).status).toBe(204);
    await moveClock({ advanceDays: 2 });
    await entries('olivia', appRoles);
    const snapshot = JSON.parse(JSON.stringify(backend.db.snapshot()));
    const offset = backend.db.clock.offsetMs;
    backend.reset();
    expect(backend.db.clock.offsetMs).toBe(0);
    backend.db.restore(snapshot);
    expect(backend.db.clock.offsetMs).toBe(offset);
    const causes = backend.db.changeSets.filter((set) => set.assetId === app).map((set) => set.cause);
    // The seeded history, the save, then the expiry it ended in.
    expect(causes.slice(-2)).toEqual(['share', 'expiry']);
    expect(backend.db.changeSets).toEqual(snapshot.changeSets);
    expect(await entryOf(appRoles, personaIds.eddie)).toBeUndefined();
  });
});
