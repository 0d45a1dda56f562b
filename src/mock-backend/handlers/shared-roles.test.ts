import { describe, expect, it } from 'vitest';
import {
  errorBodySchema,
  type SharedRolesPage,
  sharedRolesPageSchema,
  sharedRolesPreviewSchema,
} from '../../api/contract.ts';
import { endpoints } from '../../api/openapi-endpoints.ts';
import { backend } from '../backend.ts';
import { personaIds } from '../personas.ts';
import { type DemoAssetKey, demoAssetId, groupId } from '../seed.ts';
import { call, getJson, setupMockServer } from '../test-support.ts';

setupMockServer();

const collections: Record<DemoAssetKey, string> = {
  useCase: 'useCases',
  application: 'customApplications',
  deployment: 'deployments',
  dataset: 'datasets',
  dataConnection: 'dataStores',
  project: 'projects',
  workload: 'workloads',
  governedModel: 'models',
  creditBureauExtract: 'datasets',
  marketingMix: 'projects',
  globexForecast: 'datasets',
};
const rolesPath = (key: DemoAssetKey) => `/${collections[key]}/${demoAssetId(key)}/sharedRoles`;
const user = (username: string, role: string | null, extra: Record<string, unknown> = {}) => ({
  username,
  shareRecipientType: 'user',
  role,
  ...extra,
});
const patch = (
  as: Parameters<typeof call>[0],
  key: DemoAssetKey,
  body: unknown,
  headers?: Record<string, string>,
) => call(as, 'PATCH', rolesPath(key), { body, ...(headers ? { headers } : {}) });
const update = (roles: unknown[], extra: Record<string, unknown> = {}) => ({
  operation: 'updateRoles',
  roles,
  ...extra,
});

async function listOf(key: DemoAssetKey): Promise<SharedRolesPage> {
  return sharedRolesPageSchema.parse(await getJson('olivia', `${rolesPath(key)}?limit=1000`));
}

async function expectRefusal(response: Response, status: number, codes: string[]) {
  expect(response.status).toBe(status);
  const body = errorBodySchema.parse(await response.json());
  expect(body.errors?.map((entry) => entry.code)).toEqual(codes);
  return body;
}

describe('GET sharedRoles', () => {
  it('answers a page in the contract shape, with an ETag', async () => {
    const response = await call('olivia', 'GET', rolesPath('dataset'));
    expect(response.headers.get('ETag')).toMatch(/^".+"$/);
    const page = sharedRolesPageSchema.parse(await response.json());
    expect(page.totalCount).toBe(backend.db.assets.get(demoAssetId('dataset'))?.grants.length);
    expect(page.data[0]).toMatchObject({
      id: personaIds.olivia,
      name: 'olivia@acme.test',
      userFullName: 'Olivia Owens',
      shareRecipientType: 'user',
      role: 'OWNER',
      canShare: true,
      canUseData: true,
    });
    const group = page.data.find((entry) => entry.id === groupId('dataScience'));
    expect(group).toMatchObject({ name: 'Data Science', shareRecipientType: 'group', role: 'CONSUMER' });
    expect(group?.memberCount).toBeGreaterThan(3);
  });

  it('pages with full-URL next and previous, and filters by name and type', async () => {
    const first = sharedRolesPageSchema.parse(await getJson('olivia', `${rolesPath('dataset')}?limit=2`));
    expect(first.count).toBe(2);
    expect(first.previous).toBeNull();
    expect(first.next).toMatch(/^http:\/\/sharewell\.test\/api\/v2\/datasets\/.+offset=2/);
    const second = sharedRolesPageSchema.parse(await getJson('olivia', first.next as string));
    expect(second.previous).toContain('offset=0');
    expect(second.data[0]?.id).not.toBe(first.data[0]?.id);

    const byName = sharedRolesPageSchema.parse(
      await getJson('olivia', `${rolesPath('dataset')}?name=CONNIE`),
    );
    expect(byName.data.map((entry) => entry.name)).toEqual(['connie@acme.test']);
    const groups = sharedRolesPageSchema.parse(
      await getJson('olivia', `${rolesPath('dataset')}?shareRecipientType=group`),
    );
    expect(groups.data.every((entry) => entry.shareRecipientType === 'group')).toBe(true);
    expect(groups.totalCount).toBe(1);
  });

  it('answers 400 with the parameter path for a limit above 1,000', async () => {
    const response = await call('olivia', 'GET', `${rolesPath('dataset')}?limit=1001`);
    expect(response.status).toBe(400);
    const body = errorBodySchema.parse(await response.json());
    expect(body.errors?.[0]?.path).toEqual(['query', 'limit']);
  });
});

