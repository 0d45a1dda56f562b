import { describe, expect, it } from 'vitest';
import {
  type AccessRequest,
  approveRequests,
  canActOnRequest,
  checkAccessRequest,
  checkApprovals,
  checkRequestPending,
  closeGrantedRequests,
  declineRequest,
  type RequesterStanding,
  requestableRoles,
  requestsVisibleTo,
} from './access-requests.ts';
import { assetType, connie, eddie, nora, olivia, rita, standingOf } from './test-fixtures.ts';
import type { Level } from './types.ts';

const dataset = assetType('dataset');
const governedModel = assetType('governedModel');
const now = '2025-03-01T10:00:00.000Z';

function requester(principalId: string, level: Level | 0, ceiling: Level = 3): RequesterStanding {
  return { principalId, displayName: 'Connie Cole', level, ceiling };
}

function pending(overrides: Partial<AccessRequest> = {}): AccessRequest {
  return {
    id: 'a'.repeat(24),
    requesterId: connie.id,
    role: 'EDITOR',
    message: 'Please',
    status: 'pending',
    createdAt: now,
    ...overrides,
  };
}

const codes = (violations: readonly { code: string }[]) => violations.map((violation) => violation.code);

describe('requestableRoles (R20)', () => {
  it('offers the roles above the own level, up to the ceiling', () => {
    expect(requestableRoles(dataset, requester(connie.id, 1)).map((role) => role.name)).toEqual([
      'OWNER',
      'EDITOR',
    ]);
    expect(requestableRoles(dataset, requester(connie.id, 1, 2)).map((role) => role.name)).toEqual([
      'EDITOR',
    ]);
    expect(requestableRoles(dataset, requester(rita.id, 1, 1))).toEqual([]);
    expect(requestableRoles(dataset, requester(olivia.id, 3))).toEqual([]);
  });
});

describe('checkAccessRequest (R20)', () => {
  it('allows a role above the own level within the ceiling', () => {
    expect(checkAccessRequest(dataset, requester(connie.id, 1), [], { role: 'editor', message: '' })).toEqual(
      [],
    );
  });

  it('refuses a role not above the own level as not needed', () => {
    const found = checkAccessRequest(dataset, requester(connie.id, 1), [], { role: 'CONSUMER', message: '' });
    expect(codes(found)).toEqual(['REQUEST_NOT_NEEDED']);
    expect(found[0]?.message).toBe('You already hold Consumer on this dataset. Ask for a role above it.');
  });

  it("refuses a role above the ceiling with R8's suggestion", () => {
    const found = checkAccessRequest(dataset, requester(rita.id, 1, 1), [], { role: 'EDITOR', message: '' });
    expect(codes(found)).toEqual(['ROLE_ABOVE_RECIPIENT_CEILING']);
    expect(found[0]?.message).toBe('Connie Cole can hold at most Consumer. Try a more restrictive role.');
  });

  it('refuses an unknown role and a message over 1,000 characters', () => {
    const found = checkAccessRequest(dataset, requester(connie.id, 1), [], {
      role: 'ADMIN',
      message: 'x'.repeat(1001),
    });
    expect(codes(found)).toEqual(['INVALID_ROLE', 'NOTE_TOO_LONG']);
    expect(
      checkAccessRequest(dataset, requester(connie.id, 1), [], { role: 'EDITOR', message: 'x'.repeat(1000) }),
    ).toEqual([]);
  });

  it('refuses a second pending request by the same person, not one after a decided request', () => {
    const found = checkAccessRequest(dataset, requester(connie.id, 1), [pending()], {
      role: 'OWNER',
      message: '',
    });
    expect(codes(found)).toEqual(['REQUEST_PENDING']);
    expect(found[0]?.message).toContain('Editor');
    const decided = [pending({ status: 'declined' }), pending({ requesterId: nora.id })];
    expect(
      checkAccessRequest(dataset, requester(connie.id, 1), decided, { role: 'OWNER', message: '' }),
    ).toEqual([]);
  });
});

describe('canActOnRequest (R5, R7)', () => {
  it('lets those who could grant the role act: owners, sharers at or above it', () => {
    expect(canActOnRequest(dataset, standingOf(dataset, olivia), pending()).allowed).toBe(true);
    expect(canActOnRequest(dataset, standingOf(dataset, eddie), pending()).allowed).toBe(true);
  });

  it('refuses an editor without "Allow sharing" (R7) and a role above the own level (R5)', () => {
    expect(canActOnRequest(dataset, standingOf(dataset, nora), pending())).toMatchObject({
      allowed: false,
      code: 'SHARING_NOT_ALLOWED',
    });
    expect(canActOnRequest(dataset, standingOf(dataset, eddie), pending({ role: 'OWNER' }))).toMatchObject({
      allowed: false,
      code: 'ROLE_ABOVE_OWN_LEVEL',
    });
    expect(
      canActOnRequest(governedModel, standingOf(governedModel, connie), pending({ role: 'WRITE' })),
    ).toMatchObject({ allowed: false, code: 'SHARING_NOT_ALLOWED' });
  });
});

