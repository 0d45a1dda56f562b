import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { builtInAssetTypes } from './asset-types.ts';
import {
  createDraft,
  type Draft,
  type DraftAction,
  draftGrants,
  draftReducer,
  draftToChangeRequest,
  hasPendingChanges,
  initialInviteSettings,
  pendingChanges,
} from './draft.ts';
import { type ChangeSet, undoOfChangeSet } from './history.ts';
import { changeSetBetween, contentOf, listArbitrary } from './history-test-fixtures.ts';
import { applyChanges } from './policy.ts';
import { assetType, connie, contextFor, eddie, grantTo, nora, olivia, TEST_NOW } from './test-fixtures.ts';
import type { AssetTypeConfig, Grant } from './types.ts';

/** The invite form as it opens: nobody is being added in these tests. */
function inviteOf(config: AssetTypeConfig) {
  return initialInviteSettings(config, config.defaultRole);
}

const dataset = assetType('dataset');
function run(draft: Draft, ...actions: DraftAction[]): Draft {
  return actions.reduce(draftReducer, draft);
}

function lookup(grants: readonly Grant[]) {
  const byId = new Map(grants.map((grant) => [grant.principalId, grant]));
  return (id: string) => byId.get(id);
}

const before = [
  grantTo(dataset, olivia, 3),
  grantTo(dataset, eddie, 2, { canShare: true }),
  grantTo(dataset, connie, 1, { canUseData: false }),
];
// Olivia removed Connie and made Eddie a consumer without "Allow sharing"; Nora came in.
const after = [
  grantTo(dataset, olivia, 3),
  grantTo(dataset, eddie, 1, { canShare: false }),
  grantTo(dataset, nora, 2, { canShare: false }),
];
const changeSet = changeSetBetween('cs1', before, after) as ChangeSet;

