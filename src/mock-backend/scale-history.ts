/**
 * The scale datasets' history: one change set per grant, each adding it, oldest first, so that the dataset with
 * 10,000 grants has 10,000 change sets. Regenerated with the scale data, never persisted.
 */
import { grantStateOf } from '../sharing/history.ts';
import type { Grant } from '../sharing/types.ts';
import type { MockDatabase, StoredChangeSet } from './db.ts';
import { changedPrincipalOf } from './history.ts';
import { personaIds } from './personas.ts';
import { objectIdFor } from './random.ts';

/** Replayed in order, the history ends in `grants`; the change sets are spread evenly from `from` to `until`. */
export function scaleHistoryOf(
  db: MockDatabase,
  assetId: string,
  grants: readonly Grant[],
  from: string,
  until: string,
): StoredChangeSet[] {
  const start = Date.parse(from);
  const step = (Date.parse(until) - start) / Math.max(1, grants.length);
  const olivia = db.user(personaIds.olivia);
  const eddie = db.user(personaIds.eddie);
  return grants.flatMap((grant, position): StoredChangeSet[] => {
    const principal = db.directory.byId(grant.principalId);
    if (!principal) return [];
    // Once Eddie (the second grant) may share, he adds every third of the editor and consumer grants.
    const actor = position > 1 && position % 3 === 0 && grant.role !== 'OWNER' ? eddie : olivia;
    return [
      {
        assetId,
        id: objectIdFor(`history:${assetId}:${position}`),
        at: new Date(start + Math.round(step * position)).toISOString(),
        actor: actor ? { id: actor.id, fullName: actor.displayName } : null,
        note: position === 0 ? 'Imported from the analytics warehouse.' : null,
        cause: 'share',
        changes: [{ principal: changedPrincipalOf(principal), before: null, after: grantStateOf(grant) }],
      },
    ];
  });
}
