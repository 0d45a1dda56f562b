// @vitest-environment jsdom
import { configure, screen, waitFor, within } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { backend } from '../../mock-backend/backend.ts';
import { callAs, demoAssetId, renderDialog, startMockBackend } from '../test-support.tsx';

configure({ asyncUtilTimeout: 4000 });
vi.setConfig({ testTimeout: 20_000 });

const server = startMockBackend();

/** Every PATCH the dialog sent, with its If-Match and body. */
const patches: { ifMatch: string | null; body: { roles: Record<string, unknown>[] } }[] = [];
server.events.on('request:start', async ({ request }) => {
  if (request.method !== 'PATCH') return;
  patches.push({ ifMatch: request.headers.get('If-Match'), body: await request.clone().json() });
});
afterEach(() => {
  patches.length = 0;
});

async function openHistory(user: UserEvent): Promise<HTMLElement> {
  const toggle = screen.getByRole('button', { name: 'History' });
  expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await user.click(toggle);
  expect(toggle).toHaveAttribute('aria-expanded', 'true');
  // The view loads on first use: the first time in a test run, that is a module to transform.
  return screen.findByRole('list', { name: 'Sharing history' }, { timeout: 15_000 });
}

/** The history entry showing a text (a note, a change in words). */
async function entryWith(text: string | RegExp): Promise<HTMLElement> {
  const list = await screen.findByRole('list', { name: 'Sharing history' });
  const match = await within(list).findByText(text);
  const entry = match.closest<HTMLElement>('[data-slot="history-entry"]');
  if (!entry) throw new Error(`No history entry shows ${text}`);
  return entry;
}

/** The entry on top of the history. */
function newestEntry(): HTMLElement {
  const list = screen.getByRole('list', { name: 'Sharing history' });
  const entry = list.querySelector<HTMLElement>('[data-slot="history-entry"][aria-posinset="1"]');
  if (!entry) throw new Error('The history shows no newest entry');
  return entry;
}

function sharedWithRow(name: string): HTMLElement | null {
  const list = screen.getByRole('list', { name: 'Shared with' });
  return within(list).queryByText(name)?.closest('li') ?? null;
}

