import { describe, expect, it } from 'vitest';
import { errorBodySchema, principalPageSchema } from '../../api/contract.ts';
import { groupId } from '../seed.ts';
import { call, getJson, setupMockServer } from '../test-support.ts';

setupMockServer();

const search = async (as: 'olivia' | 'gus', query: string) =>
  principalPageSchema.parse(await getJson(as, `/principals?${query}`));

describe('GET /principals', () => {
  it('finds people case- and accent-insensitively, best match first', async () => {
    const page = await search('olivia', 'search=JOSE%20PENA');
    expect(page.data[0]).toMatchObject({
      displayName: 'José Peña',
      email: 'jose.pena@acme.test',
      shareRecipientType: 'user',
      active: true,
      orgName: 'Acme Analytics',
    });
  });

  it('finds groups with their member count, and filters by type', async () => {
    const page = await search('olivia', 'search=data&types=group');
    expect(page.data.map((item) => item.id)).toEqual([groupId('dataScience')]);
    expect(page.data[0]?.memberCount).toBeGreaterThan(3);
    const roles = await search('olivia', 'search=model&types=role,group');
    expect(roles.data.map((item) => item.name)).toContain('Model Validator');
  });

  it('answers inactive people disabled, with the reason', async () => {
    const page = await search('olivia', 'search=ivan%20ingram');
    expect(page.data[0]).toMatchObject({
      active: false,
      inactiveReason: expect.stringContaining('inactive'),
    });
  });

  it('keeps to the actor’s organization: an exact e-mail of another one finds nothing', async () => {
    expect((await search('olivia', 'search=gus')).data).toEqual([]);
    const exact = await call('olivia', 'GET', '/principals?search=gus%40globex.test');
    const text = await exact.text();
    expect(principalPageSchema.parse(JSON.parse(text))).toMatchObject({ totalCount: 0, data: [] });
    expect(text).not.toContain('Gus');
    expect((await search('gus', 'search=olivia')).data).toEqual([]);
    expect((await search('gus', 'search=olivia@acme.test')).data).toEqual([]);
  });

  it('answers each organization its own group of a shared name, and never the other’s', async () => {
    const acme = await search('olivia', 'search=data%20science&types=group');
    const globex = await search('gus', 'search=data%20science&types=group');
    expect(acme.data.map((item) => item.id)).toEqual([groupId('dataScience')]);
    expect(globex.data.map((item) => item.id)).toEqual([groupId('globexDataScience')]);
  });

  it('pages with next and previous as full URLs', async () => {
    const first = await search('olivia', 'search=a&limit=5');
    expect(first.count).toBe(5);
    expect(first.totalCount).toBeGreaterThan(5);
    const second = principalPageSchema.parse(await getJson('olivia', first.next as string));
    expect(second.data.map((item) => item.id)).not.toContain(first.data[0]?.id);
    expect(second.previous).toContain('offset=0');
  });

  it('answers 400 for an unknown type', async () => {
    const response = await call('olivia', 'GET', '/principals?search=a&types=user,team');
    expect(response.status).toBe(400);
    expect(errorBodySchema.parse(await response.json()).errors?.[0]?.path).toEqual(['query', 'types', 1]);
  });
});
