/**
 * `npm run test:load`: 20 concurrent clients send 500 conditional PATCHes in all to one asset's access list through
 * the real HTTP server (`npm run api`). Each update reads the list and its ETag, moves one colleague one step along
 * a role cycle (none → Consumer → Editor → none) from the role it read, and PATCHes with `If-Match`; a 412 means
 * someone else saved first, so it reads again and retries, a bounded number of times.
 *
 * Then it checks that no update was lost: replaying the accepted (204) updates in the order of the versions the
 * server answered gives exactly the final access list, every accepted update saw the state its predecessor left,
 * and versions went up by one per accepted update. Prints the throughput; exits non-zero on any mismatch.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sharedRolesPageSchema } from '../src/api/contract.ts';
import { mockBackend } from '../src/mock-backend/control.ts';
import { personaIds } from '../src/mock-backend/personas.ts';
import { demoAssetId } from '../src/mock-backend/seed.ts';
import { startApiServer } from './api-server.ts';

const CLIENTS = 20;
const PATCHES = 500;
const MAX_ATTEMPTS = 25;
const COLLEAGUES = 12;
const ROLE_CYCLE = [null, 'CONSUMER', 'EDITOR'] as const;
type CycleRole = (typeof ROLE_CYCLE)[number];

interface AcceptedUpdate {
  client: number;
  principalId: string;
  before: CycleRole;
  after: CycleRole;
  /** The version the server answered in the 204's ETag. */
  version: number;
}

function nextRole(role: CycleRole): CycleRole {
  return ROLE_CYCLE[(ROLE_CYCLE.indexOf(role) + 1) % ROLE_CYCLE.length] as CycleRole;
}

function versionOf(etag: string | null): number {
  const match = /"\d+\.(\d+)"/.exec(etag ?? '');
  if (!match) throw new Error(`Unexpected ETag ${etag}`);
  return Number(match[1]);
}

function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