describe('the History view', () => {
  it('lists change sets newest first with time, actor, note and changes in words', async () => {
    const { user } = await renderDialog({ asset: 'project', assetType: 'project' });
    await openHistory(user);
    const newest = newestEntry();
    expect(newest).toHaveTextContent('Olivia Owens');
    expect(newest).toHaveTextContent('“The review is over.”');
    expect(newest).toHaveTextContent('José Peña: Consumer → No access');
    expect(within(newest).getByRole('button', { name: 'Undo' })).toBeEnabled();
    expect(newest.querySelector('time')?.getAttribute('dateTime')).toMatch(/^2025-06-\d\dT/);
    const byEddie = await entryWith('“Read access is enough for the review.”');
    expect(byEddie).toHaveTextContent('Eddie Evans');
    expect(byEddie).toHaveTextContent('Connie Cole: User → Consumer');
  });

  it('undoes a removal: the grant comes back at its old role in one ordinary save, with If-Match', async () => {
    const { user } = await renderDialog({ asset: 'project', assetType: 'project' });
    const listed = await callAs('olivia', 'GET', `/projects/${demoAssetId('project')}/sharedRoles`);
    await openHistory(user);
    const entry = await entryWith('“The review is over.”');
    await user.click(within(entry).getByRole('button', { name: 'Undo' }));

    const undo = await screen.findByRole('region', { name: /^Undo of Olivia Owens’s change/ });
    await waitFor(() => expect(within(undo).getByRole('heading')).toHaveFocus());
    expect(undo).toHaveTextContent('José Peña: No access → Consumer');
    expect(undo).toHaveTextContent('1 change loaded into your draft');
    expect(within(entry).getByText('Undo pending')).toBeVisible();

    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.queryByRole('region', { name: /^Undo of/ })).toBeNull());
    expect(patches).toHaveLength(1);
    expect(patches[0]?.ifMatch).toBe(listed.headers.get('ETag'));
    expect(patches[0]?.body.roles).toEqual([
      { id: expect.any(String), shareRecipientType: 'user', role: 'CONSUMER' },
    ]);
    await waitFor(() => expect(sharedWithRow('José Peña')).not.toBeNull());
    expect(screen.getByRole('combobox', { name: 'Role for José Peña' })).toHaveValue('CONSUMER');
    // The undo's save is in the history in turn, on top.
    await waitFor(() => expect(newestEntry()).toHaveTextContent('José Peña: No access → Consumer'));
  });

  it('leaves out a change whose grant was changed again since, and says who changed it and when', async () => {
    const { user } = await renderDialog({ asset: 'project', assetType: 'project' });
    await openHistory(user);
    const entry = await entryWith('“Access for the quarterly review.”');
    await user.click(within(entry).getByRole('button', { name: 'Undo' }));
    const undo = await screen.findByRole('region', { name: /^Undo of/ });
    expect(undo).toHaveTextContent(/Connie Cole: not loaded, changed again on Jun \d+, 2025 by Eddie Evans/);
    expect(undo).toHaveTextContent(
      '1 change loaded into your draft: review, then save. 1 change is not loaded.',
    );
    // What is loaded is an ordinary pending change, marked in place in the list.
    const [loaded] = within(undo).getAllByRole('listitem');
    const name = loaded?.textContent?.split(':')[0] as string;
    expect(loaded).toHaveTextContent(`${name}: Consumer → No access`);
    expect(sharedWithRow(name)).toHaveAttribute('data-removed', 'true');
    expect(within(sharedWithRow(name) as HTMLElement).getByText('From undo')).toBeVisible();

    await user.click(within(undo).getByRole('button', { name: `Leave out ${name}` }));
    expect(sharedWithRow(name)).not.toHaveAttribute('data-pending');
    await user.click(within(undo).getByRole('button', { name: 'Discard undo' }));
    expect(screen.queryByRole('region', { name: /^Undo of/ })).toBeNull();
    expect(screen.getByRole('button', { name: 'Save' })).toBeDisabled();
  });

  it('filters to one person, and an undo there still checks everyone it touches', async () => {
    const { user } = await renderDialog({ asset: 'project', assetType: 'project' });
    await openHistory(user);
    const entry = await entryWith('“Access for the quarterly review.”');
    await user.click(within(entry).getByRole('button', { name: 'Show the history of Connie Cole' }));
    await waitFor(() =>
      expect(screen.getByText(/Changes to Connie Cole’s access · 2 changes/)).toBeVisible(),
    );
    const list = screen.getByRole('list', { name: 'Sharing history' });
    const entries = within(list)
      .getAllByRole('listitem')
      .filter((item) => item.dataset.slot === 'history-entry');
    expect(entries).toHaveLength(2);
    for (const item of entries) expect(item).toHaveTextContent('Connie Cole');
    // Connie's own change set where she was given User; Eddie's later one is on top.
    await user.click(within(entries[1] as HTMLElement).getByRole('button', { name: 'Undo' }));
    const undo = await screen.findByRole('region', { name: /^Undo of/ });
    expect(undo).toHaveTextContent(/Connie Cole: not loaded, changed again on .+ by Eddie Evans/);
    expect(undo).toHaveTextContent('1 change loaded');

    await user.click(screen.getByRole('button', { name: 'Show all changes' }));
    await waitFor(() => expect(screen.getByText(/^13 changes$/)).toBeVisible());
  });

  it('is not offered to someone who may not share, whom the backend refuses it', async () => {
    await renderDialog({ as: 'nora', asset: 'dataset', assetType: 'dataset' });
    expect(screen.queryByRole('button', { name: 'History' })).toBeNull();
    const response = await callAs('nora', 'GET', `/datasets/${demoAssetId('dataset')}/sharedRoles/history`);
    expect(response.status).toBe(403);
  });

  it('keeps an undo whose save is refused, with the message on its change', async () => {
    const { user } = await renderDialog({ asset: 'project', assetType: 'project' });
    await openHistory(user);
    const entry = await entryWith('“The review is over.”');
    // José's account has been deactivated since he was removed: giving his grant back is refused (R1).
    const jose = [...backend.db.directory.all()].find((principal) => principal.displayName === 'José Peña');
    if (!jose) throw new Error('no José');
    jose.active = false;
    try {
      await user.click(within(entry).getByRole('button', { name: 'Undo' }));
      await screen.findByRole('region', { name: /^Undo of/ });
      await user.click(screen.getByRole('button', { name: 'Save' }));
      const undo = await screen.findByRole('region', { name: /^Undo of/ });
      await waitFor(() => expect(undo).toHaveTextContent(/account is inactive/));
      expect(screen.getByRole('alert')).toHaveTextContent(/Nothing was changed/);
    } finally {
      jose.active = true;
    }
  });
});
