// @vitest-environment jsdom
import { act, configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { scaleAssetId } from '../../mock-backend/scale.ts';
import type { DialogStore } from '../dialog-store.ts';
import { personaIds, renderDialog, resetBackend, startMockBackend } from '../test-support.tsx';

configure({ asyncUtilTimeout: 6000 });
vi.setConfig({ testTimeout: 30_000 });

/** How many times each row rendered: every row render reads its pending edit exactly once. */
const rowRenders = vi.hoisted(() => new Map<string, number>());
vi.mock('../dialog-store.ts', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../dialog-store.ts')>();
  return {
    ...actual,
    useGrantEdit: (store: DialogStore, principalId: string) => {
      rowRenders.set(principalId, (rowRenders.get(principalId) ?? 0) + 1);
      return actual.useGrantEdit(store, principalId);
    },
  };
});

const server = startMockBackend();

/** The `name` filter of every access-list request. */
const listRequests: { name: string | null; offset: string | null }[] = [];
/** The page length of every access-list request. */
const listLimits: (string | null)[] = [];
server.events.on('request:start', ({ request }) => {
  const url = new URL(request.url);
  if (request.method === 'GET' && url.pathname.endsWith('/sharedRoles')) {
    listRequests.push({ name: url.searchParams.get('name'), offset: url.searchParams.get('offset') });
    listLimits.push(url.searchParams.get('limit'));
  }
});

/** Scrolls the list's viewport to `top` and reports the scroll, as the browser does. */
function scrollViewport(viewport: HTMLElement, top: number) {
  act(() => {
    viewport.scrollTop = top;
    fireEvent.scroll(viewport);
  });
}

function list() {
  return screen.getByRole('list', { name: 'Shared with' });
}

function rowOf(name: string): HTMLElement {
  const row = within(list()).getByText(name).closest('li');
  if (!row) throw new Error(`No row for ${name}`);
  return row;
}

