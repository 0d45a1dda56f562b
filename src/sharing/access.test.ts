import { describe, expect, it } from 'vitest';
import {
  actorStanding,
  effectiveAccess,
  effectiveLevel,
  grantLevel,
  grantReaches,
  levelOfRole,
  mayShare,
} from './access.ts';
import {
  acme,
  assetType,
  at,
  connie,
  dataScience,
  directory,
  eddie,
  grantTo,
  ivan,
  mlopsAdmin,
  nora,
  olivia,
  risk,
  rita,
  seedGrants,
  una,
  wendy,
} from './test-fixtures.ts';
import type { Grant } from './types.ts';

const dataset = assetType('dataset');
const deployment = assetType('deployment');
const governedModel = assetType('governedModel');
const workload = assetType('workload');

describe('levelOfRole', () => {
  it('matches role names case-insensitively, as the Workload API writes them', () => {
    expect(levelOfRole(workload, 'owner')).toBe(3);
    expect(levelOfRole(workload, 'User')).toBe(2);
    expect(levelOfRole(workload, 'CONSUMER')).toBe(1);
  });

  it('knows only the roles of the asset type', () => {
    expect(levelOfRole(deployment, 'EDITOR')).toBeUndefined();
    expect(levelOfRole(governedModel, 'WRITE')).toBe(2);
  });

  it('gives a grant with an unknown role no level', () => {
    expect(grantLevel(deployment, { ...grantTo(deployment, una, 1), role: 'EDITOR' })).toBe(0);
  });
});

describe('grantReaches', () => {
  it('reaches the user it names, members of the group, the organization and holders of the role', () => {
    const workload = assetType('workload');
    expect(grantReaches(grantTo(workload, eddie, 1), eddie)).toBe(true);
    expect(grantReaches(grantTo(workload, eddie, 1), nora)).toBe(false);
    expect(grantReaches(grantTo(workload, dataScience, 1), nora)).toBe(true);
    expect(grantReaches(grantTo(workload, dataScience, 1), olivia)).toBe(false);
    expect(grantReaches(grantTo(workload, acme, 1), olivia)).toBe(true);
    expect(grantReaches(grantTo(workload, mlopsAdmin, 1), eddie)).toBe(true);
    expect(grantReaches(grantTo(workload, mlopsAdmin, 1), nora)).toBe(false);
  });
});

describe('effectiveAccess', () => {
  it('reads a direct grant', () => {
    const access = effectiveAccess(deployment, at(seedGrants(deployment)), eddie);
    expect(access.level).toBe(2);
    expect(access.paths).toEqual([expect.objectContaining({ via: 'direct', principal: eddie, level: 2 })]);
  });

  it('reaches a user through a group, the organization and a role', () => {
    const grants = [
      grantTo(workload, olivia, 3),
      grantTo(workload, dataScience, 1),
      grantTo(workload, acme, 1),
      grantTo(workload, mlopsAdmin, 2),
    ];
    const access = effectiveAccess(workload, at(grants), eddie, directory);
    expect(access.paths.map((path) => [path.via, path.principal.name])).toEqual([
      ['group', 'Data Science'],
      ['organization', 'Acme Analytics'],
      ['role', 'MLOps Admin'],
    ]);
    expect(access.level).toBe(2);
  });

  it('lets the most permissive path win over a lower direct grant', () => {
    const grants = [grantTo(deployment, nora, 1), grantTo(deployment, dataScience, 2)];
    expect(effectiveAccess(deployment, at(grants), nora).level).toBe(2);
  });

  it('names containers by id when no directory is given', () => {
    const access = effectiveAccess(deployment, at([grantTo(deployment, dataScience, 1)]), nora);
    expect(access.paths[0]?.principal).toMatchObject({
      id: dataScience.id,
      type: 'group',
      name: dataScience.id,
    });
  });

  it('gives no access to someone no grant reaches', () => {
    expect(effectiveAccess(deployment, at(seedGrants(deployment)), una)).toMatchObject({
      level: 0,
      canShare: false,
      canUseData: false,
      paths: [],
    });
  });

  it('ignores grants whose role the asset type does not know', () => {
    const grants: Grant[] = [{ ...grantTo(deployment, una, 2), role: 'EDITOR' }];
    expect(effectiveAccess(deployment, at(grants), una).level).toBe(0);
  });

  it('caps the level at the RBAC ceiling', () => {
    const grants = [grantTo(deployment, rita, 1), grantTo(deployment, risk, 3)];
    const access = effectiveAccess(deployment, at(grants), rita);
    expect(access).toMatchObject({ level: 1, uncappedLevel: 3, cappedByCeiling: true });
  });

  it('does not report a cap when the grants stay under the ceiling', () => {
    const access = effectiveAccess(deployment, at([grantTo(deployment, wendy, 2)]), wendy);
    expect(access).toMatchObject({ level: 2, uncappedLevel: 2, cappedByCeiling: false });
  });

  it('gives an inactive account no access, whatever its grants', () => {
    const access = effectiveAccess(deployment, at([grantTo(deployment, ivan, 3)]), ivan);
    expect(access).toMatchObject({ level: 0, uncappedLevel: 3, canShare: false, canUseData: false });
  });

  it('answers the same level on the fast path as with paths', () => {
    const index = at(seedGrants(dataset));
    for (const person of [olivia, eddie, connie, nora, una]) {
      expect(effectiveLevel(dataset, index, person)).toBe(effectiveAccess(dataset, index, person).level);
    }
  });

  it('keeps the first grant when a list names a principal twice', () => {
    const index = at([grantTo(deployment, una, 1), grantTo(deployment, una, 3)]);
    expect(effectiveLevel(deployment, index, una)).toBe(1);
  });

  it('gives an inactive account level 0 on the fast path too', () => {
    expect(effectiveLevel(deployment, at([grantTo(deployment, ivan, 2)]), ivan)).toBe(0);
  });

  it('finds the one grant that matters among 10,000', () => {
    const grants = Array.from({ length: 10_000 }, (_, n) => ({
      ...grantTo(deployment, una, 1),
      principalId: n.toString(16).padStart(24, 'f'),
    }));
    grants.push(grantTo(deployment, eddie, 2));
    expect(effectiveAccess(deployment, at(grants), eddie).level).toBe(2);
  });
});

