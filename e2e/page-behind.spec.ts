/**
 * The page behind an open dialog holds still, and opening the dialog restyles only what it must: no stylesheet
 * is added to the page and no custom property set on its body, either of which makes the browser restyle every
 * element of a host's page on each open.
 */
import { expect, openApp, openShareDialog, test } from './fixtures.ts';

test('the page behind the dialog does not scroll, and scrolls again once it closes', async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 500 });
  await openApp(page, '/');
  const styleSheets = await page.evaluate(() => document.styleSheets.length);
  const dialog = await openShareDialog(page, 'Churn predictor · production');
  expect(await page.evaluate(() => document.styleSheets.length)).toBe(styleSheets);
  expect(await page.evaluate(() => document.body.getAttribute('style') ?? '')).not.toContain('--');

  // Opening scrolled `Share` into view; from there the page stays where it is under the dialog.
  const scrolledTo = await page.evaluate(() => window.scrollY);
  await page.mouse.move(10, 490);
  await page.mouse.wheel(0, -300);
  await page.waitForTimeout(300);
  expect(await page.evaluate(() => window.scrollY)).toBe(scrolledTo);

  await dialog.getByRole('button', { name: 'Close' }).first().click();
  await expect(dialog).toBeHidden();
  await page.mouse.wheel(0, -300);
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBeLessThan(scrolledTo);
});
