import type { Principal, RecipientType } from '../sharing/types.ts';
import { foldText } from './random.ts';

/** How well a principal matches a query: exact, then prefix, then word prefix. */
export type MatchRank = 'exact' | 'prefix' | 'wordPrefix';

/** One search hit. */
export interface SearchHit {
  principal: Principal;
  rank: MatchRank;
}

export interface SearchOptions {
  /** Only principals of this organization: nothing of another one, not even by exact e-mail (tenant isolation). */
  orgId: string;
  types?: ReadonlySet<RecipientType>;
  offset: number;
  limit: number;
}

export interface SearchResult {
  totalCount: number;
  hits: SearchHit[];
}

interface IndexEntry {
  principal: Principal;
  /** Folded display name. */
  name: string;
  /** The display name without punctuation inside words (`siobhan obrien`), when it differs. */
  squashedName: string | undefined;
  /** Folded username (the e-mail for users), when it differs from the display name. */
  username: string | undefined;
  /** The part of the username a word may start in: before the `@`, since everyone shares the domain. */
  usernameLocal: string | undefined;
}

const wordSplit = /[^\p{L}\p{N}]+/u;
const nonWord = /[^\p{L}\p{N}\s]/u;
const nonAscii = /[\u0080-\uffff]/;

const wordUnitCache = new Int8Array(0x10000);

/** Whether a UTF-16 unit of folded text is a letter or digit (decided once per unit, then remembered). */
function isWordUnit(code: number): boolean {
  if (code < 0x80)
    return (code >= 48 && code <= 57) || (code >= 97 && code <= 122) || (code >= 65 && code <= 90);
  let known = wordUnitCache[code];
  if (known === 0) {
    known = /[\p{L}\p{N}]/u.test(String.fromCharCode(code)) || (code >= 0xd800 && code <= 0xdfff) ? 1 : 2;
    wordUnitCache[code] = known;
  }
  return known === 1;
}

/** Whether a word of the text starts with `word`. Allocation-free: it runs for every candidate of every query. */
function hasWordStartingWith(text: string, word: string): boolean {
  for (let at = text.indexOf(word); at !== -1; at = text.indexOf(word, at + 1)) {
    if (at === 0 || !isWordUnit(text.charCodeAt(at - 1))) return true;
  }
  return false;
}

/** Folds text: fast for plain ASCII (most e-mails), remembered for repeated names. */
class Folder {
  private readonly cache = new Map<string, string>();

  fold(text: string): string {
    if (!nonAscii.test(text)) return text.toLowerCase();
    let folded = this.cache.get(text);
    if (folded === undefined) {
      folded = foldText(text);
      this.cache.set(text, folded);
    }
    return folded;
  }
}

/**
 * A number for the first one to three word units from a position (cheaper map keys than strings). A word ends at a
 * space; punctuation ends it too unless `skipPunctuation`, which reads `o'brien` as `obrien`.
 */
function prefixKey(
  text: string,
  from: number,
  length: number,
  end: number,
  skipPunctuation: boolean,
): number | undefined {
  let key = 0;
  let taken = 0;
  for (let i = from; i < end && taken < length; i++) {
    const code = text.charCodeAt(i);
    if (!isWordUnit(code)) {
      if (code === 32 || !skipPunctuation) break;
      continue;
    }
    key = key * 0x10000 + code;
    taken += 1;
  }
  return taken === length ? key : undefined;
}

/** The numeric key of a query word's first one to three characters. */
function wordKey(word: string): number {
  return prefixKey(word, 0, Math.min(3, word.length), word.length, false) as number;
}

function pushUnique(buckets: Map<number, number[]>, key: number | undefined, entryIndex: number): void {
  if (key === undefined) return;
  let bucket = buckets.get(key);
  if (!bucket) {
    bucket = [];
    buckets.set(key, bucket);
  }
  // An entry's words are indexed together, so a repeat is always the last one pushed.
  if (bucket[bucket.length - 1] !== entryIndex) bucket.push(entryIndex);
}

/**
 * A recipient search index, built once per directory revision: every principal's folded words bucketed by their
 * first two and three characters, so that a query only looks at the principals that can match one of its words.
 */
export class PrincipalSearchIndex {
  private readonly entries: IndexEntry[] = [];
  private readonly byPrefix = new Map<number, number[]>();

  constructor(principals: Iterable<Principal>, emailOf: (principal: Principal) => string | undefined) {
    const folder = new Folder();
    for (const principal of principals) {
      const email = emailOf(principal);
      const name = folder.fold(principal.displayName);
      const rawUsername = email ?? principal.name;
      const username = rawUsername === principal.displayName ? undefined : folder.fold(rawUsername);
      const at = username?.indexOf('@') ?? -1;
      const squashed = name.replace(/[^\p{L}\p{N}\s]+/gu, '');
      const entry: IndexEntry = {
        principal,
        name,
        squashedName: squashed === name ? undefined : squashed,
        username,
        usernameLocal: username && at > 0 ? username.slice(0, at) : username,
      };
      const entryIndex = this.entries.length;
      this.entries.push(entry);
      this.indexWords(name, entryIndex, name.length);
      if (username) this.indexWords(username, entryIndex, at > 0 ? at : username.length);
    }
  }

