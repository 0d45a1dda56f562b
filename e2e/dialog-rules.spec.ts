/**
 * The rules of SPEC §4 as people meet them in the dialog, from each persona's side: what is disabled says why, to
 * every user (as the control's accessible description, not only on hover), and what only the backend can judge comes
 * back as a message on the entry that broke it.
 */
import type { Locator, Page } from '@playwright/test';
import { actAs, expect, openApp, openShareDialog, test } from './fixtures.ts';

test.describe.configure({ mode: 'parallel' });

async function asPersona(page: Page, fullName: string, assetName: string): Promise<Locator> {
  await openApp(page, '/');
  await actAs(page, fullName);
  return openShareDialog(page, assetName);
}

async function addByEmail(dialog: Locator, email: string): Promise<void> {
  const search = dialog.getByRole('combobox', { name: 'Share with' });
  await search.fill(email);
  await search.press('Enter');
  await expect(dialog.getByRole('list', { name: 'Recipients to add' }).getByRole('listitem')).not.toHaveCount(
    0,
  );
}

test('R5: Connie, a consumer, is offered only Consumer for new recipients, and told why', async ({
  page,
}) => {
  const dialog = await asPersona(page, 'Connie Cole', 'Churn model experiments');
  const role = dialog.getByRole('combobox', { name: 'Role', exact: true });
  await expect(role).toHaveValue('CONSUMER');
  await expect(role.getByRole('option', { name: 'Owner' })).toBeDisabled();
  await expect(role.getByRole('option', { name: 'User' })).toBeDisabled();
  await expect(role).toHaveAccessibleDescription(/You can grant at most Consumer, your own role\./);
});

test('R6: Eddie cannot change or remove Olivia, the owner, and the controls say why', async ({ page }) => {
  const dialog = await asPersona(page, 'Eddie Evans', 'Churn predictor · production');
  const reason = /You cannot change or remove Owner access: it is above your own role, User\./;
  await expect(dialog.getByRole('combobox', { name: 'Role for Olivia Owens' })).toBeDisabled();
  await expect(dialog.getByRole('combobox', { name: 'Role for Olivia Owens' })).toHaveAccessibleDescription(
    reason,
  );
  await expect(dialog.getByRole('button', { name: 'Remove access for Olivia Owens' })).toBeDisabled();
  await expect(
    dialog.getByRole('button', { name: 'Remove access for Olivia Owens' }),
  ).toHaveAccessibleDescription(reason);
  // What is within his level stays his to change.
  await expect(dialog.getByRole('combobox', { name: 'Role for Connie Cole' })).toBeEnabled();
});

test('R7: Nora, without "Allow sharing", cannot share the dataset, is told why, and can still leave it', async ({
  page,
}) => {
  const dialog = await asPersona(page, 'Nora Nash', 'Customer transactions 2024');
  const search = dialog.getByRole('combobox', { name: 'Share with' });
  await expect(search).toHaveAttribute('aria-disabled', 'true');
  await expect(search).toHaveAccessibleDescription(/You need “Allow sharing” on this dataset to share it\./);
  await expect(dialog.getByRole('combobox', { name: 'Role for Connie Cole' })).toBeDisabled();
  const leave = dialog.getByRole('button', { name: 'Remove access for Nora Nash' });
  await expect(leave).toBeEnabled();
  await leave.click();
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.getByRole('status').filter({ hasText: 'Changes saved' })).toBeVisible();
});

test('R7 (governed models): Connie with Read cannot share the model at all', async ({ page }) => {
  const dialog = await asPersona(page, 'Connie Cole', 'Credit risk model v3');
  await expect(dialog.getByRole('combobox', { name: 'Share with' })).toHaveAccessibleDescription(
    /Read access cannot share a governed model\. You need Write or higher\./,
  );
});

test('R9 and R10: Olivia cannot leave or stop sharing what she alone owns and shares', async ({ page }) => {
  const dialog = await asPersona(page, 'Olivia Owens', 'Credit bureau extract');
  await expect(dialog.getByRole('button', { name: 'Remove access for Olivia Owens' })).toBeDisabled();
  await expect(
    dialog.getByRole('button', { name: 'Remove access for Olivia Owens' }),
  ).toHaveAccessibleDescription(/You are the last Owner of this dataset\. Make someone else Owner first\./);
  await expect(dialog.getByRole('checkbox', { name: 'Allow sharing for Olivia Owens' })).toBeDisabled();
  await expect(
    dialog.getByRole('checkbox', { name: 'Allow sharing for Olivia Owens' }),
  ).toHaveAccessibleDescription(/You are the last person who can share this dataset\./);
});

