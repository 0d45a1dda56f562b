import { describe, expect, it } from 'vitest';
import { errorBodySchema } from '../../api/contract.ts';
import { type HistoryPageBody, historyPageSchema } from '../../api/history-contract.ts';
import { changeSetOfBody } from '../../api/wire-mapping.ts';
import { assetTypes } from '../../sharing/asset-types.ts';
import type { ChangeSet } from '../../sharing/history.ts';
import { backend } from '../backend.ts';
import { type PersonaKey, personaIds } from '../personas.ts';
import { type DemoAssetKey, demoAssetId, groupId, seedAccessRequestId } from '../seed.ts';
import { call, getJson, setupMockServer } from '../test-support.ts';

setupMockServer();

function assetPath(key: DemoAssetKey): string {
  const asset = backend.db.assets.get(demoAssetId(key));
  const collection = asset && assetTypes.get(asset.assetTypeId)?.collection;
  if (!collection) throw new Error(`no demo ${key}`);
  return `/${collection}/${demoAssetId(key)}`;
}
const historyPath = (key: DemoAssetKey, query = '') => `${assetPath(key)}/sharedRoles/history${query}`;

async function historyOf(key: DemoAssetKey, query = '', as: PersonaKey = 'olivia'): Promise<HistoryPageBody> {
  return historyPageSchema.parse(await getJson(as, historyPath(key, query)));
}

async function newest(key: DemoAssetKey): Promise<ChangeSet> {
  const page = await historyOf(key, '?limit=1');
  if (!page.data[0]) throw new Error(`no history on ${key}`);
  return changeSetOfBody(page.data[0]);
}

const update = (roles: unknown[], extra: Record<string, unknown> = {}) => ({
  operation: 'updateRoles',
  roles,
  ...extra,
});
const user = (username: string, role: string | null, extra: Record<string, unknown> = {}) => ({
  username,
  shareRecipientType: 'user',
  role,
  ...extra,
});
const patch = (as: PersonaKey, key: DemoAssetKey, body: unknown, headers?: Record<string, string>) =>
  call(as, 'PATCH', `${assetPath(key)}/sharedRoles`, { body, ...(headers ? { headers } : {}) });

describe('GET sharedRoles/history', () => {
  it('answers the seeded history newest first, in the contract shape, with full-URL paging', async () => {
    const first = await historyOf('dataset', '?limit=3');
    expect(first.count).toBe(3);
    expect(first.totalCount).toBeGreaterThan(5);
    expect(first.previous).toBeNull();
    expect(first.next).toMatch(/\/sharedRoles\/history\?.*offset=3/);
    const times = first.data.map((changeSet) => changeSet.at);
    expect([...times].sort().reverse()).toEqual(times);
    const second = historyPageSchema.parse(await getJson('olivia', first.next as string));
    expect(second.previous).toContain('offset=0');
    expect(second.data[0]?.at.localeCompare(first.data[2]?.at ?? '')).toBeLessThan(0);
  });

  it('filters to the change sets that touch one principal', async () => {
    const page = await historyOf('dataset', `?principalId=${personaIds.connie}&limit=1000`);
    expect(page.totalCount).toBeGreaterThan(0);
    for (const changeSet of page.data) {
      expect(changeSet.changes.some((change) => change.principal.id === personaIds.connie)).toBe(true);
    }
    const all = await historyOf('dataset', '?limit=1000');
    expect(page.totalCount).toBeLessThan(all.totalCount);
  });

  it('answers the people who may share; 403 SHARING_NOT_ALLOWED to the others', async () => {
    expect((await historyOf('dataset', '', 'eddie')).totalCount).toBeGreaterThan(0);
    // Connie may share a project up to her own level, so she may read its history.
    expect((await historyOf('project', '', 'connie')).totalCount).toBeGreaterThan(0);
    for (const [as, key] of [
      ['nora', 'dataset'],
      ['connie', 'governedModel'],
      ['connie', 'dataConnection'],
    ] as const) {
      const response = await call(as, 'GET', historyPath(key));
      expect(response.status, `${as} on ${key}`).toBe(403);
      expect(errorBodySchema.parse(await response.json()).code).toBe('SHARING_NOT_ALLOWED');
    }
  });

  it('answers 404 for an asset the actor cannot see, of another organization or not shared with them', async () => {
    const gus = await call('gus', 'GET', historyPath('dataset'));
    expect(gus.status).toBe(404);
    expect(errorBodySchema.parse(await gus.json()).code).toBe('NOT_FOUND');
    expect((await call('olivia', 'GET', historyPath('marketingMix'))).status).toBe(404);
    expect(
      (await call('olivia', 'GET', `/projects/${demoAssetId('dataset')}/sharedRoles/history`)).status,
    ).toBe(404);
  });

  it('answers 401 without a token, and 400 for a limit above 1,000 or a malformed principal id', async () => {
    expect((await call(null, 'GET', historyPath('dataset'))).status).toBe(401);
    const tooMany = await call('olivia', 'GET', historyPath('dataset', '?limit=1001'));
    expect(tooMany.status).toBe(400);
    expect(errorBodySchema.parse(await tooMany.json()).errors?.[0]?.path).toEqual(['query', 'limit']);
    expect((await call('olivia', 'GET', historyPath('dataset', '?principalId=connie'))).status).toBe(400);
  });
});

