/**
 * Faults in the browser (SPEC §8, reliability): a server failure, a lost network, a very slow save, a session that
 * ends, a conflicting save from another tab, a late search answer, and a double click. Each keeps what the person
 * typed and offers a retry that then succeeds.
 */
import type { Locator, Page } from '@playwright/test';
import { expect, injectFault, openApp, openShareDialog, sharedWithRow, test } from './fixtures.ts';

const deployment = 'Churn predictor · production';

/** Counts the saves (PATCH …/sharedRoles) the page sends. */
function countSaves(page: Page): { readonly count: number } {
  const counter = { count: 0 };
  page.on('request', (request) => {
    if (request.method() === 'PATCH' && request.url().includes('/sharedRoles')) counter.count += 1;
  });
  return counter;
}

/** The draft every fault test starts from: Amélie Fontaine added, Connie Cole raised to User. */
async function makeDraft(dialog: Locator): Promise<void> {
  await dialog.getByRole('combobox', { name: 'Share with' }).fill('Amélie');
  await dialog.getByRole('option', { name: /Amélie Fontaine/ }).click();
  await dialog.getByRole('combobox', { name: 'Role for Connie Cole' }).selectOption('USER');
  await dialog.getByRole('textbox', { name: 'Add note' }).fill('Please review before Friday.');
}

async function expectDraftKept(dialog: Locator): Promise<void> {
  await expect(dialog.getByRole('button', { name: 'Remove Amélie Fontaine' })).toBeVisible();
  await expect(dialog.getByRole('combobox', { name: 'Role for Connie Cole' })).toHaveValue('USER');
  await expect(dialog.getByRole('textbox', { name: 'Add note' })).toHaveValue('Please review before Friday.');
  await expect(dialog.getByRole('button', { name: 'Share', exact: true })).toBeEnabled();
}

async function expectSaved(dialog: Locator): Promise<void> {
  await expect(dialog.getByRole('status').filter({ hasText: 'Shared with Amélie Fontaine' })).toBeVisible();
  await expect(dialog.getByRole('alert')).toHaveCount(0);
  const list = dialog.getByRole('list', { name: 'Shared with' });
  const amelie = await sharedWithRow(list, 'Amélie Fontaine');
  await expect(amelie.getByRole('combobox', { name: 'Role for Amélie Fontaine' })).toBeVisible();
  const connie = await sharedWithRow(list, 'Connie Cole');
  await expect(connie.getByRole('combobox', { name: 'Role for Connie Cole' })).toHaveValue('USER');
  await expect(dialog.getByRole('button', { name: 'Undo changes for Connie Cole' })).toHaveCount(0);
}

async function openDeploymentDraft(page: Page): Promise<Locator> {
  await openApp(page, '/');
  const dialog = await openShareDialog(page, deployment);
  await makeDraft(dialog);
  return dialog;
}

test.describe.configure({ mode: 'parallel' });

test('a 500 on save keeps the draft, says so, and Retry saves it', async ({ page }) => {
  const saves = countSaves(page);
  const dialog = await openDeploymentDraft(page);
  await injectFault(page, { method: 'PATCH', path: '/sharedRoles', status: 500, times: 1 });
  await dialog.getByRole('button', { name: 'Share', exact: true }).click();
  const alert = dialog.getByRole('alert');
  await expect(alert).toContainText('Something went wrong on the server. Your changes are kept.');
  await expect(alert).toBeFocused();
  await expectDraftKept(dialog);
  await alert.getByRole('button', { name: 'Retry' }).click();
  await expectSaved(dialog);
  expect(saves.count).toBe(2);
});

test('a lost network keeps the draft, says so, and Retry saves it', async ({ page }) => {
  const dialog = await openDeploymentDraft(page);
  await injectFault(page, { method: 'PATCH', path: '/sharedRoles', networkError: true, times: 1 });
  await dialog.getByRole('button', { name: 'Share', exact: true }).click();
  const alert = dialog.getByRole('alert');
  await expect(alert).toContainText('The server could not be reached. Your changes are kept.');
  await expectDraftKept(dialog);
  await alert.getByRole('button', { name: 'Retry' }).click();
  await expectSaved(dialog);
});

test('a save slower than 10 s says so; the person can keep waiting and it succeeds', async ({ page }) => {
  test.setTimeout(40_000);
  const dialog = await openDeploymentDraft(page);
  await injectFault(page, { method: 'PATCH', path: '/sharedRoles', delayMs: 15_000, times: 1 });
  await dialog.getByRole('button', { name: 'Share', exact: true }).click();
  await expect(dialog.getByRole('status').filter({ hasText: 'Saving…' })).toBeVisible();
  // Said at 10 s; the margin is for a busy machine, and the answer comes at 15 s.
  await expect(dialog.getByRole('status').filter({ hasText: /taking longer than usual/ })).toBeVisible({
    timeout: 14_000,
  });
  await expect(dialog.getByRole('button', { name: 'Cancel save' })).toBeVisible();
  await expectSaved(dialog);
  await expect(dialog.getByRole('button', { name: 'Cancel save' })).toHaveCount(0);
});