describe('PATCH sharedRoles', () => {
  it('accepts the DataRobot-shaped bodies as they are', async () => {
    const grant = await patch(
      'olivia',
      'dataset',
      JSON.parse(
        '{"operation":"updateRoles","roles":[{"username":"eddie@acme.test","shareRecipientType":"user","role":"EDITOR","canShare":true},{"username":"connie@acme.test","shareRecipientType":"user","role":"CONSUMER","canShare":false}]}',
      ),
    );
    expect(grant.status).toBe(204);
    const revoke = await patch(
      'olivia',
      'dataset',
      JSON.parse(
        '{"operation":"updateRoles","roles":[{"username":"connie@acme.test","shareRecipientType":"user","role":null}]}',
      ),
    );
    expect(revoke.status).toBe(204);
    expect((await listOf('dataset')).data.map((entry) => entry.name)).not.toContain('connie@acme.test');
  });

  it('applies grants, changes and revokes, answers 204 with a new ETag, and matches roles in any case', async () => {
    const before = (await call('olivia', 'GET', rolesPath('workload'))).headers.get('ETag');
    const response = await patch(
      'olivia',
      'workload',
      update([
        user('jose.pena@acme.test', 'user'),
        user('connie@acme.test', 'NO_ROLE'),
        { id: groupId('risk'), shareRecipientType: 'group', role: 'consumer' },
        { name: 'Data Science', shareRecipientType: 'group', role: 'Consumer' },
      ]),
    );
    expect(response.status).toBe(204);
    expect(await response.text()).toBe('');
    const etag = response.headers.get('ETag');
    expect(etag).not.toBe(before);
    const list = await call('olivia', 'GET', rolesPath('workload'));
    expect(list.headers.get('ETag')).toBe(etag);
    const entries = sharedRolesPageSchema.parse(await list.json()).data;
    expect(entries.find((entry) => entry.name === 'jose.pena@acme.test')?.role).toBe('USER');
    expect(entries.find((entry) => entry.name === 'Data Science')?.role).toBe('CONSUMER');
    expect(entries.some((entry) => entry.name === 'connie@acme.test')).toBe(false);
  });

  it('changes nothing when one entry among good ones is bad', async () => {
    const before = await listOf('dataset');
    const response = await patch(
      'olivia',
      'dataset',
      update([
        user('jose.pena@acme.test', 'EDITOR'),
        user('ivan@acme.test', 'CONSUMER'),
        user('eddie@acme.test', 'CONSUMER'),
      ]),
    );
    await expectRefusal(response, 422, ['RECIPIENT_INACTIVE']);
    expect(await listOf('dataset')).toEqual(before);
  });

  it('gives one 204 and one 412 to two saves made against the same ETag', async () => {
    const etag = (await call('olivia', 'GET', rolesPath('project'))).headers.get('ETag') as string;
    const [first, second] = await Promise.all([
      patch('olivia', 'project', update([user('jose.pena@acme.test', 'USER')]), { 'If-Match': etag }),
      patch('olivia', 'project', update([user('jose.pena@acme.test', 'CONSUMER')]), { 'If-Match': etag }),
    ]);
    expect([first?.status, second?.status].sort()).toEqual([204, 412]);
    const conflict = (first?.status === 412 ? first : second) as Response;
    const body = errorBodySchema.parse(await conflict.json());
    expect(body.code).toBe('VERSION_CONFLICT');
  });

  it('answers 412 for a stale If-Match before reading the body (R15)', async () => {
    const response = await patch('olivia', 'project', '{not json', { 'If-Match': '"0.0"' });
    expect(response.status).toBe(412);
    expect(errorBodySchema.parse(await response.json()).code).toBe('VERSION_CONFLICT');
  });

  it('answers 400 with field paths for a malformed body, and changes nothing', async () => {
    const response = await patch('olivia', 'dataset', {
      operation: 'updateRoles',
      roles: [
        user('jose.pena@acme.test', 'EDITOR'),
        { username: 'x@acme.test', shareRecipientType: 'team', role: 'EDITOR' },
      ],
    });
    expect(response.status).toBe(400);
    const body = errorBodySchema.parse(await response.json());
    expect(body.code).toBe('INVALID_REQUEST');
    expect(body.errors).toEqual([
      expect.objectContaining({ index: 1, path: ['roles', 1, 'shareRecipientType'] }),
    ]);
    const notJson = await patch('olivia', 'dataset', '{"operation":');
    expect(notJson.status).toBe(400);
  });
});

