/**
 * The grants the whole-list guards (R9, R10) judge, held outside React's context: a change to them re-renders
 * only the rows whose verdict it changes (an owner promotion unlocks the other owners' rows, and no other), where a
 * context value would re-render every row.
 */
import { useCallback, useRef, useSyncExternalStore } from 'react';
import { type GrantCapabilities, grantCapabilities, sameGrantCapabilities } from '../sharing/capabilities.ts';
import type { ActorStanding, AssetTypeConfig, Grant } from '../sharing/types.ts';

/** The guard list (none while the list is not wholly loaded), and who listens to it. */
export interface GuardListSource {
  get(): readonly Grant[] | undefined;
  set(list: readonly Grant[] | undefined): void;
  subscribe(listener: () => void): () => void;
}

/** A source holding `initial`. */
export function createGuardListSource(initial: readonly Grant[] | undefined): GuardListSource {
  let list = initial;
  const listeners = new Set<() => void>();
  return {
    get: () => list,
    set(next) {
      if (next === list) return;
      list = next;
      for (const listener of listeners) listener();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** What the actor may do to a grant as it is, and to it as the draft would leave it. */
export interface GrantVerdict {
  current: GrantCapabilities;
  draft: GrantCapabilities;
}

interface JudgedWith {
  list: readonly Grant[] | undefined;
  assetType: AssetTypeConfig;
  actor: ActorStanding;
  grant: Grant;
  draftGrant: Grant;
  verdict: GrantVerdict;
}

/**
 * A row's verdict, judged against the guard list: the same object for as long as it says the same, so the row
 * re-renders only when one of its controls would change.
 */
export function useGrantVerdict(
  source: GuardListSource,
  assetType: AssetTypeConfig,
  actor: ActorStanding,
  grant: Grant,
  draftGrant: Grant,
): GrantVerdict {
  const judged = useRef<JudgedWith | null>(null);
  const getSnapshot = useCallback(() => {
    const list = source.get();
    const last = judged.current;
    if (
      last !== null &&
      last.list === list &&
      last.assetType === assetType &&
      last.actor === actor &&
      last.grant === grant &&
      last.draftGrant === draftGrant
    ) {
      return last.verdict;
    }
    const current = grantCapabilities(assetType, actor, grant, list);
    const draft = draftGrant === grant ? current : grantCapabilities(assetType, actor, draftGrant, list);
    const same =
      last !== null &&
      sameGrantCapabilities(last.verdict.current, current) &&
      sameGrantCapabilities(last.verdict.draft, draft);
    const verdict = same ? last.verdict : { current, draft };
    judged.current = { list, assetType, actor, grant, draftGrant, verdict };
    return verdict;
  }, [source, assetType, actor, grant, draftGrant]);
  return useSyncExternalStore(source.subscribe, getSnapshot, getSnapshot);
}
