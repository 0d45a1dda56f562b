import { galleryStates, stateAppliesTo } from '../src/app/gallery/gallery-states.ts';
import { assetTypes } from '../src/sharing/asset-types.ts';
import { expect, openApp, test } from './fixtures.ts';

/**
 * Console errors a state causes on purpose, which the browser logs: the error page's injected 500s, and the 404s
 * of an asset whose only grant to the viewer has ended.
 */
const expectedErrors: Record<string, RegExp> = {
  error: /Failed to load resource: the server responded with a status of 500/,
  expired: /Failed to load resource: the server responded with a status of 404/,
};

/** Pages that start the scale seed go last: once it is on, it stays on for the rest of the test's pages. */
function scaleLast(a: string, b: string): number {
  return Number(a.includes('ten-thousand-grants')) - Number(b.includes('ten-thousand-grants'));
}

// Each asset type's pages are one test; the tests share nothing, so they spread over the workers.
test.describe.configure({ mode: 'parallel' });

for (const assetType of assetTypes.all()) {
  test(`every gallery page of the ${assetType.label.toLowerCase()} renders the dialog without console errors`, async ({
    page,
    problems,
  }) => {
    test.setTimeout(180_000);
    await openApp(page, '/gallery');
    await expect(page.getByRole('heading', { level: 1, name: 'Gallery' })).toBeVisible();

    // The index links every state the asset type has, under both groups.
    const lists = page.getByRole('list', { name: new RegExp(`of the ${assetType.label.toLowerCase()}$`) });
    const links = lists.getByRole('link');
    const expected = galleryStates.filter((state) => stateAppliesTo(state, assetType)).length;
    await expect(links).toHaveCount(expected);
    const pages: { href: string; name: string }[] = [];
    for (const link of await links.all()) {
      pages.push({
        href: (await link.getAttribute('href')) ?? '',
        name: (await link.getAttribute('aria-label')) ?? '',
      });
    }
    pages.sort((a, b) => scaleLast(a.href, b.href));

    for (const { href, name } of pages) {
      const stateId = href.split('/').at(-1) ?? '';
      // Leave the previous page first, so its late answers (the error page's retried 500s) are not counted here.
      await page.goto('about:blank');
      const before = problems.messages.length;
      await page.goto(href);
      // The open dialog is modal, so the page's own heading is hidden from the accessibility tree meanwhile.
      await expect(page.getByRole('heading', { level: 1, includeHidden: true })).toHaveText(name);
      await expect(page.getByRole('dialog', { name: /^Share / })).toBeVisible();
      // Give late answers (and their errors) a moment to arrive before judging the page.
      await page.waitForTimeout(600);
      const unexpected = problems.messages
        .slice(before)
        .filter((message) => !expectedErrors[stateId]?.test(message));
      expect(unexpected, `${href} logged errors`).toEqual([]);
    }
  });
}

test('gallery pages look right: screenshots of three of them', async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1280, height: 1000 });
  const shots: [string, string, RegExp][] = [
    ['/gallery/application/conflict', 'gallery-application-conflict.png', /^Share Churn insights portal$/],
    [
      '/gallery/governedModel/roles-above-own-level',
      'gallery-governed-model-read-only.png',
      /^Share Credit risk/,
    ],
    [
      '/gallery/dataset/ten-thousand-grants',
      'gallery-dataset-10000-grants.png',
      /^Share Scale · 10,000 grants$/,
    ],
  ];
  for (const [path, file, dialogName] of shots) {
    await page.goto(path);
    const dialog = page.getByRole('dialog', { name: dialogName });
    await expect(dialog).toBeVisible();
    await expect(
      dialog.getByRole('list', { name: 'Shared with' }).getByRole('listitem').first(),
    ).toBeVisible();
    await page.screenshot({ path: `e2e/screenshots/${file}` });
  }
});
