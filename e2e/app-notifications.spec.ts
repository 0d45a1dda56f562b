import {
  actAs,
  actingAs,
  assetRow,
  expect,
  notificationBell,
  openApp,
  openNotifications,
  resetDemoData,
  test,
} from './fixtures.ts';

const deployment = 'Churn predictor · production';
const note = 'Please keep an eye on the drift alerts while I am away.';

test('a share reaches the recipient: notification with the note, a link to the asset, an e-mail, kept across reloads', async ({
  page,
}) => {
  await openApp(page, '/');
  await actAs(page, 'Olivia Owens');
  await expect(assetRow(page, deployment)).toBeVisible();
  await page.screenshot({ path: 'e2e/screenshots/shell.png' });

  // Olivia makes Eddie an owner of the deployment, with a note.
  await assetRow(page, deployment).getByRole('button', { name: 'Share' }).click();
  const dialog = page.getByRole('dialog', { name: `Share ${deployment}` });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('combobox', { name: 'Role for Eddie Evans' }).selectOption({ label: 'Owner' });
  await dialog.getByRole('textbox', { name: 'Add note' }).fill(note);
  await expect(dialog.getByRole('checkbox', { name: 'Send notification' })).toBeChecked();
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.getByRole('status').filter({ hasText: 'Changes saved' })).toBeVisible();
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();
  // Focus returns to the button that opened the dialog.
  await expect(assetRow(page, deployment).getByRole('button', { name: 'Share' })).toBeFocused();

  // Eddie has one unread notification of this share, with the note (besides the seed's access request he may answer).
  await actAs(page, 'Eddie Evans');
  await expect(page.getByRole('button', { name: 'Notifications, 2 unread' })).toBeVisible();
  const panel = await openNotifications(page);
  const notification = panel.getByRole('listitem').filter({ hasText: deployment });
  await expect(notification).toHaveCount(1);
  await expect(notification).toContainText('Olivia Owens');
  await expect(notification).toContainText('Owner');
  await expect(notification).toContainText(note);
  await page.screenshot({ path: 'e2e/screenshots/notification-center.png' });

  // Its link opens the deployment.
  await notification.getByRole('link', { name: `Open ${deployment}` }).click();
  await expect(page).toHaveURL(/\/assets\/deployment\/[0-9a-f]{24}$/);
  await expect(page.getByRole('heading', { level: 1, name: deployment })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Notifications, 1 unread' })).toBeVisible();

  // The outbox holds the e-mail to Eddie.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Outbox' }).click();
  const email = page.getByRole('article', { name: /^E-mail to eddie@acme\.test/ });
  await expect(email).toHaveCount(1);
  await expect(email).toContainText(deployment);

  // A reload keeps the persona, the notification, the e-mail and the new role.
  await page.reload();
  await expect(actingAs(page).locator('option:checked')).toHaveText(/^Eddie Evans/);
  await expect(page.getByRole('article', { name: /^E-mail to eddie@acme\.test/ })).toHaveCount(1);
  const panelAfterReload = await openNotifications(page);
  await expect(panelAfterReload.getByRole('listitem').filter({ hasText: deployment })).toContainText(note);
  await page.keyboard.press('Escape');
  await openApp(page, '/');
  await expect(assetRow(page, deployment)).toContainText('Owner');

  // Reset demo data brings back the seed: no share notification (only the seed's access request), no e-mail,
  // Eddie a User again.
  await resetDemoData(page);
  await expect(assetRow(page, deployment)).toContainText('User');
  await expect(notificationBell(page)).toHaveAccessibleName('Notifications, 1 unread');
  const seedPanel = await openNotifications(page);
  await expect(seedPanel.getByRole('listitem')).toHaveCount(1);
  await expect(seedPanel.getByRole('listitem').filter({ hasText: deployment })).toHaveCount(0);
  await page.keyboard.press('Escape');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Outbox' }).click();
  await expect(page.getByRole('article', { name: /^E-mail to / })).toHaveCount(0);
  await expect(page.getByText('No e-mails yet.')).toBeVisible();
});

test('the acting-as switcher lists every persona and refetches what the page shows', async ({ page }) => {
  await openApp(page, '/');
  const options = actingAs(page).getByRole('option');
  await expect(options).toHaveCount(7);
  for (const name of [
    'Olivia Owens',
    'Eddie Evans',
    'Connie Cole',
    'Nora Nash',
    'Ivan Ingram',
    'Rita Reyes',
    'Gus Garcia',
  ]) {
    await expect(actingAs(page).getByRole('option', { name: new RegExp(`^${name}`) })).toHaveCount(1);
  }
  await expect(assetRow(page, deployment)).toContainText('Owner');
  await actAs(page, 'Connie Cole');
  await expect(assetRow(page, deployment)).toContainText('Consumer');
  await expect(page.getByRole('heading', { level: 1, name: 'Assets' })).toBeVisible();
});
