import { describe, expect, it } from 'vitest';
import {
  canActorShare,
  canReshareRole,
  defaultNewRecipientRole,
  grantCapabilities,
  guardRelevantGrants,
  hasUserOwner,
  hasUserSharer,
  listGuards,
  newRecipientOptionPermissions,
  newRecipientRoleOptions,
  optionSupported,
  sameGrantCapabilities,
  samePermission,
} from './capabilities.ts';
import {
  assetType,
  connie,
  dataScience,
  eddie,
  grantTo,
  nora,
  olivia,
  seedGrants,
  standingOf,
  una,
} from './test-fixtures.ts';
import type { ActorStanding, Permission } from './types.ts';

const dataset = assetType('dataset');
const dataConnection = assetType('dataConnection');
const deployment = assetType('deployment');
const governedModel = assetType('governedModel');
const useCase = assetType('useCase');

function allowedRoles(options: { role: { name: string }; permission: Permission }[]): string[] {
  return options.filter((option) => option.permission.allowed).map((option) => option.role.name);
}

function refusal(permission: Permission) {
  return permission.allowed
    ? null
    : { rule: permission.rule, code: permission.code, reason: permission.reason };
}

describe('canActorShare (R7), per sharing model', () => {
  it('anyCollaborator: a consumer may share a deployment', () => {
    expect(canActorShare(deployment, standingOf(deployment, connie)).allowed).toBe(true);
  });

  it('anyCollaborator: someone without access may not', () => {
    expect(refusal(canActorShare(useCase, standingOf(useCase, una)))).toEqual({
      rule: 'R7',
      code: 'SHARING_NOT_ALLOWED',
      reason: 'You have no access to this use case, so you cannot share it.',
    });
  });

  it('anyCollaborator: a standing the backend says cannot share is refused', () => {
    const standing: ActorStanding = { principalId: connie.id, level: 1, canShare: false };
    expect(refusal(canActorShare(useCase, standing))?.reason).toBe(
      'You are not allowed to share this use case.',
    );
  });

  it('canShareFlag: an editor without "Allow sharing" may not share a dataset', () => {
    expect(refusal(canActorShare(dataset, standingOf(dataset, nora)))?.reason).toBe(
      'You need “Allow sharing” on this dataset to share it.',
    );
    expect(refusal(canActorShare(dataConnection, standingOf(dataConnection, nora)))?.reason).toBe(
      'You need “Allow sharing” on this data connection to share it.',
    );
  });

  it('canShareFlag: an editor with "Allow sharing" may', () => {
    expect(canActorShare(dataset, standingOf(dataset, eddie)).allowed).toBe(true);
  });

  it('minimumLevel: Read cannot share a governed model, Write can', () => {
    expect(refusal(canActorShare(governedModel, standingOf(governedModel, connie)))?.reason).toBe(
      'Read access cannot share a governed model. You need Write or higher.',
    );
    expect(canActorShare(governedModel, standingOf(governedModel, eddie)).allowed).toBe(true);
  });
});

describe('newRecipientRoleOptions', () => {
  it('R5: roles above the actor’s own level are refused with the reason', () => {
    const options = newRecipientRoleOptions(deployment, standingOf(deployment, eddie));
    expect(allowedRoles(options)).toEqual(['USER', 'CONSUMER']);
    expect(refusal(options[0]?.permission as Permission)).toEqual({
      rule: 'R5',
      code: 'ROLE_ABOVE_OWN_LEVEL',
      reason: 'You can grant at most User, your own role.',
    });
  });

  it('R5: an owner may grant every role', () => {
    expect(allowedRoles(newRecipientRoleOptions(useCase, standingOf(useCase, olivia)))).toEqual([
      'OWNER',
      'EDITOR',
      'CONSUMER',
    ]);
  });

  it('R7: every role is refused with the R7 reason when the actor may not share', () => {
    const options = newRecipientRoleOptions(dataset, standingOf(dataset, nora));
    expect(options.map((option) => refusal(option.permission)?.rule)).toEqual(['R7', 'R7', 'R7']);
  });

  it('R17: a consumer with sharing re-shares only up to Consumer', () => {
    const standing = standingOf(dataset, connie, [grantTo(dataset, connie, 1, { canShare: true })]);
    expect(allowedRoles(newRecipientRoleOptions(dataset, standing))).toEqual(['CONSUMER']);
    const editor = dataset.roles[1];
    expect(editor && refusal(canReshareRole(dataset, standing, editor))?.rule).toBe('R5');
  });
});

