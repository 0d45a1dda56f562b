import { describe, expect, it } from 'vitest';
import { changesToNotify } from './notify.ts';
import type { AppliedChange } from './policy.ts';
import { assetType, connie, eddie, grantTo, olivia, una } from './test-fixtures.ts';

const dataset = assetType('dataset');
const added: AppliedChange = { principal: una, before: undefined, after: grantTo(dataset, una, 1) };
const promoted: AppliedChange = {
  principal: connie,
  before: grantTo(dataset, connie, 1),
  after: grantTo(dataset, connie, 2),
};
const flagOnly: AppliedChange = {
  principal: eddie,
  before: grantTo(dataset, eddie, 2, { canShare: false }),
  after: grantTo(dataset, eddie, 2, { canShare: true }),
};
const removed: AppliedChange = { principal: olivia, before: grantTo(dataset, olivia, 3), after: undefined };

describe('changesToNotify', () => {
  it('notifies whoever is given a new grant or a new role, not a flag change or a removal', () => {
    const changes = [added, promoted, flagOnly, removed];
    expect(changesToNotify({ changes: [] }, changes)).toEqual([added, promoted]);
    expect(changesToNotify({ changes: [], sendNotification: true }, changes)).toEqual([added, promoted]);
  });

  it('notifies no one when the request asks for no notification', () => {
    expect(changesToNotify({ changes: [], sendNotification: false }, [added, promoted])).toEqual([]);
  });
});
