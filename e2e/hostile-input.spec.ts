/**
 * Hostile and awkward input (SPEC §8): markup in names and notes renders as text everywhere; an over-long note, a
 * pasted list of 150 addresses, an unknown address and one of another organization each get a clear message, and
 * nothing the person typed is lost.
 */
import type { Page } from '@playwright/test';
import {
  actAs,
  assetRow,
  expect,
  openApp,
  openNotifications,
  openShareDialog,
  paste,
  test,
} from './fixtures.ts';

const markup = '<img src=x onerror="window.__pwned=1;alert(1)">';
const hostileName = `Churn ${markup} <script>window.__pwned=2</script>`;
const hostileNote = `Look: ${markup} <b>bold?</b> & “quotes”`;

/** Fails the test on any alert, confirm or prompt: markup must never run. */
function failOnDialogs(page: Page): string[] {
  const opened: string[] = [];
  page.on('dialog', async (dialog) => {
    opened.push(`${dialog.type()}: ${dialog.message()}`);
    await dialog.dismiss();
  });
  return opened;
}

async function expectNothingRan(page: Page, opened: string[]): Promise<void> {
  expect(opened).toEqual([]);
  expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
  // No element was made from the markup: only text.
  await expect(page.locator('img[src="x"], b:text("bold?")')).toHaveCount(0);
}

/** Renames a demo asset in the browser's stored demo data (what the backend answers after a reload). */
async function renameStoredAsset(page: Page, from: string, to: string): Promise<void> {
  await page.evaluate(
    ([oldName, newName]) => {
      const key = 'sharewell.mock-backend';
      const envelope = JSON.parse(localStorage.getItem(key) ?? 'null');
      const asset = envelope?.snapshot?.assets?.find(
        (candidate: { name: string }) => candidate.name === oldName,
      );
      if (!asset) throw new Error(`No stored asset named ${oldName}`);
      asset.name = newName;
      localStorage.setItem(key, JSON.stringify(envelope));
    },
    [from, to] as const,
  );
}

test('markup in an asset name and a note renders as text in the dialog, the notification center and the outbox', async ({
  page,
  problems,
}) => {
  const opened = failOnDialogs(page);
  await openApp(page, '/');
  await renameStoredAsset(page, 'Churn predictor · production', hostileName);
  await page.reload();
  await expect(assetRow(page, hostileName)).toBeVisible();

  // The dialog: its name, title and the note, all as text.
  const dialog = await openShareDialog(page, hostileName);
  await expect(dialog.getByRole('heading', { name: `Share ${hostileName}` })).toBeVisible();
  await dialog.getByRole('combobox', { name: 'Role for Eddie Evans' }).selectOption('OWNER');
  const note = dialog.getByRole('textbox', { name: 'Add note' });
  await note.fill(hostileNote);
  await expect(note).toHaveValue(hostileNote);
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.getByRole('status').filter({ hasText: 'Changes saved' })).toBeVisible();
  await expectNothingRan(page, opened);
  await dialog.getByRole('button', { name: 'Close' }).first().click();

  // The notification center, as Eddie.
  await actAs(page, 'Eddie Evans');
  const panel = await openNotifications(page);
  const notification = panel.getByRole('listitem').filter({ hasText: hostileName });
  await expect(notification).toHaveCount(1);
  await expect(notification).toContainText(hostileNote);
  await expectNothingRan(page, opened);
  await page.keyboard.press('Escape');

  // The outbox.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Outbox' }).click();
  const email = page.getByRole('article', { name: /^E-mail to eddie@acme\.test/ });
  await expect(email).toHaveCount(1);
  await expect(email).toContainText(hostileName);
  await expect(email).toContainText(hostileNote);
  await expectNothingRan(page, opened);
  expect(problems.messages.filter((message) => !/Failed to load resource/.test(message))).toEqual([]);
});

test('a 1,001-character note is refused with a clear message, kept whole, and saves once shortened', async ({
  page,
}) => {
  await openApp(page, '/');
  const dialog = await openShareDialog(page, 'Churn model experiments');
  await dialog.getByRole('combobox', { name: 'Role for Connie Cole' }).selectOption('USER');
  const note = dialog.getByRole('textbox', { name: 'Add note' });
  const long = `${'Lorem ipsum dolor sit amet. '.repeat(40)}`.slice(0, 1001);
  await note.fill(long);
  await expect(dialog.getByText('1,001 / 1,000')).toBeVisible();
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.getByText('A note holds at most 1,000 characters.')).toBeVisible();
  await expect(note).toBeFocused();
  await expect(note).toHaveAttribute('aria-invalid', 'true');
  // Nothing was cut: every character is still there, and nothing was saved.
  await expect(note).toHaveValue(long);
  await expect(dialog.getByRole('combobox', { name: 'Role for Connie Cole' })).toHaveValue('USER');
  await expect(dialog.getByRole('button', { name: 'Undo changes for Connie Cole' })).toBeVisible();

  await note.press('End');
  await note.press('Backspace');
  await expect(dialog.getByText('1,000 / 1,000')).toBeVisible();
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.getByRole('status').filter({ hasText: 'Changes saved' })).toBeVisible();
});

