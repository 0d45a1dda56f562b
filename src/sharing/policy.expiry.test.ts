import { describe, expect, it } from 'vitest';
import { actorStanding, effectiveAccess } from './access.ts';
import { grantCapabilities, newRecipientExpiryPermission } from './capabilities.ts';
import { DAY_MS } from './expiry.ts';
import { accessImpact, applyChanges, previewChanges, validateChanges } from './policy.ts';
import {
  assetType,
  at,
  changeFor,
  connie,
  contextFor,
  dataScience,
  directory,
  eddie,
  grantTo,
  nora,
  olivia,
  requestOf,
  seedGrants,
  TEST_NOW,
  una,
} from './test-fixtures.ts';
import type { AssetTypeConfig, ChangeRequest, Grant, GrantChange, PolicyContext } from './types.ts';

const deployment = assetType('deployment');
const dataset = assetType('dataset');
const dataConnection = assetType('dataConnection');
const governedModel = assetType('governedModel');
const withoutExpiry: AssetTypeConfig = {
  ...deployment,
  id: 'noExpiry',
  options: { ...deployment.options, expiry: false },
};

const inDays = (days: number, from = TEST_NOW) => new Date(from + days * DAY_MS).toISOString();

function codes(context: PolicyContext, request: ChangeRequest): string[] {
  return validateChanges(context, request).map((found) => found.code);
}

function withExpiry(change: GrantChange, expiresAt: string | null): GrantChange {
  return { ...change, expiresAt };
}

function expiring(grant: Grant, expiresAt: string): Grant {
  return { ...grant, expiresAt };
}

describe('R19 INVALID_EXPIRY', () => {
  const context = contextFor(deployment, olivia);

  it('accepts an end in the future, up to 365 days ahead', () => {
    for (const days of [0.001, 7, 365]) {
      expect(codes(context, requestOf(withExpiry(changeFor(una, 'USER'), inDays(days)))), `${days}`).toEqual(
        [],
      );
    }
  });

  it('refuses an end that is now or past, with its own code, status 422 and message', () => {
    for (const expiresAt of [inDays(0), inDays(-1)]) {
      const [violation, ...rest] = validateChanges(
        context,
        requestOf(withExpiry(changeFor(una, 'USER'), expiresAt)),
      );
      expect(rest).toEqual([]);
      expect(violation).toMatchObject({
        rule: 'R19',
        code: 'INVALID_EXPIRY',
        index: 0,
        recipient: una.name,
        message: 'An expiry must lie in the future.',
      });
    }
  });

  it('refuses an end more than 365 days ahead', () => {
    const [violation] = validateChanges(
      context,
      requestOf(withExpiry(changeFor(una, 'USER'), inDays(365.01))),
    );
    expect(violation).toMatchObject({
      code: 'INVALID_EXPIRY',
      message: 'Access can end at most 365 days from now.',
    });
  });

  it('judges "future" and "365 days" at the context’s now, not at the clock’s', () => {
    const request = requestOf(withExpiry(changeFor(una, 'USER'), inDays(10)));
    expect(
      codes(contextFor(deployment, olivia, undefined, undefined, TEST_NOW + 11 * DAY_MS), request),
    ).toEqual(['INVALID_EXPIRY']);
    expect(
      codes(contextFor(deployment, olivia, undefined, undefined, TEST_NOW - 360 * DAY_MS), request),
    ).toEqual(['INVALID_EXPIRY']);
  });

  it('never lets an owner-level grant expire, new or existing', () => {
    expect(codes(context, requestOf(withExpiry(changeFor(una, 'OWNER'), inDays(7))))).toEqual([
      'INVALID_EXPIRY',
    ]);
    expect(codes(context, requestOf(withExpiry(changeFor(olivia, 'OWNER'), inDays(7))))).toEqual([
      'INVALID_EXPIRY',
    ]);
    const [violation] = validateChanges(context, requestOf(withExpiry(changeFor(eddie, 'OWNER'), inDays(7))));
    expect(violation?.message).toBe('Owner access never expires: every deployment keeps its owners.');
  });

  it('refuses an expiry on a revocation; a revocation with `expiresAt: null` is fine', () => {
    expect(codes(context, requestOf(withExpiry(changeFor(connie, null), inDays(7))))).toEqual([
      'INVALID_EXPIRY',
    ]);
    expect(codes(context, requestOf(withExpiry(changeFor(connie, 'NO_ROLE'), inDays(7))))).toEqual([
      'INVALID_EXPIRY',
    ]);
    expect(codes(context, requestOf(withExpiry(changeFor(connie, null), null)))).toEqual([]);
  });

  it('refuses what is not an instant', () => {
    for (const expiresAt of ['2025-07-08', 'next week', '']) {
      expect(codes(context, requestOf(withExpiry(changeFor(una, 'USER'), expiresAt))), expiresAt).toEqual([
        'INVALID_EXPIRY',
      ]);
    }
  });

  it('is reported beside the other broken rules of a request, each at its entry', () => {
    const violations = validateChanges(
      context,
      requestOf(
        withExpiry(changeFor(una, 'USER'), inDays(400)),
        withExpiry(changeFor(connie, 'CONSUMER'), inDays(-2)),
        withExpiry(changeFor(eddie, 'USER'), inDays(30)),
      ),
    );
    expect(violations.map((found) => [found.index, found.code])).toEqual([
      [0, 'INVALID_EXPIRY'],
      [1, 'INVALID_EXPIRY'],
    ]);
  });

  it('R12: an asset type without expiry refuses any expiresAt, null included', () => {
    const noExpiry = contextFor(withoutExpiry, olivia, seedGrants(deployment));
    for (const expiresAt of [inDays(7), null]) {
      const [violation] = validateChanges(noExpiry, requestOf(withExpiry(changeFor(una, 'USER'), expiresAt)));
      expect(violation).toMatchObject({
        code: 'OPTION_NOT_SUPPORTED',
        message: 'Deployments have no “Access expires” option.',
      });
    }
  });
});

