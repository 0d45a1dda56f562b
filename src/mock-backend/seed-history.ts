/**
 * A plausible sharing history for each demo asset (SPEC §10): weeks of change sets by several personas that,
 * replayed from an empty list, end in exactly the seeded grants. Grants arrive in batches, some at another role
 * or with other options first; a colleague is added and later removed; and where Eddie may share, Olivia's share
 * of Connie and someone else is later changed again by Eddie for Connie alone, so its undo is partly stale.
 */
import { ceilingOf } from '../sharing/access.ts';
import { roleAtLevel } from '../sharing/asset-types.ts';
import { type ChangeSet, type GrantState, grantStateOf, sameGrantState } from '../sharing/history.ts';
import { nextGrant } from '../sharing/policy.ts';
import type { AssetTypeConfig, Grant, Level, Principal } from '../sharing/types.ts';
import type { MockDatabase, StoredAsset } from './db.ts';
import type { PrincipalDirectory } from './directory.ts';
import { changedPrincipalOf } from './history.ts';
import { personaIds } from './personas.ts';
import { createRandom, objectIdFor, type Random } from './random.ts';

/** The note of the change set whose undo the later change by Eddie makes partly stale. */
export const PARTLY_STALE_NOTE = 'Access for the quarterly review.';

const notes = [
  'Welcome aboard: have a look around.',
  'For the model review on Thursday.',
  'Please check the holdout partition.',
  'Read access for the audit.',
  'Handing over while I am on leave.',
];

/** One step of the history: who does it, why, and the grant each touched principal ends up with. */
interface Step {
  actor: Principal;
  note: string | null;
  targets: { principal: Principal; state: GrantState | null }[];
}

/** What the history generator needs to know about an asset. */
export interface SeedHistoryInput {
  asset: StoredAsset;
  assetType: AssetTypeConfig;
  directory: PrincipalDirectory;
  /** Active colleagues who may be added and removed again along the way. */
  colleagues: readonly Principal[];
  /** When the history ends: every change set lies between the asset's creation and this instant. */
  until: number;
}

function stateAt(
  assetType: AssetTypeConfig,
  principal: Principal,
  level: Level,
  from: GrantState,
): GrantState {
  const role = roleAtLevel(assetType, level);
  if (!role) return from;
  return grantStateOf(nextGrant(assetType, principal, undefined, role, { canUseData: from.canUseData }));
}

function levelOf(assetType: AssetTypeConfig, state: GrantState): Level {
  return assetType.roles.find((role) => role.name === state.role)?.level ?? 1;
}

/** A grant state the principal might have held first: another role within their ceiling, else other options. */
function detourOf(assetType: AssetTypeConfig, principal: Principal, final: GrantState): GrantState | null {
  const level = levelOf(assetType, final);
  if (level === 3 || !principal.active) return null;
  const other: Level = level === 2 ? 1 : 2;
  if (principal.type !== 'user' || other <= ceilingOf(principal))
    return stateAt(assetType, principal, other, final);
  if (assetType.options.canUseData) return { ...final, canUseData: !final.canUseData };
  return null;
}

/** Whether a persona holding a grant state may make a change from one state to another (R5, R6, R7). */
function mayMake(
  assetType: AssetTypeConfig,
  actorState: GrantState | undefined,
  before: GrantState | null,
  after: GrantState | null,
): boolean {
  if (!actorState) return false;
  const own = levelOf(assetType, actorState);
  const model = assetType.whoMayShare;
  const shares =
    model.kind === 'anyCollaborator' ||
    (model.kind === 'canShareFlag' && actorState.canShare) ||
    (model.kind === 'minimumLevel' && own >= model.level);
  const within = (state: GrantState | null) => state === null || levelOf(assetType, state) <= own;
  return shares && within(before) && within(after);
}

function batches<T>(items: readonly T[], random: Random): T[][] {
  const result: T[][] = [];
  for (let index = 0; index < items.length; ) {
    const size = 1 + random.int(3);
    result.push(items.slice(index, index + size));
    index += size;
  }
  return result;
}