test('a pasted list of 150 addresses adds the known ones and lists every other with its reason', async ({
  page,
}) => {
  test.setTimeout(90_000);
  await openApp(page, '/');
  // 145 colleagues' addresses, as someone would copy them from a spreadsheet.
  const colleagues: string[] = await page.evaluate(async () => {
    const headers = { Authorization: 'Bearer demo-olivia' };
    const found: string[] = [];
    for (let offset = 0; found.length < 200 && offset < 400; offset += 100) {
      const response = await fetch(`/api/v2/principals?types=user&limit=100&offset=${offset}`, { headers });
      const page = (await response.json()) as { data: { email?: string; active: boolean }[] };
      if (page.data.length === 0) break;
      for (const user of page.data) if (user.active && user.email) found.push(user.email);
    }
    return found;
  });
  const known = colleagues
    .filter((email) => !/^(olivia|eddie|connie|nora|rita|ivan)@/.test(email))
    .slice(0, 145);
  expect(known).toHaveLength(145);
  const unknown = ['nobody.here@acme.test', 'typo@acme.tst'];
  const others = ['gus@globex.test', 'ivan@acme.test', 'not-an-address'];
  const list = [...known.slice(0, 70), ...unknown, ...others, ...known.slice(70)];
  expect(list).toHaveLength(150);

  const dialog = await openShareDialog(page, 'Churn model experiments');
  const search = dialog.getByRole('combobox', { name: 'Share with' });
  await paste(search, list.join(',\n'));
  await expect(
    dialog.getByRole('status').filter({ hasText: /145 recipients added, 5 could not be added/ }),
  ).toHaveCount(1, { timeout: 60_000 });
  const chips = dialog.getByRole('list', { name: 'Recipients to add' }).getByRole('listitem');
  await expect(chips).toHaveCount(145);
  const failures = dialog.getByRole('region', { name: '5 entries could not be added' });
  await expect(failures).toBeVisible();
  for (const [entry, reason] of [
    ['nobody.here@acme.test', 'No account with this e-mail address'],
    // Another domain than Acme's own: outside the organization, whether or not such an account exists.
    ['typo@acme.tst', 'Outside your organization'],
    ['gus@globex.test', 'Outside your organization'],
    ['ivan@acme.test', 'Inactive account'],
    ['not-an-address', 'Not an e-mail address'],
  ] as const) {
    await expect(failures.getByRole('listitem').filter({ hasText: entry })).toContainText(reason);
  }

  // 145 recipients is more than one save may hold (R13: 100): the dialog says so and keeps every one of them.
  await dialog.getByRole('button', { name: 'Share', exact: true }).click();
  await expect(dialog.getByText(/at most 100/)).toBeVisible();
  await expect(chips).toHaveCount(145);
});

test('an unknown address and one of another organization each say why, and keep what was typed', async ({
  page,
}) => {
  await openApp(page, '/');
  const dialog = await openShareDialog(page, 'Customer churn reduction');
  const search = dialog.getByRole('combobox', { name: 'Share with' });

  await search.fill('nobody.here@acme.test');
  await search.press('Enter');
  const failures = dialog.getByRole('region', { name: /could not be added/ });
  await expect(failures.getByRole('listitem').filter({ hasText: 'nobody.here@acme.test' })).toContainText(
    'No account with this e-mail address',
  );

  await search.fill('gus@globex.test');
  await expect(
    dialog.getByRole('paragraph').filter({ hasText: 'gus@globex.test is outside your organization.' }),
  ).toBeVisible();
  await expect(dialog.getByRole('listbox', { name: 'Share with' }).getByRole('option')).toHaveCount(0);
  await search.press('Enter');
  await expect(failures.getByRole('listitem').filter({ hasText: 'gus@globex.test' })).toContainText(
    'Outside your organization',
  );
  // Nobody was added by mistake, and the entries stay listed until dismissed.
  await expect(dialog.getByRole('list', { name: 'Recipients to add' })).toHaveCount(0);
  await expect(failures.getByRole('listitem')).toHaveCount(2);
  await expect(dialog.getByRole('button', { name: 'Share', exact: true })).toHaveCount(0);
});
