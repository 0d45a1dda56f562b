import { describe, expect, it } from 'vitest';
import { createDatabase } from '../../src/mock-backend/backend.ts';
import { SCALE_DIRECTORY_SIZE, scaleUserId } from '../../src/mock-backend/scale.ts';
import { BARE_DIRECTORY_SIZE, createDirectory, createGrants, searchDirectory } from './directory.ts';

describe("the bare peer's directory", () => {
  const directory = createDirectory();

  it('holds the scale seed’s people: as many, with the same names in the same order', () => {
    expect(BARE_DIRECTORY_SIZE).toBe(SCALE_DIRECTORY_SIZE);
    expect(directory).toHaveLength(SCALE_DIRECTORY_SIZE);
    const db = createDatabase({ scale: true });
    for (const index of [0, 1, 2, 777, 54_321, SCALE_DIRECTORY_SIZE - 1]) {
      const seeded = db.directory.byId(scaleUserId(index));
      expect(directory[index]?.displayName).toBe(seeded?.displayName);
      expect(directory[index]?.email).toBe(seeded && 'email' in seeded ? seeded.email : undefined);
    }
  });

  it('finds the first matches in directory order, each query word starting a word, accents folded', () => {
    const person = (id: number, displayName: string, local: string) => ({
      id,
      displayName,
      email: `${local}@acme.test`,
      searchText: `${displayName
        .normalize('NFD')
        .replace(/[\u0300-\u036f]/g, '')
        .toLowerCase()} ${local}`,
    });
    const withText = [
      person(0, 'Amélie Brun', 'amelie.brun.1'),
      person(1, 'Samuel Amado', 'samuel.amado.2'),
      person(2, 'Ana Amélie', 'ana.amelie.3'),
    ];
    expect(searchDirectory(withText, 'AMÉ', 20).map((found) => found.id)).toEqual([0, 2]);
    expect(searchDirectory(withText, 'am', 1).map((found) => found.id)).toEqual([0]);
    expect(searchDirectory(withText, 'mue', 20)).toEqual([]);
    expect(searchDirectory(withText, 'ana ame', 20).map((found) => found.id)).toEqual([2]);
    expect(searchDirectory(withText, '  ', 20)).toEqual([]);
  });

  it('answers 20 suggestions for a four-letter prefix on 100,000 people', () => {
    const found = searchDirectory(directory, 'mate', 20);
    expect(found).toHaveLength(20);
    for (const person of found) expect(person.searchText).toMatch(/(^|[ .])mate/);
  });

  it('makes an access list of the first N people, owned by the first', () => {
    const grants = createGrants(directory, 10_000);
    expect(grants).toHaveLength(10_000);
    expect(grants[0]?.role).toBe('OWNER');
    expect(grants.slice(1).every((grant) => grant.role !== 'OWNER')).toBe(true);
    expect(grants[9_999]?.person).toBe(directory[9_999]);
  });
});