describe('Shared with', () => {
  it('lists every grant with its name and e-mail, or its type and member count, and marks the actor', async () => {
    await renderDialog({ asset: 'deployment', assetType: 'deployment' });
    expect(within(rowOf('Eddie Evans')).getByText('eddie@acme.test')).toBeVisible();
    expect(within(rowOf('Data Science')).getByText(/^Group · \d+ members$/)).toBeVisible();
    expect(within(rowOf('Olivia Owens')).getByText('You')).toBeVisible();
    const rows = within(list()).getAllByRole('listitem');
    expect(rows[0]).toHaveAttribute('aria-posinset', '1');
    expect(rows[0]).toHaveAttribute('aria-setsize', String(rows.length));
    expect(screen.getByText(`${rows.length} entries`)).toBeVisible();
  });

  it('says "via group …" where a person also has access another way', async () => {
    await renderDialog({ asset: 'deployment', assetType: 'deployment' });
    expect(await within(rowOf('Rita Reyes')).findByText('Also via group Risk')).toBeVisible();
    expect(await within(rowOf('Connie Cole')).findByText('Also via group Data Science')).toBeVisible();
    expect(within(rowOf('Olivia Owens')).queryByText(/Also via/)).toBeNull();
  });

  it('says "via" an organization grant without asking the backend', async () => {
    await renderDialog({ asset: 'useCase', assetType: 'useCase' });
    expect(within(rowOf('Connie Cole')).getByText('Also via Acme Analytics')).toBeVisible();
  });

  it('filters people on the server once typing pauses', async () => {
    const { user } = await renderDialog({ asset: 'deployment', assetType: 'deployment' });
    listRequests.length = 0;
    await user.type(screen.getByRole('searchbox', { name: 'Filter people' }), 'conn');
    await waitFor(() => expect(within(list()).queryByText('Eddie Evans')).toBeNull());
    expect(within(list()).getByText('Connie Cole')).toBeVisible();
    expect(listRequests).toEqual([{ name: 'conn', offset: '0' }]);

    await user.clear(screen.getByRole('searchbox', { name: 'Filter people' }));
    await user.type(screen.getByRole('searchbox', { name: 'Filter people' }), 'nobody-at-all');
    expect(await screen.findByText('No one matches “nobody-at-all”.')).toBeVisible();
  });

  it('changes the per-grant options of a dataset, pending until saved', async () => {
    const { user } = await renderDialog({ asset: 'dataset', assetType: 'dataset' });
    const allowSharing = screen.getByRole('checkbox', { name: 'Allow sharing for Connie Cole' });
    expect(allowSharing).not.toBeChecked();
    await user.click(allowSharing);
    expect(allowSharing).toBeChecked();
    expect(within(rowOf('Connie Cole')).getByText('Pending')).toBeVisible();
    // An owner always uses the data: the box is on, locked, and says why.
    const ownerData = screen.getByRole('checkbox', { name: 'Can use data for Olivia Owens' });
    expect(ownerData).toBeChecked();
    expect(ownerData).toBeDisabled();
    expect(ownerData).toHaveAccessibleDescription(/Owner access always includes “Can use data”/);
  });

  it('folds several reasons of a locked row behind one disclosure, which every control still describes itself with', async () => {
    const { user } = await renderDialog({ asset: 'creditBureauExtract', assetType: 'dataset' });
    const own = rowOf('Olivia Owens');
    const why = within(own).getByRole('button', { name: 'Why can’t I change this?' });
    expect(why).toHaveAttribute('aria-expanded', 'false');
    const lastOwner = /You are the last Owner of this dataset\. Make someone else Owner first\./;
    const lastSharer = /You are the last person who can share this dataset\./;
    expect(within(own).queryByText(lastOwner)).not.toBeVisible();
    expect(within(own).queryByText(lastSharer)).not.toBeVisible();
    expect(
      screen.getByRole('button', { name: 'Remove access for Olivia Owens' }),
    ).toHaveAccessibleDescription(lastOwner);
    expect(
      screen.getByRole('checkbox', { name: 'Allow sharing for Olivia Owens' }),
    ).toHaveAccessibleDescription(lastSharer);

    await user.click(why);
    expect(why).toHaveAttribute('aria-expanded', 'true');
    expect(within(own).getByText(lastOwner)).toBeVisible();
    expect(within(own).getByText(lastSharer)).toBeVisible();
    expect(within(own).getByText(/Owner access always includes “Can use data”/)).toBeVisible();
  });

  it('shows a single reason as it is, without a disclosure', async () => {
    await renderDialog({ asset: 'deployment', assetType: 'deployment' });
    const own = rowOf('Olivia Owens');
    expect(within(own).getByText(/You are the last Owner of this deployment/)).toBeVisible();
    expect(within(own).queryByRole('button', { name: 'Why can’t I change this?' })).toBeNull();
  });

  it('re-renders only the row whose role changes', async () => {
    const { user } = await renderDialog({ asset: 'deployment', assetType: 'deployment' });
    // Let the lazy access explanations settle first.
    await within(rowOf('Connie Cole')).findByText('Also via group Data Science');
    await new Promise((resolve) => setTimeout(resolve, 300));
    rowRenders.clear();

    await user.selectOptions(screen.getByRole('combobox', { name: 'Role for Connie Cole' }), 'USER');
    await within(rowOf('Connie Cole')).findByText('Pending');
    await screen.findByText(/If you save:/);
    expect([...rowRenders.keys()]).toEqual([personaIds.connie]);
  });
  it('re-renders, when someone becomes Owner, only that row and the rows whose controls it unlocks', async () => {
    const { user } = await renderDialog({ asset: 'deployment', assetType: 'deployment' });
    await within(rowOf('Connie Cole')).findByText('Also via group Data Science');
    await new Promise((resolve) => setTimeout(resolve, 300));
    const ownerRemove = screen.getByRole('button', { name: 'Remove access for Olivia Owens' });
    expect(ownerRemove).toBeDisabled();
    rowRenders.clear();

    await user.selectOptions(screen.getByRole('combobox', { name: 'Role for Connie Cole' }), 'OWNER');
    await within(rowOf('Connie Cole')).findByText('Pending');
    await screen.findByText(/If you save:/);
    // Olivia is no longer the last owner: she may now be removed, so her row changes; no other row does.
    expect(ownerRemove).toBeEnabled();
    expect([...rowRenders.keys()].sort()).toEqual([personaIds.connie, personaIds.olivia].sort());
  });
});