describe('setting, moving and clearing an expiry is a change of the grant (R5, R6, R7)', () => {
  it('R7: someone who may not share cannot set an expiry on another grant', () => {
    // Nora is an editor without "Allow sharing" on the dataset.
    const request = requestOf(withExpiry(changeFor(connie, 'CONSUMER'), inDays(7)));
    expect(codes(contextFor(dataset, nora), request)).toEqual(['SHARING_NOT_ALLOWED']);
  });

  it('R6: nobody sets, moves or clears the expiry of a grant above their own level', () => {
    const grants = [
      ...seedGrants(deployment).filter((g) => g.principalId !== eddie.id),
      expiring(grantTo(deployment, eddie, 2), inDays(5)),
    ];
    for (const expiresAt of [inDays(7), inDays(3), null]) {
      const request = requestOf(withExpiry(changeFor(eddie, 'USER'), expiresAt));
      expect(codes(contextFor(deployment, connie, grants), request), String(expiresAt)).toEqual([
        'TARGET_ABOVE_OWN_LEVEL',
      ]);
      expect(codes(contextFor(deployment, olivia, grants), request)).toEqual([]);
    }
  });

  it('R5: an expiry does not let anyone grant above their own level', () => {
    const request = requestOf(withExpiry(changeFor(una, 'OWNER'), inDays(7)));
    // Precedence (SPEC §4): an entry the actor may not make is refused for that alone, not also for its expiry.
    expect(codes(contextFor(deployment, eddie), request)).toEqual(['ROLE_ABOVE_OWN_LEVEL']);
  });

  it('precedence: asking for an end (or no data use) on an owner’s grant is answered with R6/R7 alone to those who may not touch it', () => {
    // The owner's grant cannot take either value (R19, R12), but whoever may not change it hears only that.
    for (const asked of [{ expiresAt: inDays(7) }, { expiresAt: 'next week' }, { canUseData: false }]) {
      const change = { ...changeFor(olivia, 'OWNER'), ...asked };
      expect(codes(contextFor(deployment, eddie), requestOf(change)), JSON.stringify(asked)).toEqual([
        'TARGET_ABOVE_OWN_LEVEL',
      ]);
      expect(codes(contextFor(dataset, nora), requestOf(change)), JSON.stringify(asked)).toEqual([
        'SHARING_NOT_ALLOWED',
        'TARGET_ABOVE_OWN_LEVEL',
      ]);
    }
    // The owner herself is told why the type refuses it.
    expect(
      codes(
        contextFor(deployment, olivia),
        requestOf({ ...changeFor(olivia, 'OWNER'), expiresAt: inDays(7) }),
      ),
    ).toEqual(['INVALID_EXPIRY']);
  });

  it('an unchanged expiry is no change: a consumer resending what is there changes nothing', () => {
    const grants = [
      ...seedGrants(deployment).filter((g) => g.principalId !== eddie.id),
      expiring(grantTo(deployment, eddie, 2), inDays(5)),
    ];
    const same = requestOf(withExpiry(changeFor(eddie, 'USER'), inDays(5).replace('.000Z', 'Z')));
    expect(codes(contextFor(deployment, connie, grants), same)).toEqual([]);
    const result = applyChanges(contextFor(deployment, connie, grants), same);
    expect(result.ok && result.changes).toEqual([]);
  });
});

