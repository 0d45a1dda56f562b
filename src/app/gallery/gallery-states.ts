/**
 * The gallery's catalogue: every state the Share dialog can be in, as data. A state says who acts, which asset
 * the dialog opens, and which faults the mock backend injects while the page is shown; the gallery page applies
 * it through the backend's own control endpoints. Nothing here decides a sharing rule: the dialog and the
 * backend show whatever the rules in `sharing/` make of the state.
 */
import type { FaultSpec } from '../../api/demo-contract.ts';
import type { AssetTypeConfig } from '../../sharing/types.ts';

/** Which asset a gallery state opens. */
export type GalleryAssetChoice =
  /** The asset type's demo asset from the seed (e.g. "Customer transactions 2024" for datasets). */
  | 'demo'
  /** An asset of the type whose access list holds its owner alone. */
  | 'ownerOnly'
  /** An asset of the type shared for a while: Eddie's access ends in 2 days, Connie's in 20, Rita's ended. */
  | 'expiring'
  /** The scale seed's dataset with 10,000 grants. */
  | 'scale10000';

/** One state of the dialog, demonstrated for one or more asset types. */
export interface GalleryState {
  /** URL segment: `/gallery/<assetType>/<id>`. */
  id: string;
  title: string;
  /** The one line each gallery page opens with: what it shows. */
  summary: string;
  /** Which group of the index it belongs to. */
  group: 'state' | 'disabled';
  /** The username of the persona who acts. */
  actAs: string;
  asset: GalleryAssetChoice;
  /** Faults the backend injects while the page is shown, built for the asset type's REST collection. */
  faults: (assetType: AssetTypeConfig) => FaultSpec[];
  /** Latency the backend adds to every request while the page is shown. */
  latencyMs?: number;
  /** Days the demo clock moves on while the page is shown (SPEC §9). */
  clockDays?: number;
  /** What to do on the page to see the state, when opening the dialog is not enough. */
  steps?: (assetType: AssetTypeConfig) => string[];
  /** The asset types the state exists for; every type when omitted. */
  appliesTo?: (assetType: AssetTypeConfig) => boolean;
  /** Where the state is shown for another asset type only, why (said on the index). */
  onlyFor?: string;
}

/** Long enough that the loading state stays on screen for as long as anyone looks (the backend's maximum). */
const FOREVER_MS = 120_000;
const SLOW_NETWORK_MS = 3_000;

const none = (): FaultSpec[] => [];

const olivia = 'olivia@acme.test';

