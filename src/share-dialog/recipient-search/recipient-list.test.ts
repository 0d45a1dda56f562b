import { describe, expect, it } from 'vitest';
import { isAddressOutsideOrganization, isEmailAddress, splitRecipientList } from './recipient-list.ts';

describe('splitRecipientList', () => {
  it('splits on commas, semicolons, whitespace and new lines', () => {
    expect(splitRecipientList('a@x.test, b@y.test; c@z.test\nd@w.test\te@v.test  f@u.test')).toEqual([
      'a@x.test',
      'b@y.test',
      'c@z.test',
      'd@w.test',
      'e@v.test',
      'f@u.test',
    ]);
  });

  it('drops blanks and repeats, keeping the first spelling', () => {
    expect(splitRecipientList(' ,; A@x.test ,, a@X.test;\n\n b@y.test ')).toEqual(['A@x.test', 'b@y.test']);
  });

  it('takes the address out of the `Name <address>` form mail clients copy', () => {
    expect(
      splitRecipientList('Olivia Owens <olivia@acme.test>; Eddie Evans <eddie@acme.test>, connie@acme.test'),
    ).toEqual(['olivia@acme.test', 'eddie@acme.test', 'connie@acme.test']);
  });

  it('reads hundreds of entries', () => {
    const text = Array.from({ length: 300 }, (_, index) => `user${index}@acme.test`).join(', ');
    const entries = splitRecipientList(text);
    expect(entries).toHaveLength(300);
    expect(entries[299]).toBe('user299@acme.test');
  });
});

describe('isEmailAddress', () => {
  it.each(['olivia@acme.test', 'first.last+tag@sub.example.com', 'a@x'])('accepts %s', (entry) => {
    expect(isEmailAddress(entry)).toBe(true);
  });

  it.each(['olivia', '@acme.test', 'olivia@', 'a@b@c', 'Olivia Owens', '<olivia@acme.test>'])(
    'refuses %s',
    (entry) => {
      expect(isEmailAddress(entry)).toBe(false);
    },
  );
});

describe('isAddressOutsideOrganization', () => {
  it('tells an address of another domain than the actor’s own, case-insensitively', () => {
    expect(isAddressOutsideOrganization('gus@globex.test', 'olivia@acme.test')).toBe(true);
    expect(isAddressOutsideOrganization('typo@acme.tst', 'olivia@acme.test')).toBe(true);
    expect(isAddressOutsideOrganization('nobody@ACME.test', 'olivia@acme.test')).toBe(false);
  });

  it('says nothing when it cannot know: no actor yet, or what is not an address', () => {
    expect(isAddressOutsideOrganization('gus@globex.test', undefined)).toBe(false);
    expect(isAddressOutsideOrganization('gus', 'olivia@acme.test')).toBe(false);
    expect(isAddressOutsideOrganization('gus@globex.test', 'olivia')).toBe(false);
  });
});
