import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  actorStanding,
  type EffectiveAccess,
  effectiveAccess,
  effectiveLevel,
  grantLevel,
  indexGrants,
  indexHoldsAt,
} from './access.ts';
import { assetTypes, roleAtLevel } from './asset-types.ts';
import { hasUserOwner } from './capabilities.ts';
import { DAY_MS } from './expiry.ts';
import { applyChanges } from './policy.ts';
import {
  containers,
  contextFor,
  directory,
  eddie,
  olivia,
  seedGrants,
  TEST_NOW,
  users,
} from './test-fixtures.ts';
import { type AssetTypeConfig, type Grant, type GrantChange, OWNER_LEVEL, type Principal } from './types.ts';

const principals: readonly Principal[] = [...users, ...containers];
const instantNear = (spanDays: number) =>
  fc.integer({ min: -spanDays * DAY_MS, max: spanDays * DAY_MS }).map((offset) => TEST_NOW + offset);
const isoOf = (instant: number) => new Date(instant).toISOString();

/** Any access list of an asset type: each principal at most once, at any level, some grants ending some time. */
function grantsArbitrary(assetType: AssetTypeConfig): fc.Arbitrary<Grant[]> {
  const grant = fc
    .record({
      principal: fc.constantFrom(...principals),
      level: fc.constantFrom(1, 2, 3),
      canShare: fc.boolean(),
      canUseData: fc.boolean(),
      expiresAt: fc.option(instantNear(30).map(isoOf), { nil: undefined }),
    })
    .map(({ principal, level, canShare, canUseData, expiresAt }): Grant => {
      const made: Grant = {
        principalId: principal.id,
        principalType: principal.type,
        role: roleAtLevel(assetType, level)?.name ?? 'OWNER',
        canShare,
        canUseData,
      };
      if (expiresAt !== undefined) made.expiresAt = expiresAt;
      return made;
    });
  return fc.uniqueArray(grant, { selector: (made) => made.principalId, maxLength: principals.length });
}

/** The reference: the grants still in force, by a predicate written out here, stripped of their ends. */
function inForceWithoutEnds(grants: readonly Grant[], now: number): Grant[] {
  return grants
    .filter((grant) => grant.expiresAt === undefined || new Date(grant.expiresAt).getTime() > now)
    .map(({ expiresAt: _end, ...permanent }) => permanent);
}

/** What effective access says, without the grant objects themselves (the reference's have no ends). */
function projection(access: EffectiveAccess) {
  const { paths, ...rest } = access;
  return { ...rest, paths: paths.map((path) => [path.via, path.principal.id, path.level]) };
}

const stateArbitrary = fc.constantFrom(...assetTypes.all()).chain((assetType) =>
  fc.record({
    assetType: fc.constant(assetType),
    grants: grantsArbitrary(assetType),
    now: instantNear(40),
  }),
);

