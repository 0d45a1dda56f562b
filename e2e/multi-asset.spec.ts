/**
 * Sharing several assets at once (SPEC §11) in the demo app: select assets of any types, `Share selected`, see
 * per asset what will happen before saving, save one request per asset, and hand ownership over in one step.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { actAs, assetRow, expect, injectFault, openShareDialog, test } from './fixtures.ts';

const dataset = 'Customer transactions 2024';
const useCase = 'Customer churn reduction';
const deployment = 'Churn predictor · production';
const projects = ['Churn model experiments', 'Demand forecast experiments', 'Price elasticity experiments'];

/** Selects assets on the home page by their `Select <name>` checkboxes and opens `Share selected`. */
async function shareSelected(page: Page, names: readonly string[]): Promise<Locator> {
  for (const name of names) await page.getByRole('checkbox', { name: `Select ${name}` }).check();
  await page.getByRole('button', { name: 'Share selected' }).click();
  return loadedDialog(page, names.length);
}

async function loadedDialog(page: Page, count: number): Promise<Locator> {
  const dialog = page.getByRole('dialog', { name: `Share ${count} assets` });
  await expect(dialog.getByRole('combobox', { name: 'Share with' })).toBeVisible();
  return dialog;
}

/** The row of the dialog's asset table for one asset. */
function assetResult(dialog: Locator, assetName: string): Locator {
  return dialog.getByRole('row').filter({ has: dialog.page().getByRole('rowheader', { name: assetName }) });
}

async function choose(dialog: Locator, label: string, search: string, option: RegExp): Promise<void> {
  await dialog.getByRole('combobox', { name: label }).fill(search);
  await dialog.page().getByRole('option', { name: option }).click();
}

async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .include('[role="dialog"]')
    .analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
    );
}

test('a group is left out of the Use Case, said so before saving, and the other two assets get it', async ({
  page,
  problems,
}) => {
  const dialog = await shareSelected(page, [dataset, useCase, deployment]);
  await choose(dialog, 'Share with', 'Data Science', /Data Science/);

  await expect(assetResult(dialog, useCase)).toContainText(
    'Data Science is not added to Customer churn reduction: a Use Case takes users and organizations only',
  );
  await expect(assetResult(dialog, dataset)).toContainText('New recipients get Editor');
  await expect(assetResult(dialog, deployment)).toContainText('New recipients get User');
  const share = dialog.getByRole('button', { name: 'Share', exact: true });
  await expect(share).toBeEnabled();
  expect(await seriousViolations(page)).toEqual([]);
  await page.screenshot({ path: 'test-results/multi-asset-before-saving.png' });

  await share.click();
  await expect(dialog.getByRole('status').filter({ hasText: 'changed ·' })).toHaveText(
    '2 changed · 0 refused · 0 failed',
  );
  await expect(assetResult(dialog, dataset)).toContainText('Changed');
  await expect(assetResult(dialog, deployment)).toContainText('Changed');
  await expect(assetResult(dialog, useCase)).toContainText('Refused');
  expect(await seriousViolations(page)).toEqual([]);
  await page.screenshot({ path: 'test-results/multi-asset-results.png', fullPage: true });
  await dialog.getByRole('button', { name: 'Done' }).click();
  await expect(dialog).toBeHidden();

  const single = await openShareDialog(page, dataset);
  await expect(single.getByRole('combobox', { name: 'Role for Data Science' })).toHaveValue('EDITOR');
  await single.getByRole('button', { name: 'Cancel' }).click();
  const useCaseDialog = await openShareDialog(page, useCase);
  await expect(useCaseDialog.getByRole('combobox', { name: 'Role for Data Science' })).toHaveCount(0);
  expect(problems.messages).toEqual([]);
});

