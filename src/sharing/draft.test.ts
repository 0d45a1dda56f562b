import { describe, expect, it } from 'vitest';
import {
  createDraft,
  type Draft,
  type DraftAction,
  draftGrants,
  draftReducer,
  draftToChangeRequest,
  hasPendingChanges,
  hasUnsavedInput,
  type InviteSettings,
  initialInviteSettings,
  inviteFlagsForRole,
  pendingChanges,
  type RecipientSummary,
} from './draft.ts';
import { validateChanges } from './policy.ts';
import {
  assetType,
  connie,
  contextFor,
  dataScience,
  eddie,
  grantTo,
  olivia,
  seedGrants,
  TEST_NOW,
  una,
  victor,
} from './test-fixtures.ts';
import type { AssetTypeConfig, Grant, Principal } from './types.ts';

const dataset = assetType('dataset');
const deployment = assetType('deployment');
const governedModel = assetType('governedModel');

function summary(principal: Principal): RecipientSummary {
  return { id: principal.id, type: principal.type, name: principal.name, displayName: principal.displayName };
}

function run(draft: Draft, ...actions: DraftAction[]): Draft {
  return actions.reduce(draftReducer, draft);
}

/** The invite form's fields as they start on an asset type, with some changed. */
function inviteOn(config: AssetTypeConfig, changes: Partial<InviteSettings> = {}): InviteSettings {
  return { ...initialInviteSettings(config, config.defaultRole), ...changes };
}

/** The invite after choosing a role, its options following the role as the form lets them. */
function withRole(config: AssetTypeConfig, invite: InviteSettings, role: string): InviteSettings {
  const newRole = role.toUpperCase();
  return { ...invite, newRole, ...inviteFlagsForRole(config, newRole, invite.canUseData) };
}

function lookup(grants: readonly Grant[]) {
  const byId = new Map(grants.map((grant) => [grant.principalId, grant]));
  return (id: string) => byId.get(id);
}

const datasetGrants = seedGrants(dataset);
const [oliviaGrant, eddieGrant, connieGrant] = datasetGrants as [Grant, Grant, Grant];

describe('createDraft and initialInviteSettings', () => {
  it('starts empty, at the asset type’s default role, notifying, without lineage', () => {
    expect(createDraft()).toEqual({ additions: [], edits: {}, approvals: {}, restorations: [], undos: [] });
    expect(initialInviteSettings(deployment, deployment.defaultRole)).toEqual({
      newRole: 'USER',
      canShare: false,
      canUseData: true,
      expiry: { kind: 'never' },
      note: '',
      sendNotification: true,
      shareWithLineage: false,
    });
    expect(hasPendingChanges(createDraft())).toBe(false);
  });

  it('starts an owner role with "Allow sharing" on', () => {
    expect(initialInviteSettings(dataset, 'owner')).toMatchObject({
      newRole: 'OWNER',
      canShare: true,
      canUseData: true,
    });
  });
});

describe('recipients to add', () => {
  it('adds recipients once each, and removes a chip', () => {
    const draft = run(
      createDraft(),
      { type: 'addRecipients', recipients: [summary(una), summary(victor)] },
      { type: 'addRecipients', recipients: [summary(una), summary(dataScience), summary(dataScience)] },
      { type: 'removeRecipient', id: victor.id },
    );
    expect(draft.additions.map((addition) => addition.principal.name)).toEqual([una.name, dataScience.name]);
    expect(hasPendingChanges(draft)).toBe(true);
  });

  it('keeps the same draft when nothing new is added', () => {
    const draft = run(createDraft(), { type: 'addRecipients', recipients: [summary(una)] });
    expect(draftReducer(draft, { type: 'addRecipients', recipients: [summary(una)] })).toBe(draft);
  });

  it('gives owners "Allow sharing" and data use by default, and takes them away from other roles', () => {
    const asOwner = withRole(dataset, inviteOn(dataset, { canUseData: false }), 'owner');
    expect(asOwner).toMatchObject({ newRole: 'OWNER', canShare: true, canUseData: true });
    // An owner added with "Can use data" off still uses the data: it is neither sent nor kept off.
    const additions = run(createDraft(), { type: 'addRecipients', recipients: [summary(una)] });
    const unticked = { ...asOwner, canUseData: false };
    expect(draftToChangeRequest(additions, unticked, dataset, () => undefined, TEST_NOW).changes).toEqual([
      { recipient: { type: 'user', id: una.id, name: una.name }, role: 'OWNER', canShare: true },
    ]);
    expect(draftGrants(additions, unticked, dataset, [], TEST_NOW)[0]?.canUseData).toBe(true);
    const asConsumer = withRole(dataset, asOwner, 'CONSUMER');
    expect(asConsumer).toMatchObject({ canShare: false, canUseData: true });
  });

  it('keeps "Can use data" as it was when the role is not an owner', () => {
    expect(inviteFlagsForRole(dataset, 'EDITOR', false)).toEqual({ canShare: false, canUseData: false });
    expect(inviteFlagsForRole(dataset, 'EDITOR', true)).toEqual({ canShare: false, canUseData: true });
  });
});

