import { describe, expect, it } from 'vitest';
import { sharedRolesPageSchema } from '../../api/contract.ts';
import { scaleAssetId } from '../scale.ts';
import { getJson, setupMockServer } from '../test-support.ts';

setupMockServer({ scale: true });

describe('the scale data over HTTP', () => {
  it('walks next through all 10,000 grants exactly once', { timeout: 30_000 }, async () => {
    const seen = new Set<string>();
    let url: string | null = `/datasets/${scaleAssetId(10_000)}/sharedRoles?limit=1000`;
    let pages = 0;
    let total = 0;
    while (url) {
      const page = sharedRolesPageSchema.parse(await getJson('olivia', url));
      total += page.data.length;
      for (const entry of page.data) seen.add(entry.id);
      expect(page.totalCount).toBe(10_000);
      url = page.next;
      pages += 1;
    }
    expect(pages).toBe(10);
    expect(total).toBe(10_000);
    expect(seen.size).toBe(10_000);
  });

  it('walks the default page size too', async () => {
    const first = sharedRolesPageSchema.parse(
      await getJson('olivia', `/datasets/${scaleAssetId(1_000)}/sharedRoles`),
    );
    expect(first).toMatchObject({ count: 100, totalCount: 1_000 });
  });

  it('searches the 100,000-person directory', async () => {
    const page = await getJson<{ totalCount: number }>('olivia', '/principals?search=jose');
    expect(page.totalCount).toBeGreaterThan(100);
  });
});
