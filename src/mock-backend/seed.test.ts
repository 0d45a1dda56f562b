import { describe, expect, it } from 'vitest';
import { effectiveAccess, indexGrants } from '../sharing/access.ts';
import { assetTypes } from '../sharing/asset-types.ts';
import type { Principal } from '../sharing/types.ts';
import { createDatabase } from './backend.ts';
import type { StoredAsset } from './db.ts';
import { personaIds } from './personas.ts';
import { demoAssetId, groupId, organizations, roleId } from './seed.ts';

const db = createDatabase();
const person = (key: keyof typeof personaIds) => db.directory.byId(personaIds[key]) as Principal;
const demoAssets = assetTypes.all().map((config) => {
  const asset = db.assets.get(demoAssetId(config.id as Parameters<typeof demoAssetId>[0]));
  if (!asset) throw new Error(`no demo ${config.id}`);
  return asset;
});
const accessOf = (asset: StoredAsset, who: Principal) =>
  effectiveAccess(db.assetTypeOf(asset), indexGrants(asset.grants, db.clock.now()), who, db.directory);

describe('the seed', () => {
  it('has one demo asset per asset type', () => {
    expect(demoAssets.map((asset) => asset.assetTypeId).sort()).toEqual(
      assetTypes
        .all()
        .map((config) => config.id)
        .sort(),
    );
  });

  it('makes Olivia owner of every demo asset', () => {
    for (const asset of demoAssets) expect(accessOf(asset, person('olivia')).level, asset.name).toBe(3);
  });

  it('makes Eddie read-write and able to share on every demo asset', () => {
    for (const asset of demoAssets) {
      expect(accessOf(asset, person('eddie')), asset.name).toMatchObject({ level: 2, canShare: true });
    }
  });

  it('makes Connie read-only on every demo asset', () => {
    for (const asset of demoAssets) expect(accessOf(asset, person('connie')).level, asset.name).toBe(1);
  });

  it('makes Nora an editor without "Allow sharing" on the dataset and the data connection', () => {
    for (const key of ['dataset', 'dataConnection'] as const) {
      const asset = db.assets.get(demoAssetId(key)) as StoredAsset;
      expect(accessOf(asset, person('nora'))).toMatchObject({ level: 2, canShare: false });
    }
  });

  it('keeps Ivan inactive, Rita capped at read-only, and Gus in Globex', () => {
    expect(person('ivan').active).toBe(false);
    expect(person('rita').rbacCeiling).toBe(1);
    for (const asset of demoAssets) expect(accessOf(asset, person('rita')).level).toBeLessThanOrEqual(1);
    expect(person('gus').orgId).toBe(organizations.globex.id);
    for (const asset of demoAssets) expect(accessOf(asset, person('gus')).level).toBe(0);
  });

  it('puts the personas in their groups and roles', () => {
    const members = (id: string) => db.directory.membersOf(id).map((member) => member.name);
    expect(members(groupId('dataScience'))).toEqual(
      expect.arrayContaining(['eddie@acme.test', 'connie@acme.test', 'nora@acme.test']),
    );
    expect(members(groupId('dataScience')).length).toBeGreaterThan(10);
    expect(members(groupId('risk'))).toContain('rita@acme.test');
    expect(members(roleId('mlopsAdmin'))).toContain('eddie@acme.test');
    expect(members(roleId('modelValidator'))).toContain('connie@acme.test');
  });

  it('generates about 200 colleagues with realistic, accented names, and 24-hex ids', () => {
    const acmeUsers = db.directory.membersOf(organizations.acme.id);
    expect(acmeUsers.length).toBeGreaterThanOrEqual(200);
    expect(
      acmeUsers.some((user) => user.displayName === 'José Peña' && user.name === 'jose.pena@acme.test'),
    ).toBe(true);
    for (const principal of db.directory.all()) expect(principal.id).toMatch(/^[0-9a-f]{24}$/);
    expect(new Set([...db.directory.all()].map((principal) => principal.id)).size).toBe(db.directory.size);
  });

  it('is the same on every run', () => {
    const again = createDatabase();
    expect(again.snapshot()).toEqual(db.snapshot());
    expect([...again.directory.all()].map((principal) => principal.name)).toEqual(
      [...db.directory.all()].map((principal) => principal.name),
    );
  });

  it('links the governed model to its inputs, for lineage', () => {
    const model = db.assets.get(demoAssetId('governedModel')) as StoredAsset;
    expect(model.linkedInputIds).toEqual([demoAssetId('dataset'), demoAssetId('creditBureauExtract')]);
  });
});
