/**
 * Accessibility of the Share dialog in a real browser (SPEC §8): axe-core on the open dialog of every asset type
 * (every story, in the gallery, is judged by `gallery.spec.ts` in the same visit that checks its console), every
 * flow by keyboard alone, live regions, visible focus, and a narrow or zoomed viewport.
 */
import type { Locator, Page } from '@playwright/test';
import { seriousViolations } from './axe.ts';
import { assetRow, expect, openApp, openShareDialog, test } from './fixtures.ts';
import { tabTo } from './keyboard.ts';

/** One demo asset of each type, owned by Olivia (SPEC §7). */
const demoAssets = [
  ['Use Case', 'Customer churn reduction'],
  ['application', 'Churn insights portal'],
  ['deployment', 'Churn predictor · production'],
  ['dataset', 'Customer transactions 2024'],
  ['data connection', 'Snowflake · analytics warehouse'],
  ['project', 'Churn model experiments'],
  ['workload', 'Fraud scoring service'],
  ['governed model', 'Credit risk model v3'],
] as const;

/** Whether the focused element shows where focus is: an outline or a focus ring drawn as a shadow. */
async function focusIsVisible(page: Page): Promise<{ ok: boolean; element: string }> {
  return page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    if (!element || element === document.body) return { ok: false, element: 'body' };
    const style = getComputedStyle(element);
    const outline = style.outlineStyle !== 'none' && Number.parseFloat(style.outlineWidth) > 0;
    const ring = style.boxShadow !== 'none' && style.boxShadow !== '';
    const label =
      element.getAttribute('aria-label') ?? element.textContent?.trim().slice(0, 40) ?? element.tagName;
    return { ok: outline || ring, element: `${element.tagName.toLowerCase()} “${label}”` };
  });
}

test.describe('axe-core finds no serious or critical violation', () => {
  test.describe.configure({ mode: 'parallel' });

  for (const [typeLabel, assetName] of demoAssets) {
    test(`in the open dialog of the ${typeLabel}, idle and with a draft and open suggestions`, async ({
      page,
    }) => {
      await openApp(page, '/');
      const dialog = await openShareDialog(page, assetName);
      expect(await seriousViolations(page, '[role="dialog"]')).toEqual([]);

      // A draft: a pending removal, and the search's listbox open with results.
      const rows = dialog.getByRole('list', { name: 'Shared with' }).getByRole('listitem');
      const removable = rows.filter({ has: page.getByRole('button', { name: /^Remove access for / }) });
      await removable
        .last()
        .getByRole('button', { name: /^Remove access for / })
        .click();
      const search = dialog.getByRole('combobox', { name: 'Share with' });
      await search.fill('an');
      await expect(dialog.getByRole('listbox').getByRole('option').first()).toBeVisible();
      expect(await seriousViolations(page, '[role="dialog"]')).toEqual([]);
    });
  }
});

