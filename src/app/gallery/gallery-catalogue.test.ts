import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { faultSpecSchema } from '../../api/demo-contract.ts';
import { assetTypes } from '../../sharing/asset-types.ts';
import { findGalleryPage, galleryCatalogue, galleryPath, pathNeedsScaleSeed } from './gallery-catalogue.ts';

const storiesDir = fileURLToPath(new URL('../../share-dialog/stories/', import.meta.url));

describe('the gallery catalogue', () => {
  it('has a page for every story of every story file, each at its own path', () => {
    const files = readdirSync(storiesDir).filter((file) => file.endsWith('.stories.tsx'));
    const statePaths = new Set(galleryCatalogue.map((page) => page.state.path));
    expect(statePaths.size).toBe(files.length);
    const paths = galleryCatalogue.map(galleryPath);
    expect(new Set(paths).size).toBe(paths.length);
    for (const page of galleryCatalogue) {
      const [, , assetTypeId = '', statePath = ''] = galleryPath(page).split('/');
      expect(findGalleryPage(assetTypeId, statePath)).toBe(page);
    }
  });

  it('keeps the deep links of every state the demo promises, for every asset type', () => {
    const everyType = ['default', 'loading', 'empty', 'error', 'read-only', 'slow-network', 'conflict'];
    for (const assetType of assetTypes.all()) {
      for (const state of everyType) {
        expect(findGalleryPage(assetType.id, state), `${assetType.id}/${state}`).toBeDefined();
      }
    }
    expect(findGalleryPage('dataset', 'ten-thousand-grants')).toBeDefined();
    expect(findGalleryPage('dataset', 'no-such-state')).toBeUndefined();
  });

  it('shows sharing-not-allowed exactly for the types that share through "Allow sharing"', () => {
    const withIt = galleryCatalogue
      .filter((page) => page.state.path === 'sharing-not-allowed')
      .map((page) => page.assetType.id);
    const withFlag = assetTypes
      .all()
      .filter((assetType) => assetType.whoMayShare.kind === 'canShareFlag')
      .map((assetType) => assetType.id);
    expect(withIt.sort()).toEqual(withFlag.sort());
  });

  it('injects only faults the backend accepts', () => {
    for (const page of galleryCatalogue) {
      for (const fault of page.state.stage.faults?.(page.assetType) ?? []) {
        expect(faultSpecSchema.safeParse(fault).success, galleryPath(page)).toBe(true);
      }
    }
  });

  it('starts the scale seed only for the pages that need it', () => {
    expect(pathNeedsScaleSeed('/gallery/dataset/ten-thousand-grants')).toBe(true);
    expect(pathNeedsScaleSeed('/gallery/dataset/loading')).toBe(false);
    expect(pathNeedsScaleSeed('/gallery')).toBe(false);
    expect(pathNeedsScaleSeed('/assets/dataset/ten-thousand-grants')).toBe(false);
  });

  it('groups the states as their story titles do', () => {
    const groups = new Set(galleryCatalogue.map((page) => page.state.group));
    expect([...groups].sort()).toEqual(['Disabled reasons', 'Several assets', 'States']);
    expect(findGalleryPage('useCase', 'rbac-ceiling')?.state.title).toBe('RBAC ceiling');
  });
});