test('R1, R2 and R4: inactive people are shown but not selectable, another organization’s address is refused; a Use Case takes no groups', async ({
  page,
}) => {
  const dialog = await asPersona(page, 'Olivia Owens', 'Customer churn reduction');
  const search = dialog.getByRole('combobox', { name: 'Share with' });
  await search.fill('Ivan');
  const ivan = dialog.getByRole('option', { name: /Ivan Ingram/ });
  await expect(ivan).toContainText('Inactive account');
  await expect(ivan).toHaveAttribute('aria-disabled', 'true');
  await search.fill('gus@globex.test');
  // The search answers nobody of another organization: the reason names the address only.
  await expect(
    dialog.getByRole('paragraph').filter({ hasText: 'gus@globex.test is outside your organization.' }),
  ).toBeVisible();
  await expect(dialog.getByRole('listbox', { name: 'Share with' }).getByRole('option')).toHaveCount(0);
  await search.fill('Data Science');
  await expect(dialog.getByRole('status').filter({ hasText: 'No matches' })).toHaveCount(1);
  await expect(dialog.getByRole('option', { name: /Data Science/ })).toHaveCount(0);
});

test('R8: a role above Rita’s ceiling is refused on her entry, with a more restrictive role suggested', async ({
  page,
}) => {
  const dialog = await asPersona(page, 'Olivia Owens', 'Churn model experiments');
  await addByEmail(dialog, 'rita@acme.test');
  await dialog.getByRole('combobox', { name: 'Role', exact: true }).selectOption('USER');
  await dialog.getByRole('button', { name: 'Share', exact: true }).click();
  const alert = dialog.getByRole('alert');
  await expect(alert).toContainText('Rita Reyes can hold at most Consumer. Try a more restrictive role.');
  await expect(dialog.getByRole('button', { name: 'Remove Rita Reyes' })).toHaveAccessibleDescription(
    /can hold at most Consumer/,
  );
  // Lowering the role fixes it.
  await dialog.getByRole('combobox', { name: 'Role', exact: true }).selectOption('CONSUMER');
  await dialog.getByRole('button', { name: 'Share', exact: true }).click();
  await expect(dialog.getByRole('status').filter({ hasText: 'Shared with Rita Reyes' })).toBeVisible();
});

test('R12: a deployment has no "Allow sharing" or "Can use data"', async ({ page }) => {
  const dialog = await asPersona(page, 'Olivia Owens', 'Churn predictor · production');
  await expect(dialog.getByRole('checkbox', { name: 'Allow sharing' })).toHaveCount(0);
  await expect(dialog.getByRole('checkbox', { name: 'Can use data' })).toHaveCount(0);
  await expect(dialog.getByRole('checkbox', { name: /^Allow sharing for / })).toHaveCount(0);
});

test('R16: Eddie cannot share the model with lineage when he cannot share one of its inputs; nothing is shared', async ({
  page,
}) => {
  const dialog = await asPersona(page, 'Eddie Evans', 'Credit risk model v3');
  await addByEmail(dialog, 'amelie.fontaine@acme.test');
  await dialog.getByRole('checkbox', { name: 'Share with lineage' }).check();
  await dialog.getByRole('button', { name: 'Share', exact: true }).click();
  await expect(dialog.getByRole('alert')).toContainText(
    /You cannot share the linked input “Credit bureau extract”/,
  );
  await expect(dialog.getByRole('button', { name: 'Remove Amélie Fontaine' })).toBeVisible();
  // Without lineage it goes through.
  await dialog.getByRole('checkbox', { name: 'Share with lineage' }).uncheck();
  await dialog.getByRole('button', { name: 'Share', exact: true }).click();
  await expect(dialog.getByRole('status').filter({ hasText: 'Shared with Amélie Fontaine' })).toBeVisible();
});
