import type { Grant, Principal } from '../sharing/types.ts';
import type { MockDatabase } from './db.ts';
import type { DirectoryUser } from './directory.ts';
import { emailLocalPart, firstNames, lastNames } from './names.ts';
import { personaId } from './personas.ts';
import { addScaleProjects } from './project-seed.ts';
import { createRandom, objectIdFor } from './random.ts';
import { scaleHistoryOf } from './scale-history.ts';
import { organizations, seedGrant } from './seed.ts';

/** How many people the scale directory adds. */
export const SCALE_DIRECTORY_SIZE = 100_000;

/** The access-list sizes of the scale datasets. */
export const scaleGrantCounts = [10, 100, 1_000, 10_000] as const;
export type ScaleGrantCount = (typeof scaleGrantCounts)[number];

/** The id of the scale dataset with this many grants. */
export function scaleAssetId(grantCount: ScaleGrantCount): string {
  return objectIdFor(`asset:scale:${grantCount}`);
}

/** The name of the scale dataset with this many grants, e.g. `Scale · 10,000 grants`. */
export function scaleAssetName(grantCount: ScaleGrantCount): string {
  return `Scale · ${grantCount.toLocaleString('en-US')} grants`;
}

const scaleIdPrefix = objectIdFor('user:scale').slice(0, 12);

/** A scale person's id: a fixed prefix and the index, so 100,000 ids cost nothing to make. */
export function scaleUserId(index: number): string {
  return scaleIdPrefix + index.toString(16).padStart(12, '0');
}

function addScaleDirectory(db: MockDatabase): DirectoryUser[] {
  const random = createRandom(100_000);
  const acme = organizations.acme;
  const firstAscii = firstNames.map((first) => emailLocalPart(first, '').replace(/\.$/, ''));
  const lastAscii = lastNames.map((last) => emailLocalPart('', last).replace(/^\./, ''));
  const users: DirectoryUser[] = [];
  for (let index = 0; index < SCALE_DIRECTORY_SIZE; index++) {
    const first = random.int(firstNames.length);
    const last = random.int(lastNames.length);
    const email = `${firstAscii[first]}.${lastAscii[last]}.${index + 1}@${acme.domain}`;
    const ceilingRoll = random.next();
    const user: DirectoryUser = {
      id: scaleUserId(index),
      type: 'user',
      name: email,
      email,
      displayName: `${firstNames[first]} ${lastNames[last]}`,
      orgId: acme.id,
      active: index % 97 !== 13,
      groupIds: [],
      roleIds: [],
    };
    if (ceilingRoll < 0.03) user.rbacCeiling = 1;
    users.push(db.directory.add(user));
  }
  return users;
}

/** Adds the scale directory (100,000 people), the scale datasets and 100 projects, all owned by Olivia, to a seeded database. */
export function addScaleData(db: MockDatabase): void {
  const people = addScaleDirectory(db);
  const random = createRandom(10_000);
  const persona = (key: 'olivia' | 'eddie' | 'connie') => db.directory.byId(personaId(key)) as Principal;
  let next = 0;
  for (const grantCount of scaleGrantCounts) {
    const grants: Grant[] = [
      seedGrant('dataset', persona('olivia'), 'OWNER'),
      seedGrant('dataset', persona('eddie'), 'EDITOR', { canShare: true }),
      seedGrant('dataset', persona('connie'), 'CONSUMER', { canShare: false }),
    ];
    while (grants.length < grantCount) {
      const person = people[next % people.length] as DirectoryUser;
      next += 1;
      if (!person.active) continue;
      const editor = random.chance(0.3) && person.rbacCeiling === undefined;
      grants.push(
        seedGrant('dataset', person, editor ? 'EDITOR' : 'CONSUMER', {
          canShare: editor && random.chance(0.2),
          canUseData: random.chance(0.9),
        }),
      );
    }
    db.assets.set(scaleAssetId(grantCount), {
      id: scaleAssetId(grantCount),
      name: scaleAssetName(grantCount),
      assetTypeId: 'dataset',
      description: `A dataset shared with ${grantCount.toLocaleString('en-US')} principals, to try the dialog at scale.`,
      createdAt: '2025-06-01T09:00:00.000Z',
      grants,
      version: 1,
      linkedInputIds: [],
      externalShare: null,
      scale: true,
    });
    db.changeSets.push(
      ...scaleHistoryOf(
        db,
        scaleAssetId(grantCount),
        grants,
        '2025-06-01T09:00:00.000Z',
        '2025-06-29T17:00:00.000Z',
      ),
    );
  }
  addScaleProjects(db);
}