test('a save slower than 10 s can be cancelled: the draft stays, and Retry saves it', async ({ page }) => {
  test.setTimeout(40_000);
  const saves = countSaves(page);
  const dialog = await openDeploymentDraft(page);
  await injectFault(page, { method: 'PATCH', path: '/sharedRoles', delayMs: 20_000, times: 1 });
  await dialog.getByRole('button', { name: 'Share', exact: true }).click();
  const cancel = dialog.getByRole('button', { name: 'Cancel save' });
  // Offered at 10 s; the margin is for a busy machine, and the answer would come at 20 s.
  await expect(cancel).toBeVisible({ timeout: 15_000 });
  await cancel.click();
  const alert = dialog.getByRole('alert');
  await expect(alert).toContainText('stopped waiting');
  await expectDraftKept(dialog);
  await alert.getByRole('button', { name: 'Retry' }).click();
  await expectSaved(dialog);
  expect(saves.count).toBe(2);
});

test('a session that ends mid-edit (401) keeps the draft; Retry saves it once signed in again', async ({
  page,
}) => {
  const dialog = await openDeploymentDraft(page);
  await injectFault(page, { method: 'PATCH', path: '/sharedRoles', status: 401, times: 1 });
  await dialog.getByRole('button', { name: 'Share', exact: true }).click();
  const alert = dialog.getByRole('alert');
  await expect(alert).toContainText('signed out');
  await expect(alert).toBeFocused();
  await expectDraftKept(dialog);
  await alert.getByRole('button', { name: 'Retry' }).click();
  await expectSaved(dialog);
});

test('a conflicting save from another tab (412) reloads the list, keeps the draft, and saving again keeps both', async ({
  page,
  context,
}) => {
  const dialog = await openDeploymentDraft(page);

  // Meanwhile, in another tab of the same browser, Olivia makes Eddie a Consumer.
  const other = await context.newPage();
  await openApp(other, '/');
  const otherDialog = await openShareDialog(other, deployment);
  await otherDialog.getByRole('combobox', { name: 'Role for Eddie Evans' }).selectOption('CONSUMER');
  await otherDialog.getByRole('button', { name: 'Save' }).click();
  await expect(otherDialog.getByRole('status').filter({ hasText: 'Changes saved' })).toBeVisible();
  await other.close();

  await page.bringToFront();
  await dialog.getByRole('button', { name: 'Share', exact: true }).click();
  const alert = dialog.getByRole('alert');
  await expect(alert).toContainText('Someone else changed sharing while you were editing.');
  // The list shows the other tab's change; the draft is still there.
  await expect(dialog.getByRole('combobox', { name: 'Role for Eddie Evans' })).toHaveValue('CONSUMER');
  await expectDraftKept(dialog);

  await dialog.getByRole('button', { name: 'Share', exact: true }).click();
  await expectSaved(dialog);
  await expect(dialog.getByRole('combobox', { name: 'Role for Eddie Evans' })).toHaveValue('CONSUMER');
});

test('a slow search answer arriving after a newer one is dropped: the newer search wins', async ({
  page,
}) => {
  await openApp(page, '/');
  const dialog = await openShareDialog(page, deployment);
  await injectFault(page, { method: 'GET', path: '/principals', delayMs: 2_500, times: 1 });
  const search = dialog.getByRole('combobox', { name: 'Share with' });
  const isSlowSearch = (url: string) => /principals\?.*search=Connie/.test(url);
  // The slow answer either arrives late or is cancelled by the client: either way it must not show.
  const slowAnswer = new Promise<void>((resolve) => {
    page.on('requestfinished', (request) => isSlowSearch(request.url()) && resolve());
    page.on('requestfailed', (request) => isSlowSearch(request.url()) && resolve());
  });
  // The search asks the server as the text is typed: listen for the request before typing it.
  const slowSent = page.waitForRequest((request) => isSlowSearch(request.url()));
  await search.fill('Connie');
  await slowSent;
  const sentAt = Date.now();
  await search.fill('Amélie');
  const newer = dialog.getByRole('option', { name: /Amélie Fontaine/ });
  await expect(newer).toBeVisible();
  await slowAnswer;
  // The backend answers the slow search only after its delay, whether or not the client still listens.
  await page.waitForTimeout(Math.max(0, 2_600 - (Date.now() - sentAt)));
  // Give the late answer every chance to render.
  await page.waitForTimeout(400);
  await expect(newer).toBeVisible();
  await expect(dialog.getByRole('option', { name: /Connie Cole/ })).toHaveCount(0);
  await expect(search).toHaveValue('Amélie');
});

test('a double click on Share sends one request', async ({ page }) => {
  const saves = countSaves(page);
  const dialog = await openDeploymentDraft(page);
  // A slow save keeps the first click in flight while the second arrives.
  await injectFault(page, { method: 'PATCH', path: '/sharedRoles', delayMs: 800, times: 1 });
  await dialog.getByRole('button', { name: 'Share', exact: true }).dblclick();
  await expectSaved(dialog);
  await page.waitForTimeout(300);
  expect(saves.count).toBe(1);
});
