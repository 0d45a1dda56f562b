import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { actorStanding, ceilingOf, effectiveAccess, grantLevel } from './access.ts';
import { assetTypes } from './asset-types.ts';
import { grantCapabilities, hasUserOwner } from './capabilities.ts';
import { applyChanges, validateChanges } from './policy.ts';
import {
  at,
  connie,
  containers,
  contextFor,
  directory,
  eddie,
  nora,
  olivia,
  rita,
  seedGrants,
  una,
  users,
  wendy,
} from './test-fixtures.ts';
import type { AssetTypeConfig, ChangeRequest, Grant, GrantChange, Principal } from './types.ts';

const recipients: readonly Principal[] = [...users, ...containers];
const actors = [olivia, eddie, connie, nora, rita, una, wendy];
/** Mostly the owner and the editor who can share, so that many requests are accepted and state builds up. */
const likelyActors = [olivia, eddie];

/** Mostly what the asset type takes, sometimes anything: enough valid requests to build up state, and noise. */
function mostly<T>(likely: readonly T[], anything: readonly T[]): fc.Arbitrary<T> {
  return fc.oneof(
    { weight: 5, arbitrary: fc.constantFrom(...likely) },
    { weight: 1, arbitrary: fc.constantFrom(...anything) },
  );
}

function flagFor(supported: boolean): fc.Arbitrary<boolean | undefined> {
  const value = fc.option(fc.boolean(), { nil: undefined });
  return supported
    ? value
    : fc.oneof({ weight: 9, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: value });
}

function changeArbitrary(assetType: AssetTypeConfig): fc.Arbitrary<GrantChange> {
  const allowed = recipients.filter(
    (recipient) =>
      assetType.recipientTypes.includes(recipient.type) &&
      recipient.active &&
      recipient.orgId === olivia.orgId,
  );
  const roles = [...assetType.roles.flatMap((role) => [role.name, role.name.toLowerCase()]), null];
  return fc
    .record({
      recipient: mostly(allowed, recipients),
      byId: fc.boolean(),
      role: mostly<string | null>(roles, ['ADMIN', 'NO_ROLE', 'EDITOR', 'WRITE']),
      canShare: flagFor(assetType.options.allowSharing),
      canUseData: flagFor(assetType.options.canUseData),
    })
    .map(({ recipient, byId, role, canShare, canUseData }) => {
      const ref = byId
        ? { type: recipient.type, id: recipient.id }
        : { type: recipient.type, name: recipient.name };
      const change: GrantChange = { recipient: ref, role };
      if (canShare !== undefined) change.canShare = canShare;
      if (canUseData !== undefined) change.canUseData = canUseData;
      return change;
    });
}

function stepsArbitrary(assetType: AssetTypeConfig) {
  const step = fc.record({
    actor: mostly(likelyActors, actors),
    changes: fc.array(changeArbitrary(assetType), { minLength: 1, maxLength: 2 }),
  });
  return fc.array(step, { minLength: 1, maxLength: 15 });
}

const scenarioArbitrary = fc
  .constantFrom(...assetTypes.all())
  .chain((assetType) => fc.record({ assetType: fc.constant(assetType), steps: stepsArbitrary(assetType) }));

interface Accepted {
  assetType: AssetTypeConfig;
  actor: Principal;
  before: readonly Grant[];
  after: readonly Grant[];
  request: ChangeRequest;
}

/** Runs the steps, applying only what the policy accepts, and hands every accepted step to `check`. */
function replay(
  assetType: AssetTypeConfig,
  steps: { actor: Principal; changes: GrantChange[] }[],
  check: (step: Accepted) => void,
) {
  let grants: readonly Grant[] = seedGrants(assetType);
  let accepted = 0;
  for (const { actor, changes } of steps) {
    const request: ChangeRequest = { changes };
    const context = contextFor(assetType, actor, grants);
    const result = applyChanges(context, request);
    expect(result.ok).toBe(validateChanges(context, request).length === 0);
    if (!result.ok) continue;
    accepted += 1;
    check({ assetType, actor, before: grants, after: result.grants, request });
    grants = result.grants;
  }
  return accepted;
}

function changedGrants(before: readonly Grant[], after: readonly Grant[]): Grant[] {
  const previous = new Map(before.map((grant) => [grant.principalId, grant]));
  return after.filter((grant) => {
    const old = previous.get(grant.principalId);
    return !old || old.role !== grant.role;
  });
}

