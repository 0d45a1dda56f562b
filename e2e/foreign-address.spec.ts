/**
 * Tenant isolation in the dialog (SPEC §4, §6): an address of another organization, typed or pasted, is refused
 * with a reason that names the address and nothing else — the search never answers anyone of another
 * organization, so neither Gus Garcia's name nor his id ever reaches the page.
 */
import type { Page } from '@playwright/test';
import { expect, openApp, openShareDialog, paste, test } from './fixtures.ts';

const gusAddress = 'gus@globex.test';
const reason = `${gusAddress} is outside your organization. You can only share within your organization.`;

/**
 * Everything the sharing API answered the page, as text, to look for what must never be in it. The demo's own
 * persona list (`/api/v2/demo/personas`, behind "Acting as") names everyone on purpose and is left out.
 */
function recordAnswers(page: Page): string[] {
  const answers: string[] = [];
  page.on('response', async (response) => {
    const { pathname } = new URL(response.url());
    if (!pathname.startsWith('/api/v2/') || pathname.startsWith('/api/v2/demo/')) return;
    try {
      answers.push(await response.text());
    } catch {
      // A response the page left behind (navigation) has no body to read.
    }
  });
  return answers;
}

test('a typed address of another organization is refused, naming only the address', async ({ page }) => {
  const answers = recordAnswers(page);
  await openApp(page, '/');
  const dialog = await openShareDialog(page, 'Customer transactions 2024');
  const search = dialog.getByRole('combobox', { name: 'Share with' });

  await search.fill(gusAddress);
  await expect(dialog.getByRole('paragraph').filter({ hasText: reason })).toBeVisible();
  // Said to screen-reader users too, and nothing to choose.
  await expect(dialog.getByRole('status').filter({ hasText: reason })).toHaveCount(1);
  await expect(dialog.getByRole('listbox', { name: 'Share with' }).getByRole('option')).toHaveCount(0);

  await search.press('Enter');
  const failures = dialog.getByRole('region', { name: '1 entry could not be added' });
  await expect(failures.getByRole('listitem')).toHaveText(`${gusAddress}Outside your organization`);
  await expect(dialog.getByRole('list', { name: 'Recipients to add' })).toHaveCount(0);
  await expect(dialog.getByRole('button', { name: 'Share', exact: true })).toHaveCount(0);

  await expect(dialog).not.toContainText('Gus Garcia');
  await expect(dialog).not.toContainText('Globex');
  expect(answers.filter((text) => /Gus Garcia|Globex/.test(text))).toEqual([]);
});

test('a pasted list adds the colleagues and refuses the outsider, naming only the address', async ({
  page,
}) => {
  const answers = recordAnswers(page);
  await openApp(page, '/');
  const dialog = await openShareDialog(page, 'Churn model experiments');
  const search = dialog.getByRole('combobox', { name: 'Share with' });

  await paste(search, `eddie@acme.test, ${gusAddress}; nobody.here@acme.test`);
  await expect(
    dialog.getByRole('status').filter({ hasText: '1 recipient added, 2 could not be added' }),
  ).toHaveCount(1);
  const chips = dialog.getByRole('list', { name: 'Recipients to add' }).getByRole('listitem');
  await expect(chips).toHaveText(['Eddie Evans']);
  const failures = dialog.getByRole('region', { name: '2 entries could not be added' });
  await expect(failures.getByRole('listitem').filter({ hasText: gusAddress })).toHaveText(
    `${gusAddress}Outside your organization`,
  );
  await expect(failures.getByRole('listitem').filter({ hasText: 'nobody.here@acme.test' })).toContainText(
    'No account with this e-mail address',
  );

  await expect(dialog).not.toContainText('Gus Garcia');
  expect(answers.filter((text) => /Gus Garcia|Globex/.test(text))).toEqual([]);
});
