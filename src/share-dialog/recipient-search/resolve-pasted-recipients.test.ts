import { describe, expect, it } from 'vitest';
import type { PrincipalItem } from '../../api/contract.ts';
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
