/**
 * Projects to try sharing several assets at once (SPEC §11): two more that Olivia owns beside "Churn model
 * experiments", so that she can hand all three to someone, and the scale seed's 100 to select at once. Each has the
 * demo project's access list: Olivia owns, Eddie uses, Connie consumes, Data Science consumes.
 */
import type { MockDatabase, StoredAsset } from './db.ts';
import { personaId } from './personas.ts';
import { objectIdFor } from './random.ts';
import { groupId, seedGrant } from './seed.ts';

/** Olivia's projects besides "Churn model experiments", by key. */
export const moreDemoProjects = {
  demandForecast: 'Demand forecast experiments',
  priceElasticity: 'Price elasticity experiments',
} as const;

const descriptions: Record<keyof typeof moreDemoProjects, string> = {
  demandForecast: 'Weekly demand forecasts per store and product line.',
  priceElasticity: 'How price changes move demand, per product line.',
};
export type MoreDemoProjectKey = keyof typeof moreDemoProjects;

/** How many projects the scale seed adds. */
export const SCALE_PROJECT_COUNT = 100;

/** The id of one of Olivia's extra demo projects. */
export function demoProjectId(key: MoreDemoProjectKey): string {
  return objectIdFor(`asset:project:${key}`);
}

/** The id of the scale seed's project number `n` (1 to 100). */
export function scaleProjectId(n: number): string {
  return objectIdFor(`asset:scale:project:${n}`);
}

/** The name of the scale seed's project number `n`, e.g. `Scale · project 007`. */
export function scaleProjectName(n: number): string {
  return `Scale · project ${String(n).padStart(3, '0')}`;
}

function project(
  db: MockDatabase,
  id: string,
  name: string,
  description: string,
  createdAt: string,
): StoredAsset {
  const principal = (principalId: string) => {
    const found = db.directory.byId(principalId);
    if (!found) throw new Error(`The seed has no principal ${principalId}.`);
    return found;
  };
  return {
    id,
    name,
    assetTypeId: 'project',
    description,
    createdAt,
    grants: [
      seedGrant('project', principal(personaId('olivia')), 'OWNER'),
      seedGrant('project', principal(personaId('eddie')), 'USER'),
      seedGrant('project', principal(personaId('connie')), 'CONSUMER'),
      seedGrant('project', principal(groupId('dataScience')), 'CONSUMER'),
    ],
    version: 1,
    linkedInputIds: [],
    externalShare: null,
  };
}

/** Adds Olivia's two extra projects to a seeded database. */
export function addDemoProjects(db: MockDatabase): void {
  for (const [key, name] of Object.entries(moreDemoProjects) as [MoreDemoProjectKey, string][]) {
    const asset = project(db, demoProjectId(key), name, descriptions[key], '2025-05-12T09:00:00.000Z');
    db.assets.set(asset.id, asset);
  }
}

/** Adds the scale seed's 100 projects, regenerated on load like the rest of the scale data. */
export function addScaleProjects(db: MockDatabase): void {
  for (let n = 1; n <= SCALE_PROJECT_COUNT; n++) {
    const asset = project(
      db,
      scaleProjectId(n),
      scaleProjectName(n),
      'One of 100 projects, to share many at once.',
      '2025-06-01T09:00:00.000Z',
    );
    db.assets.set(asset.id, { ...asset, scale: true });
  }
}