describe('applying expiries', () => {
  it('stores the end in UTC; keeps it when unsaid; clears it with null', () => {
    const set = applyChanges(
      contextFor(deployment, olivia),
      requestOf(withExpiry(changeFor(una, 'USER'), '2025-07-08T14:00:00+02:00')),
    );
    if (!set.ok) throw new Error('refused');
    const unaGrant = set.grants.find((grant) => grant.principalId === una.id);
    expect(unaGrant?.expiresAt).toBe('2025-07-08T12:00:00.000Z');

    const kept = applyChanges(
      contextFor(deployment, olivia, set.grants),
      requestOf(changeFor(una, 'CONSUMER')),
    );
    if (!kept.ok) throw new Error('refused');
    expect(kept.grants.find((grant) => grant.principalId === una.id)).toMatchObject({
      role: 'CONSUMER',
      expiresAt: '2025-07-08T12:00:00.000Z',
    });

    const cleared = applyChanges(
      contextFor(deployment, olivia, kept.grants),
      requestOf(withExpiry(changeFor(una, 'CONSUMER'), null)),
    );
    if (!cleared.ok) throw new Error('refused');
    expect(cleared.grants.find((grant) => grant.principalId === una.id)).not.toHaveProperty('expiresAt');
    expect(cleared.changes).toHaveLength(1);
  });

  it('makes a grant permanent when it is made owner', () => {
    const grants = [
      ...seedGrants(deployment).filter((g) => g.principalId !== eddie.id),
      expiring(grantTo(deployment, eddie, 2), inDays(5)),
    ];
    const result = applyChanges(contextFor(deployment, olivia, grants), requestOf(changeFor(eddie, 'OWNER')));
    if (!result.ok) throw new Error('refused');
    expect(result.grants.find((grant) => grant.principalId === eddie.id)).toEqual(
      grantTo(deployment, eddie, 3),
    );
  });
});

describe('an expired grant is absent wherever access is computed', () => {
  const eddieUntil = (days: number) => [
    ...seedGrants(deployment).filter((grant) => grant.principalId !== eddie.id),
    expiring(grantTo(deployment, eddie, 2), inDays(days)),
  ];

  it('effective access and the actor’s standing: nothing from the instant it ends', () => {
    const grants = eddieUntil(5);
    expect(effectiveAccess(deployment, at(grants), eddie).level).toBe(2);
    expect(effectiveAccess(deployment, at(grants, TEST_NOW + 5 * DAY_MS - 1), eddie).level).toBe(2);
    expect(effectiveAccess(deployment, at(grants, TEST_NOW + 5 * DAY_MS), eddie)).toMatchObject({
      level: 0,
      paths: [],
    });
    expect(actorStanding(deployment, at(grants, TEST_NOW + 6 * DAY_MS), eddie)).toEqual({
      principalId: eddie.id,
      level: 0,
      canShare: false,
      canUseData: false,
    });
  });

  it('a request by someone whose grant ended is judged as by someone without access', () => {
    const later = TEST_NOW + 6 * DAY_MS;
    const request = requestOf(changeFor(una, 'CONSUMER'));
    expect(codes(contextFor(deployment, eddie, eddieUntil(5)), request)).toEqual([]);
    expect(codes(contextFor(deployment, eddie, eddieUntil(5), undefined, later), request)).toEqual([
      'SHARING_NOT_ALLOWED',
      'ROLE_ABOVE_OWN_LEVEL',
    ]);
  });

  it('a change to an expired grant makes a new one, and the saved list no longer holds the old', () => {
    const later = TEST_NOW + 6 * DAY_MS;
    const result = applyChanges(
      contextFor(deployment, olivia, eddieUntil(5), undefined, later),
      requestOf(changeFor(una, 'CONSUMER')),
    );
    if (!result.ok) throw new Error('refused');
    expect(result.grants.some((grant) => grant.principalId === eddie.id)).toBe(false);

    const reshare = applyChanges(
      contextFor(deployment, olivia, eddieUntil(5), undefined, later),
      requestOf(changeFor(eddie, 'CONSUMER')),
    );
    if (!reshare.ok) throw new Error('refused');
    expect(reshare.changes).toMatchObject([{ before: undefined, after: { role: 'CONSUMER' } }]);
    expect(reshare.grants.find((grant) => grant.principalId === eddie.id)).not.toHaveProperty('expiresAt');
  });

  it('R10 counts only sharers whose access does not end', () => {
    // Eddie may share the data connection, but only for five more days: he does not keep it shareable.
    const grants = [
      grantTo(dataConnection, olivia, 3, { canShare: true }),
      expiring(grantTo(dataConnection, eddie, 2, { canShare: true }), inDays(5)),
      grantTo(dataConnection, nora, 2, { canShare: true }),
    ];
    const stopOlivia = changeFor(olivia, 'OWNER', { canShare: false });
    expect(codes(contextFor(dataConnection, olivia, grants), requestOf(stopOlivia))).toEqual([]);
    // Setting an end on the last permanent sharer stops them being one, too.
    const endNora = withExpiry(changeFor(nora, 'EDITOR'), inDays(30));
    expect(codes(contextFor(dataConnection, olivia, grants), requestOf(stopOlivia, endNora))).toEqual([
      'LAST_SHARER',
      'LAST_SHARER',
    ]);
    // The dialog judges against the list as the draft leaves it: with Olivia's sharing off, Nora's end is locked.
    const standing = actorStanding(dataConnection, at(grants), olivia);
    const draftList = [grantTo(dataConnection, olivia, 3, { canShare: false }), ...grants.slice(1)];
    expect(grantCapabilities(dataConnection, standing, grants[2] as Grant, draftList).expiry).toMatchObject({
      allowed: false,
      code: 'LAST_SHARER',
    });
    expect(grantCapabilities(dataConnection, standing, grants[2] as Grant, grants).expiry).toEqual({
      allowed: true,
    });
  });

  it('lineage: an input whose grant to the recipient ended is shared again, and ends when the share does', () => {
    const modelGrants = seedGrants(governedModel);
    const input = {
      assetId: 'input',
      assetName: 'Transactions',
      assetType: dataset,
      grants: [grantTo(dataset, olivia, 3), expiring(grantTo(dataset, una, 1), inDays(-1))],
    };
    const result = applyChanges(contextFor(governedModel, olivia, modelGrants, [input]), {
      ...requestOf(withExpiry(changeFor(una, 'READ'), inDays(14))),
      shareWithLineage: true,
    });
    if (!result.ok) throw new Error('refused');
    expect(result.linkedInputs[0]?.added).toEqual([{ ...grantTo(dataset, una, 1), expiresAt: inDays(14) }]);
    expect(result.linkedInputs[0]?.grants).toEqual([
      grantTo(dataset, olivia, 3),
      { ...grantTo(dataset, una, 1), expiresAt: inDays(14) },
    ]);
  });
});