function shuffled<T>(items: readonly T[], random: Random): T[] {
  const copy = [...items];
  for (let index = copy.length - 1; index > 0; index--) {
    const other = random.int(index + 1);
    [copy[index], copy[other]] = [copy[other] as T, copy[index] as T];
  }
  return copy;
}

type Entry = { principal: Principal; state: GrantState };

/** A step to take, with its actor, or without one when any persona who may make it will do. */
type PlannedStep = Omit<Step, 'actor'> & { actor?: Principal };

/** The history of one demo asset, oldest first; replayed with `applyChangeSet` it ends in the asset's grants. */
export function seedHistoryOf({
  asset,
  assetType,
  directory,
  colleagues,
  until,
}: SeedHistoryInput): ChangeSet[] {
  const random = createRandom(Number.parseInt(asset.id.slice(0, 8), 16));
  const finals = new Map<string, Entry>();
  for (const grant of asset.grants) {
    const principal = directory.byId(grant.principalId);
    if (principal) finals.set(principal.id, { principal, state: grantStateOf(grant) });
  }
  const [first] = asset.grants as [Grant];
  const owner = finals.get(first.principalId) as Entry;
  const eddie = finals.get(personaIds.eddie);
  const connie = finals.get(personaIds.connie);
  const final = (entry: Entry) => ({ principal: entry.principal, state: entry.state });
  const planned: PlannedStep[] = [{ actor: owner.principal, note: null, targets: [final(owner)] }];

  const eddieDetour =
    eddie && levelOf(assetType, eddie.state) === 2 ? detourOf(assetType, eddie.principal, eddie.state) : null;
  if (eddie) {
    planned.push({
      actor: owner.principal,
      note: null,
      targets: [{ principal: eddie.principal, state: eddieDetour ?? eddie.state }],
    });
  }

  const others = shuffled(
    [...finals.values()].filter((entry) => entry !== owner && entry !== eddie && entry !== connie),
    random,
  );
  // Olivia shares Connie and one other grant in one save; Eddie later changes Connie's grant alone.
  const eddieShares = eddie !== undefined && mayMake(assetType, eddie.state, null, null);
  const partner =
    connie && eddieShares ? others.find((entry) => levelOf(assetType, entry.state) <= 2) : undefined;
  const connieDetour = connie && partner ? detourOf(assetType, connie.principal, connie.state) : null;
  const pool = others.filter((entry) => entry !== partner);
  const detours = new Map<string, GrantState>();
  for (const entry of pool) {
    const detour = random.chance(0.3) ? detourOf(assetType, entry.principal, entry.state) : null;
    if (detour) detours.set(entry.principal.id, detour);
  }
  const share = (entries: readonly Entry[], settle: boolean) => {
    for (const batch of batches(entries, random)) {
      planned.push({
        note: random.chance(0.35) ? random.pick(notes) : null,
        targets: batch.map((entry) => ({
          principal: entry.principal,
          state: (settle ? undefined : detours.get(entry.principal.id)) ?? entry.state,
        })),
      });
    }
  };

  const half = Math.ceil(pool.length / 2);
  share(pool.slice(0, half), false);
  if (eddie && eddieDetour) {
    planned.push({
      actor: owner.principal,
      note: 'Eddie leads the modelling work now.',
      targets: [final(eddie)],
    });
  }
  // A visitor comes from the owner's organization (R2) and may hold the asset type's recipients.
  const visitor = colleagues.find(
    (colleague) =>
      colleague.orgId === owner.principal.orgId &&
      assetType.recipientTypes.includes(colleague.type) &&
      !finals.has(colleague.id) &&
      random.chance(0.3),
  );
  if (visitor) {
    const state = stateAt(assetType, visitor, 1, {
      role: '',
      canShare: false,
      canUseData: true,
      expiresAt: null,
    });
    planned.push({
      actor: owner.principal,
      note: notes[1] as string,
      targets: [{ principal: visitor, state }],
    });
  }
  if (connie && partner) {
    planned.push({
      actor: owner.principal,
      note: PARTLY_STALE_NOTE,
      targets: [{ principal: connie.principal, state: connieDetour ?? connie.state }, final(partner)],
    });
  } else if (connie) {
    planned.push({ actor: owner.principal, note: null, targets: [final(connie)] });
  }
  share(pool.slice(half), false);
  share(
    pool.filter((entry) => detours.has(entry.principal.id)),
    true,
  );
  if (eddie && connie && partner && connieDetour) {
    planned.push({
      actor: eddie.principal,
      note: 'Read access is enough for the review.',
      targets: [final(connie)],
    });
  }
  if (visitor) {
    planned.push({
      actor: owner.principal,
      note: 'The review is over.',
      targets: [{ principal: visitor, state: null }],
    });
  }

  // Replayed in order, so that a step without an actor is given one who may make it at that point.
  const state = new Map<string, GrantState>();
  const helpers = [eddie, assetType.whoMayShare.kind === 'anyCollaborator' ? connie : undefined];
  const actorFor = (targets: Step['targets']): Principal => {
    for (const helper of helpers) {
      if (!helper || !random.chance(0.4)) continue;
      const held = state.get(helper.principal.id);
      const allowed = targets.every(
        (target) =>
          target.principal.id !== helper.principal.id &&
          mayMake(assetType, held, state.get(target.principal.id) ?? null, target.state),
      );
      if (allowed) return helper.principal;
    }
    return owner.principal;
  };
  const steps = planned.map((step): Step => {
    const actor = step.actor ?? actorFor(step.targets);
    for (const target of step.targets) {
      if (target.state) state.set(target.principal.id, target.state);
      else state.delete(target.principal.id);
    }
    return { ...step, actor };
  });
  return toChangeSets(asset, steps, until, random);
}

