import { it } from 'vitest';
import { createSeededDatabase } from './seed.ts';
import { addScaleData } from './scale.ts';
import { PrincipalSearchIndex } from './search-index.ts';
import { foldText, objectIdFor } from './random.ts';
it('prof', () => {
  let t = performance.now();
  for (let i = 0; i < 100000; i++) objectIdFor(`user:scale:${i}`);
  console.log('ids', performance.now() - t); t = performance.now();
  for (let i = 0; i < 100000; i++) foldText(`jose.pena.${i}@acme.test`);
  console.log('fold ascii', performance.now() - t); t = performance.now();
  for (let i = 0; i < 100000; i++) foldText(`José Peña`);
  console.log('fold accent', performance.now() - t); t = performance.now();
  const db = createSeededDatabase({ scale: true });
  addScaleData(db);
  console.log('db', performance.now() - t); t = performance.now();
  new PrincipalSearchIndex(db.directory.all(), (p) => db.directory.emailOf(p));
  console.log('index', performance.now() - t); t = performance.now();
});
