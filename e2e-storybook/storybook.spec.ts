/**
 * The built Storybook works on its own: it indexes every story, its mock backend answers in the preview, and
 * switching stories moves the backend from one story's state to the next. Judging every story (console, axe) is the gallery's
 * browser test, which renders the same stories: it is not paid for twice here.
 */
import { expect, type Page, test } from '@playwright/test';
import { indexedStories } from '../e2e/stories.ts';

function storyUrl(id: string): string {
  return `/iframe.html?id=${id}&viewMode=story`;
}

function consoleErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

test('the build indexes every story of the story files', async ({ request }) => {
  const index = (await (await request.get('/index.json')).json()) as {
    entries: Record<string, { type: string }>;
  };
  const built = Object.entries(index.entries)
    .filter(([, entry]) => entry.type === 'story')
    .map(([id]) => id);
  expect(built.sort()).toEqual(
    indexedStories()
      .map((story) => story.id)
      .sort(),
  );
});

test('a story renders the real dialog against the mock backend, without console errors', async ({ page }) => {
  const errors = consoleErrors(page);
  await page.goto(storyUrl('share-dialog-states-default--dataset'));
  const dialog = page.getByRole('dialog', { name: 'Share Customer transactions 2024' });
  const rows = dialog.getByRole('list', { name: 'Shared with' }).getByRole('listitem');
  await expect(rows.filter({ hasText: 'Olivia Owens' })).toBeVisible();
  await expect(rows.filter({ hasText: 'Connie Cole' })).toBeVisible();
  // Storybook's own favicon request may 404 on a static server; the story itself logs nothing.
  expect(errors.filter((error) => !/favicon|status of 404/.test(error))).toEqual([]);
});

test('stories switched in one preview move its backend from one state to the next', async ({ page }) => {
  // Storybook's manager: the preview runs in an iframe and keeps one backend while stories change.
  await page.goto('/?path=/story/share-dialog-states-error--use-case');
  const preview = page.frameLocator('#storybook-preview-iframe');
  const failing = preview.getByRole('dialog', { name: 'Share Customer churn reduction' });
  // The dialog retries a failed load a few times, backing off, before it says so.
  await expect(failing.getByText('Could not load who has access.')).toBeVisible({ timeout: 120_000 });
  await expect(failing.getByRole('button', { name: 'Retry' })).toBeVisible();

  // Through the sidebar, so the preview (and its backend) stays: the error story's fault must be gone.
  await page.getByRole('button', { name: 'Default', exact: true }).click();
  await page
    .getByRole('link', { name: 'Use Case', exact: true })
    .and(page.locator('[href$="share-dialog-states-default--use-case"]'))
    .click();
  await expect(page).toHaveURL(/share-dialog-states-default--use-case/);
  const healthy = preview.getByRole('dialog', { name: 'Share Customer churn reduction' });
  await expect(
    healthy
      .getByRole('list', { name: 'Shared with' })
      .getByRole('listitem')
      .filter({ hasText: 'Olivia Owens' }),
  ).toBeVisible();

  await page.goto('/?path=/story/share-dialog-states-empty--project');
  const empty = preview.getByRole('dialog', { name: /^Share New project/ });
  await expect(empty.getByRole('list', { name: 'Shared with' }).getByRole('listitem')).toHaveCount(1);
});
