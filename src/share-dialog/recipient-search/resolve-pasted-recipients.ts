import type { PrincipalItem } from '../../api/contract.ts';
import { mapWithConcurrency } from '../map-with-concurrency.ts';
import { type UnavailableReason, unavailableReason } from './recipient-availability.ts';
import { isEmailAddress } from './recipient-list.ts';

/** Why a pasted entry was not added. */
export type PasteFailureReason =
  | 'invalidEmail'
  | 'notFound'
  | 'outsideOrganization'
  | 'lookupFailed'
  | UnavailableReason;

/** A pasted entry that was not added, and why. */
export interface PasteFailure {
  entry: string;
  reason: PasteFailureReason;
}

/** What a pasted list came to: the recipients to add (in the order pasted) and the entries that failed. */
export interface PasteResolution {
  found: PrincipalItem[];
  failures: PasteFailure[];
}

/** Finds the user with exactly this username; `undefined` when there is none. Rejects when the lookup fails. */
export type UsernameLookup = (username: string) => Promise<PrincipalItem | undefined>;

/** How many lookups of a pasted list run at once. */
export const PASTE_LOOKUP_CONCURRENCY = 6;

type Outcome = { found: PrincipalItem } | { failure: PasteFailure };

/** Whether an address the lookup did not find lies outside the actor's organization. */
export type OutsideOrganizationTest = (address: string) => boolean;

async function resolveEntry(
  entry: string,
  lookup: UsernameLookup,
  isOutsideOrganization: OutsideOrganizationTest,
): Promise<Outcome> {
  if (!isEmailAddress(entry)) return { failure: { entry, reason: 'invalidEmail' } };
  let match: PrincipalItem | undefined;
  try {
    match = await lookup(entry);
  } catch {
    return { failure: { entry, reason: 'lookupFailed' } };
  }
  if (!match) {
    return { failure: { entry, reason: isOutsideOrganization(entry) ? 'outsideOrganization' : 'notFound' } };
  }
  const reason = unavailableReason(match);
  return reason ? { failure: { entry, reason } } : { found: match };
}

/**
 * Looks up each pasted entry by exact username, a few at a time, and sorts them into found and failed; an address
 * not found is "outside your organization" when `isOutsideOrganization` says so, else "not found".
 */
export async function resolvePastedRecipients(
  entries: readonly string[],
  lookup: UsernameLookup,
  isOutsideOrganization: OutsideOrganizationTest = () => false,
  concurrency = PASTE_LOOKUP_CONCURRENCY,
): Promise<PasteResolution> {
  const outcomes = await mapWithConcurrency(entries, concurrency, (entry) =>
    resolveEntry(entry, lookup, isOutsideOrganization),
  );
  const found: PrincipalItem[] = [];
  const foundIds = new Set<string>();
  const failures: PasteFailure[] = [];
  for (const outcome of outcomes) {
    if ('failure' in outcome) failures.push(outcome.failure);
    else if (!foundIds.has(outcome.found.id)) {
      foundIds.add(outcome.found.id);
      found.push(outcome.found);
    }
  }
  return { found, failures };
}