describe('policy properties over random sequences of requests', () => {
  it('R9: an asset is never left without an owner who is a user', () => {
    let accepted = 0;
    fc.assert(
      fc.property(scenarioArbitrary, ({ assetType, steps }) => {
        accepted += replay(assetType, steps, ({ after }) => {
          expect(hasUserOwner(assetType, after)).toBe(true);
        });
      }),
    );
    // Guards against a generator that gets (almost) everything refused, which would make these properties vacuous.
    expect(accepted).toBeGreaterThan(150);
  });

  it('R10: a dataset or data connection is never left without a user who can share', () => {
    const sharedByFlag = assetTypes.all().filter((config) => config.invariants.lastSharer);
    fc.assert(
      fc.property(
        fc
          .constantFrom(...sharedByFlag)
          .chain((assetType) => fc.tuple(fc.constant(assetType), stepsArbitrary(assetType))),
        ([assetType, steps]) => {
          replay(assetType, steps, ({ after }) => {
            expect(after.some((grant) => grant.principalType === 'user' && grant.canShare)).toBe(true);
          });
        },
      ),
    );
  });

  it('R5: a non-owner never creates or raises a grant above their own level', () => {
    fc.assert(
      fc.property(scenarioArbitrary, ({ assetType, steps }) => {
        replay(assetType, steps, ({ actor, before, after }) => {
          const ownLevel = actorStanding(assetType, at(before), actor).level;
          if (ownLevel === 3) return;
          for (const grant of changedGrants(before, after)) {
            expect(grantLevel(assetType, grant)).toBeLessThanOrEqual(ownLevel);
          }
        });
      }),
    );
  });

  it('R8: no accepted request gives a role above the recipient’s ceiling, and nobody’s effective level exceeds it', () => {
    fc.assert(
      fc.property(scenarioArbitrary, ({ assetType, steps }) => {
        replay(assetType, steps, ({ before, after }) => {
          for (const grant of changedGrants(before, after)) {
            const holder = directory.byId(grant.principalId);
            if (holder?.type === 'user')
              expect(grantLevel(assetType, grant)).toBeLessThanOrEqual(ceilingOf(holder));
          }
          for (const user of users) {
            expect(effectiveAccess(assetType, at(after), user).level).toBeLessThanOrEqual(ceilingOf(user));
          }
        });
      }),
    );
  });

  it('R7: an actor who may not share changes nothing but their own removal', () => {
    fc.assert(
      fc.property(scenarioArbitrary, ({ assetType, steps }) => {
        replay(assetType, steps, ({ actor, before, after }) => {
          if (actorStanding(assetType, at(before), actor).canShare) return;
          const others = (grants: readonly Grant[]) =>
            grants.filter((grant) => grant.principalId !== actor.id);
          expect(others(after)).toEqual(others(before));
          expect(after.filter((grant) => grant.principalId === actor.id).length).toBeLessThanOrEqual(
            before.filter((grant) => grant.principalId === actor.id).length,
          );
        });
      }),
    );
  });

  it('the dialog never offers a role change the backend refuses for a rule the dialog knows', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...assetTypes.all()),
        fc.constantFrom(...actors),
        fc.constantFrom(olivia, eddie, connie, nora),
        fc.nat(2),
        (assetType, actor, target, roleIndex) => {
          const grants = seedGrants(assetType);
          const grant = grants.find((candidate) => candidate.principalId === target.id);
          const role = assetType.roles[roleIndex];
          if (!grant || !role) return;
          const standing = actorStanding(assetType, at(grants), actor);
          const offered = grantCapabilities(assetType, standing, grant, grants).roles[roleIndex]?.permission;
          const request = { changes: [{ recipient: { type: target.type, id: target.id }, role: role.name }] };
          const refusedCodes = validateChanges(contextFor(assetType, actor, grants), request).map(
            (found) => found.code,
          );
          if (offered && !offered.allowed) expect(refusedCodes).toContain(offered.code);
          const dialogRules = [
            'SHARING_NOT_ALLOWED',
            'TARGET_ABOVE_OWN_LEVEL',
            'ROLE_ABOVE_OWN_LEVEL',
            'LAST_OWNER',
          ];
          if (offered?.allowed) expect(refusedCodes.filter((code) => dialogRules.includes(code))).toEqual([]);
        },
      ),
    );
  });
});
