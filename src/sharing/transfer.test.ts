import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { grantLevel } from './access.ts';
import { builtInAssetTypes } from './asset-types.ts';
import { grantCapabilities } from './capabilities.ts';
import { createDraft, draftReducer, draftToChangeRequest, initialInviteSettings } from './draft.ts';
import { applyChanges, validateChanges } from './policy.ts';
import {
  connie,
  contextFor,
  eddie,
  grantTo,
  nora,
  olivia,
  seedGrants,
  standingOf,
  TEST_NOW,
  una,
} from './test-fixtures.ts';
import {
  type AccessAfterTransfer,
  mayOfferOwnership,
  transferChanges,
  transferDraftActions,
} from './transfer.ts';
import type { AssetTypeConfig, Grant, Principal } from './types.ts';

const afterwardsValues: readonly AccessAfterTransfer[] = ['keepReadWrite', 'remove'];

/** Olivia as the only owner, and the new owner holding whatever the case says (or nothing). */
function listWith(assetType: AssetTypeConfig, newOwner: Principal, current: Grant | null): Grant[] {
  const others = seedGrants(assetType).filter((grant) => grant.principalId !== newOwner.id);
  return current ? [...others, current] : others;
}

function refOf(principal: Principal) {
  return { type: principal.type, id: principal.id, name: principal.name };
}

describe('transferChanges', () => {
  it('hands the asset on and removes the actor in one request that R9 accepts', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...builtInAssetTypes),
        fc.constantFrom(eddie, nora, una),
        fc.constantFrom(...afterwardsValues),
        fc.option(fc.record({ level: fc.constantFrom(1, 2) as fc.Arbitrary<1 | 2>, canShare: fc.boolean() })),
        (assetType, newOwner, afterwards, held) => {
          const current = held
            ? grantTo(assetType, newOwner, held.level, {
                canShare: assetType.options.allowSharing && held.canShare,
              })
            : null;
          const context = contextFor(assetType, olivia, listWith(assetType, newOwner, current));
          const request = { changes: transferChanges(assetType, refOf(newOwner), olivia.id, afterwards) };

          expect(validateChanges(context, request)).toEqual([]);
          const result = applyChanges(context, request);
          if (!result.ok) throw new Error('refused');
          const owner = result.grants.find((grant) => grant.principalId === newOwner.id);
          expect(owner && grantLevel(assetType, owner)).toBe(3);
          if (assetType.options.allowSharing) expect(owner?.canShare).toBe(true);
          const mine = result.grants.find((grant) => grant.principalId === olivia.id);
          if (afterwards === 'remove') expect(mine).toBeUndefined();
          else expect(mine && grantLevel(assetType, mine)).toBe(2);
        },
      ),
    );
  });

  it('without the new owner, the actor stepping down alone breaks R9', () => {
    for (const assetType of builtInAssetTypes) {
      const [, mine] = transferChanges(assetType, refOf(eddie), olivia.id, 'remove');
      if (!mine) throw new Error('no own entry');
      const codes = validateChanges(contextFor(assetType, olivia), { changes: [mine] }).map(
        (violation) => violation.code,
      );
      expect(codes).toContain('LAST_OWNER');
    }
  });

  it('names each type’s own roles: owner for the new owner, read-write for the actor who stays', () => {
    const deployment = builtInAssetTypes.find((type) => type.id === 'deployment') as AssetTypeConfig;
    expect(transferChanges(deployment, refOf(eddie), olivia.id, 'keepReadWrite')).toEqual([
      { recipient: refOf(eddie), role: 'OWNER' },
      { recipient: { type: 'user', id: olivia.id }, role: 'USER' },
    ]);
  });
});

describe('transferDraftActions', () => {
  it('puts the same hand-over into a single-asset draft, which saves in one request R9 accepts', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...builtInAssetTypes),
        fc.constantFrom(...afterwardsValues),
        (assetType, afterwards) => {
          const grants = seedGrants(assetType);
          const byId = new Map(grants.map((grant) => [grant.principalId, grant]));
          const [mine, target] = [byId.get(olivia.id), byId.get(eddie.id)] as [Grant, Grant];
          const draft = transferDraftActions(assetType, target, mine, afterwards).reduce(
            draftReducer,
            createDraft(),
          );
          const invite = initialInviteSettings(assetType, assetType.defaultRole);
          const request = draftToChangeRequest(draft, invite, assetType, (id) => byId.get(id), TEST_NOW);
          expect(request.changes).toHaveLength(2);
          const context = contextFor(assetType, olivia, grants);
          expect(validateChanges(context, request)).toEqual([]);
          const result = applyChanges(context, request);
          expect(result.ok).toBe(true);
        },
      ),
    );
  });
});

describe('mayOfferOwnership', () => {
  const deployment = builtInAssetTypes.find((type) => type.id === 'deployment') as AssetTypeConfig;
  const grants = seedGrants(deployment);
  const byId = new Map(grants.map((grant) => [grant.principalId, grant]));
  const eddieGrant = byId.get(eddie.id) as Grant;
  const offer = (actor: Principal, grant: Grant) => {
    const standing = standingOf(deployment, actor, grants);
    return mayOfferOwnership(deployment, standing, grant, grantCapabilities(deployment, standing, grant));
  };

  it('is offered by an owner on another user below owner', () => {
    expect(offer(olivia, eddieGrant)).toBe(true);
  });

  it('is not offered on the actor themself, on an owner, or by someone below owner', () => {
    expect(offer(olivia, byId.get(olivia.id) as Grant)).toBe(false);
    expect(offer(olivia, { ...eddieGrant, role: 'OWNER' })).toBe(false);
    expect(offer(eddie, byId.get(connie.id) as Grant)).toBe(false);
  });

  it('is not offered on a group, whom ownership does not suit (R9 counts user owners)', () => {
    expect(offer(olivia, grantTo(deployment, nora, 1))).toBe(true);
    expect(offer(olivia, { ...grantTo(deployment, nora, 1), principalType: 'group' })).toBe(false);
  });
});