describe('every rule of SPEC §4, with forged requests', () => {
  it('R1: only active accounts', async () => {
    await expectRefusal(await patch('olivia', 'dataset', update([user('ivan@acme.test', 'CONSUMER')])), 422, [
      'RECIPIENT_INACTIVE',
    ]);
  });

  it('R2: only the actor’s organization', async () => {
    await expectRefusal(
      await patch('olivia', 'dataset', update([user('gus@globex.test', 'CONSUMER')])),
      422,
      ['RECIPIENT_OUTSIDE_ORGANIZATION'],
    );
  });

  it('R3: the recipient must exist', async () => {
    await expectRefusal(
      await patch('olivia', 'dataset', update([user('nobody@acme.test', 'CONSUMER')])),
      422,
      ['RECIPIENT_NOT_FOUND'],
    );
  });

  it('R4: the recipient type must suit the asset type', async () => {
    const body = update([{ id: groupId('dataScience'), shareRecipientType: 'group', role: 'CONSUMER' }]);
    await expectRefusal(await patch('olivia', 'useCase', body), 422, ['RECIPIENT_TYPE_NOT_ALLOWED']);
  });

  it('R5 and R17: at most one’s own level', async () => {
    const body = await expectRefusal(
      await patch('eddie', 'dataset', update([user('jose.pena@acme.test', 'OWNER')])),
      403,
      ['ROLE_ABOVE_OWN_LEVEL'],
    );
    expect(body.code).toBe('ROLE_ABOVE_OWN_LEVEL');
    expect((await patch('eddie', 'dataset', update([user('jose.pena@acme.test', 'EDITOR')]))).status).toBe(
      204,
    );
  });

  it('R6: no change to a grant above one’s own level', async () => {
    expect((await patch('olivia', 'dataset', update([user('jose.pena@acme.test', 'OWNER')]))).status).toBe(
      204,
    );
    await expectRefusal(
      await patch('eddie', 'dataset', update([user('jose.pena@acme.test', 'CONSUMER')])),
      403,
      ['TARGET_ABOVE_OWN_LEVEL'],
    );
    await expectRefusal(await patch('eddie', 'dataset', update([user('jose.pena@acme.test', null)])), 403, [
      'TARGET_ABOVE_OWN_LEVEL',
    ]);
  });

  it('R7: sharing must be allowed, but a grant may remove itself', async () => {
    await expectRefusal(
      await patch('nora', 'dataset', update([user('jose.pena@acme.test', 'CONSUMER')])),
      403,
      ['SHARING_NOT_ALLOWED'],
    );
    await expectRefusal(
      await patch('connie', 'governedModel', update([user('jose.pena@acme.test', 'READ')])),
      403,
      ['SHARING_NOT_ALLOWED'],
    );
    expect((await patch('nora', 'dataset', update([user('nora@acme.test', null)]))).status).toBe(204);
  });

  it('R8: no role above the recipient’s RBAC ceiling, with a suggestion', async () => {
    const body = await expectRefusal(
      await patch('olivia', 'dataset', update([user('rita@acme.test', 'EDITOR')])),
      422,
      ['ROLE_ABOVE_RECIPIENT_CEILING'],
    );
    expect(body.errors?.[0]?.message).toMatch(/more restrictive/);
  });

  it('R9: a user owner stays, but ownership can be handed on in one request', async () => {
    await expectRefusal(await patch('olivia', 'deployment', update([user('olivia@acme.test', null)])), 409, [
      'LAST_OWNER',
    ]);
    const handOver = update([user('eddie@acme.test', 'OWNER'), user('olivia@acme.test', null)]);
    expect((await patch('olivia', 'deployment', handOver)).status).toBe(204);
  });

  it('R10: a dataset keeps a user who can share', async () => {
    const body = update([user('olivia@acme.test', 'OWNER', { canShare: false })]);
    await expectRefusal(await patch('olivia', 'creditBureauExtract', body), 409, ['LAST_SHARER']);
  });

  it('R11: the role must be one of the asset type’s', async () => {
    await expectRefusal(
      await patch('olivia', 'governedModel', update([user('jose.pena@acme.test', 'EDITOR')])),
      422,
      ['INVALID_ROLE'],
    );
  });

  it('R12: options the asset type lacks are refused', async () => {
    const body = update([user('jose.pena@acme.test', 'USER', { canUseData: true })]);
    await expectRefusal(await patch('olivia', 'deployment', body), 422, ['OPTION_NOT_SUPPORTED']);
  });

  it('R13: 1 to 100 entries, each recipient once', async () => {
    const many = Array.from({ length: 101 }, (_, index) => user(`person${index}@acme.test`, 'CONSUMER'));
    const tooMany = await patch('olivia', 'dataset', update(many));
    expect(tooMany.status).toBe(422);
    expect(errorBodySchema.parse(await tooMany.json()).errors?.map((entry) => entry.code)).toContain(
      'TOO_MANY_ENTRIES',
    );
    await expectRefusal(await patch('olivia', 'dataset', update([])), 422, ['TOO_MANY_ENTRIES']);
    const twice = update([user('jose.pena@acme.test', 'CONSUMER'), user('JOSE.PENA@acme.test', 'EDITOR')]);
    await expectRefusal(await patch('olivia', 'dataset', twice), 422, ['DUPLICATE_RECIPIENT']);
  });

  it('R14: a note of at most 1,000 characters', async () => {
    const body = update([user('jose.pena@acme.test', 'CONSUMER')], { note: 'x'.repeat(1001) });
    await expectRefusal(await patch('olivia', 'dataset', body), 422, ['NOTE_TOO_LONG']);
  });

  it('R16: lineage shares only inputs the actor may share, or nothing', async () => {
    const lineage = update([user('jose.pena@acme.test', 'READ')], { applyGrantToLinkedObjects: true });
    await expectRefusal(await patch('eddie', 'governedModel', lineage), 409, ['LINEAGE_INPUT_NOT_SHAREABLE']);
    expect((await listOf('creditBureauExtract')).data.map((entry) => entry.name)).not.toContain(
      'jose.pena@acme.test',
    );

    const datasetBefore = await listOf('dataset');
    expect((await patch('olivia', 'governedModel', lineage)).status).toBe(204);
    expect(
      (await listOf('creditBureauExtract')).data.find((entry) => entry.name === 'jose.pena@acme.test')?.role,
    ).toBe('CONSUMER');
    // José already reaches the other input through Data Science: it is left as it was.
    expect((await listOf('dataset')).data).toEqual(datasetBefore.data);
  });

  it('answers all violations together, with the status they share, else 422 and VALIDATION_FAILED', async () => {
    const response = await patch(
      'olivia',
      'dataset',
      update([
        user('ivan@acme.test', 'CONSUMER'),
        user('jose.pena@acme.test', 'EDITOR'),
        user('rita@acme.test', 'EDITOR'),
      ]),
    );
    const body = await expectRefusal(response, 422, ['RECIPIENT_INACTIVE', 'ROLE_ABOVE_RECIPIENT_CEILING']);
    expect(body).toMatchObject({
      code: 'VALIDATION_FAILED',
      message: expect.stringContaining('nothing was changed'),
    });
    expect(body.errors?.map((entry) => [entry.index, entry.recipient])).toEqual([
      [0, 'ivan@acme.test'],
      [2, 'rita@acme.test'],
    ]);
  });
});

