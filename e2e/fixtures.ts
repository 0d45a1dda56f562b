/**
 * Fixtures for the demo app's browser tests: every test starts from the seed, and helpers drive the app the way a
 * person does, by role and accessible name.
 */
import { test as base, expect, type Locator, type Page } from '@playwright/test';

/** Waits until the app shell is up: the mock backend answered and the persona switcher is shown. */
export async function waitForApp(page: Page): Promise<void> {
  await expect(page.getByRole('combobox', { name: 'Acting as' })).toBeVisible();
}

/** Opens a path of the app and waits for the shell. */
export async function openApp(page: Page, path = '/'): Promise<void> {
  await page.goto(path);
  await waitForApp(page);
}

/** The persona switcher. */
export function actingAs(page: Page): Locator {
  return page.getByRole('combobox', { name: 'Acting as' });
}

/** Signs the app in as a persona, by full name (e.g. `Eddie Evans`), and waits until the shell says so. */
export async function actAs(page: Page, fullName: string): Promise<void> {
  const switcher = actingAs(page);
  const option = switcher.getByRole('option', { name: new RegExp(`^${escapeRegExp(fullName)}\\b`) });
  const label = (await option.textContent())?.trim();
  if (!label) throw new Error(`No persona named ${fullName} in “Acting as”.`);
  await switcher.selectOption({ label });
  await expect(switcher.locator('option:checked')).toHaveText(label);
}

/** The bell, whatever its unread count. */
export function notificationBell(page: Page): Locator {
  return page.getByRole('button', { name: /^Notifications, \d+ unread$/ });
}

/** Opens the notification center and answers its panel. */
export async function openNotifications(page: Page): Promise<Locator> {
  const bell = notificationBell(page);
  if ((await bell.getAttribute('aria-expanded')) !== 'true') await bell.click();
  const panel = page.getByRole('dialog', { name: 'Notifications' });
  await expect(panel).toBeVisible();
  return panel;
}

/** Presses Reset demo data and confirms. */
export async function resetDemoData(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Reset demo data' }).click();
  const confirm = page.getByRole('alertdialog', { name: 'Reset demo data?' });
  await confirm.getByRole('button', { name: 'Reset', exact: true }).click();
  await expect(confirm).toBeHidden();
}

/** Pastes text into a field, as a person pasting from the clipboard does. */
export async function paste(target: Locator, text: string): Promise<void> {
  await target.focus();
  await target.evaluate((element, pasted) => {
    const data = new DataTransfer();
    data.setData('text/plain', pasted);
    element.dispatchEvent(
      new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
    );
  }, text);
}

/** The home page's row of an asset, by name. */
export function assetRow(page: Page, assetName: string): Locator {
  return page.getByRole('listitem').filter({ has: page.getByRole('link', { name: assetName, exact: true }) });
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Console errors and uncaught page errors seen during a test. */
export interface PageProblems {
  messages: string[];
}

/**
 * The mock worker's update check failing. On every page load, MSW (2.15, `getWorkerInstance`) calls `update()` on
 * the worker already registered without awaiting it. Now and then, when pages follow each other quickly, Chromium
 * refuses that check ("Not found"), and the rejection surfaces as an error of the page. The worker already
 * registered keeps answering, so nothing the page does is affected.
 */
function isMockWorkerUpdateCheck(message: string): boolean {
  return /^Failed to update a ServiceWorker for scope .*mockServiceWorker\.js'\): Not found$/.test(message);
}

export const test = base.extend<{ problems: PageProblems }>({
  // Every test starts from the seed: open the app, restore the seed through the demo backend, start over.
  page: async ({ page }, use) => {
    await openApp(page, '/');
    await page.evaluate(async () => {
      const response = await fetch('/api/v2/demo/reset', { method: 'POST' });
      if (!response.ok) throw new Error(`Reset failed: ${response.status}`);
    });
    await page.evaluate(() => localStorage.removeItem('sharewell.demo.actingAs'));
    await use(page);
  },
  problems: async ({ page }, use) => {
    const problems: PageProblems = { messages: [] };
    page.on('console', (message) => {
      if (message.type() === 'error') problems.messages.push(`console.error: ${message.text()}`);
    });
    page.on('pageerror', (error) => {
      if (!isMockWorkerUpdateCheck(error.message)) problems.messages.push(`page error: ${error.message}`);
    });
    await use(problems);
  },
});

export { expect };

/** A fault for the page's mock backend (`POST /api/v2/demo/faults`): it lives until the page reloads. */
export interface FaultSpec {
  path: string;
  method?: string;
  status?: number;
  delayMs?: number;
  networkError?: boolean;
  times?: number;
}

/** Makes matching requests of this page fail, hang or lose the network, the way the gallery does. */
export async function injectFault(page: Page, fault: FaultSpec): Promise<void> {
  await page.evaluate(async (spec) => {
    const response = await fetch('/api/v2/demo/faults', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(spec),
    });
    if (!response.ok) throw new Error(`Fault injection failed: ${response.status}`);
  }, fault);
}

/** Opens an asset's Share dialog from the home page's row and waits until its access list is shown. */
export async function openShareDialog(page: Page, assetName: string): Promise<Locator> {
  await assetRow(page, assetName).getByRole('button', { name: 'Share' }).click();
  const dialog = page.getByRole('dialog', { name: `Share ${assetName}` });
  await expect(dialog.getByRole('list', { name: 'Shared with' }).getByRole('listitem').first()).toBeVisible();
  return dialog;
}

/**
 * The row of `name` in a `Shared with` list, scrolled into the rendered part of the list first: the list renders
 * only the rows near its view, so a row further down is in the DOM only once the list has been scrolled to it.
 */
export async function sharedWithRow(list: Locator, name: string): Promise<Locator> {
  const row = list.getByRole('listitem').filter({ hasText: name });
  await expect
    .poll(async () => {
      if ((await row.count()) > 0) return true;
      await list.evaluate((element) => {
        const viewport = element.parentElement as HTMLElement;
        const atEnd = viewport.scrollTop + viewport.clientHeight >= viewport.scrollHeight - 1;
        viewport.scrollTop = atEnd ? 0 : viewport.scrollTop + viewport.clientHeight / 2;
      });
      return false;
    })
    .toBe(true);
  await row.scrollIntoViewIfNeeded();
  return row;
}
