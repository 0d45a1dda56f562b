import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/client.ts';
import type { GrantChange } from '../sharing/types.ts';
import { describeSaveFailure, messagesByPrincipalId } from './save-failure.ts';

const changes: GrantChange[] = [
  { recipient: { type: 'user', id: 'u-rita', name: 'rita@acme.test' }, role: 'EDITOR' },
  { recipient: { type: 'user', id: 'u-ivan' }, role: 'CONSUMER' },
];
const names = new Map([['u-rita', 'Rita Reyes']]);
const nameOf = (id: string) => names.get(id);

function httpError(status: number, body?: ApiError['body']) {
  return new ApiError({ kind: 'http', status, message: body?.message ?? `HTTP ${status}`, body });
}

describe('describeSaveFailure', () => {
  it('ties each refused entry back to its recipient by index', () => {
    const failure = describeSaveFailure(
      httpError(422, {
        message: '2 changes could not be applied; nothing was changed.',
        code: 'VALIDATION_FAILED',
        errors: [
          { index: 0, code: 'ROLE_ABOVE_RECIPIENT_CEILING', message: 'Rita can hold at most Consumer.' },
          { index: 1, recipient: 'ivan@acme.test', code: 'RECIPIENT_INACTIVE', message: 'Ivan is inactive.' },
          { index: null, code: 'NOTE_TOO_LONG', message: 'Too long.' },
        ],
      }),
      changes,
      nameOf,
    );
    expect(failure).toEqual({
      kind: 'rejected',
      message: '2 changes could not be applied; nothing was changed.',
      entries: [
        {
          principalId: 'u-rita',
          name: 'Rita Reyes',
          code: 'ROLE_ABOVE_RECIPIENT_CEILING',
          message: 'Rita can hold at most Consumer.',
        },
        {
          principalId: 'u-ivan',
          name: 'ivan@acme.test',
          code: 'RECIPIENT_INACTIVE',
          message: 'Ivan is inactive.',
        },
        { principalId: null, name: null, code: 'NOTE_TOO_LONG', message: 'Too long.' },
      ],
    });
  });

  it('tells a conflict, a failure worth retrying, and anything else apart', () => {
    expect(describeSaveFailure(httpError(412), changes, nameOf)).toEqual({ kind: 'conflict' });
    expect(describeSaveFailure(httpError(500), changes, nameOf)).toEqual({
      kind: 'retryable',
      cause: 'server',
    });
    expect(
      describeSaveFailure(new ApiError({ kind: 'network', status: 0, message: 'x' }), changes, nameOf),
    ).toEqual({
      kind: 'retryable',
      cause: 'network',
    });
    expect(
      describeSaveFailure(httpError(404, { message: 'Gone', code: 'NOT_FOUND' }), changes, nameOf),
    ).toEqual({
      kind: 'other',
      message: 'Gone',
    });
  });

  it('offers a retry after a session ended (401) and after the person stopped waiting for a slow save', () => {
    expect(
      describeSaveFailure(httpError(401, { message: 'Sign in.', code: 'UNAUTHORIZED' }), changes, nameOf),
    ).toEqual({ kind: 'retryable', cause: 'signedOut' });
    expect(describeSaveFailure(new DOMException('Stopped', 'AbortError'), changes, nameOf)).toEqual({
      kind: 'retryable',
      cause: 'cancelled',
    });
  });
});

describe('messagesByPrincipalId', () => {
  it('gives each recipient every message of its entry', () => {
    expect(
      messagesByPrincipalId([
        { principalId: 'a', name: 'A', code: 'X', message: 'First.' },
        { principalId: 'a', name: 'A', code: 'Y', message: 'Second.' },
        { principalId: null, name: null, code: 'Z', message: 'Whole request.' },
      ]),
    ).toEqual({ a: 'First. Second.' });
  });
});