describe('edits of existing grants', () => {
  it('marks a role change, and forgets it when set back (no phantom change)', () => {
    const changed = run(createDraft(), { type: 'setGrantRole', grant: connieGrant, role: 'editor' });
    expect(pendingChanges(changed, inviteOn(dataset), lookup(datasetGrants))).toEqual([
      { kind: 'role', principalId: connie.id, from: 'CONSUMER', to: 'EDITOR' },
    ]);
    const back = run(changed, { type: 'setGrantRole', grant: connieGrant, role: 'CONSUMER' });
    expect(back.edits).toEqual({});
    expect(hasPendingChanges(back)).toBe(false);
  });

  it('marks a flag change, and forgets it when set back', () => {
    const changed = run(createDraft(), {
      type: 'setGrantFlag',
      grant: connieGrant,
      flag: 'canShare',
      value: true,
    });
    expect(pendingChanges(changed, inviteOn(dataset), lookup(datasetGrants))).toEqual([
      { kind: 'flag', principalId: connie.id, flag: 'canShare', from: false, to: true },
    ]);
    expect(
      run(changed, { type: 'setGrantFlag', grant: connieGrant, flag: 'canShare', value: false }).edits,
    ).toEqual({});
  });

  it('marks a removal, which hides the other edits of that grant until undone', () => {
    const draft = run(
      createDraft(),
      { type: 'setGrantRole', grant: connieGrant, role: 'EDITOR' },
      { type: 'removeGrant', grant: connieGrant },
    );
    expect(pendingChanges(draft, inviteOn(dataset), lookup(datasetGrants))).toEqual([
      { kind: 'remove', principalId: connie.id, grant: connieGrant },
    ]);
    const undone = run(draft, { type: 'undoGrant', principalId: connie.id, change: 'remove' });
    expect(
      pendingChanges(undone, inviteOn(dataset), lookup(datasetGrants)).map((change) => change.kind),
    ).toEqual(['role']);
  });

  it('undoes every pending change of a grant at once', () => {
    const draft = run(
      createDraft(),
      { type: 'setGrantRole', grant: connieGrant, role: 'EDITOR' },
      { type: 'setGrantFlag', grant: connieGrant, flag: 'canUseData', value: false },
      { type: 'undoGrant', principalId: connie.id },
    );
    expect(draft.edits).toEqual({});
  });

  it('ignores undoing a grant without edits', () => {
    const draft = createDraft();
    expect(draftReducer(draft, { type: 'undoGrant', principalId: connie.id })).toBe(draft);
  });
});

describe('note, reset', () => {
  it('resets to the start', () => {
    const draft = run(
      createDraft(),
      { type: 'addRecipients', recipients: [summary(una)] },
      { type: 'setGrantRole', grant: connieGrant, role: 'EDITOR' },
    );
    expect(run(draft, { type: 'reset' })).toEqual(createDraft());
  });

  it('counts a note alone as unsaved input, not as a pending change', () => {
    const draft = createDraft();
    expect(hasPendingChanges(draft)).toBe(false);
    expect(hasUnsavedInput(draft, { note: 'Hello' })).toBe(true);
    expect(hasUnsavedInput(draft, { note: '  ' })).toBe(false);
    expect(hasUnsavedInput(draft, { note: '' })).toBe(false);
  });
});

