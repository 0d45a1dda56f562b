import { describe, expect, it } from 'vitest';
import {
  errorBodySchema,
  principalSearchQuerySchema,
  sharedRolesQuerySchema,
  sharedRolesUpdateBodySchema,
} from './contract.ts';

describe('sharedRolesUpdateBodySchema', () => {
  it('accepts the DataRobot-shaped grant body as it is', () => {
    const body = {
      operation: 'updateRoles',
      roles: [
        { username: 'eddie@acme.test', shareRecipientType: 'user', role: 'EDITOR', canShare: true },
        { username: 'connie@acme.test', shareRecipientType: 'user', role: 'CONSUMER', canShare: false },
      ],
    };
    expect(sharedRolesUpdateBodySchema.parse(body)).toEqual(body);
  });

  it('accepts a revoke with role null, and with NO_ROLE by id', () => {
    expect(
      sharedRolesUpdateBodySchema.safeParse({
        operation: 'updateRoles',
        roles: [{ username: 'connie@acme.test', shareRecipientType: 'user', role: null }],
      }).success,
    ).toBe(true);
    expect(
      sharedRolesUpdateBodySchema.safeParse({
        operation: 'updateRoles',
        roles: [{ id: '6a2b00000000000000000000', shareRecipientType: 'group', role: 'NO_ROLE' }],
        note: 'Please review the holdout partition.',
        sendNotification: true,
        applyGrantToLinkedObjects: false,
      }).success,
    ).toBe(true);
  });

  it('leaves entry counts and note length to the policy (they are 422 rules, not malformed bodies)', () => {
    const roles = Array.from({ length: 101 }, (_, index) => ({
      username: `u${index}@acme.test`,
      shareRecipientType: 'user',
      role: 'EDITOR',
    }));
    expect(
      sharedRolesUpdateBodySchema.safeParse({ operation: 'updateRoles', roles, note: 'x'.repeat(2000) })
        .success,
    ).toBe(true);
    expect(sharedRolesUpdateBodySchema.safeParse({ operation: 'updateRoles', roles: [] }).success).toBe(true);
  });

  it('names the path of each malformed field', () => {
    const result = sharedRolesUpdateBodySchema.safeParse({
      operation: 'replaceRoles',
      roles: [
        { username: 'eddie@acme.test', shareRecipientType: 'team', role: 'EDITOR' },
        { shareRecipientType: 'user', role: 'EDITOR' },
        { username: 'connie@acme.test', shareRecipientType: 'user', role: 'EDITOR', canShare: 'yes' },
      ],
    });
    expect(result.success).toBe(false);
    const paths = result.error?.issues.map((issue) => issue.path.join('.')).sort();
    expect(paths).toEqual(['operation', 'roles.0.shareRecipientType', 'roles.1.id', 'roles.2.canShare']);
  });
});

describe('query schemas', () => {
  it('coerce paging from the query string, with defaults and bounds', () => {
    expect(sharedRolesQuerySchema.parse({})).toEqual({ offset: 0, limit: 100 });
    expect(
      sharedRolesQuerySchema.parse({ offset: '200', limit: '1000', shareRecipientType: 'group' }),
    ).toEqual({
      offset: 200,
      limit: 1000,
      shareRecipientType: 'group',
    });
    expect(sharedRolesQuerySchema.safeParse({ limit: '1001' }).success).toBe(false);
    expect(sharedRolesQuerySchema.safeParse({ offset: '-1' }).success).toBe(false);
    expect(principalSearchQuerySchema.parse({ search: 'jose' })).toEqual({
      search: 'jose',
      offset: 0,
      limit: 20,
    });
  });
});

describe('errorBodySchema', () => {
  it('parses the error of SPEC §5', () => {
    const body = {
      message: '2 changes could not be applied; nothing was changed.',
      code: 'VALIDATION_FAILED',
      errors: [
        { index: 0, recipient: 'ivan@acme.test', code: 'RECIPIENT_INACTIVE', message: 'Inactive.' },
        { index: 2, recipient: 'rita@acme.test', code: 'ROLE_ABOVE_RECIPIENT_CEILING', message: 'Ceiling.' },
      ],
    };
    expect(errorBodySchema.parse(body)).toEqual(body);
  });
});