describe('Shared with, at scale', () => {
  it('opens a 10,000-grant list with a page loaded and fewer than 100 rows in the DOM, and loads more ahead of the scroll', async () => {
    resetBackend({ scale: true });
    listRequests.length = 0;
    listLimits.length = 0;
    const { dialog } = await renderDialog({
      asset: 'dataset',
      assetId: scaleAssetId(10_000),
      assetType: 'dataset',
    });
    expect(dialog).toHaveAccessibleName('Share Scale · 10,000 grants');
    const rows = within(list()).getAllByRole('listitem');
    expect(rows.length).toBeGreaterThan(5);
    expect(rows.length).toBeLessThan(100);
    expect(rows[0]).toHaveAttribute('aria-setsize', '10000');
    expect(screen.getByText('10,000 entries')).toBeVisible();
    // A small first page; the next, of the contract's 1,000, is asked before the list is scrolled at all.
    await waitFor(() =>
      expect(listRequests).toEqual([
        { name: null, offset: '0' },
        { name: null, offset: '100' },
      ]),
    );
    expect(listLimits).toEqual(['100', '1000']);

    // Half a page before the loaded end, the page after it is asked for.
    const viewport = list().parentElement as HTMLElement;
    viewport.scrollTop = 700 * 84;
    fireEvent.scroll(viewport);
    // Scrolling on while it loads awaits that page instead of asking for it again.
    await act(async () => {
      viewport.scrollTop = 720 * 84;
      fireEvent.scroll(viewport);
    });
    await waitFor(() => expect(listRequests).toContainEqual({ name: null, offset: '1100' }));
    expect(listLimits.at(-1)).toBe('1000');
    await waitFor(() => {
      const positions = within(list())
        .getAllByRole('listitem')
        .map((row) => Number(row.getAttribute('aria-posinset')));
      expect(Math.max(...positions)).toBeGreaterThan(700);
    });
    expect(listRequests.filter((request) => request.offset === '1100')).toHaveLength(1);
    expect(within(list()).getAllByRole('listitem').length).toBeLessThan(100);
  });

  it('shows who and which role only while it is flung, whole rows again once it slows, and keeps a focused row whole', async () => {
    resetBackend({ scale: true });
    await renderDialog({ asset: 'dataset', assetId: scaleAssetId(1000), assetType: 'dataset' });
    const viewport = list().parentElement as HTMLElement;
    const passing = () => list().querySelectorAll('[data-passing="true"]').length;
    const firstRow = within(list()).getAllByRole('listitem')[0] as HTMLElement;
    const focused = within(firstRow).getByRole('combobox');
    focused.focus();

    // A jump is not a fling, nor are two. (Back and forth, so that the focused first row stays rendered.)
    const scrollTo = (top: number) => scrollViewport(viewport, top);
    scrollTo(400);
    scrollTo(0);
    expect(passing()).toBe(0);
    // Nor a third scroll that moves less than a fling does.
    scrollTo(399);
    expect(passing()).toBe(0);
    scrollTo(0);
    expect(passing()).toBe(0);
    // Three of a screenful a frame are; the focused row stays whole, and keeps focus.
    scrollTo(400);
    scrollTo(0);
    scrollTo(400);
    expect(passing()).toBeGreaterThan(0);
    const rows = within(list()).getAllByRole('listitem');
    expect(rows.length).toBe(passing() + 1);
    expect(document.activeElement).toBe(focused);
    const passed = rows.find((row) => row.dataset.passing === 'true') as HTMLElement;
    expect(within(passed).queryByRole('combobox')).toBeNull();
    expect(within(passed).queryByRole('button')).toBeNull();
    expect(passed).toHaveAttribute('aria-posinset');
    expect(passed.textContent).toMatch(/Consumer|Editor|Owner/);

    await waitFor(() => expect(passing()).toBe(0));
    expect(within(list()).getAllByRole('combobox', { name: /^Role for / })).toHaveLength(
      within(list()).getAllByRole('listitem').length,
    );
  });

  it('renders only the rows in view while it is flung, and the rows around them again once it slows', async () => {
    resetBackend({ scale: true });
    await renderDialog({ asset: 'dataset', assetId: scaleAssetId(1000), assetType: 'dataset' });
    const viewport = list().parentElement as HTMLElement;
    const rendered = () => within(list()).getAllByRole('listitem').length;
    const scrollTo = (top: number) => scrollViewport(viewport, top);
    // Three of a screenful a frame (back and forth, as in a real fling each takes less than a frame here).
    scrollTo(400);
    scrollTo(0);
    scrollTo(400);
    // The viewport shows 320 px of 84 px rows from 400 px down: rows 4 to 8, and one beyond each edge.
    expect(list().querySelectorAll('[data-passing="true"]').length).toBeGreaterThan(0);
    expect(rendered()).toBe(7);
    // Once it slows: six beyond each edge, rows 0 to 14.
    await waitFor(() => expect(rendered()).toBe(15));
  });

  it('leaves a pressed control where it is, even before the scroll that brought it into view is reported', async () => {
    resetBackend({ scale: true });
    await renderDialog({ asset: 'dataset', assetId: scaleAssetId(1000), assetType: 'dataset' });
    const viewport = list().parentElement as HTMLElement;
    const outside = screen.getByRole('searchbox', { name: 'Filter people' });
    outside.focus();
    // Scrolled (by the browser, say, bringing a control into view) with no scroll event yet.
    viewport.scrollTop = 300;
    const remove = within(list()).getAllByRole('button', { name: /^Remove access for / })[1] as HTMLElement;
    fireEvent.pointerDown(remove);
    fireEvent.focus(remove, { relatedTarget: outside });
    expect(viewport.scrollTop).toBe(300);
    // Focus that no press gave still goes by what the person last scrolled to.
    fireEvent.focus(remove, { relatedTarget: outside });
    expect(viewport.scrollTop).toBe(0);
  });

  it('starts a new filter at the top of the list, and sets no scroll position on opening', async () => {
    resetBackend({ scale: true });
    const setScrollTop = vi.spyOn(Element.prototype, 'scrollTop', 'set');
    try {
      const { user } = await renderDialog({
        asset: 'dataset',
        assetId: scaleAssetId(1000),
        assetType: 'dataset',
      });
      const viewport = list().parentElement as HTMLElement;
      const viewportScrolls = () =>
        setScrollTop.mock.calls.filter((_, call) => setScrollTop.mock.contexts[call] === viewport).flat();
      expect(viewportScrolls()).toEqual([]);
      await user.type(screen.getByRole('searchbox', { name: 'Filter people' }), 'a');
      await waitFor(() => expect(viewportScrolls()).toEqual([0]));
    } finally {
      setScrollTop.mockRestore();
    }
  });
});
