/**
 * The stories as tests: the gallery renders every story of the Share dialog (`composeStories`), and each page is
 * judged once, in one visit: the dialog renders, no console error, no serious or critical axe violation.
 */
import { seriousViolations } from './axe.ts';
import { expect, openApp, test } from './fixtures.ts';
import { indexedStories } from './stories.ts';

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

const stories = indexedStories();
/** One test per asset type and group (the index's sections), so the pages spread evenly over the workers. */
const batches = [...new Set(stories.map((story) => `${story.assetTypeId}/${story.group}`))].map((key) => {
  const [assetTypeId = '', group = ''] = key.split('/');
  return { assetTypeId, group };
});

test('the gallery index links exactly the stories Storybook indexes, and has no axe violation', async ({
  page,
}) => {
  await openApp(page, '/gallery');
  await expect(page.getByRole('heading', { level: 1, name: 'Gallery' })).toBeVisible();
  const links = page.getByRole('list', { name: / of the / }).getByRole('link');
  await expect(links).toHaveCount(stories.length);
  const linked = await links.evaluateAll((anchors) =>
    anchors.map((anchor) => {
      const assetTypeId = anchor.getAttribute('href')?.split('/')[2] ?? '';
      const stateTitle = anchor.getAttribute('aria-label')?.split(': ').slice(1).join(': ') ?? '';
      return `${assetTypeId} · ${stateTitle}`;
    }),
  );
  expect(linked.sort()).toEqual(stories.map((story) => `${story.assetTypeId} · ${story.stateTitle}`).sort());
  expect(await seriousViolations(page)).toEqual([]);
});

// The tests share nothing, so they spread over the workers.
test.describe.configure({ mode: 'parallel' });

for (const { assetTypeId, group } of batches) {
  test(`every story of the ${assetTypeId} under “${group}” renders in the gallery without console errors or axe violations`, async ({
    page,
    problems,
  }) => {
    test.setTimeout(240_000);
    await openApp(page, '/gallery');
    const links = page
      .getByRole('list', { name: new RegExp(`^${group} of the `) })
      .locator(`a[href^="/gallery/${assetTypeId}/"]`);
    const expected = stories.filter((story) => story.assetTypeId === assetTypeId && story.group === group);
    await expect(links).toHaveCount(expected.length);
    const pages: { href: string; name: string }[] = [];
    for (const link of await links.all()) {
      pages.push({
        href: (await link.getAttribute('href')) ?? '',
        name: (await link.getAttribute('aria-label')) ?? '',
      });
    }
    pages.sort((a, b) => scaleLast(a.href, b.href));

    const found: string[] = [];
    for (const { href, name } of pages) {
      const statePath = href.split('/').at(-1) ?? '';
      // Leave the previous page first, so its late answers (the error page's retried 500s) are not counted here.
      await page.goto('about:blank');
      const before = problems.messages.length;
      await page.goto(href);
      // The open dialog is modal, so the page's own heading is hidden from the accessibility tree meanwhile.
      await expect(page.getByRole('heading', { level: 1, includeHidden: true })).toHaveText(name);
      await expect(page.getByRole('dialog', { name: /^Share / })).toBeVisible();
      // Let the state settle (skeletons, injected errors, late answers) before judging the page.
      await page.waitForTimeout(600);
      const unexpected = problems.messages
        .slice(before)
        .filter((message) => !expectedErrors[statePath]?.test(message));
      expect(unexpected, `${href} logged errors`).toEqual([]);
      // The page around the dialog is the same for every story: judged whole once, then the dialog alone.
      const scope = statePath === 'default' ? undefined : '[role="dialog"]';
      found.push(...(await seriousViolations(page, scope)).map((violation) => `${href}: ${violation}`));
    }
    expect(found).toEqual([]);
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
    // The scale seed's page builds 100,000 people in the page before it renders: give it time on a busy machine.
    await expect(dialog).toBeVisible({ timeout: 30_000 });
    await expect(
      dialog.getByRole('list', { name: 'Shared with' }).getByRole('listitem').first(),
    ).toBeVisible();
    await page.screenshot({ path: `e2e/screenshots/${file}` });
  }
});