describe('rebase after a reload', () => {
  it('drops edits of grants that are gone and edits now equal to the list, keeps the rest', () => {
    const draft = run(
      createDraft(),
      { type: 'setGrantRole', grant: connieGrant, role: 'EDITOR' },
      { type: 'setGrantFlag', grant: connieGrant, flag: 'canShare', value: true },
      { type: 'removeGrant', grant: eddieGrant },
      { type: 'addRecipients', recipients: [summary(una)] },
    );
    const reloaded = [oliviaGrant, { ...connieGrant, role: 'EDITOR' }];
    const rebased = draftReducer(draft, { type: 'rebase', grants: reloaded });
    expect(pendingChanges(rebased, inviteOn(dataset), lookup(reloaded))).toEqual([
      { kind: 'add', principal: summary(una), role: 'EDITOR' },
      { kind: 'flag', principalId: connie.id, flag: 'canShare', from: false, to: true },
    ]);
  });
});

describe('draftToChangeRequest', () => {
  it('sends additions at the new role with the supported flags, edits, and removals as null', () => {
    const draft = run(
      createDraft(),
      { type: 'addRecipients', recipients: [summary(una)] },
      { type: 'setGrantRole', grant: connieGrant, role: 'EDITOR' },
      { type: 'removeGrant', grant: eddieGrant },
    );
    const invite = withRole(
      dataset,
      inviteOn(dataset, { note: 'For the Q3 review.', shareWithLineage: true }),
      'CONSUMER',
    );
    expect(draftToChangeRequest(draft, invite, dataset, lookup(datasetGrants), TEST_NOW)).toEqual({
      changes: [
        {
          recipient: { type: 'user', id: una.id, name: una.name },
          role: 'CONSUMER',
          canShare: false,
          canUseData: true,
        },
        { recipient: { type: 'user', id: connie.id }, role: 'EDITOR' },
        { recipient: { type: 'user', id: eddie.id }, role: null },
      ],
      note: 'For the Q3 review.',
      sendNotification: true,
      shareWithLineage: true,
    });
  });

  it('sends no flag a type does not support, and no lineage where there is none (R12)', () => {
    const draft = run(createDraft(), { type: 'addRecipients', recipients: [summary(una)] });
    const invite = inviteOn(deployment, { shareWithLineage: true, note: '   ' });
    const request = draftToChangeRequest(draft, invite, deployment, () => undefined, TEST_NOW);
    expect(request).toEqual({
      changes: [{ recipient: { type: 'user', id: una.id, name: una.name }, role: 'USER' }],
      sendNotification: true,
      shareWithLineage: false,
    });
    expect(validateChanges(contextFor(deployment, olivia), request)).toEqual([]);
  });

  it('never sends "Can use data" for an owner', () => {
    const draft = run(
      createDraft(),
      { type: 'setGrantFlag', grant: connieGrant, flag: 'canUseData', value: false },
      { type: 'setGrantRole', grant: connieGrant, role: 'OWNER' },
    );
    expect(
      draftToChangeRequest(draft, inviteOn(dataset), dataset, lookup(datasetGrants), TEST_NOW).changes,
    ).toEqual([{ recipient: { type: 'user', id: connie.id }, role: 'OWNER' }]);
  });

  it('leaves out an edit the reloaded list already shows', () => {
    const draft = run(createDraft(), { type: 'setGrantRole', grant: connieGrant, role: 'EDITOR' });
    const reloaded = [{ ...connieGrant, role: 'EDITOR' }];
    expect(
      draftToChangeRequest(draft, inviteOn(dataset), dataset, lookup(reloaded), TEST_NOW).changes,
    ).toEqual([]);
  });

  it('builds a request the policy accepts for a valid draft', () => {
    const draft = run(createDraft(), { type: 'addRecipients', recipients: [summary(una)] });
    const invite = withRole(governedModel, inviteOn(governedModel), 'READ');
    const request = draftToChangeRequest(
      draft,
      invite,
      governedModel,
      lookup(seedGrants(governedModel)),
      TEST_NOW,
    );
    expect(validateChanges(contextFor(governedModel, eddie), request)).toEqual([]);
  });
});

