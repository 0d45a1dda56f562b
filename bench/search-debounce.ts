import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { root } from './serve-app.ts';

const source = join(root, 'src/share-dialog/recipient-search/recipient-search.tsx');

/**
 * The recipient search's debounce, read from the constant its source exports (`RECIPIENT_SEARCH_DEBOUNCE_MS`):
 * the module itself imports CSS, which Node cannot load.
 */
export function readSearchDebounceMs(code = readFileSync(source, 'utf8')): number {
  const match = /export const RECIPIENT_SEARCH_DEBOUNCE_MS\s*=\s*([\d_]+)\s*;/.exec(code);
  if (!match?.[1]) throw new Error(`RECIPIENT_SEARCH_DEBOUNCE_MS not found in ${source}`);
  return Number(match[1].replaceAll('_', ''));
}
