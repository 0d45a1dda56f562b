import { describe, expect, it } from 'vitest';
import {
  awaitsExpiryDate,
  createDraft,
  type Draft,
  type DraftAction,
  draftGrants,
  draftReducer,
  draftToChangeRequest,
  hasPendingChanges,
  type InviteSettings,
  initialInviteSettings,
  type NewExpiry,
  pendingChanges,
  type RecipientSummary,
} from './draft.ts';
import { DAY_MS } from './expiry.ts';
import { validateChanges } from './policy.ts';
import {
  assetType,
  connie,
  contextFor,
  eddie,
  grantTo,
  olivia,
  seedGrants,
  TEST_NOW,
  una,
} from './test-fixtures.ts';
import type { Grant, Principal } from './types.ts';

const deployment = assetType('deployment');
const inDays = (days: number, from = TEST_NOW) => new Date(from + days * DAY_MS).toISOString();

function run(start: Draft, ...actions: DraftAction[]): Draft {
  return actions.reduce(draftReducer, start);
}

function summary(principal: Principal): RecipientSummary {
  return { id: principal.id, type: principal.type, name: principal.name, displayName: principal.displayName };
}

const grants = seedGrants(deployment);
const lookup = (list: readonly Grant[]) => (id: string) => list.find((grant) => grant.principalId === id);
const connieGrant = grants.find((grant) => grant.principalId === connie.id) as Grant;
const eddieUntil = {
  ...(grants.find((grant) => grant.principalId === eddie.id) as Grant),
  expiresAt: inDays(5),
};
/** The invite form as it starts on a deployment: User, never expires. */
const invite: InviteSettings = initialInviteSettings(deployment, deployment.defaultRole);
const expiring = (expiry: NewExpiry): InviteSettings => ({ ...invite, expiry });
const withEddieUntil = grants.map((grant) => (grant.principalId === eddie.id ? eddieUntil : grant));

describe('expiry of new recipients', () => {
  it('starts at never, and sends no expiry for it', () => {
    const draft = run(createDraft(), { type: 'addRecipients', recipients: [summary(una)] });
    expect(invite.expiry).toEqual({ kind: 'never' });
    expect(draftToChangeRequest(draft, invite, deployment, lookup(grants), TEST_NOW).changes).toEqual([
      { recipient: { type: 'user', id: una.id, name: una.name }, role: 'USER' },
    ]);
  });

  it('counts "7 days" from the instant the request is made', () => {
    const draft = run(createDraft(), { type: 'addRecipients', recipients: [summary(una)] });
    const inAWeek = expiring({ kind: 'days', days: 7 });
    const later = TEST_NOW + 3_600_000;
    expect(
      draftToChangeRequest(draft, inAWeek, deployment, lookup(grants), later).changes[0]?.expiresAt,
    ).toBe(inDays(7, later));
  });

  it('sends a chosen date as it is, and nothing while it is still to be chosen', () => {
    const draft = run(createDraft(), { type: 'addRecipients', recipients: [summary(una)] });
    const chosen = expiring({ kind: 'date', expiresAt: inDays(20) });
    expect(
      draftToChangeRequest(draft, chosen, deployment, lookup(grants), TEST_NOW).changes[0]?.expiresAt,
    ).toBe(inDays(20));
    expect(awaitsExpiryDate(draft, chosen, deployment)).toBe(false);
    const open = expiring({ kind: 'date', expiresAt: null });
    expect(
      draftToChangeRequest(draft, open, deployment, lookup(grants), TEST_NOW).changes[0],
    ).not.toHaveProperty('expiresAt');
    expect(awaitsExpiryDate(draft, open, deployment)).toBe(true);
    // Nobody to add, or an owner to add, waits for no date.
    expect(awaitsExpiryDate(createDraft(), open, deployment)).toBe(false);
    expect(awaitsExpiryDate(draft, { ...open, newRole: 'OWNER' }, deployment)).toBe(false);
  });

  it('never sends an expiry for new owners, and the backend accepts what is sent', () => {
    const draft = run(createDraft(), { type: 'addRecipients', recipients: [summary(una)] });
    const owners = { ...expiring({ kind: 'days', days: 30 }), newRole: 'OWNER' };
    const request = draftToChangeRequest(draft, owners, deployment, lookup(grants), TEST_NOW);
    expect(request.changes[0]).not.toHaveProperty('expiresAt');
    expect(validateChanges(contextFor(deployment, olivia), request)).toEqual([]);
  });

  it('is what the list as the draft leaves it holds', () => {
    const draft = run(createDraft(), { type: 'addRecipients', recipients: [summary(una)] });
    expect(
      draftGrants(draft, expiring({ kind: 'days', days: 7 }), deployment, grants, TEST_NOW).at(-1),
    ).toEqual({ ...grantTo(deployment, una, 2), expiresAt: inDays(7) });
  });
});

