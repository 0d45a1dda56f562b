/**
 * The bare peer's data: the scale seed's 100,000 people (the same names, in the same order, from the same seeded
 * generator as `src/mock-backend/scale.ts`), an access list of the first N of them, and a plain search over the
 * directory. In memory, no product logic: what the same stack does when nothing stands between it and the data.
 */
import { emailLocalPart, firstNames, lastNames } from '../../src/mock-backend/names.ts';
import { createRandom, foldText } from '../../src/mock-backend/random.ts';

/** As many people as the scale seed's directory (`SCALE_DIRECTORY_SIZE`, which lives beside the whole seed). */
export const BARE_DIRECTORY_SIZE = 100_000;

/** The bare peer's asset with this many grants; its dialog is titled `Share <name>`. */
export function bareAssetName(grantCount: number): string {
  return `Bare peer · ${grantCount.toLocaleString('en-US')} grants`;
}

/** One person of the directory, with the folded text a search compares. */
export interface BarePerson {
  id: number;
  displayName: string;
  email: string;
  /** The display name folded (lower case, accents stripped), then a space, then the e-mail's local part. */
  searchText: string;
}

/** One row of the access list. */
export interface BareGrant {
  person: BarePerson;
  role: 'OWNER' | 'EDITOR' | 'CONSUMER';
  canShare: boolean;
}

/** The scale directory's people, generated exactly as the scale seed generates them (same seed, same draws). */
export function createDirectory(size = BARE_DIRECTORY_SIZE, domain = 'acme.test'): BarePerson[] {
  const random = createRandom(100_000);
  const firstAscii = firstNames.map((first) => emailLocalPart(first, '').replace(/\.$/, ''));
  const lastAscii = lastNames.map((last) => emailLocalPart('', last).replace(/^\./, ''));
  const firstFolded = firstNames.map(foldText);
  const lastFolded = lastNames.map(foldText);
  const people: BarePerson[] = [];
  for (let index = 0; index < size; index++) {
    const first = random.int(firstNames.length);
    const last = random.int(lastNames.length);
    // The scale seed draws a permission ceiling for every person: drawn here too, so the names stay in step.
    random.next();
    const local = `${firstAscii[first]}.${lastAscii[last]}.${index + 1}`;
    people.push({
      id: index,
      displayName: `${firstNames[first]} ${lastNames[last]}`,
      email: `${local}@${domain}`,
      searchText: `${firstFolded[first]} ${lastFolded[last]} ${local}`,
    });
  }
  return people;
}

/** An access list of `count` grants: the first person owns the asset, the others edit or consume. */
export function createGrants(directory: readonly BarePerson[], count: number): BareGrant[] {
  const random = createRandom(count);
  return directory.slice(0, count).map((person, index) => {
    const editor = index > 0 && random.chance(0.3);
    return {
      person,
      role: index === 0 ? 'OWNER' : editor ? 'EDITOR' : 'CONSUMER',
      canShare: index === 0 || (editor && random.chance(0.2)),
    };
  });
}

function startsAWord(text: string, word: string): boolean {
  for (let at = text.indexOf(word); at !== -1; at = text.indexOf(word, at + 1)) {
    const before = at === 0 ? ' ' : text.charAt(at - 1);
    if (before === ' ' || before === '.') return true;
  }
  return false;
}

/** The first `limit` people, in directory order, of whom every word of the query starts a word. */
export function searchDirectory(
  directory: readonly BarePerson[],
  query: string,
  limit: number,
): BarePerson[] {
  const words = foldText(query)
    .split(/[\s.]+/)
    .filter(Boolean);
  if (words.length === 0) return [];
  const found: BarePerson[] = [];
  for (const person of directory) {
    if (words.every((word) => startsAWord(person.searchText, word))) {
      found.push(person);
      if (found.length === limit) break;
    }
  }
  return found;
}
