import { describe, expect, it } from 'vitest';
import type { PrincipalItem } from '../../api/contract.ts';
import { mapWithConcurrency } from './map-with-concurrency.ts';
import { resolvePastedRecipients } from './resolve-pasted-recipients.ts';

function user(username: string, overrides: Partial<PrincipalItem> = {}): PrincipalItem {
  return {
    id: username.length.toString(16).padStart(24, '0'),
    shareRecipientType: 'user',
    name: username,
    displayName: username.split('@')[0] ?? username,
    email: username,
    active: true,
    orgId: 'a'.repeat(24),
    ...overrides,
  };
}

describe('resolvePastedRecipients', () => {
  it('adds the entries that resolve and lists each failure with its reason', async () => {
    const directory = new Map<string, PrincipalItem>([
      ['eddie@acme.test', user('eddie@acme.test', { id: '1'.repeat(24) })],
      ['connie@acme.test', user('connie@acme.test', { id: '2'.repeat(24) })],
      ['ivan@acme.test', user('ivan@acme.test', { id: '3'.repeat(24), active: false })],
    ]);
    const lookup = async (username: string) => {
      if (username === 'broken@acme.test') throw new Error('network');
      return directory.get(username);
    };

    const result = await resolvePastedRecipients(
      [
        'eddie@acme.test',
        'nobody@acme.test',
        'ivan@acme.test',
        'gus@globex.test',
        'Bob',
        'broken@acme.test',
        'connie@acme.test',
      ],
      lookup,
      (address) => !address.endsWith('@acme.test'),
    );

    expect(result.found.map((item) => item.name)).toEqual(['eddie@acme.test', 'connie@acme.test']);
    expect(result.failures).toEqual([
      { entry: 'nobody@acme.test', reason: 'notFound' },
      { entry: 'ivan@acme.test', reason: 'inactive' },
      { entry: 'gus@globex.test', reason: 'outsideOrganization' },
      { entry: 'Bob', reason: 'invalidEmail' },
      { entry: 'broken@acme.test', reason: 'lookupFailed' },
    ]);
  });

  it('adds a person once when two entries name the same account', async () => {
    const eddie = user('eddie@acme.test');
    const result = await resolvePastedRecipients(['eddie@acme.test', 'e.evans@acme.test'], async () => eddie);
    expect(result.found).toEqual([eddie]);
  });

  it('does not look up what is not an e-mail address', async () => {
    const asked: string[] = [];
    await resolvePastedRecipients(['olivia', 'eddie@acme.test'], async (username) => {
      asked.push(username);
      return undefined;
    });
    expect(asked).toEqual(['eddie@acme.test']);
  });
});

describe('mapWithConcurrency', () => {
  it('keeps at most the limit in flight and the results in input order', async () => {
    let inFlight = 0;
    let mostInFlight = 0;
    const items = Array.from({ length: 40 }, (_, index) => index);
    const results = await mapWithConcurrency(items, 4, async (item) => {
      inFlight++;
      mostInFlight = Math.max(mostInFlight, inFlight);
      // Later items finish first, so order comes from the index, not from completion.
      await new Promise((resolve) => setTimeout(resolve, (40 - item) % 5));
      inFlight--;
      return item * 2;
    });
    expect(mostInFlight).toBe(4);
    expect(results).toEqual(items.map((item) => item * 2));
  });

  it('answers an empty list without calling the function', async () => {
    let calls = 0;
    await expect(
      mapWithConcurrency([], 3, async () => {
        calls++;
      }),
    ).resolves.toEqual([]);
    expect(calls).toBe(0);
  });
});
