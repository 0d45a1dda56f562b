import { describe, expect, it } from 'vitest';
import { assetTypes } from '../../sharing/asset-types.ts';
import type { GrantState } from '../../sharing/history.ts';
import type { AssetTypeConfig } from '../../sharing/types.ts';
import { describeChange } from './describe-change.ts';
import { defaultHistoryMessages } from './messages.ts';

const dataset = assetTypes.get('dataset') as AssetTypeConfig;
const deployment = assetTypes.get('deployment') as AssetTypeConfig;
const label = (_: AssetTypeConfig, role: { label: string }) => role.label;
const state = (role: string, extra: Partial<GrantState> = {}): GrantState => ({
  role,
  canShare: false,
  canUseData: true,
  expiresAt: null,
  ...extra,
});
const words = (config: AssetTypeConfig, before: GrantState | null, after: GrantState | null) =>
  describeChange(config, label, defaultHistoryMessages, 'Eddie Evans', before, after);

describe('describeChange', () => {
  it('says a role change, a grant given and a grant taken in the asset type’s own role names', () => {
    expect(words(dataset, state('EDITOR'), state('CONSUMER'))).toBe('Eddie Evans: Editor → Consumer');
    expect(words(deployment, null, state('USER'))).toBe('Eddie Evans: No access → User');
    expect(words(deployment, state('OWNER'), null)).toBe('Eddie Evans: Owner → No access');
  });

  it('says which options changed when the role stays, where the asset type has them', () => {
    expect(words(dataset, state('EDITOR'), state('EDITOR', { canShare: true, canUseData: false }))).toBe(
      'Eddie Evans: Editor, Allow sharing on, Can use data off',
    );
  });

  it('says when access ends, or that it no longer does', () => {
    const expiring = state('CONSUMER', { expiresAt: '2025-09-01T12:00:00.000Z' });
    expect(words(dataset, state('CONSUMER'), expiring)).toBe('Eddie Evans: Consumer, expires Sep 1, 2025');
    expect(words(dataset, expiring, state('CONSUMER'))).toBe('Eddie Evans: Consumer, no end date');
    expect(words(dataset, null, expiring)).toBe('Eddie Evans: No access → Consumer, expires Sep 1, 2025');
  });

  it('uses the host’s role labels, and shows a role the type does not know as it is', () => {
    const renamed = (_: AssetTypeConfig, role: { name: string }) =>
      role.name === 'EDITOR' ? 'Contributor' : 'x';
    expect(
      describeChange(dataset, renamed, defaultHistoryMessages, 'Nora', state('EDITOR'), state('ADMIN')),
    ).toBe('Nora: Contributor → ADMIN');
  });
});