describe('loading an undo into the draft', () => {
  it('marks every pending change with the change set it undoes, and gives back a removed grant with its own role', () => {
    const draft = run(createDraft(), { type: 'loadUndo', plan: undoOfChangeSet(changeSet, []) });
    expect(hasPendingChanges(draft)).toBe(true);
    expect(draft.edits[eddie.id]).toMatchObject({ role: 'EDITOR', canShare: true, undoOf: 'cs1' });
    expect(draft.edits[nora.id]).toMatchObject({ remove: true, undoOf: 'cs1' });
    expect(draft.restorations).toEqual([
      {
        principal: expect.objectContaining({ id: connie.id, displayName: 'Connie Cole' }),
        grant: expect.objectContaining({ role: 'CONSUMER', canShare: false, canUseData: false }),
        undoOf: 'cs1',
      },
    ]);
    expect(draft.undos).toEqual([undoOfChangeSet(changeSet, [])]);
    expect(pendingChanges(draft, inviteOf(dataset), lookup(after)).map((change) => change.kind)).toEqual([
      'role',
      'flag',
      'remove',
      'restore',
    ]);
  });

  it('saves as one ordinary request, which the policy applies into the list as it was', () => {
    const draft = run(createDraft(), { type: 'loadUndo', plan: undoOfChangeSet(changeSet, []) });
    const request = draftToChangeRequest(draft, inviteOf(dataset), dataset, lookup(after), TEST_NOW);
    expect(request.changes).toContainEqual({
      recipient: { type: 'user', id: connie.id, name: connie.name },
      role: 'CONSUMER',
      canShare: false,
      canUseData: false,
    });
    const result = applyChanges(contextFor(dataset, olivia, after), request);
    if (!result.ok) throw new Error(result.violations.map((violation) => violation.message).join(' '));
    expect(contentOf(result.grants)).toEqual(contentOf(before));
  });

  it('keeps the explanation of what it left out, and loads only the rest', () => {
    const later = {
      ...(changeSetBetween('cs2', after, [
        after[0] as Grant,
        grantTo(dataset, eddie, 2),
        after[2] as Grant,
      ]) as ChangeSet),
      actor: { id: eddie.id, fullName: 'Eddie Evans' },
    };
    const plan = undoOfChangeSet(changeSet, [later]);
    const draft = run(createDraft(), { type: 'loadUndo', plan });
    expect(draft.edits[eddie.id]).toBeUndefined();
    expect(draft.undos[0]?.skipped).toEqual([
      expect.objectContaining({
        principal: expect.objectContaining({ id: eddie.id }),
        changedBy: later.actor,
      }),
    ]);
  });

  it('is taken back whole by discardUndo, leaving other pending changes alone, and replaced when loaded again', () => {
    const plan = undoOfChangeSet(changeSet, []);
    const olivias = after[0] as Grant;
    const loaded = run(
      createDraft(),
      { type: 'setGrantFlag', grant: olivias, flag: 'canUseData', value: true },
      { type: 'loadUndo', plan },
      { type: 'loadUndo', plan },
    );
    expect(loaded.undos).toHaveLength(1);
    expect(loaded.restorations).toHaveLength(1);
    const discarded = run(loaded, { type: 'discardUndo', changeSetId: 'cs1' });
    expect(discarded.restorations).toEqual([]);
    expect(discarded.undos).toEqual([]);
    expect(Object.keys(discarded.edits)).toEqual([]);
    const withManual = run(
      createDraft(),
      { type: 'setGrantRole', grant: olivias, role: 'EDITOR' },
      { type: 'loadUndo', plan },
      { type: 'discardUndo', changeSetId: 'cs1' },
    );
    expect(withManual.edits[olivia.id]).toMatchObject({ role: 'EDITOR' });
  });

  it('drops a restoration on its own, and moves a recipient being added over to the restoration', () => {
    const added = run(
      createDraft(),
      {
        type: 'addRecipients',
        recipients: [{ id: connie.id, type: 'user', name: connie.name, displayName: 'Connie Cole' }],
      },
      { type: 'loadUndo', plan: undoOfChangeSet(changeSet, []) },
    );
    expect(added.additions).toEqual([]);
    expect(run(added, { type: 'removeRestoration', principalId: connie.id }).restorations).toEqual([]);
  });

  it('after a conflict, keeps an undo’s edit only while its grant is still as the change set left it', () => {
    const draft = run(createDraft(), { type: 'loadUndo', plan: undoOfChangeSet(changeSet, []) });
    const meanwhile = [
      after[0] as Grant,
      grantTo(dataset, eddie, 2, { canShare: false }),
      after[2] as Grant,
      grantTo(dataset, connie, 1),
    ];
    const rebased = run(draft, { type: 'rebase', grants: meanwhile });
    expect(rebased.edits[eddie.id]).toBeUndefined();
    expect(rebased.edits[nora.id]).toMatchObject({ remove: true, undoOf: 'cs1' });
    expect(rebased.restorations).toEqual([]);
  });

  it('is cleared by reset', () => {
    const draft = run(
      createDraft(),
      { type: 'loadUndo', plan: undoOfChangeSet(changeSet, []) },
      { type: 'reset' },
    );
    expect(draft.restorations).toEqual([]);
    expect(draft.undos).toEqual([]);
    expect(hasPendingChanges(draft)).toBe(false);
  });
});

// --- Property: the draft an undo loads leaves the list as it was before the change set ---

describe('undo through the draft', () => {
  it('the draft an undo loads, as the list it would leave, is the list before the change set', () => {
    fc.assert(
      fc.property(
        fc
          .constantFrom(...builtInAssetTypes)
          .chain((config) =>
            fc.tuple(fc.constant(config), listArbitrary(config, true), listArbitrary(config, true)),
          ),
        ([config, start, end]) => {
          const written = changeSetBetween('written', start, end);
          if (!written) return;
          const draft = run(createDraft(), { type: 'loadUndo', plan: undoOfChangeSet(written, []) });
          expect(contentOf(draftGrants(draft, inviteOf(config), config, end, TEST_NOW))).toEqual(
            contentOf(start),
          );
          // And the request the draft sends says no more than that.
          const request = draftToChangeRequest(draft, inviteOf(config), config, lookup(end), TEST_NOW);
          expect(request.changes.length).toBe(written.changes.length);
        },
      ),
    );
  });
});
