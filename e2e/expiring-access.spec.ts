/**
 * Expiring access in the browser (SPEC §9): share for 7 days, see when it ends in the dialog and in the
 * recipient's notifications, move the demo clock, and the access is gone. Then the new controls by keyboard alone,
 * judged by axe-core.
 */
import type { Page } from '@playwright/test';
import { seriousViolations } from './axe.ts';
import { actAs, assetRow, expect, openApp, openNotifications, openShareDialog, test } from './fixtures.ts';
import { tabTo } from './keyboard.ts';

// Eddie holds a grant on every demo asset. On the application it is his only way in (he is not in Marketing
// Analytics, the group it is shared with), so once Olivia takes it away, the 7-day share is all that gives him
// access, and its end is his.
const application = 'Churn insights portal';
const note = 'For the retention review — until the end of next week.';

/** Moves the page's demo backend clock (`POST /demo/clock`); it is kept across reloads. */
async function moveClock(page: Page, days: number): Promise<void> {
  await page.evaluate(async (advanceDays) => {
    const response = await fetch('/api/v2/demo/clock', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ advanceDays }),
    });
    if (!response.ok) throw new Error(`Moving the clock failed: ${response.status}`);
  }, days);
}

/** When a grant on the application ends, as the dialog and the notification center write it. */
async function endOf(page: Page, username: string): Promise<string> {
  return page.evaluate(
    async ({ name, username }) => {
      const headers = { Authorization: 'Bearer demo-olivia' };
      const apps = await (await fetch('/api/v2/customApplications', { headers })).json();
      const app = apps.data.find((asset: { name: string }) => asset.name === name);
      const roles = await (
        await fetch(`/api/v2/customApplications/${app.id}/sharedRoles`, {
          headers,
        })
      ).json();
      const entry = roles.data.find((role: { name: string }) => role.name === username);
      return new Intl.DateTimeFormat('en', {
        dateStyle: 'medium',
        timeStyle: 'short',
      }).format(Date.parse(entry.expiresAt));
    },
    { name: application, username },
  );
}

test('as Olivia, share with Eddie for 7 days with a note: the row and his notification say when it ends, and 8 days later it has', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await openApp(page, '/');
  await actAs(page, 'Olivia Owens');

  // Take Eddie's standing grant away first.
  const dialog = await openShareDialog(page, application);
  await dialog.getByRole('button', { name: 'Remove access for Eddie Evans' }).click();
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.getByRole('status').filter({ hasText: 'Changes saved' })).toBeVisible();
  await expect(dialog.getByRole('combobox', { name: 'Role for Eddie Evans' })).toHaveCount(0);

  // Share with Eddie for 7 days, with a note.
  await dialog.getByRole('combobox', { name: 'Share with' }).fill('Eddie');
  await dialog.getByRole('option', { name: /Eddie Evans/ }).click();
  await dialog.getByRole('combobox', { name: 'Access expires' }).selectOption({ label: '7 days' });
  await dialog.getByRole('textbox', { name: 'Add note' }).fill(note);
  await expect(dialog.getByText(/If you save: 1 person gains access/)).toBeVisible();
  await dialog.getByRole('button', { name: 'Share', exact: true }).click();
  await expect(dialog.getByRole('status').filter({ hasText: 'Shared with Eddie Evans' })).toBeVisible();

  // The row says when it ends, as text the expiry control is described by.
  const end = await endOf(page, 'eddie@acme.test');
  const expiry = dialog.getByRole('combobox', {
    name: 'Expiry for Eddie Evans',
  });
  await expect(expiry).toHaveAccessibleDescription(`Expires in 7 days · ${end}`);
  // `has` is matched inside each row: a locator from the page, not one that starts at the dialog.
  const eddieRow = dialog
    .getByRole('listitem')
    .filter({ has: page.getByRole('combobox', { name: 'Expiry for Eddie Evans' }) });
  await expect(eddieRow).toContainText(`Expires in 7 days · ${end}`);
  await dialog.getByRole('button', { name: 'Close' }).click();

  // Eddie's notification says it too, with the note (beside the seed's access request, which he may answer).
  await actAs(page, 'Eddie Evans');
  await expect(page.getByRole('button', { name: 'Notifications, 2 unread' })).toBeVisible();
  let panel = await openNotifications(page);
  const shared = panel.getByRole('listitem').filter({ hasText: `shared the application ${application}` });
  await expect(shared).toContainText(`until ${end}`);
  await expect(shared).toContainText(note);
  await page.keyboard.press('Escape');
  await expect(assetRow(page, application)).toBeVisible();

  // Five days on, three days before the end, Eddie is told that it ends.
  await moveClock(page, 5);
  await page.reload();
  await expect(page.getByRole('button', { name: 'Notifications, 3 unread' })).toBeVisible();
  panel = await openNotifications(page);
  await expect(
    panel.getByRole('listitem').filter({ hasText: `Your access to ${application} ends on ${end}.` }),
  ).toHaveCount(1);
  await page.keyboard.press('Escape');
  await expect(assetRow(page, application)).toBeVisible();

  // Eight days on, his access has ended: the application is gone from his assets, the rest is still there.
  await moveClock(page, 3);
  await page.reload();
  await expect(assetRow(page, 'Customer transactions 2024')).toBeVisible();
  await expect(assetRow(page, application)).toHaveCount(0);
  panel = await openNotifications(page);
  await expect(panel.getByRole('listitem').filter({ hasText: 'Your access to' })).toHaveCount(0);
  await page.screenshot({
    path: 'test-results/expiring-access-eddie-after.png',
  });

  // Olivia's list no longer holds him.
  await page.keyboard.press('Escape');
  await actAs(page, 'Olivia Owens');
  await openApp(page, '/');
  const ownerView = await openShareDialog(page, application);
  await expect(ownerView.getByRole('combobox', { name: 'Role for Eddie Evans' })).toHaveCount(0);
});

