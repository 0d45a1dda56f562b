/**
 * The mock backend's own recipient search, timed in Node on the scale directory (100,000 principals plus the
 * seed), without HTTP or the browser: what `GET /principals` spends finding one page of matches.
 */
import { performance } from 'node:perf_hooks';
import { PRINCIPAL_SEARCH_PAGE_SIZE } from '../src/api/principals.ts';
import { createDatabase } from '../src/mock-backend/backend.ts';
import { firstNames, lastNames } from '../src/mock-backend/names.ts';
import { organizations } from '../src/mock-backend/seed.ts';
import { assetTypes } from '../src/sharing/asset-types.ts';
import type { RecipientType } from '../src/sharing/types.ts';

/** What the search costs: building the index once, and each query. */
export interface BackendSearchTimes {
  directorySize: number;
  buildIndexMs: number;
  /** One figure per query, in milliseconds. */
  perQueryMs: number[];
}

/** What people type into `Share with`: name prefixes of 1 to 6 letters, whole names, `first last`, `first.last`. */
export function searchQueries(): string[] {
  const queries: string[] = [];
  for (let i = 0; i < 40; i++) {
    const first = firstNames[(i * 7) % firstNames.length] as string;
    const last = lastNames[(i * 11) % lastNames.length] as string;
    const prefixLength = 1 + (i % 6);
    queries.push(first.slice(0, prefixLength), last.slice(0, prefixLength).toLowerCase(), first);
    queries.push(`${first} ${last.slice(0, 2)}`, `${first.toLowerCase()}.${last.slice(0, 3).toLowerCase()}`);
  }
  return queries;
}

/** Builds the scale database, its search index, and times every query (after one untimed pass). */
export function measureBackendSearch(queries = searchQueries()): BackendSearchTimes {
  const db = createDatabase({ scale: true });
  const startedIndex = performance.now();
  const index = db.searchIndex();
  const buildIndexMs = performance.now() - startedIndex;
  const types = new Set<RecipientType>(assetTypes.get('dataset')?.recipientTypes ?? ['user']);
  const options = { orgId: organizations.acme.id, types, offset: 0, limit: PRINCIPAL_SEARCH_PAGE_SIZE };
  let found = 0;
  for (const query of queries) found += index.search(query, options).hits.length;
  if (found === 0) throw new Error('the scale directory matched none of the benchmark queries');
  const perQueryMs = queries.map((query) => {
    const started = performance.now();
    index.search(query, options);
    return performance.now() - started;
  });
  return { directorySize: index.size, buildIndexMs, perQueryMs };
}
