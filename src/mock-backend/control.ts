import type { Fault, FaultSpec, Persona } from '../api/demo-contract.ts';
import { declineRequest } from '../sharing/access-requests.ts';
import { assetTypes, roleAtLevel } from '../sharing/asset-types.ts';
import { DAY_MS } from '../sharing/expiry.ts';
import type { Grant } from '../sharing/types.ts';
import { grantorsOf } from './access-requests.ts';
import { backend } from './backend.ts';
import type { MockDatabase, StoredAccessRequest } from './db.ts';
import { type ClockMove, moveDemoClock } from './expiry-settlement.ts';
import { personaList } from './handlers/demo.ts';
import type { PersonaKey } from './personas.ts';
import { personaIds, personaTokens } from './personas.ts';
import { objectIdFor } from './random.ts';
import { type DemoAssetKey, demoAssetId, seedGrant } from './seed.ts';

/** The mock backend's control panel, for the demo gallery and tests: set states directly, without HTTP. */
/** Creates (or recreates) an asset a demo stage needs, under an id made from `key`, and saves. */
function putMadeAsset(
  key: string,
  assetTypeId: string,
  made: { name: string; description: string; createdAt: number; grants: Grant[] },
): { id: string; name: string } {
  const id = objectIdFor(key);
  const previous = backend.db.assets.get(id);
  backend.db.assets.set(id, {
    id,
    name: made.name,
    assetTypeId,
    description: made.description,
    createdAt: new Date(made.createdAt).toISOString(),
    grants: made.grants,
    // A recreated asset gets a new version, so an ETag of its earlier life never matches.
    version: (previous?.version ?? 0) + 1,
    linkedInputIds: [],
    externalShare: null,
  });
  backend.save();
  return { id, name: made.name };
}

