import { seriousViolations } from './axe.ts';
import { actAs, expect, openApp, openNotifications, openShareDialog, test } from './fixtures.ts';

const dataset = 'Customer transactions 2024';
const declineNote = 'Eddie is on it this week; ask again on Monday.';
const askNote = 'The holdout partition needs fixing before the retrain.';

/**
 * Opens the bell as the current persona and follows the link of the newest access request about the dataset (the
 * bell lists the newest first; an earlier request, once answered, keeps its notification).
 */
async function answerFromNotification(page: import('@playwright/test').Page, requestCount: number) {
  const panel = await openNotifications(page);
  const notifications = panel
    .getByRole('listitem')
    .filter({ hasText: 'Connie Cole asks for Editor access' })
    .filter({ hasText: dataset });
  await expect(notifications).toHaveCount(requestCount);
  const notification = notifications.first();
  await notification.getByRole('link', { name: `Answer Connie Cole's request for ${dataset}` }).click();
  // The link (`?share=requests`) opened the dialog; the address no longer asks for it.
  await expect(page).toHaveURL(/\/assets\/dataset\/[0-9a-f]{24}$/);
  const dialog = page.getByRole('dialog', { name: `Share ${dataset}` });
  const requests = dialog.getByRole('button', { name: 'Requests (1)' });
  await expect(requests).toBeFocused();
  await expect(requests).toHaveAttribute('aria-expanded', 'true');
  return dialog;
}

async function roleOnAssetPage(page: import('@playwright/test').Page) {
  return page
    .getByRole('definition')
    .filter({ has: page.locator('.role-pill') })
    .first();
}

test('access requests: declined, asked again, approved — each side notified, by keyboard and axe-clean', async ({
  page,
}) => {
  // Three personas, two answers and every Tab of a keyboard journey: a long test.
  test.setTimeout(120_000);
  await openApp(page, '/');

  // The seed: Connie's request for Editor waits in Olivia's notification center; she declines it with a message.
  await actAs(page, 'Olivia Owens');
  let dialog = await answerFromNotification(page, 1);
  await expect(dialog.getByRole('listitem').filter({ hasText: 'Connie Cole asks for Editor' })).toContainText(
    'holdout partition',
  );
  expect(await seriousViolations(page, '[role="dialog"]')).toEqual([]);
  await dialog.getByRole('button', { name: 'Decline', exact: true }).click();
  const declineMessage = dialog.getByRole('textbox', { name: 'Message to Connie Cole (optional)' });
  await expect(declineMessage).toBeFocused();
  await declineMessage.fill(declineNote);
  await dialog.getByRole('button', { name: 'Decline request' }).click();
  await expect(
    dialog.getByRole('status').filter({ hasText: "Declined Connie Cole's request." }),
  ).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Requests (0)' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  // Connie hears it, with the message; she is still a Consumer, and asks again from the dialog, by keyboard.
  await actAs(page, 'Connie Cole');
  let panel = await openNotifications(page);
  const declined = panel.getByRole('listitem').filter({ hasText: 'Olivia Owens declined your request' });
  await expect(declined).toContainText(declineNote);
  await page.keyboard.press('Escape');
  await openApp(page, '/');
  dialog = await openShareDialog(page, dataset);
  const ask = dialog.getByRole('region', { name: 'Request access' });
  await expect(ask).toContainText('Your request for Editor was declined');
  const role = ask.getByRole('combobox', { name: 'Role to request' });
  await role.focus();
  await expect(role.locator('option')).toHaveText(['Owner', 'Editor']);
  await role.selectOption({ label: 'Editor' });
  await page.keyboard.press('Tab');
  await expect(ask.getByRole('textbox', { name: 'Message' })).toBeFocused();
  await page.keyboard.type(askNote);
  await page.keyboard.press('Tab');
  await expect(ask.getByRole('button', { name: 'Send request' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(ask).toContainText('You asked for Editor on');
  await expect(ask.getByRole('button', { name: 'Send request' })).toHaveCount(0);
  expect(await seriousViolations(page, '[role="dialog"]')).toEqual([]);
  await page.keyboard.press('Escape');

  // Olivia: the bell shows it; the link opens the dialog on Requests (1); Approve and Save, by keyboard alone.
  await actAs(page, 'Olivia Owens');
  dialog = await answerFromNotification(page, 2);
  await expect(dialog.getByRole('listitem').filter({ hasText: 'Connie Cole asks for Editor' })).toContainText(
    askNote,
  );
  await page.keyboard.press('Tab');
  await expect(dialog.getByRole('button', { name: 'Approve' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(dialog).toContainText('Approving: saved with your other changes.');
  await expect(dialog.getByRole('combobox', { name: 'Role for Connie Cole' })).toHaveValue('EDITOR');
  expect(await seriousViolations(page, '[role="dialog"]')).toEqual([]);
  const save = dialog.getByRole('button', { name: 'Save' });
  for (
    let presses = 0;
    presses < 200 && !(await save.evaluate((node) => node === document.activeElement));
    presses++
  )
    await page.keyboard.press('Tab');
  await expect(save).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(dialog.getByRole('status').filter({ hasText: 'Changes saved' })).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Requests (0)' })).toBeVisible();
  await page.keyboard.press('Escape');

  // Connie: the notification says it was approved, and her role is Editor.
  await actAs(page, 'Connie Cole');
  panel = await openNotifications(page);
  const approved = panel.getByRole('listitem').filter({ hasText: 'Olivia Owens approved your request' });
  await expect(approved).toContainText('Editor');
  await approved.getByRole('link', { name: `Open ${dataset}` }).click();
  await expect(page.getByRole('heading', { level: 1, name: dataset })).toBeVisible();
  await expect(await roleOnAssetPage(page)).toHaveText('Editor');
});
