import type { AppliedChange } from './policy.ts';
import type { ChangeRequest, Grant } from './types.ts';

/** A change that gives its principal a role they did not hold. */
export type RoleGiven = AppliedChange & { after: Grant };

/**
 * Whom a saved request notifies: each principal given a role they did not hold (a new grant or a new role; not
 * a flag, not a removal), unless the request asked for no notification (`sendNotification` is on by default).
 */
export function changesToNotify(request: ChangeRequest, changes: readonly AppliedChange[]): RoleGiven[] {
  if (request.sendNotification === false) return [];
  return changes.filter(
    (change): change is RoleGiven => change.after !== undefined && change.after.role !== change.before?.role,
  );
}
