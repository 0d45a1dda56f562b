import { describe, expect, it } from 'vitest';
import {
  addsRecipients,
  createDraft,
  type Draft,
  type DraftAction,
  draftGrants,
  draftReducer,
  draftToChangeRequest,
  hasPendingChanges,
  hasUnsavedInput,
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
import type { Grant, Principal } from './types.ts';

const dataset = assetType('dataset');
const deployment = assetType('deployment');
const governedModel = assetType('governedModel');

function summary(principal: Principal): RecipientSummary {
  return { id: principal.id, type: principal.type, name: principal.name, displayName: principal.displayName };
}

function run(draft: Draft, ...actions: DraftAction[]): Draft {
  return actions.reduce(draftReducer, draft);
}

function lookup(grants: readonly Grant[]) {
  const byId = new Map(grants.map((grant) => [grant.principalId, grant]));
  return (id: string) => byId.get(id);
}

const datasetGrants = seedGrants(dataset);
const [oliviaGrant, eddieGrant, connieGrant] = datasetGrants as [Grant, Grant, Grant];

describe('createDraft', () => {
  it('starts empty, at the asset type’s default role, notifying, without lineage', () => {
    expect(createDraft(deployment)).toMatchObject({
      additions: [],
      newRole: 'USER',
      allowSharing: false,
      canUseData: true,
      note: '',
      sendNotification: true,
      shareWithLineage: false,
      edits: {},
    });
    expect(hasPendingChanges(createDraft(dataset))).toBe(false);
  });
});

describe('recipients to add', () => {
  it('adds recipients once each, and removes a chip', () => {
    const draft = run(
      createDraft(dataset),
      { type: 'addRecipients', recipients: [summary(una), summary(victor)] },
      { type: 'addRecipients', recipients: [summary(una), summary(dataScience), summary(dataScience)] },
      { type: 'removeRecipient', id: victor.id },
    );
    expect(draft.additions.map((addition) => addition.principal.name)).toEqual([una.name, dataScience.name]);
    expect(addsRecipients(draft)).toBe(true);
    expect(hasPendingChanges(draft)).toBe(true);
  });

  it('keeps the same draft when nothing new is added', () => {
    const draft = run(createDraft(dataset), { type: 'addRecipients', recipients: [summary(una)] });
    expect(draftReducer(draft, { type: 'addRecipients', recipients: [summary(una)] })).toBe(draft);
  });

  it('gives owners "Allow sharing" and data use by default, and takes them away from other roles', () => {
    const asOwner = run(createDraft(dataset), { type: 'setNewRole', role: 'owner' });
    expect(asOwner).toMatchObject({ newRole: 'OWNER', allowSharing: true, canUseData: true });
    expect(run(asOwner, { type: 'setNewFlag', flag: 'canUseData', value: false }).canUseData).toBe(true);
    const asConsumer = run(asOwner, { type: 'setNewRole', role: 'CONSUMER' });
    expect(asConsumer).toMatchObject({ allowSharing: false, canUseData: true });
  });

  it('sets the flags for new recipients', () => {
    const draft = run(
      createDraft(dataset),
      { type: 'setNewFlag', flag: 'canShare', value: true },
      { type: 'setNewFlag', flag: 'canUseData', value: false },
    );
    expect(draft).toMatchObject({ allowSharing: true, canUseData: false });
  });
});

describe('edits of existing grants', () => {
  it('marks a role change, and forgets it when set back (no phantom change)', () => {
    const changed = run(createDraft(dataset), { type: 'setGrantRole', grant: connieGrant, role: 'editor' });
    expect(pendingChanges(changed, lookup(datasetGrants))).toEqual([
      { kind: 'role', principalId: connie.id, from: 'CONSUMER', to: 'EDITOR' },
    ]);
    const back = run(changed, { type: 'setGrantRole', grant: connieGrant, role: 'CONSUMER' });
    expect(back.edits).toEqual({});
    expect(hasPendingChanges(back)).toBe(false);
  });

  it('marks a flag change, and forgets it when set back', () => {
    const changed = run(createDraft(dataset), {
      type: 'setGrantFlag',
      grant: connieGrant,
      flag: 'canShare',
      value: true,
    });
    expect(pendingChanges(changed, lookup(datasetGrants))).toEqual([
      { kind: 'flag', principalId: connie.id, flag: 'canShare', from: false, to: true },
    ]);
    expect(
      run(changed, { type: 'setGrantFlag', grant: connieGrant, flag: 'canShare', value: false }).edits,
    ).toEqual({});
  });

  it('marks a removal, which hides the other edits of that grant until undone', () => {
    const draft = run(
      createDraft(dataset),
      { type: 'setGrantRole', grant: connieGrant, role: 'EDITOR' },
      { type: 'removeGrant', grant: connieGrant },
    );
    expect(pendingChanges(draft, lookup(datasetGrants))).toEqual([
      { kind: 'remove', principalId: connie.id, grant: connieGrant },
    ]);
    const undone = run(draft, { type: 'undoGrant', principalId: connie.id, change: 'remove' });
    expect(pendingChanges(undone, lookup(datasetGrants)).map((change) => change.kind)).toEqual(['role']);
  });

  it('undoes every pending change of a grant at once', () => {
    const draft = run(
      createDraft(dataset),
      { type: 'setGrantRole', grant: connieGrant, role: 'EDITOR' },
      { type: 'setGrantFlag', grant: connieGrant, flag: 'canUseData', value: false },
      { type: 'undoGrant', principalId: connie.id },
    );
    expect(draft.edits).toEqual({});
  });

  it('ignores undoing a grant without edits', () => {
    const draft = createDraft(dataset);
    expect(draftReducer(draft, { type: 'undoGrant', principalId: connie.id })).toBe(draft);
  });
});

describe('note, notification, lineage, reset', () => {
  it('keeps the note and options, and resets to the start', () => {
    const draft = run(
      createDraft(dataset),
      { type: 'setNote', note: 'Please review.' },
      { type: 'setSendNotification', value: false },
      { type: 'setShareWithLineage', value: true },
      { type: 'setNewRole', role: 'CONSUMER' },
      { type: 'addRecipients', recipients: [summary(una)] },
    );
    expect(draft).toMatchObject({ note: 'Please review.', sendNotification: false, shareWithLineage: true });
    expect(run(draft, { type: 'reset' })).toEqual(createDraft(dataset));
  });

  it('counts a note alone as unsaved input, not as a pending change', () => {
    const draft = run(createDraft(dataset), { type: 'setNote', note: 'Hello' });
    expect(hasPendingChanges(draft)).toBe(false);
    expect(hasUnsavedInput(draft)).toBe(true);
    expect(hasUnsavedInput(createDraft(dataset))).toBe(false);
  });
});

describe('rebase after a reload', () => {
  it('drops edits of grants that are gone and edits now equal to the list, keeps the rest', () => {
    const draft = run(
      createDraft(dataset),
      { type: 'setGrantRole', grant: connieGrant, role: 'EDITOR' },
      { type: 'setGrantFlag', grant: connieGrant, flag: 'canShare', value: true },
      { type: 'removeGrant', grant: eddieGrant },
      { type: 'addRecipients', recipients: [summary(una)] },
    );
    const reloaded = [oliviaGrant, { ...connieGrant, role: 'EDITOR' }];
    const rebased = draftReducer(draft, { type: 'rebase', grants: reloaded });
    expect(pendingChanges(rebased, lookup(reloaded))).toEqual([
      { kind: 'add', principal: summary(una), role: 'EDITOR' },
      { kind: 'flag', principalId: connie.id, flag: 'canShare', from: false, to: true },
    ]);
  });
});

describe('draftToChangeRequest', () => {
  it('sends additions at the new role with the supported flags, edits, and removals as null', () => {
    const draft = run(
      createDraft(dataset),
      { type: 'addRecipients', recipients: [summary(una)] },
      { type: 'setNewRole', role: 'CONSUMER' },
      { type: 'setGrantRole', grant: connieGrant, role: 'EDITOR' },
      { type: 'removeGrant', grant: eddieGrant },
      { type: 'setNote', note: 'For the Q3 review.' },
      { type: 'setShareWithLineage', value: true },
    );
    expect(draftToChangeRequest(draft, dataset, lookup(datasetGrants), TEST_NOW)).toEqual({
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
      applyToLinkedObjects: true,
    });
  });

  it('sends no flag a type does not support, and no lineage where there is none (R12)', () => {
    const draft = run(
      createDraft(deployment),
      { type: 'addRecipients', recipients: [summary(una)] },
      { type: 'setShareWithLineage', value: true },
      { type: 'setNote', note: '   ' },
    );
    const request = draftToChangeRequest(draft, deployment, () => undefined, TEST_NOW);
    expect(request).toEqual({
      changes: [{ recipient: { type: 'user', id: una.id, name: una.name }, role: 'USER' }],
      sendNotification: true,
      applyToLinkedObjects: false,
    });
    expect(validateChanges(contextFor(deployment, olivia), request)).toEqual([]);
  });

  it('never sends "Can use data" for an owner', () => {
    const draft = run(
      createDraft(dataset),
      { type: 'setGrantFlag', grant: connieGrant, flag: 'canUseData', value: false },
      { type: 'setGrantRole', grant: connieGrant, role: 'OWNER' },
    );
    expect(draftToChangeRequest(draft, dataset, lookup(datasetGrants), TEST_NOW).changes).toEqual([
      { recipient: { type: 'user', id: connie.id }, role: 'OWNER' },
    ]);
  });

  it('leaves out an edit the reloaded list already shows', () => {
    const draft = run(createDraft(dataset), { type: 'setGrantRole', grant: connieGrant, role: 'EDITOR' });
    const reloaded = [{ ...connieGrant, role: 'EDITOR' }];
    expect(draftToChangeRequest(draft, dataset, lookup(reloaded), TEST_NOW).changes).toEqual([]);
  });

  it('builds a request the policy accepts for a valid draft', () => {
    const draft = run(
      createDraft(governedModel),
      { type: 'addRecipients', recipients: [summary(una)] },
      { type: 'setNewRole', role: 'READ' },
    );
    const request = draftToChangeRequest(draft, governedModel, lookup(seedGrants(governedModel)), TEST_NOW);
    expect(validateChanges(contextFor(governedModel, eddie), request)).toEqual([]);
  });
});

describe('draftGrants', () => {
  it('is the list as the draft would leave it', () => {
    const draft = run(
      createDraft(dataset),
      { type: 'addRecipients', recipients: [summary(una), summary(connie)] },
      { type: 'setNewRole', role: 'OWNER' },
      { type: 'removeGrant', grant: oliviaGrant },
      { type: 'setGrantFlag', grant: connieGrant, flag: 'canShare', value: true },
    );
    expect(draftGrants(draft, dataset, datasetGrants, TEST_NOW)).toEqual([
      eddieGrant,
      { ...connieGrant, canShare: true },
      datasetGrants[3],
      { principalId: una.id, principalType: 'user', role: 'OWNER', canShare: true, canUseData: true },
    ]);
  });

  it('leaves grants with an unknown role as they are, and adds nobody at an unknown role', () => {
    const draft = run(
      createDraft(dataset),
      { type: 'setGrantRole', grant: connieGrant, role: 'ADMIN' },
      { type: 'addRecipients', recipients: [summary(una)] },
      { type: 'setNewRole', role: 'ADMIN' },
    );
    expect(draftGrants(draft, dataset, [connieGrant], TEST_NOW)).toEqual([connieGrant]);
  });

  it('lets the grant capabilities allow handing ownership on and leaving', () => {
    const grants = [grantTo(deployment, olivia, 3)];
    const draft = run(
      createDraft(deployment),
      { type: 'addRecipients', recipients: [summary(una)] },
      { type: 'setNewRole', role: 'OWNER' },
    );
    expect(
      draftGrants(draft, deployment, grants, TEST_NOW).filter((grant) => grant.role === 'OWNER'),
    ).toHaveLength(2);
  });
});