test.describe('by keyboard alone', () => {
  test('add, change a role, toggle a flag, remove, undo, save and close; focus returns to the trigger', async ({
    page,
  }) => {
    const assetName = 'Customer transactions 2024';
    await openApp(page, '/');
    const trigger = assetRow(page, assetName).getByRole('button', { name: 'Share' });
    await trigger.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: `Share ${assetName}` });
    const search = dialog.getByRole('combobox', { name: 'Share with' });
    // The dialog starts where sharing starts.
    await expect(search).toBeFocused();
    await expect(dialog.getByRole('listitem').filter({ hasText: 'Connie Cole' }).first()).toBeVisible();

    // Add: type, arrow to the suggestion, Enter. The live region announces the results and the addition.
    const announcer = dialog.locator('[role="status"][aria-live="polite"]').first();
    await page.keyboard.type('Amélie');
    const option = dialog.getByRole('option', { name: /Amélie Fontaine/ });
    await expect(option).toBeVisible();
    await expect(announcer).toHaveText(/\d+ results?/);
    for (
      let presses = 0;
      presses < 10 && (await option.getAttribute('aria-selected')) !== 'true';
      presses++
    ) {
      await page.keyboard.press('ArrowDown');
    }
    await expect(option).toHaveAttribute('aria-selected', 'true');
    await page.keyboard.press('Enter');
    await expect(dialog.getByRole('button', { name: 'Remove Amélie Fontaine' })).toBeVisible();
    await expect(announcer).toHaveText(/Amélie Fontaine added/);

    // Change a role: Tab to Connie's role and pick Editor with the arrow keys.
    const connieRole = dialog.getByRole('combobox', { name: 'Role for Connie Cole' });
    await tabTo(page, connieRole);
    await page.keyboard.press('ArrowUp');
    await expect(connieRole).toHaveValue('EDITOR');

    // Toggle a flag with Space.
    const nora = dialog.getByRole('checkbox', { name: 'Allow sharing for Nora Nash' });
    await tabTo(page, nora);
    const noraAllowed = await nora.isChecked();
    await page.keyboard.press('Space');
    await expect(nora).toBeChecked({ checked: !noraAllowed });

    // Remove Eddie, then undo it, by Enter (his row is above: Shift+Tab back to it).
    const removeEddie = dialog.getByRole('button', { name: 'Remove access for Eddie Evans' });
    await tabTo(page, removeEddie, { backwards: true });
    await page.keyboard.press('Enter');
    const undoEddie = dialog.getByRole('button', { name: 'Undo changes for Eddie Evans' });
    await expect(undoEddie).toBeVisible();
    await tabTo(page, undoEddie, { backwards: true });
    await page.keyboard.press('Enter');
    await expect(dialog.getByRole('button', { name: 'Remove access for Eddie Evans' })).toBeVisible();

    // Save (the draft adds someone, so the button says Share); the status region announces success.
    const share = dialog.getByRole('button', { name: 'Share', exact: true });
    await tabTo(page, share);
    await page.keyboard.press('Enter');
    await expect(dialog.getByRole('status').filter({ hasText: 'Shared with Amélie Fontaine' })).toBeVisible();
    // The saved list, found through its filter (the rows above may be scrolled out of the virtual window).
    const filter = dialog.getByRole('searchbox', { name: 'Filter people' });
    await filter.fill('Connie');
    await expect(dialog.getByRole('combobox', { name: 'Role for Connie Cole' })).toHaveValue('EDITOR');
    await filter.fill('Nora');
    await expect(dialog.getByRole('checkbox', { name: 'Allow sharing for Nora Nash' })).toBeChecked({
      checked: !noraAllowed,
    });
    await filter.fill('Amélie');
    await expect(dialog.getByRole('combobox', { name: 'Role for Amélie Fontaine' })).toBeVisible();
    await filter.fill('Eddie');
    await expect(dialog.getByRole('combobox', { name: 'Role for Eddie Evans' })).toHaveValue('EDITOR');

    // Close with Escape: focus goes back to the Share button that opened the dialog.
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(trigger).toBeFocused();
  });

  test('closing with pending changes asks first, by keyboard too, and keeps the draft when asked to', async ({
    page,
  }) => {
    const assetName = 'Churn model experiments';
    await openApp(page, '/');
    const trigger = assetRow(page, assetName).getByRole('button', { name: 'Share' });
    await trigger.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: `Share ${assetName}` });
    const removeConnie = dialog.getByRole('button', { name: 'Remove access for Connie Cole' });
    await tabTo(page, removeConnie);
    await page.keyboard.press('Enter');
    await page.keyboard.press('Escape');
    const confirm = page.getByRole('alertdialog', { name: 'Discard changes?' });
    await expect(confirm).toBeVisible();
    await expect(confirm.getByRole('button', { name: 'Keep editing' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(confirm).toBeHidden();
    await expect(dialog.getByRole('button', { name: 'Undo changes for Connie Cole' })).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(confirm).toBeVisible();
    await tabTo(page, confirm.getByRole('button', { name: 'Discard' }));
    await page.keyboard.press('Enter');
    await expect(dialog).toBeHidden();
    await expect(trigger).toBeFocused();
  });

  test('typing fast into "Share with" on a slow device loses no character', async ({ page }) => {
    await openApp(page, '/');
    const dialog = await openShareDialog(page, 'Customer transactions 2024');
    const search = dialog.getByRole('combobox', { name: 'Share with' });
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 8 });
    await search.focus();
    await page.keyboard.type('Amelie Fontaine', { delay: 20 });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    await expect(search).toHaveValue('Amelie Fontaine');
    await expect(dialog.getByRole('option', { name: /Amélie Fontaine/ })).toBeVisible();
  });

  test('every control of the dialog shows where focus is', async ({ page }) => {
    await openApp(page, '/');
    const dialog = await openShareDialog(page, 'Churn insights portal');
    await dialog.getByRole('combobox', { name: 'Share with' }).focus();
    const seen = new Set<string>();
    const invisible: string[] = [];
    for (let presses = 0; presses < 40; presses++) {
      const focus = await focusIsVisible(page);
      if (seen.has(focus.element)) break;
      seen.add(focus.element);
      if (!focus.ok) invisible.push(focus.element);
      await page.keyboard.press('Tab');
    }
    expect(seen.size).toBeGreaterThan(8);
    expect(invisible).toEqual([]);
  });
});