  /** Buckets an entry under the first one, two and three units of every word of a text, up to `end`. */
  private indexWords(text: string, entryIndex: number, end: number): void {
    for (let i = 0; i < end; i++) {
      if (!isWordUnit(text.charCodeAt(i))) continue;
      const previous = i === 0 ? 32 : text.charCodeAt(i - 1);
      if (isWordUnit(previous)) continue;
      for (const length of [1, 2, 3]) {
        pushUnique(this.byPrefix, prefixKey(text, i, length, end, false), entryIndex);
        if (previous === 32) pushUnique(this.byPrefix, prefixKey(text, i, length, end, true), entryIndex);
      }
    }
  }

  get size(): number {
    return this.entries.length;
  }

  /**
   * Entry positions that may match: those with a word starting like the chosen query word. A query with punctuation may match a whole e-mail by prefix, which starts like its first word.
   */
  private candidates(folded: string, words: readonly string[]): Iterable<number> {
    const chosen = nonWord.test(folded)
      ? (words[0] as string)
      : words.reduce((best, word) => (word.length > best.length ? word : best));
    return this.byPrefix.get(wordKey(chosen)) ?? [];
  }

  private rankOf(entry: IndexEntry, query: string, words: readonly string[]): MatchRank | null {
    if (entry.name === query || entry.username === query) return 'exact';
    if (entry.name.startsWith(query) || entry.username?.startsWith(query)) return 'prefix';
    const everyWord = words.every(
      (word) =>
        hasWordStartingWith(entry.name, word) ||
        (entry.squashedName !== undefined && hasWordStartingWith(entry.squashedName, word)) ||
        (entry.usernameLocal !== undefined && hasWordStartingWith(entry.usernameLocal, word)),
    );
    return everyWord ? 'wordPrefix' : null;
  }

  private compareByName = (a: number, b: number): number => {
    const left = (this.entries[a] as IndexEntry).name;
    const right = (this.entries[b] as IndexEntry).name;
    return left < right ? -1 : left > right ? 1 : a - b;
  };

  /** The first `count` of a list in name order, without sorting all of it (a one-letter query matches thousands). */
  private firstByName(list: readonly number[], count: number): number[] {
    if (count >= list.length / 4) return [...list].sort(this.compareByName).slice(0, count);
    const best: number[] = [];
    for (const entryIndex of list) {
      if (best.length === count && this.compareByName(entryIndex, best[count - 1] as number) >= 0) continue;
      let low = 0;
      let high = best.length;
      while (low < high) {
        const middle = (low + high) >> 1;
        if (this.compareByName(best[middle] as number, entryIndex) < 0) low = middle + 1;
        else high = middle;
      }
      best.splice(low, 0, entryIndex);
      if (best.length > count) best.pop();
    }
    return best;
  }

  /** Principals of the actor's organization matching every word of the query, best first, one page. */
  search(query: string, options: SearchOptions): SearchResult {
    const folded = foldText(query).trim().replace(/\s+/g, ' ');
    const words = folded.split(wordSplit).filter(Boolean);
    const allowed = (principal: Principal) =>
      principal.orgId === options.orgId && (!options.types || options.types.has(principal.type));

    const ranked: Record<MatchRank, number[]> = { exact: [], prefix: [], wordPrefix: [] };
    if (words.length === 0) {
      this.entries.forEach((entry, entryIndex) => {
        if (allowed(entry.principal)) ranked.wordPrefix.push(entryIndex);
      });
    } else {
      for (const entryIndex of this.candidates(folded, words)) {
        const entry = this.entries[entryIndex] as IndexEntry;
        if (!allowed(entry.principal)) continue;
        const rank = this.rankOf(entry, folded, words);
        if (rank) ranked[rank].push(entryIndex);
      }
    }

    const end = options.offset + options.limit;
    const page: SearchHit[] = [];
    let position = 0;
    for (const rank of ['exact', 'prefix', 'wordPrefix'] as const) {
      const list = ranked[rank];
      if (position + list.length > options.offset && position < end) {
        const skip = Math.max(0, options.offset - position);
        const wanted = this.firstByName(list, Math.min(list.length, end - position));
        for (const entryIndex of wanted.slice(skip)) {
          page.push({ principal: (this.entries[entryIndex] as IndexEntry).principal, rank });
        }
      }
      position += list.length;
    }
    return { totalCount: position, hits: page };
  }
}