describe('expiry properties', () => {
  it('for any state and any now, effective access equals the access of the unexpired grants alone', () => {
    fc.assert(
      fc.property(stateArbitrary, ({ assetType, grants, now }) => {
        const index = indexGrants(grants, now);
        // The reference is judged at another instant entirely: without ends, time must not matter to it.
        const reference = indexGrants(inForceWithoutEnds(grants, now), 0);
        for (const user of users) {
          expect(projection(effectiveAccess(assetType, index, user, directory))).toEqual(
            projection(effectiveAccess(assetType, reference, user, directory)),
          );
          expect(effectiveLevel(assetType, index, user)).toBe(effectiveLevel(assetType, reference, user));
          expect(actorStanding(assetType, index, user)).toEqual(actorStanding(assetType, reference, user));
        }
      }),
    );
  });

  it('an index stays true for as long as it says, and no longer', () => {
    fc.assert(
      fc.property(
        stateArbitrary,
        fc.integer({ min: 0, max: 60 * DAY_MS }),
        ({ assetType, grants, now }, step) => {
          const index = indexGrants(grants, now);
          const later = now + step;
          const fresh = indexGrants(grants, later);
          if (indexHoldsAt(index, later)) {
            expect(index.grants).toEqual(fresh.grants);
          } else {
            expect(fresh.grants.length).toBeLessThan(index.grants.length);
          }
          for (const user of users) {
            const level = effectiveLevel(assetType, fresh, user);
            if (indexHoldsAt(index, later)) expect(effectiveLevel(assetType, index, user)).toBe(level);
          }
        },
      ),
    );
  });

  it('no sequence of requests, at any instants, leaves an asset without a permanent active user owner', () => {
    const likelyActors = [olivia, olivia, olivia, eddie, ...users];
    let accepted = 0;
    let acceptedWithEnds = 0;
    const scenario = fc.constantFrom(...assetTypes.all()).chain((assetType) => {
      // Mostly recipients the request may name, so that enough requests are accepted for state to build up.
      const allowed = principals.filter(
        (principal) =>
          assetType.recipientTypes.includes(principal.type) &&
          principal.active &&
          principal.orgId === olivia.orgId,
      );
      const change = fc
        .record({
          principal: fc.oneof(
            { weight: 9, arbitrary: fc.constantFrom(...allowed) },
            { weight: 1, arbitrary: fc.constantFrom(...principals) },
          ),
          level: fc.option(fc.constantFrom(1, 2, 2, 3), { nil: null, freq: 6 }),
          canShare: fc.option(fc.boolean(), { nil: undefined }),
          end: fc.oneof(
            { weight: 2, arbitrary: fc.constant(undefined) },
            { weight: 1, arbitrary: fc.constant(null) },
            { weight: 4, arbitrary: fc.integer({ min: -1, max: 370 }) },
          ),
        })
        .map(({ principal, level, canShare, end }) => {
          const made: GrantChange = {
            recipient: { type: principal.type, id: principal.id },
            role: level === null ? null : (roleAtLevel(assetType, level)?.name ?? null),
          };
          if (canShare !== undefined && assetType.options.allowSharing) made.canShare = canShare;
          if (end !== undefined) made.expiresAt = end === null ? null : String(end);
          return made;
        });
      const step = fc.record({
        actor: fc.constantFrom(...likelyActors),
        changes: fc.array(change, { minLength: 1, maxLength: 2 }),
        daysLater: fc.integer({ min: 0, max: 45 }),
      });
      return fc.record({
        assetType: fc.constant(assetType),
        steps: fc.array(step, { minLength: 1, maxLength: 12 }),
      });
    });

    fc.assert(
      fc.property(scenario, ({ assetType, steps }) => {
        let grants: readonly Grant[] = seedGrants(assetType);
        let now = TEST_NOW;
        for (const { actor, changes, daysLater } of steps) {
          now += daysLater * DAY_MS;
          // Ends are drawn as days from the step's instant, so that most are valid and some are not.
          const request = {
            changes: changes.map((change) =>
              typeof change.expiresAt === 'string'
                ? { ...change, expiresAt: isoOf(now + Number(change.expiresAt) * DAY_MS) }
                : change,
            ),
          };
          const result = applyChanges(contextFor(assetType, actor, grants, undefined, now), request);
          if (!result.ok) continue;
          accepted += 1;
          if (request.changes.some((change) => typeof change.expiresAt === 'string')) acceptedWithEnds += 1;
          grants = result.grants;
          const permanentOwners = grants.filter(
            (grant) =>
              grant.principalType === 'user' &&
              grantLevel(assetType, grant) === OWNER_LEVEL &&
              grant.expiresAt === undefined &&
              directory.byId(grant.principalId)?.active === true,
          );
          expect(permanentOwners.length).toBeGreaterThan(0);
          // However far the clock runs, the list keeps its owner.
          expect(hasUserOwner(assetType, indexGrants(grants, now + 10_000 * DAY_MS).grants)).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
    // Guards against a generator whose requests are (almost) all refused, which would make the property vacuous.
    expect(accepted).toBeGreaterThan(150);
    expect(acceptedWithEnds).toBeGreaterThan(50);
  });
});