test.describe('live regions', () => {
  test('search results, save success and save errors are announced', async ({ page }) => {
    await openApp(page, '/');
    const dialog = await openShareDialog(page, 'Fraud scoring service');
    const search = dialog.getByRole('combobox', { name: 'Share with' });
    await search.fill('zzzz-nobody');
    await expect(dialog.locator('[role="status"]').filter({ hasText: 'No matches' })).toHaveCount(1);
    await search.fill('Risk');
    await expect(dialog.locator('[role="status"]').filter({ hasText: /\d+ results?/ })).toHaveCount(1);

    // An error: Rita, capped at read-only, cannot be made a User. The summary is an alert and takes focus.
    await search.fill('rita@acme.test');
    await page.keyboard.press('Enter');
    await expect(dialog.getByRole('button', { name: 'Remove Rita Reyes' })).toBeVisible();
    await dialog.getByRole('combobox', { name: 'Role', exact: true }).selectOption('USER');
    const save = dialog.getByRole('button', { name: /^(Share|Save)$/ });
    await save.click();
    const alert = dialog.getByRole('alert');
    await expect(alert).toContainText('Rita Reyes');
    await expect(alert).toBeFocused();

    // Success: remove Rita from the draft, add Eddie's group instead; the status says what was shared.
    await dialog.getByRole('button', { name: 'Remove Rita Reyes' }).click();
    await search.fill('Data Science');
    await dialog.getByRole('option', { name: /Data Science/ }).click();
    await dialog.getByRole('button', { name: 'Share', exact: true }).click();
    await expect(dialog.getByRole('status').filter({ hasText: 'Shared with Data Science' })).toBeVisible();
  });
});

test.describe('narrow and zoomed', () => {
  async function expectNoHorizontalScroll(page: Page, dialog: Locator) {
    const overflow = await page.evaluate(() => {
      const root = document.scrollingElement as HTMLElement;
      return root.scrollWidth - root.clientWidth;
    });
    expect(overflow, 'the page scrolls sideways').toBeLessThanOrEqual(0);
    const box = await dialog.boundingBox();
    const viewport = page.viewportSize();
    expect(box && viewport && box.x >= 0 && box.x + box.width <= viewport.width + 0.5).toBe(true);
    const wider = await dialog.evaluate((element) =>
      [...element.querySelectorAll<HTMLElement>('*')]
        .filter(
          (child) =>
            child.scrollWidth > element.clientWidth + 1 && getComputedStyle(child).overflowX === 'visible',
        )
        .map((child) => child.className || child.tagName)
        .slice(0, 5),
    );
    expect(wider, 'content wider than the dialog').toEqual([]);
  }

  async function shareFlow(page: Page) {
    await openApp(page, '/');
    const dialog = await openShareDialog(page, 'Customer transactions 2024');
    await expectNoHorizontalScroll(page, dialog);
    const search = dialog.getByRole('combobox', { name: 'Share with' });
    await search.fill('Amélie');
    await dialog.getByRole('option', { name: /Amélie Fontaine/ }).click();
    await dialog.getByRole('textbox', { name: 'Add note' }).fill('For the quarterly review.');
    await expectNoHorizontalScroll(page, dialog);
    const share = dialog.getByRole('button', { name: 'Share', exact: true });
    await share.scrollIntoViewIfNeeded();
    await expect(share).toBeInViewport();
    await share.click();
    await expect(dialog.getByRole('status').filter({ hasText: 'Shared with Amélie Fontaine' })).toBeVisible();
    const close = dialog.getByRole('button', { name: 'Close' }).first();
    await close.scrollIntoViewIfNeeded();
    await expect(close).toBeInViewport();
    expect(await seriousViolations(page, '[role="dialog"]')).toEqual([]);
  }

  test.describe('360 px wide (a phone)', () => {
    test.use({ viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: false });
    test('the dialog fits, scrolls only vertically and shares', async ({ page }) => {
      await shareFlow(page);
    });
  });

  test.describe('200 % zoom of a 1280 × 800 window', () => {
    test.use({ viewport: { width: 640, height: 400 }, deviceScaleFactor: 2 });
    test('the dialog fits, scrolls only vertically and shares', async ({ page }) => {
      await shareFlow(page);
    });
  });
});