async function main(): Promise<number> {
  mockBackend.reset();
  const server: Server = await startApiServer({ port: 0 });
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v2`;
  const assetId = demoAssetId('useCase');
  const rolesUrl = `${base}/useCases/${assetId}/sharedRoles`;
  const headers = { Authorization: 'Bearer demo-olivia' };

  const readList = async () => {
    const response = await fetch(`${rolesUrl}?limit=1000`, { headers });
    if (response.status !== 200) throw new Error(`GET sharedRoles answered ${response.status}`);
    const page = sharedRolesPageSchema.parse(await response.json());
    return {
      etag: response.headers.get('etag'),
      roles: new Map(page.data.map((entry) => [entry.id, entry.role])),
    };
  };

  // Active colleagues of Acme with no ceiling and no access yet: the load moves them around the role cycle.
  const initial = await readList();
  const personaIdSet = new Set(Object.values(personaIds));
  const colleagueIds = [...mockBackend.db.directory.all()]
    .filter(
      (principal) =>
        principal.type === 'user' &&
        principal.active &&
        principal.rbacCeiling === undefined &&
        principal.orgId === mockBackend.db.user(personaIds.olivia)?.orgId &&
        !personaIdSet.has(principal.id) &&
        !initial.roles.has(principal.id),
    )
    .slice(0, COLLEAGUES)
    .map((principal) => principal.id);
  if (colleagueIds.length < COLLEAGUES) throw new Error('Not enough colleagues in the seed');

  const accepted: AcceptedUpdate[] = [];
  let patches = 0;
  let conflicts = 0;
  let gaveUp = 0;
  const otherStatuses = new Map<number, number>();
  let updates = 0;

  const client = async (clientIndex: number) => {
    while (patches < PATCHES) {
      const principalId = colleagueIds[updates++ % colleagueIds.length] as string;
      let done = false;
      for (let attempt = 1; attempt <= MAX_ATTEMPTS && !done && patches < PATCHES; attempt++) {
        const { etag, roles } = await readList();
        if (patches >= PATCHES) break;
        const before = (roles.get(principalId) ?? null) as CycleRole;
        const after = nextRole(before);
        patches++;
        const response = await fetch(rolesUrl, {
          method: 'PATCH',
          headers: { ...headers, 'Content-Type': 'application/json', 'If-Match': etag ?? '' },
          body: JSON.stringify({
            operation: 'updateRoles',
            roles: [{ id: principalId, shareRecipientType: 'user', role: after ?? 'NO_ROLE' }],
            sendNotification: false,
          }),
        });
        await response.arrayBuffer();
        if (response.status === 204) {
          accepted.push({
            client: clientIndex,
            principalId,
            before,
            after,
            version: versionOf(response.headers.get('etag')),
          });
          done = true;
        } else if (response.status === 412) {
          conflicts++;
          // Someone saved first: back off a little, at random, so the clients do not collide in lockstep.
          await pause(Math.random() * Math.min(20, attempt * 2));
        } else {
          otherStatuses.set(response.status, (otherStatuses.get(response.status) ?? 0) + 1);
          done = true;
        }
      }
      if (!done && patches < PATCHES) gaveUp++;
    }
  };

  const started = performance.now();
  await Promise.all(Array.from({ length: CLIENTS }, (_, index) => client(index)));
  const seconds = (performance.now() - started) / 1000;
  const final = await readList();
  await new Promise<void>((resolve) => server.close(() => resolve()));

  // Replay the accepted updates in the order the server applied them.
  const problems: string[] = [];
  accepted.sort((a, b) => a.version - b.version);
  const replayed = new Map<string, CycleRole>(colleagueIds.map((id) => [id, null]));
  const firstVersion = versionOf(initial.etag);
  accepted.forEach((update, index) => {
    if (update.version !== firstVersion + index + 1) {
      problems.push(
        `accepted update #${index} got version ${update.version}, expected ${firstVersion + index + 1}`,
      );
    }
    const state = replayed.get(update.principalId) ?? null;
    if (state !== update.before) {
      problems.push(
        `version ${update.version} was made against ${update.before} but the list held ${state}: lost update`,
      );
    }
    replayed.set(update.principalId, update.after);
  });
  for (const id of colleagueIds) {
    const expected = replayed.get(id) ?? null;
    const actual = final.roles.get(id) ?? null;
    if (expected !== actual) problems.push(`colleague ${id}: final role ${actual}, replay says ${expected}`);
  }
  for (const [id, role] of initial.roles) {
    if (final.roles.get(id) !== role)
      problems.push(`untouched grant ${id} changed from ${role} to ${final.roles.get(id)}`);
  }
  if (
    final.roles.size !==
    initial.roles.size + [...replayed.values()].filter((role) => role !== null).length
  ) {
    problems.push(`the final list has ${final.roles.size} entries, not what the replay gives`);
  }
  if (versionOf(final.etag) !== firstVersion + accepted.length) {
    problems.push(`final version ${versionOf(final.etag)} ≠ ${firstVersion} + ${accepted.length} accepted`);
  }
  for (const [status, count] of otherStatuses) problems.push(`${count} PATCHes answered ${status}`);
  if (accepted.length === 0) problems.push('no update was accepted');

  console.log(`Load test: ${CLIENTS} clients, ${PATCHES} conditional PATCHes of one access list`);
  console.log(`  PATCHes sent        ${patches} (${conflicts} answered 412 and were retried)`);
  console.log(`  updates begun       ${updates}`);
  console.log(`  accepted (204)      ${accepted.length}, gave up after ${MAX_ATTEMPTS} attempts: ${gaveUp}`);
  console.log(`  time                ${seconds.toFixed(2)} s`);
  console.log(
    `  throughput          ${(accepted.length / seconds).toFixed(0)} accepted updates/s, ${(patches / seconds).toFixed(0)} PATCHes/s`,
  );
  if (problems.length > 0) {
    console.error(`FAILED: ${problems.length} problems`);
    for (const problem of problems.slice(0, 20)) console.error(`  ${problem}`);
    return 1;
  }
  console.log('  no lost update: the final list is exactly the replay of the accepted updates');
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
