/**
 * Puts the mock backend in a story's state and takes it out again, through the backend's control panel (in the
 * page, synchronous): faults, latency, the demo clock, the asset the story opens, and who acts. Storybook and the demo app's
 * gallery both run the mock backend in the page, so a story's loader can set it directly.
 */
import type { FaultSpec } from '../../api/demo-contract.ts';
import { mockBackend } from '../../mock-backend/control.ts';
import { scaleAssetId } from '../../mock-backend/scale.ts';
import { type DemoAssetKey, demoAssetId, demoAssetKeys } from '../../mock-backend/seed.ts';
import type { AssetTypeConfig } from '../../sharing/types.ts';

/** Which asset a story opens. */
export type StoryAsset =
  /** The asset type's demo asset from the seed (e.g. "Customer transactions 2024" for datasets). */
  | 'demo'
  /** An asset of the type whose access list holds its owner alone, made for the story and removed after it. */
  | 'ownerOnly'
  /**
   * An asset of the type shared for a while, made for the story and removed after it: Eddie's read-write ends in
   * two days, Connie's read-only in twenty, Rita's read-only ended yesterday.
   */
  | 'expiring'
  /** The scale seed's dataset with 10,000 grants. */
  | 'scale10000'
  /** Several demo assets of mixed types in one dialog (SPEC §11): a dataset, a Use Case and a deployment. */
  | 'mixedSelection';

/** The backend's state while a story is shown. */
export interface StoryStage {
  /** The username of the persona who acts. */
  actAs: string;
  /** The asset the dialog opens; the demo asset when omitted. */
  asset?: StoryAsset;
  /** Faults the backend injects while the story is shown, built for the asset type's REST collection. */
  faults?: (assetType: AssetTypeConfig) => FaultSpec[];
  /** Latency the backend adds to every request while the story is shown. */
  latencyMs?: number;
  /** Days the demo clock moves on while the story is shown (SPEC §9); real time again after it. */
  clockDays?: number;
  /**
   * Connie Cole's request for read-write on the demo asset while the story is shown (SPEC §12): none, pending, or
   * declined with a message; the requests as they were after it.
   */
  accessRequest?: 'none' | 'pending' | 'declined';
}

/** What a story's loader answers: the asset the dialog opens, and the token of who acts. */
export interface PreparedStage {
  assetId: string;
  assetName: string;
  /** The bearer token of the persona who acts. */
  token: string;
  /** For a stage of several assets at once: each of them. */
  assets?: { assetType: string; assetId: string }[];
}

/** The demo assets a stage of several assets at once selects. */
const mixedSelection: readonly DemoAssetKey[] = ['dataset', 'useCase', 'deployment'];

/** The stage the backend is in now, if any: there is one backend, so at most one story's stage at a time. */
let active: {
  prepared: PreparedStage;
  stage: StoryStage;
  requestsBefore?: ReturnType<typeof mockBackend.accessRequestOn>;
} | null = null;

function isDemoAssetKey(key: string): key is DemoAssetKey {
  return (demoAssetKeys as readonly string[]).includes(key);
}

/** Whether a stage needs the scale seed, which the backend loads when it starts. */
export function needsScaleSeed(stage: StoryStage): boolean {
  return stage.asset === 'scale10000';
}

function assetIdFor(assetType: AssetTypeConfig, stage: StoryStage): string {
  if (stage.asset === 'scale10000') {
    // Storybook's backend lives in memory and takes the seed on first use; the gallery, whose demo data persists,
    // reloads the page with the scale seed instead of reaching here without it.
    if (!mockBackend.scale) mockBackend.reset({ scale: true });
    return scaleAssetId(10_000);
  }
  if (stage.asset === 'ownerOnly') return mockBackend.ownerOnlyAsset(assetType.id).id;
  if (stage.asset === 'expiring') return mockBackend.expiringAsset(assetType.id).id;
  if (!isDemoAssetKey(assetType.id))
    throw new Error(`The demo seed has no ${assetType.label.toLowerCase()}.`);
  return demoAssetId(assetType.id);
}

/**
 * Takes the backend out of the active stage: no faults, no latency, real time, no asset made for a story. Given a
 * stage, only when that one is still the active one (a story's late cleanup must not undo the next story's stage).
 */
export function releaseStage(prepared?: PreparedStage): void {
  if (prepared && active?.prepared !== prepared) return;
  mockBackend.clearFaults();
  mockBackend.setLatency(0);
  if (active?.stage.clockDays) mockBackend.moveClock({ realTime: true });
  if (active?.requestsBefore) mockBackend.restoreAccessRequests(active.requestsBefore);
  const made = active?.stage.asset === 'ownerOnly' || active?.stage.asset === 'expiring';
  if (active && made) mockBackend.removeAsset(active.prepared.assetId);
  active = null;
}

/** Puts the backend in a stage for an asset type (leaving the previous one first) and answers what it opens. */
export function prepareStage(assetType: AssetTypeConfig, stage: StoryStage): PreparedStage {
  releaseStage();
  const persona = mockBackend.personas().find((candidate) => candidate.username === stage.actAs);
  if (!persona) throw new Error(`The demo has no persona ${stage.actAs}.`);
  const assetId = assetIdFor(assetType, stage);
  const asset = mockBackend.db.assets.get(assetId);
  if (!asset) throw new Error(`The demo data has no ${assetType.label.toLowerCase()} for this story.`);
  const assets =
    stage.asset === 'mixedSelection'
      ? mixedSelection.map((key) => ({ assetType: key, assetId: demoAssetId(key) }))
      : undefined;
  const prepared: PreparedStage = assets
    ? { assetId, assetName: `${assets.length} assets`, token: persona.token, assets }
    : { assetId, assetName: asset.name, token: persona.token };
  active = { prepared, stage };
  mockBackend.setLatency(stage.latencyMs ?? 0);
  if (stage.clockDays) mockBackend.moveClock({ advanceDays: stage.clockDays });
  for (const fault of stage.faults?.(assetType) ?? []) mockBackend.injectFault(fault);
  if (stage.accessRequest) {
    if (!isDemoAssetKey(assetType.id))
      throw new Error(`The demo seed has no ${assetType.label.toLowerCase()} to ask for access to.`);
    active.requestsBefore = mockBackend.accessRequestOn(assetType.id, stage.accessRequest);
  }
  return prepared;
}