test('a 500 on one asset leaves it failed with Retry failed, which then applies it', async ({ page }) => {
  await injectFault(page, { path: '/deployments/*/sharedRoles', method: 'PATCH', status: 500, times: 1 });
  const dialog = await shareSelected(page, [dataset, useCase, deployment]);
  await choose(dialog, 'Share with', 'Amélie', /Amélie Fontaine/);
  await dialog.getByRole('button', { name: 'Share', exact: true }).click();

  await expect(dialog.getByText('2 changed · 0 refused · 1 failed')).toBeVisible();
  await expect(assetResult(dialog, deployment)).toContainText('Failed');
  await expect(assetResult(dialog, deployment)).toContainText('nothing was changed');
  await dialog.getByRole('button', { name: 'Retry failed' }).click();
  await expect(dialog.getByText('3 changed · 0 refused · 0 failed')).toBeVisible();
  await expect(assetResult(dialog, deployment)).toContainText('Changed');
  await expect(dialog.getByRole('button', { name: 'Retry failed' })).toHaveCount(0);
});

test('Olivia hands her three projects to Eddie and removes herself', async ({ page }) => {
  await page.getByRole('checkbox', { name: 'Select all projects' }).check();
  for (const name of projects)
    await expect(page.getByRole('checkbox', { name: `Select ${name}` })).toBeChecked();
  await page.getByRole('button', { name: 'Share selected' }).click();
  const dialog = await loadedDialog(page, 3);

  await dialog.getByText('Transfer ownership').click();
  await choose(dialog, 'Transfer every selected asset to', 'eddie', /Eddie Evans/);
  await dialog.getByRole('checkbox', { name: 'and remove my access' }).check();
  const save = dialog.getByRole('button', { name: 'Save', exact: true });
  await expect(save).toBeEnabled();
  await save.click();
  await expect(dialog.getByText('3 changed · 0 refused · 0 failed')).toBeVisible();
  await dialog.getByRole('button', { name: 'Done' }).click();

  // Olivia no longer sees them; Eddie owns each.
  for (const name of projects) await expect(page.getByRole('link', { name, exact: true })).toHaveCount(0);
  await actAs(page, 'Eddie Evans');
  for (const name of projects)
    await expect(assetRow(page, name).getByText('Owner', { exact: true })).toBeVisible();
});

test('by keyboard alone: select, share, and close', async ({ page }) => {
  const tabTo = async (target: Locator) => {
    for (let presses = 0; presses < 120; presses++) {
      if (await target.evaluate((element) => element === document.activeElement)) return;
      await page.keyboard.press('Tab');
    }
    await expect(target, 'reachable by Tab').toBeFocused();
  };
  for (const name of [dataset, deployment]) {
    await tabTo(page.getByRole('checkbox', { name: `Select ${name}` }));
    await page.keyboard.press('Space');
  }
  const trigger = page.getByRole('button', { name: 'Share selected' });
  await tabTo(trigger);
  await page.keyboard.press('Enter');
  const dialog = await loadedDialog(page, 2);

  await expect(dialog.getByRole('combobox', { name: 'Share with' })).toBeFocused();
  await page.keyboard.type('Amélie');
  await expect(page.getByRole('option', { name: /Amélie Fontaine/ })).toBeVisible();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  const share = dialog.getByRole('button', { name: 'Share', exact: true });
  await expect(share).toBeEnabled();
  await tabTo(share);
  await page.keyboard.press('Enter');

  await expect(dialog.getByText('2 changed · 0 refused · 0 failed')).toBeFocused();
  await tabTo(dialog.getByRole('button', { name: 'Done' }));
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(trigger).toBeFocused();
});

test('Make owner on a person’s row hands one asset over in one save', async ({ page }) => {
  const dialog = await openShareDialog(page, projects[0] as string);
  const eddie = dialog.getByRole('listitem').filter({ hasText: 'Eddie Evans' });
  await eddie.getByRole('button', { name: 'Make owner' }).click();
  const confirm = page.getByRole('alertdialog', { name: 'Make Eddie Evans owner?' });
  await expect(confirm.getByText('Otherwise you keep User access.')).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await confirm.getByRole('button', { name: 'Make owner' }).click();
  await expect(dialog.getByRole('combobox', { name: 'Role for Eddie Evans' })).toHaveValue('OWNER');
  await expect(dialog.getByRole('combobox', { name: 'Role for Olivia Owens' })).toHaveValue('USER');
  await dialog.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(dialog.getByText('Project · You are User')).toBeVisible();
  await expect(dialog.getByRole('combobox', { name: 'Role for Olivia Owens' })).toHaveValue('USER');
  await expect(dialog.getByRole('combobox', { name: 'Role for Eddie Evans' })).toHaveValue('OWNER');
});