describe('defaultNewRecipientRole', () => {
  it('is the asset type’s default when the actor may grant it', () => {
    expect(defaultNewRecipientRole(deployment, standingOf(deployment, olivia)).name).toBe('USER');
    expect(defaultNewRecipientRole(deployment, standingOf(deployment, eddie)).name).toBe('USER');
  });

  it('R5: is the highest role the actor may grant when the default is above them', () => {
    expect(defaultNewRecipientRole(deployment, standingOf(deployment, connie)).name).toBe('CONSUMER');
  });

  it('R5: looks at the level alone, so an actor who may not share (R7) sees a role within it', () => {
    const standing = standingOf(dataset, connie);
    expect(canActorShare(dataset, standing).allowed).toBe(false);
    expect(defaultNewRecipientRole(dataset, standing).name).toBe('CONSUMER');
  });

  it('falls back to the lowest role for an actor without access', () => {
    const outsider: ActorStanding = { principalId: una.id, level: 0, canShare: false };
    expect(defaultNewRecipientRole(governedModel, outsider).name).toBe('READ');
  });
});

describe('grantCapabilities', () => {
  const seed = seedGrants(deployment);
  const [oliviaGrant, eddieGrant, connieGrant] = seed as [
    (typeof seed)[0],
    (typeof seed)[0],
    (typeof seed)[0],
  ];

  it('R6: an editor can neither change nor remove an owner', () => {
    const capabilities = grantCapabilities(deployment, standingOf(deployment, eddie), oliviaGrant);
    expect(refusal(capabilities.remove)).toEqual({
      rule: 'R6',
      code: 'TARGET_ABOVE_OWN_LEVEL',
      reason: 'You cannot change or remove Owner access: it is above your own role, User.',
    });
    expect(capabilities.roles.map((option) => refusal(option.permission)?.rule)).toEqual([
      undefined,
      'R6',
      'R6',
    ]);
  });

  it('R5: an editor can change a consumer, but not above their own level', () => {
    const capabilities = grantCapabilities(deployment, standingOf(deployment, eddie), connieGrant);
    expect(allowedRoles(capabilities.roles)).toEqual(['USER', 'CONSUMER']);
    expect(refusal(capabilities.roles[0]?.permission as Permission)?.rule).toBe('R5');
    expect(capabilities.remove.allowed).toBe(true);
  });

  it('R7: without "Allow sharing", nothing of someone else’s grant can change', () => {
    const grants = seedGrants(dataset);
    const capabilities = grantCapabilities(
      dataset,
      standingOf(dataset, nora),
      grants[2] as (typeof grants)[0],
    );
    expect(refusal(capabilities.remove)?.rule).toBe('R7');
    expect(refusal(capabilities.allowSharing)?.rule).toBe('R7');
    expect(refusal(capabilities.canUseData)?.rule).toBe('R7');
  });

  it('R7: a grant without "Allow sharing" may still remove itself', () => {
    const grants = seedGrants(dataset);
    const noraGrant = grants[3] as (typeof grants)[0];
    const capabilities = grantCapabilities(dataset, standingOf(dataset, nora), noraGrant, grants);
    expect(capabilities.remove.allowed).toBe(true);
    expect(refusal(capabilities.roles[2]?.permission as Permission)?.rule).toBe('R7');
  });

  it('R6: leaving is possible even when the own grant is above the own (capped) level', () => {
    const standing: ActorStanding = { principalId: eddie.id, level: 1, canShare: true };
    expect(grantCapabilities(deployment, standing, eddieGrant).remove.allowed).toBe(true);
  });

  it('R12: "Allow sharing" and "Can use data" are refused where the type has no such option', () => {
    const capabilities = grantCapabilities(deployment, standingOf(deployment, olivia), connieGrant);
    expect(refusal(capabilities.allowSharing)).toEqual({
      rule: 'R12',
      code: 'OPTION_NOT_SUPPORTED',
      reason: 'Deployments have no “Allow sharing” option.',
    });
    expect(refusal(capabilities.canUseData)?.reason).toBe('Deployments have no “Can use data” option.');
    expect(optionSupported(dataConnection, 'canUseData').allowed).toBe(false);
    expect(optionSupported(dataConnection, 'canShare').allowed).toBe(true);
  });

  it('owner implies "Can use data": it cannot be unticked on an owner', () => {
    const grants = seedGrants(dataset);
    const capabilities = grantCapabilities(
      dataset,
      standingOf(dataset, olivia),
      grants[0] as (typeof grants)[0],
    );
    expect(refusal(capabilities.canUseData)?.reason).toBe(
      'Owner access always includes “Can use data”; it cannot be turned off.',
    );
  });

  it('allows an owner every option on a dataset grant', () => {
    const grants = seedGrants(dataset);
    const capabilities = grantCapabilities(
      dataset,
      standingOf(dataset, olivia),
      grants[2] as (typeof grants)[0],
    );
    expect(capabilities.allowSharing.allowed).toBe(true);
    expect(capabilities.canUseData.allowed).toBe(true);
    expect(allowedRoles(capabilities.roles)).toEqual(['OWNER', 'EDITOR', 'CONSUMER']);
  });

  it('R9: the last user owner can neither leave nor step down, when judged on the list', () => {
    const capabilities = grantCapabilities(deployment, standingOf(deployment, olivia), oliviaGrant, seed);
    expect(refusal(capabilities.remove)).toEqual({
      rule: 'R9',
      code: 'LAST_OWNER',
      reason: 'You are the last Owner of this deployment. Make someone else Owner first.',
    });
    expect(capabilities.roles.map((option) => refusal(option.permission)?.rule)).toEqual([
      undefined,
      'R9',
      'R9',
    ]);
  });

  it('R9: once another user owns too (e.g. in the draft), the owner may leave', () => {
    const list = [...seed, grantTo(deployment, una, 3)];
    expect(
      grantCapabilities(deployment, standingOf(deployment, olivia), oliviaGrant, list).remove.allowed,
    ).toBe(true);
  });

  it('R9: a group owner does not count as the user owner', () => {
    const list = [...seed, grantTo(deployment, dataScience, 3)];
    expect(hasUserOwner(deployment, list.slice(1))).toBe(false);
    const guards = listGuards(deployment, standingOf(deployment, eddie, list), list);
    expect(refusal(guards.mayStopOwning(oliviaGrant))?.reason).toBe(
      'This person is the last Owner of this deployment. Make someone else Owner first.',
    );
  });

  it('R10: the last user who can share a dataset keeps "Allow sharing" and stays', () => {
    const grants = [
      grantTo(dataset, olivia, 3, { canShare: true }),
      grantTo(dataset, eddie, 3, { canShare: false }),
    ];
    const capabilities = grantCapabilities(
      dataset,
      standingOf(dataset, olivia, grants),
      grants[0] as (typeof grants)[0],
      grants,
    );
    expect(refusal(capabilities.allowSharing)?.rule).toBe('R10');
    expect(refusal(capabilities.remove)).toEqual({
      rule: 'R10',
      code: 'LAST_SHARER',
      reason: 'You are the last person who can share this dataset. Give someone else “Allow sharing” first.',
    });
  });

  it('R9, R10: with a holder check, only holders who can act count (the backend passes its directory)', () => {
    const grants = [
      grantTo(dataset, olivia, 3, { canShare: true }),
      grantTo(dataset, eddie, 3, { canShare: true }),
    ];
    const oliviaOnly = (principalId: string) => principalId === olivia.id;
    expect(hasUserOwner(dataset, grants.slice(1), oliviaOnly)).toBe(false);
    expect(hasUserOwner(dataset, grants, oliviaOnly)).toBe(true);
    expect(hasUserSharer(dataset, grants.slice(1), oliviaOnly)).toBe(false);
    expect(hasUserSharer(dataset, grants.slice(1))).toBe(true);
  });

  it('R10 holds only on datasets and data connections', () => {
    const grants = [grantTo(deployment, olivia, 3, { canShare: false })];
    expect(hasUserSharer(deployment, grants)).toBe(true);
    expect(hasUserSharer(dataset, [grantTo(dataset, olivia, 3, { canShare: false })])).toBe(false);
  });
});

