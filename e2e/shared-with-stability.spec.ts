/**
 * The Shared with list holds still while it fills in: the "Also via group …" lines answered after the rows are shown
 * take a line each row already keeps, so a control under the pointer stays under it.
 */
import { expect, injectFault, openApp, openShareDialog, test } from './fixtures.ts';

test('the rows do not move when the access explanations arrive after them', async ({ page }) => {
  await openApp(page, '/');
  // The explanations (GET …/access/{userId}) come a second after the list.
  await injectFault(page, { path: 'access/*', method: 'GET', delayMs: 1_000 });
  const dialog = await openShareDialog(page, 'Churn predictor · production');
  const list = dialog.getByRole('list', { name: 'Shared with' });
  const lastRemove = list
    .getByRole('listitem')
    .last()
    .getByRole('button', { name: /^Remove access for / });
  await expect(list.getByText(/^Also via /)).toHaveCount(0);
  const before = await lastRemove.boundingBox();

  await expect(list.getByText('Also via group Data Science').first()).toBeVisible();
  expect(await lastRemove.boundingBox()).toEqual(before);
});
