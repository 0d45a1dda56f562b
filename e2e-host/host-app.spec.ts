import { expect, test } from '@playwright/test';
import { isPartLoadedOnUse } from '../scripts/lib-size-host.ts';

// The example host app (examples/host-app) renders the ShareDialog installed from the packed tarball, under its
// own hostile global CSS, with its own QueryClient and theme, against `sharewell/mocks/browser`.
const assetName = 'Customer transactions 2024';

test('a host app embeds the packaged ShareDialog, themes it, and shares an asset through it', async ({
  page,
}) => {
  await page.goto('/');
  await page.getByRole('button', { name: `Share ${assetName}` }).click();

  const dialog = page.getByRole('dialog', { name: `Share ${assetName}` });
  await expect(dialog).toBeVisible();
  const sharedWith = dialog.getByRole('list', { name: 'Shared with' });
  await expect(sharedWith).toContainText('Olivia Owens');
  // The parts that load only once used (the host cost leaves them out) have not loaded; History loads its own.
  const scriptsLoaded = () =>
    page.evaluate(() => performance.getEntriesByType('resource').map((entry) => entry.name));
  expect((await scriptsLoaded()).filter(isPartLoadedOnUse)).toEqual([]);
  await dialog.getByRole('button', { name: 'History', exact: true }).click();
  await expect(dialog.getByRole('list', { name: /history/i })).toBeVisible();
  await expect
    .poll(async () => (await scriptsLoaded()).some((name) => /\/history-panel-[^/]*\.js$/.test(name)))
    .toBe(true);
  await dialog.getByRole('button', { name: 'History', exact: true }).click();

  // The host's theme reaches the dialog through the documented custom properties…
  await expect(dialog).toHaveCSS('font-family', /Trebuchet MS/);
  await expect(dialog).toHaveCSS('border-radius', '3px');
  // …while the host's global element rules (uppercase headings and buttons, sized SVGs, dashed inputs) do not.
  await expect(dialog.getByRole('heading', { name: `Share ${assetName}` })).toHaveCSS(
    'text-transform',
    'none',
  );
  await expect(dialog.locator('svg').first()).not.toHaveCSS('width', '48px');
  await expect(dialog.getByRole('button', { name: 'Close' })).not.toHaveCSS('min-width', '120px');
  const search = dialog.getByRole('combobox', { name: 'Share with' });
  await expect(search).toHaveCSS('box-sizing', 'border-box');
  await expect(search).not.toHaveCSS('border-top-style', 'dashed');

  await search.fill('Finance');
  await page.getByRole('option', { name: /Finance/ }).click();
  await expect(dialog.getByRole('button', { name: 'Remove Finance' })).toBeVisible();

  const share = dialog.getByRole('button', { name: 'Share', exact: true });
  await expect(share).toBeEnabled();
  await expect(share).toHaveCSS('background-color', 'rgb(124, 58, 237)');
  await expect(share).toHaveCSS('text-transform', 'none');
  await share.click();

  await expect(sharedWith.getByRole('listitem').filter({ hasText: 'Finance' })).toBeVisible();
});

test('the mock worker answers the dialog’s API only: the portal’s other requests reach its own server', async ({
  page,
}) => {
  await page.goto('/');
  await expect(page.getByRole('list', { name: 'Your assets' })).toBeVisible();
  const answers = await page.evaluate(async () => {
    const headers = { Authorization: 'Bearer demo-olivia' };
    const api = await fetch('/api/v2/account', { headers });
    // The same path under another prefix is the portal's own business: the preview server answers it.
    const elsewhere = await fetch('/portal/api/v2/account', { headers });
    return { api: await api.text(), elsewhere: await elsewhere.text() };
  });
  expect(answers.api).toContain('olivia@acme.test');
  expect(answers.elsewhere).not.toContain('olivia@acme.test');
});