test('the expiry controls work by keyboard alone, and axe finds nothing serious in them', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await openApp(page, '/');
  // Connie's access to the application ends in two days: her row is marked.
  await page.evaluate(async (name) => {
    const headers = {
      Authorization: 'Bearer demo-olivia',
      'Content-Type': 'application/json',
    };
    const apps = await (await fetch('/api/v2/customApplications', { headers })).json();
    const app = apps.data.find((asset: { name: string }) => asset.name === name);
    const clock = await (await fetch('/api/v2/demo/clock')).json();
    const response = await fetch(`/api/v2/customApplications/${app.id}/sharedRoles`, {
      method: 'PATCH',
      headers,
      body: JSON.stringify({
        operation: 'updateRoles',
        roles: [
          {
            username: 'connie@acme.test',
            shareRecipientType: 'user',
            role: 'CONSUMER',
            expiresAt: new Date(Date.parse(clock.now) + 2 * 86_400_000).toISOString(),
          },
        ],
      }),
    });
    if (response.status !== 204) throw new Error(`Setting up failed: ${response.status}`);
  }, application);

  const trigger = assetRow(page, application).getByRole('button', {
    name: 'Share',
  });
  await trigger.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: `Share ${application}` });
  await expect(dialog.getByRole('combobox', { name: 'Share with' })).toBeFocused();

  // Add someone, and choose the last day of their access with the keyboard.
  await page.keyboard.type('Amélie');
  const option = dialog.getByRole('option', { name: /Amélie Fontaine/ });
  await expect(option).toBeVisible();
  for (let presses = 0; presses < 10 && (await option.getAttribute('aria-selected')) !== 'true'; presses++) {
    await page.keyboard.press('ArrowDown');
  }
  await page.keyboard.press('Enter');
  await expect(dialog.getByRole('button', { name: 'Remove Amélie Fontaine' })).toBeVisible();

  const accessExpires = dialog.getByRole('combobox', {
    name: 'Access expires',
  });
  await tabTo(page, accessExpires);
  for (let presses = 0; presses < 6 && (await accessExpires.inputValue()) !== 'date'; presses++) {
    await page.keyboard.press('ArrowDown');
  }
  await expect(accessExpires).toHaveValue('date');
  const lastDay = dialog.getByLabel('Last day of access', { exact: true });
  await page.keyboard.press('Tab');
  await expect(lastDay).toBeFocused();
  await expect(lastDay).toHaveAccessibleDescription('Choose the last day of access, or another option.');
  // Typed as a person types into a date field: month, day and year, in the field's own order.
  const typed = await page.evaluate(() => {
    const day = new Date(Date.now() + 20 * 86_400_000);
    return [day.getMonth() + 1, day.getDate(), day.getFullYear()].map((part) =>
      String(part).padStart(2, '0'),
    );
  });
  await page.keyboard.type(typed.join(''));
  await expect(lastDay).toHaveAccessibleDescription('Access ends when this day does.');

  // Connie's row: marked, its end read out with its control; change it by arrows, then undo.
  const connieExpiry = dialog.getByRole('combobox', {
    name: 'Expiry for Connie Cole',
  });
  const connieRow = dialog
    .getByRole('listitem')
    .filter({ has: page.getByRole('combobox', { name: 'Expiry for Connie Cole' }) });
  await expect(connieRow.getByText('Ending soon')).toBeVisible();
  // The mark is read out with the end: screen-reader users hear that it ends soon too.
  await expect(connieExpiry).toHaveAccessibleDescription(/^Ending soon Expires in 2 days · /);
  await tabTo(page, connieExpiry);
  await page.keyboard.press('ArrowDown');
  await expect(connieExpiry).toHaveAccessibleDescription(/^Expires in 7 days · /);
  await expect(connieRow.getByText('Pending')).toBeVisible();
  // The owner's row offers no expiry, and says why.
  await expect(dialog.getByRole('combobox', { name: 'Expiry for Olivia Owens' })).toHaveCount(0);
  await expect(
    dialog.getByText('Owner access never expires: every application keeps its owners.'),
  ).toBeVisible();

  expect(await seriousViolations(page, '[role="dialog"]')).toEqual([]);

  const undo = dialog.getByRole('button', {
    name: 'Undo changes for Connie Cole',
  });
  await tabTo(page, undo);
  await page.keyboard.press('Enter');
  // The mark is read out with the end: screen-reader users hear that it ends soon too.
  await expect(connieExpiry).toHaveAccessibleDescription(/^Ending soon Expires in 2 days · /);

  // Share by keyboard: the new recipient gets the chosen end.
  await tabTo(page, dialog.getByRole('button', { name: 'Share', exact: true }));
  await page.keyboard.press('Enter');
  await expect(dialog.getByRole('status').filter({ hasText: 'Shared with Amélie Fontaine' })).toBeVisible();
  const filter = dialog.getByRole('searchbox', { name: 'Filter people' });
  await filter.fill('Amélie');
  await expect(
    dialog.getByRole('combobox', { name: 'Expiry for Amélie Fontaine' }),
  ).toHaveAccessibleDescription(/^Expires in (20|21) days · /);
  expect(await seriousViolations(page, '[role="dialog"]')).toEqual([]);
  await page.keyboard.press('Escape');
  await expect(trigger).toBeFocused();
});