describe('the impact of expiry changes', () => {
  it('names who keeps their level but whose access ends at another time', () => {
    const before = seedGrants(deployment);
    const after = before.map((grant) =>
      grant.principalId === connie.id ? expiring(grant, inDays(7)) : grant,
    );
    const impact = accessImpact(deployment, directory, before, after, [connie], TEST_NOW);
    expect(impact.counts).toEqual({ gains: 0, changes: 0, loses: 0, expiries: 1 });
    expect(impact.expiries).toMatchObject([
      { principal: connie, beforeLevel: 1, afterLevel: 1, afterExpiresAt: inDays(7) },
    ]);
  });

  it('does not count a member whose level another, permanent grant keeps', () => {
    const before = [...seedGrants(deployment), grantTo(deployment, dataScience, 1)];
    const after = before.map((grant) =>
      grant.principalId === dataScience.id ? expiring(grant, inDays(7)) : grant,
    );
    // Eddie and Nora keep their own grants (or Eddie's higher one); only Nora reaches the asset through the group alone.
    const impact = accessImpact(deployment, directory, before, after, [dataScience], TEST_NOW);
    expect(impact.expiries.map((entry) => entry.principal.name)).toEqual([nora.name]);
  });

  it('says when gained access ends', () => {
    const preview = previewChanges(
      contextFor(deployment, olivia),
      requestOf(withExpiry(changeFor(una, 'CONSUMER'), inDays(7))),
    );
    expect(preview.impact.gains).toMatchObject([
      { principal: una, afterLevel: 1, afterExpiresAt: inDays(7) },
    ]);
  });
});

describe('new recipients’ expiry in the dialog', () => {
  it('is offered below owner, and refused for an owner with the reason', () => {
    const standing = actorStanding(deployment, at(seedGrants(deployment)), olivia);
    const [owner, user] = deployment.roles;
    if (!owner || !user) throw new Error('roles');
    expect(newRecipientExpiryPermission(deployment, standing, user)).toEqual({ allowed: true });
    expect(newRecipientExpiryPermission(deployment, standing, owner)).toMatchObject({
      allowed: false,
      rule: 'R19',
      reason: 'Owner access never expires: every deployment keeps its owners.',
    });
  });
});