describe('draftGrants', () => {
  it('is the list as the draft would leave it', () => {
    const draft = run(
      createDraft(),
      { type: 'addRecipients', recipients: [summary(una), summary(connie)] },
      { type: 'removeGrant', grant: oliviaGrant },
      { type: 'setGrantFlag', grant: connieGrant, flag: 'canShare', value: true },
    );
    const invite = withRole(dataset, inviteOn(dataset), 'OWNER');
    expect(draftGrants(draft, invite, dataset, datasetGrants, TEST_NOW)).toEqual([
      eddieGrant,
      { ...connieGrant, canShare: true },
      datasetGrants[3],
      { principalId: una.id, principalType: 'user', role: 'OWNER', canShare: true, canUseData: true },
    ]);
  });

  it('leaves grants with an unknown role as they are, and adds nobody at an unknown role', () => {
    const draft = run(
      createDraft(),
      { type: 'setGrantRole', grant: connieGrant, role: 'ADMIN' },
      { type: 'addRecipients', recipients: [summary(una)] },
    );
    const invite = inviteOn(dataset, { newRole: 'ADMIN' });
    expect(draftGrants(draft, invite, dataset, [connieGrant], TEST_NOW)).toEqual([connieGrant]);
  });

  it('lets the grant capabilities allow handing ownership on and leaving', () => {
    const grants = [grantTo(deployment, olivia, 3)];
    const draft = run(createDraft(), { type: 'addRecipients', recipients: [summary(una)] });
    const invite = withRole(deployment, inviteOn(deployment), 'OWNER');
    expect(
      draftGrants(draft, invite, deployment, grants, TEST_NOW).filter((grant) => grant.role === 'OWNER'),
    ).toHaveLength(2);
  });
});

describe('approving an access request', () => {
  const connieGrant = grantTo(dataset, connie, 1);
  const lookup = (principalId: string) => (principalId === connie.id ? connieGrant : undefined);
  const invite = initialInviteSettings(dataset, dataset.defaultRole);
  const approve: DraftAction = {
    type: 'approveRequest',
    requestId: 'r1',
    grant: connieGrant,
    role: 'editor',
  };

  it('puts the role change into the draft, and the save approves the request with it', () => {
    const draft = run(createDraft(), approve);
    expect(draft.edits[connie.id]?.role).toBe('EDITOR');
    expect(draft.approvals).toEqual({ r1: connie.id });
    const request = draftToChangeRequest(draft, invite, dataset, lookup, TEST_NOW);
    expect(request.approvesRequests).toEqual(['r1']);
    expect(request.changes).toEqual([{ recipient: { type: 'user', id: connie.id }, role: 'EDITOR' }]);
    expect(validateChanges(contextFor(dataset, olivia), request)).toEqual([]);
  });

  it('stops approving once the role change is undone or becomes a removal, and on reset', () => {
    expect(run(createDraft(), approve, { type: 'undoGrant', principalId: connie.id }).approvals).toEqual({});
    expect(run(createDraft(), approve, { type: 'removeGrant', grant: connieGrant }).approvals).toEqual({});
    expect(run(createDraft(), approve, { type: 'reset' }).approvals).toEqual({});
    const another = run(createDraft(), approve, {
      type: 'setGrantRole',
      grant: connieGrant,
      role: 'OWNER',
    });
    expect(another.approvals).toEqual({ r1: connie.id });
  });

  it('sends no approvals when there are none', () => {
    const draft = run(createDraft(), { type: 'setGrantRole', grant: connieGrant, role: 'EDITOR' });
    expect(draftToChangeRequest(draft, invite, dataset, lookup, TEST_NOW)).not.toHaveProperty(
      'approvesRequests',
    );
  });
});
