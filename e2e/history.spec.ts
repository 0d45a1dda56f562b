/**
 * Sharing history and undo (SPEC §10) in the browser: the History view beside the access list, `Undo` loading a
 * change set's inverse into the draft, and the ordinary save that applies it; what changed again since is left
 * out, and says why. Accessible by axe-core's measure and by keyboard alone.
 */
import type { Locator, Page } from '@playwright/test';
import { seriousViolations } from './axe.ts';
import { actAs, expect, openApp, openShareDialog, test } from './fixtures.ts';
import { tabTo } from './keyboard.ts';

test.describe.configure({ mode: 'parallel' });

const project = 'Churn model experiments';

async function openHistory(dialog: Locator): Promise<Locator> {
  const toggle = dialog.getByRole('button', { name: 'History', exact: true });
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  const list = dialog.getByRole('list', { name: 'Sharing history' });
  await expect(list).toBeVisible();
  return list;
}

/** A row of the access list, found through `Filter people` (the list is virtualized: a new grant comes last). */
async function roleOf(dialog: Locator, name: string): Promise<Locator> {
  await dialog.getByRole('searchbox', { name: 'Filter people' }).fill(name);
  return dialog.getByRole('combobox', { name: `Role for ${name}` });
}

/** The history entry (a change set) that shows a text. */
function entryWith(list: Locator, text: string | RegExp): Locator {
  return list.locator('[data-slot="history-entry"]').filter({ hasText: text });
}

async function save(dialog: Locator): Promise<void> {
  await dialog.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(dialog.getByRole('status').filter({ hasText: 'Changes saved' })).toBeVisible();
}

async function openAs(page: Page, fullName: string, assetName: string): Promise<Locator> {
  await actAs(page, fullName);
  return openShareDialog(page, assetName);
}

test('as Olivia: remove Connie, open History, Undo, save: Connie is back at her old role', async ({
  page,
}) => {
  await openApp(page, '/');
  const dialog = await openAs(page, 'Olivia Owens', project);
  await dialog.getByRole('button', { name: 'Remove access for Connie Cole' }).click();
  await save(dialog);
  await expect(dialog.getByRole('combobox', { name: 'Role for Connie Cole' })).toBeHidden();

  const list = await openHistory(dialog);
  const removal = entryWith(list, 'Connie Cole: Consumer → No access').first();
  await expect(removal).toHaveAttribute('aria-posinset', '1');
  await expect(removal).toContainText('Olivia Owens');
  await removal.getByRole('button', { name: 'Undo', exact: true }).click();

  const undo = dialog.getByRole('region', { name: /^Undo of Olivia Owens’s change/ });
  await expect(undo).toContainText('Connie Cole: No access → Consumer');
  await expect(undo.getByRole('heading')).toBeFocused();
  await save(dialog);
  await expect(undo).toBeHidden();
  await expect(await roleOf(dialog, 'Connie Cole')).toHaveValue('CONSUMER');
  // The undo is a save like any other, and the history says so.
  await expect(entryWith(list, 'Connie Cole: No access → Consumer').first()).toHaveAttribute(
    'aria-posinset',
    '1',
  );
  await page.screenshot({ path: 'test-results/history-after-undo.png' });
});

test('an undo whose change Eddie changed again since explains why that part is not loaded', async ({
  page,
}) => {
  await openApp(page, '/');
  // Olivia raises Connie to User and removes Data Science, in one save.
  let dialog = await openAs(page, 'Olivia Owens', project);
  await dialog.getByRole('combobox', { name: 'Role for Connie Cole' }).selectOption('USER');
  await dialog.getByRole('button', { name: 'Remove access for Data Science' }).click();
  await save(dialog);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  // Eddie puts Connie back to Consumer.
  dialog = await openAs(page, 'Eddie Evans', project);
  await dialog.getByRole('combobox', { name: 'Role for Connie Cole' }).selectOption('CONSUMER');
  await save(dialog);
  await dialog.getByRole('button', { name: 'Cancel' }).click();

  dialog = await openAs(page, 'Olivia Owens', project);
  const list = await openHistory(dialog);
  const olivias = entryWith(list, 'Data Science: Consumer → No access').first();
  await expect(olivias).toContainText('Connie Cole: Consumer → User');
  await olivias.getByRole('button', { name: 'Undo', exact: true }).click();

  const undo = dialog.getByRole('region', { name: /^Undo of Olivia Owens’s change/ });
  await expect(undo).toContainText(
    /Connie Cole: not loaded, changed again on \w{3} \d{1,2}, \d{4} by Eddie Evans/,
  );
  await expect(undo).toContainText('Data Science: No access → Consumer');
  await expect(undo).toContainText('1 change is not loaded.');
  await save(dialog);
  await expect(await roleOf(dialog, 'Data Science')).toHaveValue('CONSUMER');
  // Eddie's change stands.
  await expect(await roleOf(dialog, 'Connie Cole')).toHaveValue('CONSUMER');
});

test('the History view, with an undo loaded, has no serious or critical axe violation', async ({ page }) => {
  await openApp(page, '/');
  const dialog = await openShareDialog(page, 'Customer transactions 2024');
  const list = await openHistory(dialog);
  await entryWith(list, '“Access for the quarterly review.”')
    .getByRole('button', { name: 'Undo', exact: true })
    .click();
  await expect(dialog.getByRole('region', { name: /^Undo of/ })).toContainText('not loaded');
  expect(await seriousViolations(page, '[role="dialog"]')).toEqual([]);
  await page.screenshot({ path: 'test-results/history-partly-stale.png' });
});

test('by keyboard alone: open History, Undo, collapse it, save', async ({ page }) => {
  await openApp(page, '/');
  const dialog = await openShareDialog(page, project);
  const toggle = dialog.getByRole('button', { name: 'History', exact: true });
  await tabTo(page, toggle, { max: 200 });
  await page.keyboard.press('Enter');
  const list = dialog.getByRole('list', { name: 'Sharing history' });
  await expect(list).toBeVisible();
  const newest = list.locator('[data-slot="history-entry"][aria-posinset="1"]');
  await expect(newest).toContainText('“The review is over.”');
  await tabTo(page, newest.getByRole('button', { name: 'Undo', exact: true }));
  await page.keyboard.press('Enter');
  const undo = dialog.getByRole('region', { name: /^Undo of/ });
  await expect(undo.getByRole('heading')).toBeFocused();

  // Collapsed, the history gets out of the way; the loaded undo stays in view until it is saved.
  await tabTo(page, toggle, { backwards: true });
  await page.keyboard.press('Enter');
  await expect(list).toBeHidden();
  await expect(undo).toContainText('José Peña: No access → Consumer');
  await tabTo(page, dialog.getByRole('button', { name: 'Save', exact: true }));
  await page.keyboard.press('Enter');
  await expect(dialog.getByRole('status').filter({ hasText: 'Changes saved' })).toBeVisible();
  await expect(await roleOf(dialog, 'José Peña')).toHaveValue('CONSUMER');
});