describe('what a write records', () => {
  it('a save records one change set: who, when, the note, and every grant before and after', async () => {
    const before = await historyOf('workload');
    const response = await patch(
      'olivia',
      'workload',
      update(
        [
          user('jose.pena@acme.test', 'USER'),
          user('connie@acme.test', null),
          user('eddie@acme.test', 'CONSUMER'),
          { id: groupId('risk'), shareRecipientType: 'group', role: 'USER' },
        ],
        { note: 'Quarterly access review.' },
      ),
    );
    expect(response.status).toBe(204);
    const after = await historyOf('workload');
    expect(after.totalCount).toBe(before.totalCount + 1);
    const changeSet = await newest('workload');
    expect(changeSet).toMatchObject({
      actor: { id: personaIds.olivia, fullName: 'Olivia Owens' },
      note: 'Quarterly access review.',
      cause: 'share',
    });
    expect(Date.now() - Date.parse(changeSet.at)).toBeLessThan(60_000);
    const byName = new Map(changeSet.changes.map((change) => [change.principal.displayName, change]));
    expect(byName.get('José Peña')).toMatchObject({ before: null, after: { role: 'USER', expiresAt: null } });
    expect(byName.get('Connie Cole')).toMatchObject({ before: { role: 'CONSUMER' }, after: null });
    expect(byName.get('Eddie Evans')).toMatchObject({
      before: { role: 'USER' },
      after: { role: 'CONSUMER' },
    });
    expect(byName.get('Risk')).toMatchObject({
      principal: { type: 'group', name: 'Risk' },
      before: { role: 'CONSUMER' },
      after: { role: 'USER' },
    });
  });

  it('records a change of options alone, and leaves out entries that changed nothing', async () => {
    const response = await patch(
      'olivia',
      'dataset',
      update([
        user('nora@acme.test', 'EDITOR', { canShare: true }),
        user('eddie@acme.test', 'EDITOR', { canShare: true }),
      ]),
    );
    expect(response.status).toBe(204);
    const changeSet = await newest('dataset');
    expect(changeSet.note).toBeNull();
    expect(changeSet.changes).toEqual([
      {
        principal: expect.objectContaining({ id: personaIds.nora }),
        before: { role: 'EDITOR', canShare: false, canUseData: true, expiresAt: null },
        after: { role: 'EDITOR', canShare: true, canUseData: true, expiresAt: null },
      },
    ]);
  });

  it('a save that changes nothing records nothing', async () => {
    const before = await historyOf('dataset');
    const response = await patch('olivia', 'dataset', update([user('eddie@acme.test', 'EDITOR')]));
    expect(response.status).toBe(204);
    expect((await historyOf('dataset')).totalCount).toBe(before.totalCount);
  });

  it('a lineage share records the share on the asset and one change set, cause lineage, on each input it reached', async () => {
    const model = (await historyOf('governedModel')).totalCount;
    const dataset = (await historyOf('dataset')).totalCount;
    const bureau = (await historyOf('creditBureauExtract')).totalCount;
    const response = await patch(
      'olivia',
      'governedModel',
      update([user('soren.sondergaard@acme.test', 'READ')], {
        applyGrantToLinkedObjects: true,
        note: 'Validation.',
      }),
    );
    expect(response.status).toBe(204);
    expect((await historyOf('governedModel')).totalCount).toBe(model + 1);
    expect((await newest('governedModel')).cause).toBe('share');
    for (const [key, count] of [
      ['dataset', dataset],
      ['creditBureauExtract', bureau],
    ] as const) {
      expect((await historyOf(key)).totalCount, key).toBe(count + 1);
      const lineage = await newest(key);
      expect(lineage).toMatchObject({
        cause: 'lineage',
        note: 'Validation.',
        actor: { id: personaIds.olivia },
      });
      expect(lineage.changes).toEqual([
        expect.objectContaining({
          principal: expect.objectContaining({ displayName: 'Søren Søndergaard' }),
          before: null,
          after: expect.objectContaining({ role: 'CONSUMER' }),
        }),
      ]);
    }
  });

  it('a refused save records nothing', async () => {
    const before = await historyOf('project');
    // Connie, a consumer, may not grant User (R5); Ivan is inactive (R1).
    const refused = await patch('connie', 'project', update([user('jose.pena@acme.test', 'USER')]));
    expect(refused.status).toBe(403);
    const mixed = await patch(
      'olivia',
      'project',
      update([user('jose.pena@acme.test', 'USER'), user('ivan@acme.test', 'USER')]),
    );
    expect(mixed.status).toBe(422);
    const lineage = await patch(
      'eddie',
      'governedModel',
      update([user('jose.pena@acme.test', 'READ')], { applyGrantToLinkedObjects: true }),
    );
    expect(lineage.status).toBe(409);
    expect((await historyOf('project')).totalCount).toBe(before.totalCount);
    expect((await historyOf('dataset', '?limit=1')).data[0]?.cause).not.toBe('lineage');
  });

  it('a conflicting save (stale If-Match) records nothing', async () => {
    const etag =
      (await call('olivia', 'GET', `${assetPath('useCase')}/sharedRoles`)).headers.get('ETag') ?? '';
    expect(
      (await patch('olivia', 'useCase', update([user('connie@acme.test', 'EDITOR')]), { 'If-Match': etag }))
        .status,
    ).toBe(204);
    const before = await historyOf('useCase');
    const stale = await patch('eddie', 'useCase', update([user('connie@acme.test', null)]), {
      'If-Match': etag,
    });
    expect(stale.status).toBe(412);
    const after = await historyOf('useCase');
    expect(after.totalCount).toBe(before.totalCount);
    expect(after.data[0]?.id).toBe(before.data[0]?.id);
  });

  it('a save that approves an access request records one change set, cause request', async () => {
    const response = await patch(
      'olivia',
      'dataset',
      update([user('connie@acme.test', 'EDITOR')], { approvesRequests: [seedAccessRequestId] }),
    );
    expect(response.status).toBe(204);
    const approval = await newest('dataset');
    expect(approval).toMatchObject({
      cause: 'request',
      actor: { id: personaIds.olivia, fullName: 'Olivia Owens' },
      changes: [
        {
          principal: { id: personaIds.connie, type: 'user', displayName: 'Connie Cole' },
          after: expect.objectContaining({ role: 'EDITOR' }),
        },
      ],
    });
  });

  it('an approval the policy refuses records nothing', async () => {
    const before = await historyOf('dataset');
    // Approving Editor by granting Consumer does not grant what was asked.
    const refused = await patch(
      'olivia',
      'dataset',
      update([user('connie@acme.test', 'CONSUMER', { canShare: false })], {
        approvesRequests: [seedAccessRequestId],
      }),
    );
    expect(refused.status).toBe(422);
    expect((await historyOf('dataset')).totalCount).toBe(before.totalCount);
  });

  it('an expiry is recorded when the backend meets the ended grant: by nobody, dated when it ended', async () => {
    const ends = new Date(backend.db.clock.now() + 86_400_000).toISOString();
    const eddie = user('eddie@acme.test', 'CONSUMER', { expiresAt: ends });
    expect((await patch('olivia', 'deployment', update([eddie]))).status).toBe(204);
    const before = await historyOf('deployment');
    expect((await call(null, 'POST', '/demo/clock', { body: { advanceDays: 2 } })).status).toBe(200);
    const after = await historyOf('deployment');
    expect(after.totalCount).toBe(before.totalCount + 1);
    expect(after.data[0]).toMatchObject({
      cause: 'expiry',
      actor: null,
      note: null,
      changes: [
        {
          principal: { id: personaIds.eddie },
          before: { role: 'CONSUMER', expiresAt: ends },
          after: null,
        },
      ],
    });
    expect(Date.parse(after.data[0]?.at ?? '')).toBe(Date.parse(ends));
    // Read again: recorded once.
    expect((await historyOf('deployment')).totalCount).toBe(after.totalCount);
  });

  it('a demo reset restores the seeded history', async () => {
    const seeded = await historyOf('deployment');
    await patch('olivia', 'deployment', update([user('connie@acme.test', null)]));
    expect((await historyOf('deployment')).totalCount).toBe(seeded.totalCount + 1);
    expect((await call(null, 'POST', '/demo/reset')).status).toBe(204);
    expect(await historyOf('deployment')).toEqual(seeded);
  });
});
