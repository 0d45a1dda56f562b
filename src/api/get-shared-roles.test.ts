import { describe, expect, it } from 'vitest';
import {
  accessListVersion,
  nextSharedRolesOffset,
  type VersionedSharedRolesPage,
} from './get-shared-roles.ts';

function page(partial: Partial<VersionedSharedRolesPage>): VersionedSharedRolesPage {
  return {
    count: 100,
    totalCount: 250,
    next: null,
    previous: null,
    data: [],
    etag: '"v1"',
    offset: 0,
    ...partial,
  };
}

describe('nextSharedRolesOffset', () => {
  it('follows the offset of `next`, and stops on the last page', () => {
    expect(
      nextSharedRolesOffset(
        page({ next: 'http://x.test/api/v2/datasets/a/sharedRoles?offset=100&limit=100' }),
      ),
    ).toBe(100);
    expect(nextSharedRolesOffset(page({ offset: 200, count: 50, next: null }))).toBeUndefined();
  });

  it('counts on from the page when `next` names no offset', () => {
    expect(nextSharedRolesOffset(page({ offset: 100, next: 'http://x.test/next-page' }))).toBe(200);
  });
});

describe('accessListVersion', () => {
  it('is the first page’s ETag, whatever later pages said', () => {
    const first = page({ etag: '"v1"' });
    const later = page({ etag: '"v2"', offset: 100 });
    expect(accessListVersion({ pages: [first, later], pageParams: [0, 100] })).toBe('"v1"');
    expect(accessListVersion(undefined)).toBeNull();
  });
});