describe('expiry of existing grants', () => {
  it('sets, moves and clears an end as pending changes, each sent in the request', () => {
    const set = draftReducer(createDraft(), {
      type: 'setGrantExpiry',
      grant: connieGrant,
      expiresAt: inDays(10),
    });
    expect(pendingChanges(set, invite, lookup(grants))).toEqual([
      { kind: 'expiry', principalId: connie.id, from: null, to: inDays(10) },
    ]);
    expect(draftToChangeRequest(set, invite, deployment, lookup(grants), TEST_NOW).changes).toEqual([
      { recipient: { type: 'user', id: connie.id }, role: 'CONSUMER', expiresAt: inDays(10) },
    ]);

    const moved = draftReducer(createDraft(), {
      type: 'setGrantExpiry',
      grant: eddieUntil,
      expiresAt: inDays(40),
    });
    expect(pendingChanges(moved, invite, lookup(withEddieUntil))).toEqual([
      { kind: 'expiry', principalId: eddie.id, from: inDays(5), to: inDays(40) },
    ]);

    const cleared = draftReducer(createDraft(), {
      type: 'setGrantExpiry',
      grant: eddieUntil,
      expiresAt: null,
    });
    expect(
      draftToChangeRequest(cleared, invite, deployment, lookup(withEddieUntil), TEST_NOW).changes,
    ).toEqual([{ recipient: { type: 'user', id: eddie.id }, role: 'USER', expiresAt: null }]);
    const request = draftToChangeRequest(cleared, invite, deployment, lookup(withEddieUntil), TEST_NOW);
    expect(validateChanges(contextFor(deployment, olivia, withEddieUntil), request)).toEqual([]);
  });

  it('records no change for the end a grant already has, however it is written', () => {
    const same = draftReducer(createDraft(), {
      type: 'setGrantExpiry',
      grant: eddieUntil,
      expiresAt: inDays(5).replace('.000Z', 'Z'),
    });
    expect(hasPendingChanges(same)).toBe(false);
    const noneAlready = draftReducer(createDraft(), {
      type: 'setGrantExpiry',
      grant: connieGrant,
      expiresAt: null,
    });
    expect(hasPendingChanges(noneAlready)).toBe(false);
  });

  it('undoes an expiry change on its own, keeping the role change beside it', () => {
    const draft = run(
      createDraft(),
      { type: 'setGrantRole', grant: connieGrant, role: 'USER' },
      { type: 'setGrantExpiry', grant: connieGrant, expiresAt: inDays(10) },
    );
    expect(pendingChanges(draft, invite, lookup(grants)).map((change) => change.kind)).toEqual([
      'role',
      'expiry',
    ]);
    const undone = draftReducer(draft, { type: 'undoGrant', principalId: connie.id, change: 'expiresAt' });
    expect(pendingChanges(undone, invite, lookup(grants))).toEqual([
      { kind: 'role', principalId: connie.id, from: 'CONSUMER', to: 'USER' },
    ]);
    const roleUndone = draftReducer(draft, { type: 'undoGrant', principalId: connie.id, change: 'role' });
    expect(pendingChanges(roleUndone, invite, lookup(grants)).map((change) => change.kind)).toEqual([
      'expiry',
    ]);
  });

  it('drops the end of a grant made owner in the same draft: owners never expire', () => {
    const draft = run(
      createDraft(),
      { type: 'setGrantExpiry', grant: connieGrant, expiresAt: inDays(10) },
      { type: 'setGrantRole', grant: connieGrant, role: 'OWNER' },
    );
    const request = draftToChangeRequest(draft, invite, deployment, lookup(grants), TEST_NOW);
    expect(request.changes).toEqual([{ recipient: { type: 'user', id: connie.id }, role: 'OWNER' }]);
    expect(validateChanges(contextFor(deployment, olivia), request)).toEqual([]);
    expect(
      draftGrants(draft, invite, deployment, grants, TEST_NOW).find(
        (grant) => grant.principalId === connie.id,
      ),
    ).toEqual(grantTo(deployment, connie, 3));
  });

  it('keeps a pending end across a reload that still has the grant, and drops it with the grant', () => {
    const draft = draftReducer(createDraft(), {
      type: 'setGrantExpiry',
      grant: connieGrant,
      expiresAt: inDays(10),
    });
    expect(draftReducer(draft, { type: 'rebase', grants }).edits[connie.id]?.expiresAt).toBe(inDays(10));
    expect(
      hasPendingChanges(
        draftReducer(draft, { type: 'rebase', grants: grants.filter((g) => g !== connieGrant) }),
      ),
    ).toBe(false);
  });
});
