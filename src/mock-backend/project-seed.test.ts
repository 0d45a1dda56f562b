import { describe, expect, it } from 'vitest';
import { assetPageSchema } from '../api/contract.ts';
import { createDatabase } from './backend.ts';
import { personaIds } from './personas.ts';
import { SCALE_PROJECT_COUNT, scaleProjectId, scaleProjectName } from './project-seed.ts';
import { getJson, setupMockServer } from './test-support.ts';

setupMockServer();

describe('projects to share several at once', () => {
  it('Olivia owns three projects in the normal seed, and Eddie sees them at User', async () => {
    const ownedBy = async (persona: 'olivia' | 'eddie') =>
      assetPageSchema
        .parse(await getJson(persona, '/projects'))
        .data.filter((asset) => asset.name !== 'Marketing mix experiments')
        .map((asset) => [asset.name, asset.yourRole]);
    expect(await ownedBy('olivia')).toEqual([
      ['Churn model experiments', 'OWNER'],
      ['Demand forecast experiments', 'OWNER'],
      ['Price elasticity experiments', 'OWNER'],
    ]);
    expect((await ownedBy('eddie')).map(([, role]) => role)).toEqual(['USER', 'USER', 'USER']);
  });

  it('the scale seed adds 100 projects owned by Olivia, never persisted', () => {
    const db = createDatabase({ scale: true });
    const projects = Array.from({ length: SCALE_PROJECT_COUNT }, (_, index) =>
      db.assets.get(scaleProjectId(index + 1)),
    );
    expect(projects.map((asset) => asset?.name)).toEqual(
      Array.from({ length: 100 }, (_, index) => scaleProjectName(index + 1)),
    );
    expect(projects.every((asset) => asset?.grants[0]?.principalId === personaIds.olivia)).toBe(true);
    expect(db.snapshot().assets.some((asset) => asset.name.startsWith('Scale · project'))).toBe(false);
    expect(scaleProjectName(7)).toBe('Scale · project 007');
  }, 60_000);
});
