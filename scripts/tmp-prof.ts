import { addScaleData } from '../src/mock-backend/scale.ts';
import { PrincipalSearchIndex } from '../src/mock-backend/search-index.ts';
import { createSeededDatabase } from '../src/mock-backend/seed.ts';

let t = performance.now();
const db = createSeededDatabase({ scale: true });
addScaleData(db);
console.log('db', performance.now() - t);
t = performance.now();
for (let k = 0; k < 3; k++) {
  new PrincipalSearchIndex(db.directory.all(), (p) => db.directory.emailOf(p));
  console.log('index', performance.now() - t);
  t = performance.now();
}