/** Every gallery state, in the order the index lists them. */
export const galleryStates: readonly GalleryState[] = [
  {
    id: 'default',
    title: 'Default',
    summary: 'The dialog as the owner sees it: every control enabled, the seeded access list.',
    group: 'state',
    actAs: olivia,
    asset: 'demo',
    faults: none,
  },
  {
    id: 'loading',
    title: 'Loading',
    summary:
      'The access list and the asset take two minutes to answer: the dialog shows its loading skeleton.',
    group: 'state',
    actAs: olivia,
    asset: 'demo',
    faults: (assetType) => [
      { path: `/${assetType.collection}/*`, method: 'GET', delayMs: FOREVER_MS },
      { path: '/sharedRoles', method: 'GET', delayMs: FOREVER_MS },
    ],
  },
  {
    id: 'empty',
    title: 'Empty',
    summary: 'An asset shared with nobody yet: its owner is alone on the access list.',
    group: 'state',
    actAs: olivia,
    asset: 'ownerOnly',
    faults: none,
  },
  {
    id: 'error',
    title: 'Error',
    summary:
      'Loading the access list fails with a server error (500) every time: the dialog says so and offers a retry.',
    group: 'state',
    actAs: olivia,
    asset: 'demo',
    faults: () => [{ path: '/sharedRoles', method: 'GET', status: 500 }],
  },
  {
    id: 'read-only',
    title: 'Read-only viewer',
    summary:
      'Acting as Connie Cole, who holds the read-only role: she sees who has access and changes nothing above her.',
    group: 'state',
    actAs: 'connie@acme.test',
    asset: 'demo',
    faults: none,
  },
  {
    id: 'ten-thousand-grants',
    title: '10,000 grants',
    summary: 'A dataset shared with 10,000 people: the list is virtualized and pages load as it scrolls.',
    group: 'state',
    actAs: olivia,
    asset: 'scale10000',
    faults: none,
    appliesTo: (assetType) => assetType.id === 'dataset',
    onlyFor: 'The scale seed holds datasets only; the list behaves the same for every asset type.',
  },
  {
    id: 'slow-network',
    title: 'Slow network',
    summary: 'Every request takes 3 seconds: loading, search, preview and save each show their progress.',
    group: 'state',
    actAs: olivia,
    asset: 'demo',
    faults: none,
    latencyMs: SLOW_NETWORK_MS,
  },
  {
    id: 'conflict',
    title: 'Conflict',
    summary:
      'Saving meets a change someone else made meanwhile (412): the dialog says so, reloads and keeps your changes.',
    group: 'state',
    actAs: olivia,
    asset: 'demo',
    faults: () => [{ path: '/sharedRoles', method: 'PATCH', status: 412, times: 1 }],
    steps: () => [
      'Change a role in the list, or add someone under “Share with”.',
      'Press Save (or Share): the backend answers 412 once (an injected fault), as if someone had just saved a change.',
      'The dialog reloads the list and keeps the changes that still apply; saving again succeeds.',
    ],
  },
  {
    id: 'expiring-soon',
    title: 'Access that ends soon',
    summary:
      'Eddie Evans’s access ends in two days and is marked “Ending soon”; Connie Cole’s ends in twenty. Each row says when, and “Expiry for …” moves or clears it.',
    group: 'state',
    actAs: olivia,
    asset: 'expiring',
    faults: none,
    steps: () => [
      'Read the end under Eddie Evans and Connie Cole; change it with “Expiry for …”.',
      'Add someone under “Share with” and choose “Access expires”: 7, 30 or 90 days, or a last day.',
    ],
  },
  {
    id: 'expired',
    title: 'Access that has ended',
    summary:
      'Acting as Rita Reyes, whose access ended yesterday: nobody revoked it, and yet for her the asset no longer exists.',
    group: 'state',
    actAs: 'rita@acme.test',
    asset: 'expiring',
    faults: none,
  },
  {
    id: 'clock-moved',
    title: 'Demo clock moved forward',
    summary:
      'The backend’s clock is three days ahead: Eddie Evans’s access has ended and is gone from the list; Connie Cole’s ends in seventeen days.',
    group: 'state',
    actAs: olivia,
    asset: 'expiring',
    faults: none,
    clockDays: 3,
    steps: () => ['Choose “Access expires: 7 days” for someone new: the days count from the moved clock.'],
  },
  {
    id: 'roles-above-own-level',
    title: 'Roles above your own',
    summary: 'Acting as Connie Cole (read-only): every role above hers is disabled, and each says why (R5).',
    group: 'disabled',
    actAs: 'connie@acme.test',
    asset: 'demo',
    faults: none,
    steps: () => [
      'Open the Role picker, or any role in the list: the roles above Connie’s are disabled with the reason.',
    ],
  },
  {
    id: 'sharing-not-allowed',
    title: 'Sharing not allowed',
    summary:
      'Acting as Nora Nash, an editor without “Allow sharing”: she may not share at all, and the dialog says why (R7).',
    group: 'disabled',
    actAs: 'nora@acme.test',
    asset: 'demo',
    faults: none,
    appliesTo: (assetType) => assetType.whoMayShare.kind === 'canShareFlag',
    onlyFor: 'Only datasets and data connections share through “Allow sharing”.',
  },
  {
    id: 'last-owner',
    title: 'Last owner',
    summary:
      'Olivia Owens is the only owner: she cannot remove herself or lower her role, and the dialog says why (R9).',
    group: 'disabled',
    actAs: olivia,
    asset: 'demo',
    faults: none,
    steps: () => [
      'Look at Olivia Owens in “Shared with”: her role and “Remove access” are disabled, with the reason.',
    ],
  },
  {
    id: 'rbac-ceiling',
    title: 'RBAC ceiling',
    summary:
      'Rita Reyes may hold read-only at most: roles above her ceiling are refused, with a suggestion (R8).',
    group: 'disabled',
    actAs: olivia,
    asset: 'demo',
    faults: none,
    steps: (assetType) => [
      'Type “Rita” in “Share with” and choose Rita Reyes.',
      `Keep the role at ${assetType.roles.find((role) => role.name === assetType.defaultRole)?.label ?? 'its default'}: the dialog marks Rita’s entry and suggests a more restrictive role.`,
    ],
  },
  {
    id: 'inactive-recipient',
    title: 'Inactive account',
    summary: 'Ivan Ingram’s account is inactive: search shows him disabled, with the reason (R1).',
    group: 'disabled',
    actAs: olivia,
    asset: 'demo',
    faults: none,
    steps: () => ['Type “Ivan” in “Share with”: Ivan Ingram is listed, disabled, with the reason.'],
  },
  {
    id: 'outside-organization',
    title: 'Outside the organization',
    summary:
      'Gus Garcia works at Globex, not Acme Analytics: he cannot be shared with, and the dialog says why (R2).',
    group: 'disabled',
    actAs: olivia,
    asset: 'demo',
    faults: none,
    steps: () => [
      'Type or paste gus@globex.test in “Share with”: Gus is shown, not selectable, with the reason.',
    ],
  },
];

/** The state with this id, if any. */
export function findGalleryState(id: string): GalleryState | undefined {
  return galleryStates.find((state) => state.id === id);
}

/** Whether a state is demonstrated for an asset type. */
export function stateAppliesTo(state: GalleryState, assetType: AssetTypeConfig): boolean {
  return state.appliesTo ? state.appliesTo(assetType) : true;
}

/** The gallery URL of a state for an asset type. */
export function galleryPath(assetType: AssetTypeConfig, state: GalleryState): string {
  return `/gallery/${assetType.id}/${state.id}`;
}

/** Whether a page of the app shows a state that needs the scale seed, so the backend starts with it. */
export function pathNeedsScaleSeed(pathname: string): boolean {
  const [, gallery, assetTypeId, stateId] = pathname.split('/');
  if (gallery !== 'gallery' || !assetTypeId || !stateId) return false;
  return findGalleryState(stateId)?.asset === 'scale10000';
}
