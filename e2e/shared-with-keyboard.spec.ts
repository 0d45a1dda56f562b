import { expect, type Locator, type Page, test } from '@playwright/test';
import { openApp } from './fixtures.ts';

const assetName = 'Scale · 10,000 grants';

async function openLongList(page: Page): Promise<{ dialog: Locator; viewport: Locator }> {
  await openApp(page, '/?scale=large&latency=0');
  await page
    .getByRole('listitem')
    .filter({ has: page.getByRole('link', { name: assetName, exact: true }) })
    .getByRole('button', { name: 'Share' })
    .click();
  const dialog = page.getByRole('dialog', { name: `Share ${assetName}` });
  const list = dialog.getByRole('list', { name: 'Shared with' });
  await expect(list.getByRole('listitem').first()).toBeVisible();
  const viewport = list.locator('xpath=..');
  await viewport.evaluate((element) => {
    element.scrollTop = 3_000;
  });
  // The rows for the new position are rendered, those above the view (the overscan) included, and measured.
  await expect.poll(() => list.getByRole('listitem').first().getAttribute('aria-posinset')).not.toBe('1');
  await page.evaluate(
    () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
  );
  return { dialog, viewport };
}

/** The position (1-based) of the row focus is in, and of the first and last rows in view. */
function focusAndView(viewport: Locator) {
  return viewport.evaluate((element) => {
    const box = element.getBoundingClientRect();
    const rows = [...(element.querySelector('ul')?.children ?? [])].filter((row) => {
      const rect = row.getBoundingClientRect();
      return rect.bottom > box.top && rect.top < box.bottom;
    });
    const position = (row: Element | null | undefined) =>
      row ? Number(row.getAttribute('aria-posinset')) : null;
    const control = document.activeElement?.getBoundingClientRect();
    return {
      focused: position(document.activeElement?.closest('li')),
      focusedControlInView: control ? control.bottom > box.top && control.top < box.bottom : false,
      firstInView: position(rows[0]),
      lastInView: position(rows.at(-1)),
      scrollTop: element.scrollTop,
    };
  });
}

test('Tab into a scrolled Shared with list lands on the first row in view, and leaves the list where it was', async ({
  page,
}) => {
  const { dialog, viewport } = await openLongList(page);
  await dialog.getByRole('searchbox', { name: 'Filter people' }).focus();
  await page.keyboard.press('Tab');
  await expect(viewport).toBeFocused();
  const before = await focusAndView(viewport);
  await page.keyboard.press('Tab');
  const after = await focusAndView(viewport);
  expect(after.scrollTop).toBe(before.scrollTop);
  // The first row in view, or the next one when the edge cuts off the first one's controls.
  expect(after.focusedControlInView).toBe(true);
  expect([after.firstInView, (after.firstInView ?? 0) + 1]).toContain(after.focused);
  // The control keeps its accessible name: the first of that row.
  await expect(page.locator(':focus')).toHaveAccessibleName(/ for /);
});

test('Shift+Tab back into the scrolled list lands on the last row in view', async ({ page }) => {
  const { dialog, viewport } = await openLongList(page);
  // The first tab stop after the list: the History disclosure under it.
  await dialog.getByRole('button', { name: 'History', exact: true }).focus();
  const before = await focusAndView(viewport);
  await page.keyboard.press('Shift+Tab');
  const after = await focusAndView(viewport);
  expect(after.scrollTop).toBe(before.scrollTop);
  expect(after.focusedControlInView).toBe(true);
  expect([after.lastInView, (after.lastInView ?? 0) - 1]).toContain(after.focused);
});