describe('newRecipientOptionPermissions', () => {
  const [owner, editor] = dataset.roles as [(typeof dataset.roles)[0], (typeof dataset.roles)[0]];

  it('R12: offers neither option on a deployment', () => {
    const permissions = newRecipientOptionPermissions(deployment, standingOf(deployment, olivia), owner);
    expect(refusal(permissions.allowSharing)?.rule).toBe('R12');
    expect(refusal(permissions.canUseData)?.rule).toBe('R12');
  });

  it('offers both options on a dataset below owner, and keeps "Can use data" on for an owner', () => {
    const standing = standingOf(dataset, olivia);
    expect(newRecipientOptionPermissions(dataset, standing, editor)).toEqual({
      allowSharing: { allowed: true },
      canUseData: { allowed: true },
    });
    expect(refusal(newRecipientOptionPermissions(dataset, standing, owner).canUseData)?.code).toBe(
      'OPTION_NOT_SUPPORTED',
    );
  });

  it('R7: offers nothing to an actor who may not share', () => {
    const permissions = newRecipientOptionPermissions(dataset, standingOf(dataset, nora), editor);
    expect(refusal(permissions.allowSharing)?.rule).toBe('R7');
  });

  it('R18: "Can use data" is not offered by an actor who does not hold it; unknown is left to the backend', () => {
    const standing: ActorStanding = { principalId: eddie.id, level: 2, canShare: true, canUseData: false };
    expect(refusal(newRecipientOptionPermissions(dataset, standing, editor).canUseData)).toEqual({
      rule: 'R18',
      code: 'DATA_USE_NOT_HELD',
      reason: 'You do not have “Can use data” on this dataset yourself, so you cannot give it to anyone.',
    });
    const unknown: ActorStanding = { principalId: eddie.id, level: 2, canShare: true };
    expect(newRecipientOptionPermissions(dataset, unknown, editor).canUseData.allowed).toBe(true);
  });
});

