import { describe, expect, it } from 'vitest';
import type { Principal } from '../sharing/types.ts';
import { PrincipalSearchIndex } from './search-index.ts';

const acme = 'a'.repeat(24);
const globex = 'b'.repeat(24);

function user(id: string, displayName: string, email: string, extra: Partial<Principal> = {}): Principal {
  return { id, type: 'user', name: email, displayName, orgId: acme, active: true, ...extra };
}

const principals: Principal[] = [
  user('1', 'José Peña', 'jose.pena@acme.test'),
  user('2', 'Josephine Baker', 'josephine.baker@acme.test'),
  user('3', 'Ana Pérez', 'ana.perez@acme.test'),
  user('4', 'Peter Josten', 'peter.josten@acme.test'),
  user('5', 'Siobhán O’Brien', 'siobhan.obrien@acme.test'),
  user('6', 'Ivan Ingram', 'ivan@acme.test', { active: false }),
  user('7', 'Gus Garcia', 'gus@globex.test', { orgId: globex }),
  user('8', 'Jose Globex', 'jose@globex.test', { orgId: globex }),
  { id: '9', type: 'group', name: 'Data Science', displayName: 'Data Science', orgId: acme, active: true },
  { id: '10', type: 'role', name: 'MLOps Admin', displayName: 'MLOps Admin', orgId: acme, active: true },
  {
    id: '11',
    type: 'organization',
    name: 'Acme Analytics',
    displayName: 'Acme Analytics',
    orgId: acme,
    active: true,
  },
];
const index = new PrincipalSearchIndex(principals, (principal) =>
  principal.type === 'user' ? principal.name : undefined,
);
const search = (
  query: string,
  extra: { types?: Principal['type'][]; offset?: number; limit?: number } = {},
) =>
  index.search(query, {
    orgId: acme,
    offset: extra.offset ?? 0,
    limit: extra.limit ?? 20,
    ...(extra.types ? { types: new Set(extra.types) } : {}),
  });
const names = (query: string, extra?: Parameters<typeof search>[1]) =>
  search(query, extra).hits.map((hit) => hit.principal.displayName);

describe('PrincipalSearchIndex', () => {
  it('ignores case and accents both ways', () => {
    expect(names('jose pena')).toEqual(['José Peña']);
    expect(names('JOSÉ PEÑA')).toEqual(['José Peña']);
    expect(names('perez')).toEqual(['Ana Pérez']);
  });

  it('ranks exact, then prefix, then word prefix, alphabetically within a rank', () => {
    const hits = search('jos').hits.map((hit) => [hit.principal.displayName, hit.rank]);
    expect(hits).toEqual([
      ['José Peña', 'prefix'],
      ['Josephine Baker', 'prefix'],
      ['Peter Josten', 'wordPrefix'],
    ]);
    expect(search('josé peña').hits[0]?.rank).toBe('exact');
  });

  it('finds by e-mail, by words in any order, and through punctuation', () => {
    expect(names('ana.perez@acme.test')).toEqual(['Ana Pérez']);
    expect(names('ana.pe')).toEqual(['Ana Pérez']);
    expect(names('pena jo')).toEqual(['José Peña']);
    expect(names('obrien')).toEqual(['Siobhán O’Brien']);
    expect(names("o'brien")).toEqual(['Siobhán O’Brien']);
  });

  it('finds groups, roles and organizations by name, and filters by type', () => {
    expect(names('data sci')).toEqual(['Data Science']);
    expect(names('mlops')).toEqual(['MLOps Admin']);
    expect(names('acme')).toEqual(['Acme Analytics']);
    expect(names('s', { types: ['group', 'role'] })).toEqual(['Data Science']);
    expect(names('s')).toEqual(['Siobhán O’Brien', 'Data Science']);
  });

  it('keeps to the organization: nothing of another one, not even by exact e-mail', () => {
    expect(names('gus')).toEqual([]);
    expect(names('jose')).not.toContain('Jose Globex');
    expect(search('gus@globex.test')).toEqual({ totalCount: 0, hits: [] });
    expect(search('GUS@GLOBEX.TEST', { types: ['user'] }).hits).toEqual([]);
  });

  it('answers inactive people too (the dialog shows them disabled)', () => {
    expect(search('ivan').hits[0]?.principal.active).toBe(false);
  });

  it('pages, with the total of every page', () => {
    const first = search('e', { limit: 2 });
    const second = search('e', { limit: 2, offset: 2 });
    const all = search('e', { limit: 100 });
    expect(first.totalCount).toBe(all.totalCount);
    expect([...first.hits, ...second.hits].map((hit) => hit.principal.id)).toEqual(
      all.hits.slice(0, 4).map((hit) => hit.principal.id),
    );
  });
});
