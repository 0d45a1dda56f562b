import { describe, expect, it } from 'vitest';
import { isPartLoadedOnUse, partsLoadedOnUse } from './lib-size-host.ts';

describe('isPartLoadedOnUse', () => {
  it('names the chunks of the parts that load once used, as the library and then the host name them', () => {
    expect(partsLoadedOnUse).toEqual([
      'history-panel',
      'multi-asset-panel',
      'request-list',
      'request-access-form',
      'make-owner-dialog',
      'external-link-section',
    ]);
    expect(isPartLoadedOnUse('/host/dist/assets/history-panel-CBEALzH_-S2RCbGJH.js')).toBe(true);
    expect(isPartLoadedOnUse('assets/multi-asset-panel-BilxtLUL-CYtt4ud2.js')).toBe(true);
    expect(isPartLoadedOnUse('assets/shared-with-list-N4RM_QY1-Dhua99fB.js')).toBe(false);
    expect(isPartLoadedOnUse('assets/request-list-C77_irml-Btrg_H6i.js')).toBe(true);
    expect(isPartLoadedOnUse('http://127.0.0.1:4173/assets/dialog-CCjbIvI--CrpBitlI.js')).toBe(false);
    expect(isPartLoadedOnUse('assets/not-history-panel-1.js')).toBe(false);
  });
});