export const mockBackend = {
  /** The live database (read it; change it only through the API unless a demo state needs otherwise). */
  get db(): MockDatabase {
    return backend.db;
  },
  /** Whether the scale data (100,000 people, datasets with 10 to 10,000 grants) is loaded. */
  get scale(): boolean {
    return backend.db.scale;
  },
  /** Restores the seed and clears faults; `scale` switches the scale data on or off (default: unchanged). */
  reset(options: { scale?: boolean } = {}): void {
    backend.reset(options);
    if (backend.db.scale) backend.warmUp();
  },
  /** Makes matching requests fail, hang or lose the network (see `POST /demo/faults`). */
  injectFault(spec: FaultSpec): Fault {
    return backend.faults.add(spec);
  },
  clearFaults(): void {
    backend.faults.clear();
  },
  /** Faults still armed. */
  faults(): readonly Fault[] {
    return backend.faults.list();
  },
  /** Adds this much latency to every API request (demo endpoints excepted); 0 removes it. */
  setLatency(ms: number): void {
    backend.latencyMs = Math.max(0, ms);
  },
  get latencyMs(): number {
    return backend.latencyMs;
  },
  /** What time it is for the backend (ms since the epoch): the demo clock, real time unless moved. */
  now(): number {
    return backend.db.clock.now();
  },
  /** Moves the demo clock (see `POST /demo/clock`); what expired before the move stays gone. */
  moveClock(move: ClockMove): void {
    moveDemoClock(backend.db, move);
    backend.save();
  },
  /** Every persona with its token. */
  personas(): Persona[] {
    return personaList().data;
  },
  /** A persona's bearer token, e.g. `tokenOf('olivia')` = `demo-olivia`. */
  tokenOf(persona: PersonaKey): string {
    return personaTokens[persona];
  },
  /** A persona's user id. */
  idOf(persona: PersonaKey): string {
    return personaIds[persona];
  },
  /**
   * Creates (or recreates, unshared again) an asset of a type whose access list holds its owner alone: the
   * gallery's "empty" state. Answers its id and name; `removeAsset` takes it away again.
   */
  ownerOnlyAsset(assetTypeId: string, owner: PersonaKey = 'olivia'): { id: string; name: string } {
    const assetType = assetTypes.get(assetTypeId);
    const ownerPrincipal = backend.db.user(personaIds[owner]);
    if (!assetType || !ownerPrincipal) throw new Error(`No asset type ${assetTypeId} or persona ${owner}.`);
    return putMadeAsset(`asset:owner-only:${assetType.id}`, assetType.id, {
      name: `New ${assetType.label.toLowerCase()} (not shared yet)`,
      description: 'Only its owner has access: nothing has been shared yet.',
      createdAt: backend.db.clock.now(),
      grants: [seedGrant(assetType.id, ownerPrincipal, 'OWNER')],
    });
  },
  /**
   * Creates (or recreates) an asset of a type whose access ends for some: Eddie's read-write in two days, Connie's
   * read-only in twenty, and Rita's read-only ended yesterday (the first read settles it). The gallery's expiry
   * states; `removeAsset` takes it away again.
   */
  expiringAsset(assetTypeId: string): { id: string; name: string } {
    const assetType = assetTypes.get(assetTypeId);
    if (!assetType) throw new Error(`No asset type ${assetTypeId}.`);
    const now = backend.db.clock.now();
    const grant = (persona: PersonaKey, level: 1 | 2 | 3, days?: number): Grant[] => {
      const principal = backend.db.user(personaIds[persona]);
      const role = roleAtLevel(assetType, level);
      if (!principal || !role) return [];
      const made = seedGrant(assetType.id, principal, role.name);
      return [
        days === undefined ? made : { ...made, expiresAt: new Date(now + days * DAY_MS).toISOString() },
      ];
    };
    return putMadeAsset(`asset:expiring:${assetType.id}`, assetType.id, {
      name: `${assetType.label} shared for a while`,
      description: 'Shared for a review: some access ends soon, some has ended.',
      createdAt: now - 30 * DAY_MS,
      grants: [
        ...grant('olivia', 3),
        ...grant('eddie', 2, 2),
        ...grant('connie', 1, 20),
        ...grant('rita', 1, -1),
      ],
    });
  },
  /**
   * Puts Connie Cole's request for the read-write role of a type's demo asset (§12) in a state: none, pending, or
   * declined by Olivia Owens with a message. The gallery's request states; answers every request as it was before,
   * for `restoreAccessRequests`.
   */
  accessRequestOn(assetTypeId: DemoAssetKey, state: 'none' | 'pending' | 'declined'): StoredAccessRequest[] {
    const db = backend.db;
    const asset = db.assets.get(demoAssetId(assetTypeId));
    const assetType = assetTypes.get(assetTypeId);
    const role = assetType ? roleAtLevel(assetType, 2) : undefined;
    if (!asset || !role) throw new Error(`The demo has no ${assetTypeId} to ask for read-write on.`);
    const before = db.accessRequests;
    const others = before.filter(
      (request) => request.assetId !== asset.id || request.requesterId !== personaIds.connie,
    );
    if (state === 'none') {
      db.accessRequests = others;
    } else {
      const now = db.clock.now();
      const request: StoredAccessRequest = {
        id: objectIdFor(`access-request:story:${assetTypeId}`),
        assetId: asset.id,
        requesterId: personaIds.connie,
        role: role.name,
        message: 'I would like to fix the holdout split before the retrain.',
        status: 'pending',
        createdAt: new Date(now - DAY_MS).toISOString(),
        grantorIds: [],
      };
      request.grantorIds = grantorsOf(db, asset, request, now);
      const stored =
        state === 'pending'
          ? request
          : {
              ...request,
              ...declineRequest(
                request,
                personaIds.olivia,
                new Date(now).toISOString(),
                'Read-only is enough for the review; ask again for the retrain.',
              ),
            };
      db.accessRequests = [...others, stored];
    }
    backend.save();
    return before;
  },
  /** Puts back the access requests `accessRequestOn` answered. */
  restoreAccessRequests(requests: StoredAccessRequest[]): void {
    backend.db.accessRequests = requests;
    backend.save();
  },
  /** Removes an asset (e.g. one made by `ownerOnlyAsset`). */
  removeAsset(id: string): void {
    if (backend.db.assets.delete(id)) backend.save();
  },
};
export type MockBackendControl = typeof mockBackend;
