/**
 * Test fixtures for the sharing history: change sets between two lists as a write records them, and access
 * lists as fast-check makes them. Only tests import this file.
 */
import fc from 'fast-check';
import { type ChangedPrincipal, type ChangeSet, changeSetOf, diffGrants, grantStateOf } from './history.ts';
import { nextGrant } from './policy.ts';
import { containers, olivia, users } from './test-fixtures.ts';
import type { AssetTypeConfig, Grant, Principal } from './types.ts';

const everyone = new Map([...users, ...containers].map((principal) => [principal.id, principal]));

/** A fixture principal as the history names it. */
export function changedPrincipalOf(principal: Principal): ChangedPrincipal {
  return { id: principal.id, type: principal.type, name: principal.name, displayName: principal.displayName };
}

/** The change set Olivia's write from one list to the other records; null when the lists are the same. */
export function changeSetBetween(
  id: string,
  before: readonly Grant[],
  after: readonly Grant[],
  at = '2025-06-01T09:00:00.000Z',
): ChangeSet | null {
  return changeSetOf(
    { id, at, actor: { id: olivia.id, fullName: olivia.displayName }, note: null, cause: 'share' },
    diffGrants(before, after),
    (difference) => changedPrincipalOf(everyone.get(difference.principalId) as Principal),
  );
}

/** A list's content whatever its order: who holds what. */
export function contentOf(grants: readonly Grant[]) {
  return grants
    .map((grant) => [grant.principalId, grant.principalType, grantStateOf(grant)] as const)
    .sort(([a], [b]) => a.localeCompare(b));
}

const people = [...users, ...containers].filter((principal) => principal.orgId === olivia.orgId);
const endDates = ['2025-08-01T00:00:00.000Z', '2025-12-24T00:00:00.000Z'];

/** A grant a principal could hold on an asset type: a role of the type, flags as the type keeps them. */
function grantArbitrary(config: AssetTypeConfig, principal: Principal, expiring: boolean) {
  return fc
    .record({
      role: fc.constantFrom(...config.roles),
      canShare: fc.boolean(),
      canUseData: fc.boolean(),
      expires: expiring
        ? fc.option(fc.constantFrom(...endDates), { nil: undefined })
        : fc.constant(undefined),
    })
    .map(({ role, canShare, canUseData, expires }) => {
      const grant: Grant = nextGrant(config, principal, undefined, role, {
        canShare,
        canUseData,
      });
      if (expires && role.level < 3) grant.expiresAt = expires;
      return grant;
    });
}

/** An access list of an asset type: some of the people, each at most once; with end dates when `expiring`. */
export function listArbitrary(config: AssetTypeConfig, expiring = false): fc.Arbitrary<Grant[]> {
  const eligible = people.filter((principal) => config.recipientTypes.includes(principal.type));
  return fc
    .subarray(eligible)
    .chain((chosen) => fc.tuple(...chosen.map((principal) => grantArbitrary(config, principal, expiring))));
}