describe('grantCapabilities and R18', () => {
  const standing: ActorStanding = { principalId: eddie.id, level: 2, canShare: true, canUseData: false };

  it('an actor without data use cannot turn it on for anyone, but can turn it off', () => {
    const without = grantTo(dataset, connie, 1, { canUseData: false });
    const withData = grantTo(dataset, una, 1, { canUseData: true });
    expect(refusal(grantCapabilities(dataset, standing, without).canUseData)?.code).toBe('DATA_USE_NOT_HELD');
    expect(grantCapabilities(dataset, standing, withData).canUseData.allowed).toBe(true);
  });
});

describe('guardRelevantGrants', () => {
  it('keeps the user owners and user sharers, and the guards judge the same on it', () => {
    const grants = [...seedGrants(dataset), grantTo(dataset, dataScience, 3, { canShare: true })];
    const relevant = guardRelevantGrants(dataset, grants);
    expect(relevant.map((grant) => grant.principalId)).toEqual([olivia.id, eddie.id]);
    const standing = standingOf(dataset, olivia, grants);
    for (const grant of grants) {
      expect(grantCapabilities(dataset, standing, grant, relevant)).toEqual(
        grantCapabilities(dataset, standing, grant, grants),
      );
    }
  });
});

describe('sameGrantCapabilities', () => {
  const standing = standingOf(dataset, olivia);
  const judge = (grant: ReturnType<typeof grantTo>, list: ReturnType<typeof seedGrants>) =>
    grantCapabilities(dataset, standing, grant, list);

  it('says a grant judged again against a list that changes nothing for it gets the same verdict', () => {
    const grants = seedGrants(dataset);
    const connieGrant = grantTo(dataset, connie, 1);
    const withNewOwner = [...grants, grantTo(dataset, nora, 3)];
    expect(sameGrantCapabilities(judge(connieGrant, grants), judge(connieGrant, withNewOwner))).toBe(true);
  });

  it('tells the last owner apart from an owner beside another one', () => {
    const grants = seedGrants(dataset);
    const oliviaGrant = grants.find((grant) => grant.principalId === olivia.id);
    if (!oliviaGrant) throw new Error('no grant of Olivia in the seed');
    const withNewOwner = [...grants, grantTo(dataset, nora, 3)];
    expect(sameGrantCapabilities(judge(oliviaGrant, grants), judge(oliviaGrant, withNewOwner))).toBe(false);
  });

  it('compares refusals by rule, code and reason', () => {
    const refusedA: Permission = { allowed: false, rule: 'R9', code: 'LAST_OWNER', reason: 'a' };
    expect(samePermission({ allowed: true }, { allowed: true })).toBe(true);
    expect(samePermission(refusedA, { ...refusedA })).toBe(true);
    expect(samePermission(refusedA, { allowed: true })).toBe(false);
    expect(samePermission(refusedA, { ...refusedA, reason: 'b' })).toBe(false);
    expect(samePermission(refusedA, { ...refusedA, rule: 'R10', code: 'LAST_SHARER' })).toBe(false);
  });
});