describe('R7: who may share, per sharing model', () => {
  it('anyCollaborator: every collaborator may share, a stranger may not', () => {
    const grants = seedGrants(deployment);
    expect(effectiveAccess(deployment, at(grants), connie).canShare).toBe(true);
    expect(effectiveAccess(deployment, at(grants), una).canShare).toBe(false);
  });

  it('canShareFlag: only a grant with "Allow sharing" shares, owners included', () => {
    const grants = seedGrants(dataset);
    expect(effectiveAccess(dataset, at(grants), eddie).canShare).toBe(true);
    expect(effectiveAccess(dataset, at(grants), nora).canShare).toBe(false);
    const ownerWithout = [grantTo(dataset, olivia, 3, { canShare: false })];
    expect(effectiveAccess(dataset, at(ownerWithout), olivia).canShare).toBe(false);
  });

  it('canShareFlag: "Allow sharing" may come through a group', () => {
    const grants = [grantTo(dataset, dataScience, 1, { canShare: true })];
    expect(effectiveAccess(dataset, at(grants), nora).canShare).toBe(true);
  });

  it('minimumLevel: owners and Write share a governed model, Read never', () => {
    const grants = seedGrants(governedModel);
    expect(effectiveAccess(governedModel, at(grants), olivia).canShare).toBe(true);
    expect(effectiveAccess(governedModel, at(grants), eddie).canShare).toBe(true);
    expect(effectiveAccess(governedModel, at(grants), connie).canShare).toBe(false);
  });

  it('nobody without access may share', () => {
    expect(mayShare(deployment, 0, [{ canShare: true }])).toBe(false);
  });
});

describe('can use data', () => {
  it('owner implies "Can use data" even when the flag is off', () => {
    const grants = [grantTo(dataset, olivia, 3, { canUseData: false })];
    expect(effectiveAccess(dataset, at(grants), olivia).canUseData).toBe(true);
  });

  it('follows the flag below owner on a dataset', () => {
    const grants = [grantTo(dataset, una, 1, { canUseData: false })];
    expect(effectiveAccess(dataset, at(grants), una).canUseData).toBe(false);
    const withFlag = [grantTo(dataset, una, 1, { canUseData: true })];
    expect(effectiveAccess(dataset, at(withFlag), una).canUseData).toBe(true);
  });

  it('comes with any access on types without the option', () => {
    expect(
      effectiveAccess(deployment, at([grantTo(deployment, una, 1, { canUseData: false })]), una).canUseData,
    ).toBe(true);
  });
});

describe('actorStanding', () => {
  it('carries the id, effective level, R7 verdict and whether the actor holds data use (R18)', () => {
    expect(actorStanding(dataset, at(seedGrants(dataset)), nora)).toEqual({
      principalId: nora.id,
      level: 2,
      canShare: false,
      canUseData: true,
    });
    const withoutData = [grantTo(dataset, olivia, 3), grantTo(dataset, nora, 2, { canUseData: false })];
    expect(actorStanding(dataset, at(withoutData), nora).canUseData).toBe(false);
  });
});
