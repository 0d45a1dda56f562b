import { describe, expect, it } from 'vitest';
import { faultSpecSchema } from '../../api/demo-contract.ts';
import { assetTypes } from '../../sharing/asset-types.ts';
import {
  findGalleryState,
  galleryPath,
  galleryStates,
  pathNeedsScaleSeed,
  stateAppliesTo,
} from './gallery-states.ts';

describe('gallery states', () => {
  it('have unique ids that round-trip through their paths', () => {
    const ids = galleryStates.map((state) => state.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const state of galleryStates) {
      const dataset = assetTypes.get('dataset');
      if (!dataset) throw new Error('no dataset type');
      expect(findGalleryState(galleryPath(dataset, state).split('/').at(-1) ?? '')).toBe(state);
    }
  });

  it('inject only faults the backend accepts', () => {
    for (const assetType of assetTypes.all()) {
      for (const state of galleryStates.filter((candidate) => stateAppliesTo(candidate, assetType))) {
        for (const fault of state.faults(assetType)) {
          expect(faultSpecSchema.safeParse(fault).success, `${state.id} on ${assetType.id}`).toBe(true);
        }
      }
    }
  });

  it('cover every state the demo promises, and the sharing-not-allowed reason only where the flag exists', () => {
    for (const id of [
      'loading',
      'empty',
      'error',
      'read-only',
      'ten-thousand-grants',
      'slow-network',
      'conflict',
    ]) {
      expect(findGalleryState(id), id).toBeDefined();
    }
    const sharingNotAllowed = findGalleryState('sharing-not-allowed');
    if (!sharingNotAllowed) throw new Error('missing state');
    const withIt = assetTypes.all().filter((assetType) => stateAppliesTo(sharingNotAllowed, assetType));
    expect(withIt.map((assetType) => assetType.id)).toEqual(['dataset', 'dataConnection']);
  });

  it('start the scale seed only for the pages that need it', () => {
    expect(pathNeedsScaleSeed('/gallery/dataset/ten-thousand-grants')).toBe(true);
    expect(pathNeedsScaleSeed('/gallery/dataset/loading')).toBe(false);
    expect(pathNeedsScaleSeed('/gallery')).toBe(false);
    expect(pathNeedsScaleSeed('/assets/dataset/ten-thousand-grants')).toBe(false);
  });
});
