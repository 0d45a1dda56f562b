import { it } from 'vitest';
import { createSeededDatabase } from './seed.ts';
import { addScaleData } from './scale.ts';
it('bench', () => {
  let t = performance.now();
  const db = createSeededDatabase({ scale: true });
  console.log('seed', performance.now() - t); t = performance.now();
  addScaleData(db);
  console.log('scale', performance.now() - t, db.directory.size); t = performance.now();
  const index = db.searchIndex();
  console.log('index', performance.now() - t);
  const orgId = db.directory.byId(db.assets.values().next().value!.grants[0]!.principalId)!.orgId;
  for (const q of ['a', 'jo', 'jose', 'José Peña', 'pena jo', 'olivia@acme.test', 'gus@globex.test', 'data sci', 'zzz', 'mar', 'maría.gómez']) {
    t = performance.now();
    let r;
    for (let i = 0; i < 20; i++) r = index.search(q, { orgId, offset: 0, limit: 20 });
    console.log(JSON.stringify(q), ((performance.now() - t) / 20).toFixed(2), 'ms', r!.totalCount, r!.hits.slice(0, 3).map((h) => `${h.principal.displayName}<${h.principal.name}>:${h.rank}${h.outsideOrganization ? ':outside' : ''}`).join(' | '));
  }
});