/** The same day, between 08:00 and 17:59 UTC, to the minute: people share at work. */
function duringWorkingHours(at: number, random: Random): Date {
  const date = new Date(at);
  date.setUTCHours(8 + random.int(10), random.int(60), 0, 0);
  return date;
}

function toChangeSets(
  asset: StoredAsset,
  steps: readonly Step[],
  until: number,
  random: Random,
): ChangeSet[] {
  const start = Date.parse(asset.createdAt);
  const span = Math.max(until - start - 86_400_000, steps.length * 3_600_000);
  const slot = span / steps.length;
  const current = new Map<string, GrantState>();
  let previous = 0;
  return steps.flatMap((step, index): ChangeSet[] => {
    const planned =
      index === 0 ? start : start + slot * index + random.int(Math.max(1, Math.floor(slot / 2)));
    // Newest first must mean later: a change set never lands before the one it follows.
    const at = Math.max(duringWorkingHours(planned, random).getTime(), previous + 17 * 60_000);
    previous = at;
    const changes = step.targets.flatMap(({ principal, state }) => {
      const before = current.get(principal.id) ?? null;
      if (sameGrantState(before, state)) return [];
      if (state) current.set(principal.id, state);
      else current.delete(principal.id);
      return [{ principal: changedPrincipalOf(principal), before, after: state }];
    });
    if (changes.length === 0) return [];
    return [
      {
        id: objectIdFor(`history:${asset.id}:${index}`),
        at: new Date(at).toISOString(),
        actor: { id: step.actor.id, fullName: step.actor.displayName },
        note: step.note,
        cause: 'share',
        changes,
      },
    ];
  });
}

/** Gives every asset of a freshly seeded database its history. */
export function addSeedHistory(db: MockDatabase, colleagues: readonly Principal[], until: number): void {
  const active = colleagues.filter((colleague) => colleague.active);
  for (const asset of db.assets.values()) {
    const history = seedHistoryOf({
      asset,
      assetType: db.assetTypeOf(asset),
      directory: db.directory,
      colleagues: active,
      until,
    });
    for (const changeSet of history) db.changeSets.push({ ...changeSet, assetId: asset.id });
  }
}
