import { describe, expect, it } from 'vitest';
import { assetTypes } from './asset-types.ts';
import { canManageExternalLink } from './external-link.ts';

const application = assetTypes.get('application');
const dataset = assetTypes.get('dataset');

describe('canManageExternalLink', () => {
  it('lets owners and editors of an application manage the link', () => {
    if (!application) throw new Error('no application type');
    expect(canManageExternalLink(application, { principalId: 'a', level: 3, canShare: true }).allowed).toBe(
      true,
    );
    expect(canManageExternalLink(application, { principalId: 'a', level: 2, canShare: true }).allowed).toBe(
      true,
    );
  });

  it('refuses consumers and people without access, with a reason', () => {
    if (!application) throw new Error('no application type');
    const consumer = canManageExternalLink(application, { principalId: 'a', level: 1, canShare: true });
    expect(consumer).toMatchObject({ allowed: false, code: 'SHARING_NOT_ALLOWED' });
    const none = canManageExternalLink(application, { principalId: 'a', level: 0, canShare: false });
    expect(none).toMatchObject({ allowed: false, code: 'SHARING_NOT_ALLOWED' });
  });

  it('refuses asset types without an external link', () => {
    if (!dataset) throw new Error('no dataset type');
    expect(canManageExternalLink(dataset, { principalId: 'a', level: 3, canShare: true })).toMatchObject({
      allowed: false,
      code: 'OPTION_NOT_SUPPORTED',
    });
  });
});