describe('requestsVisibleTo', () => {
  it('answers pending requests to those who may act, and a person their own', () => {
    const requests = [
      pending(),
      pending({ id: 'b'.repeat(24), role: 'OWNER' }),
      pending({ id: 'c'.repeat(24), requesterId: nora.id, status: 'declined' }),
    ];
    expect(requestsVisibleTo(dataset, standingOf(dataset, olivia), requests).map((r) => r.id)).toEqual([
      'a'.repeat(24),
      'b'.repeat(24),
    ]);
    expect(requestsVisibleTo(dataset, standingOf(dataset, eddie), requests).map((r) => r.id)).toEqual([
      'a'.repeat(24),
    ]);
    expect(requestsVisibleTo(dataset, standingOf(dataset, nora), requests).map((r) => r.id)).toEqual([
      'c'.repeat(24),
    ]);
  });
});

describe('closeGrantedRequests', () => {
  it('closes a pending request as granted once the requester holds its role, and only then', () => {
    const requests = [pending(), pending({ id: 'b'.repeat(24), requesterId: nora.id, role: 'OWNER' })];
    const closed = closeGrantedRequests(dataset, requests, () => 2, now);
    expect(closed.map((request) => request.status)).toEqual(['granted', 'pending']);
    expect(closed[0]?.decidedAt).toBe(now);
  });
});

describe('checkApprovals', () => {
  const owner = standingOf(dataset, olivia);
  const nameOf = () => 'Connie Cole';

  it('accepts a pending request whose role the save grants', () => {
    expect(checkApprovals(dataset, owner, [pending()], ['a'.repeat(24)], () => 2, nameOf)).toEqual([]);
  });

  it('refuses an id that is not a pending request of the asset', () => {
    const decided = [pending({ status: 'approved' })];
    expect(codes(checkApprovals(dataset, owner, decided, ['a'.repeat(24)], () => 2, nameOf))).toEqual([
      'REQUEST_NOT_PENDING',
    ]);
    expect(codes(checkApprovals(dataset, owner, [], ['f'.repeat(24)], () => 2, nameOf))).toEqual([
      'REQUEST_NOT_PENDING',
    ]);
  });

  it('refuses a save that does not grant the role, and an approver who could not grant it', () => {
    const notGranted = checkApprovals(dataset, owner, [pending()], ['a'.repeat(24)], () => 1, nameOf);
    expect(notGranted[0]?.message).toBe(
      "Approving Connie Cole's request needs Editor for them in the same save.",
    );
    const byNora = checkApprovals(
      dataset,
      standingOf(dataset, nora),
      [pending()],
      ['a'.repeat(24)],
      () => 2,
      nameOf,
    );
    expect(codes(byNora)).toEqual(['SHARING_NOT_ALLOWED']);
  });

  it('judges a save refused anyway (no list after) only on whether each request may be approved at all', () => {
    expect(checkApprovals(dataset, owner, [pending()], ['a'.repeat(24)], null, nameOf)).toEqual([]);
    expect(
      codes(checkApprovals(dataset, standingOf(dataset, nora), [pending()], ['a'.repeat(24)], null, nameOf)),
    ).toEqual(['SHARING_NOT_ALLOWED']);
    expect(codes(checkApprovals(dataset, owner, [], ['f'.repeat(24)], null, nameOf))).toEqual([
      'REQUEST_NOT_PENDING',
    ]);
  });
});

describe('approving and declining', () => {
  it('approves only the named pending requests', () => {
    const requests = [pending(), pending({ id: 'b'.repeat(24), requesterId: nora.id })];
    const after = approveRequests(requests, ['a'.repeat(24)], olivia.id, now);
    expect(after.map((request) => request.status)).toEqual(['approved', 'pending']);
    expect(after[0]).toMatchObject({ deciderId: olivia.id, decidedAt: now });
  });

  it('declines with an optional message, and a decided request is no longer pending', () => {
    const declined = declineRequest(pending(), olivia.id, now, 'Not this quarter');
    expect(declined).toMatchObject({ status: 'declined', declineMessage: 'Not this quarter' });
    expect(declineRequest(pending(), olivia.id, now, '  ')).not.toHaveProperty('declineMessage');
    expect(checkRequestPending(pending())).toBeNull();
    expect(checkRequestPending(declined)?.code).toBe('REQUEST_NOT_PENDING');
  });
});