describe('POST sharedRoles/preview', () => {
  it('answers who would gain access, counting group members, and applies nothing', async () => {
    const before = await listOf('dataset');
    const response = await call('olivia', 'POST', `${rolesPath('dataset')}/preview`, {
      body: update([{ name: 'Marketing Analytics', shareRecipientType: 'group', role: 'CONSUMER' }]),
    });
    expect(response.status).toBe(200);
    const preview = sharedRolesPreviewSchema.parse(await response.json());
    expect(preview.errors).toEqual([]);
    const marketing = backend.db.directory
      .membersOf(groupId('marketingAnalytics'))
      .filter((member) => member.active);
    expect(preview.impact.counts.gains).toBeGreaterThan(0);
    expect(preview.impact.counts.gains).toBeLessThanOrEqual(marketing.length);
    expect(preview.impact.gains[0]).toMatchObject({ beforeRole: null, afterRole: 'CONSUMER' });
    expect(await listOf('dataset')).toEqual(before);
  });

  it('answers the same per-entry errors as PATCH, and the impact of the entries that break nothing', async () => {
    const response = await call('olivia', 'POST', `${rolesPath('dataset')}/preview`, {
      body: update([
        user('ivan@acme.test', 'CONSUMER'),
        user('jose.pena@acme.test', 'EDITOR'),
        user('connie@acme.test', null),
      ]),
    });
    const preview = sharedRolesPreviewSchema.parse(await response.json());
    expect(preview.errors.map((entry) => [entry.index, entry.code])).toEqual([[0, 'RECIPIENT_INACTIVE']]);
    // José already reads the dataset through Data Science: his access changes.
    expect(preview.impact.changes).toEqual([
      expect.objectContaining({ name: 'jose.pena@acme.test', beforeRole: 'CONSUMER', afterRole: 'EDITOR' }),
    ]);
    expect(preview.impact.counts).toEqual({ gains: 0, changes: 1, loses: 0, expiries: 0 });
    // Connie keeps read-only access through Data Science.
    expect(preview.impact.loses).toEqual([]);
  });

  it('answers a stale If-Match with 412 before reading the body, as PATCH does, and documents it', async () => {
    const response = await call('olivia', 'POST', `${rolesPath('dataset')}/preview`, {
      body: '{not json',
      headers: { 'If-Match': '"0.0"' },
    });
    expect(response.status).toBe(412);
    expect(errorBodySchema.parse(await response.json()).code).toBe('VERSION_CONFLICT');
    const documented = endpoints.find((endpoint) => endpoint.operationId === 'previewSharedRoles');
    expect(Object.keys(documented?.responses ?? {})).toContain('412');
  });
});
