// @vitest-environment jsdom
import * as Dialog from '@radix-ui/react-dialog';
import { QueryClient } from '@tanstack/react-query';
import { act, cleanup, configure, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { HttpResponse, http } from 'msw';
import { type ReactNode, useState } from 'react';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { type PrincipalItem, type PrincipalPage, principalPageSchema } from '../../api/contract.ts';
import { createMockServer } from '../../mock-backend/node.ts';
import { assetTypes } from '../../sharing/asset-types.ts';
import type { RecipientSummary } from '../../sharing/draft.ts';
import type { AssetTypeConfig } from '../../sharing/types.ts';
import { ShareDialogProvider } from '../share-dialog-provider.tsx';
import { RecipientSearch, type RecipientSearchProps } from './recipient-search.tsx';
import { PASTE_LOOKUP_CONCURRENCY } from './resolve-pasted-recipients.ts';

/** Every render of the suggestions' listbox, with whether it showed an answer on its way. */
const optionsRenders = vi.hoisted((): { busy: boolean; options: number }[] => []);
vi.mock('./recipient-options.tsx', async (importOriginal) => {
  const actual = await importOriginal<typeof import('./recipient-options.tsx')>();
  return {
    ...actual,
    RecipientOptions(props: Parameters<typeof actual.RecipientOptions>[0]) {
      optionsRenders.push({ busy: props.busy, options: props.items.length });
      return actual.RecipientOptions(props);
    },
  };
});

// Each search waits out the debounce and a round trip; leave room for a busy machine.
configure({ asyncUtilTimeout: 4000 });

const api = 'http://localhost/api/v2';
const asOlivia = { Authorization: 'Bearer demo-olivia' };

interface SearchRequest {
  search: string;
  types: string[];
  signal: AbortSignal;
}
/** Every recipient search the component made, in order. */
const searchRequests: SearchRequest[] = [];
let searchesInFlight = 0;
let mostSearchesInFlight = 0;

function isSearch(request: Request): boolean {
  return new URL(request.url).pathname.endsWith('/principals');
}

const server = createMockServer();
server.events.on('request:start', ({ request }) => {
  if (!isSearch(request)) return;
  const url = new URL(request.url);
  searchRequests.push({
    search: url.searchParams.get('search') ?? '',
    types: (url.searchParams.get('types') ?? '').split(',').filter(Boolean),
    signal: request.signal,
  });
  searchesInFlight++;
  mostSearchesInFlight = Math.max(mostSearchesInFlight, searchesInFlight);
});
server.events.on('request:end', ({ request }) => {
  if (isSearch(request)) searchesInFlight--;
});

beforeAll(async () => {
  server.listen({ onUnhandledRequest: 'error' });
  // The first search builds the backend's search index; build it before any test's clock runs.
  await fetch(`${api}/principals?search=warm`, { headers: asOlivia });
});
afterEach(async () => {
  cleanup();
  server.resetHandlers();
  // The search only reads, so clearing injected faults is all the backend needs between tests.
  await fetch(`${api}/demo/faults`, { method: 'DELETE' });
  searchRequests.length = 0;
  optionsRenders.length = 0;
  searchesInFlight = 0;
  mostSearchesInFlight = 0;
});
afterAll(() => server.close());

async function injectFault(fault: Record<string, unknown>): Promise<void> {
  const response = await fetch(`${api}/demo/faults`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(fault),
  });
  expect(response.status).toBe(201);
}

/** Seed principals as Olivia's search answers them. */
async function directoryPage(search: string, types: string, offset = 0): Promise<PrincipalPage> {
  const url = `${api}/principals?${new URLSearchParams({ search, types, offset: String(offset), limit: '100' })}`;
  return principalPageSchema.parse(await (await fetch(url, { headers: asOlivia })).json());
}

/** A seed user as the dialog's draft holds it. */
async function userSummary(username: string): Promise<RecipientSummary> {
  const item = (await directoryPage(username, 'user')).data.find((candidate) => candidate.name === username);
  if (!item) throw new Error(`No ${username} in the seed.`);
  return { id: item.id, type: 'user', name: username, displayName: item.displayName, email: username };
}

/** Every user of Olivia's organization in the seed. */
async function everyUser(): Promise<PrincipalItem[]> {
  const users: PrincipalItem[] = [];
  for (let offset = 0; ; offset += 100) {
    const page = await directoryPage('', 'user', offset);
    users.push(...page.data);
    if (!page.next) return users;
  }
}

const dataset = assetTypes.get('dataset') as AssetTypeConfig;
const useCase = assetTypes.get('useCase') as AssetTypeConfig;
const governedModel = assetTypes.get('governedModel') as AssetTypeConfig;

type HarnessProps = Partial<Omit<RecipientSearchProps, 'selected'>> & { initial?: RecipientSummary[] };

/** The search as the dialog holds it: the chosen recipients live in the parent's state. */
function Harness({ initial = [], onAdd, onRemove, assetType = dataset, ...props }: HarnessProps) {
  const [selected, setSelected] = useState(initial);
  return (
    <RecipientSearch
      assetType={assetType}
      selected={selected}
      onAdd={(recipients) => {
        onAdd?.(recipients);
        setSelected((current) => [...current, ...recipients]);
      }}
      onRemove={(id) => {
        onRemove?.(id);
        setSelected((current) => current.filter((recipient) => recipient.id !== id));
      }}
      {...props}
    />
  );
}

function renderSearch(props: HarnessProps = {}, wrap: (node: ReactNode) => ReactNode = (node) => node) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false, retryDelay: 0 } } });
  const user = userEvent.setup();
  const view = render(
    <ShareDialogProvider baseUrl={api} headers={() => asOlivia} queryClient={queryClient}>
      {wrap(<Harness {...props} />)}
    </ShareDialogProvider>,
  );
  return { user, view, combobox: screen.getByRole('combobox', { name: props.label ?? 'Share with' }) };
}

// Every search waits out the debounce; a test makes several, on machines that may be busy.
describe('RecipientSearch', { timeout: 20_000 }, () => {
  it('is a combobox named "Share with" that controls a listbox of matches, each with its e-mail or member count', async () => {
    const { user, combobox } = renderSearch();
    expect(combobox).toHaveAttribute('aria-expanded', 'false');

    await user.type(combobox, 'data');
    const listbox = screen.getByRole('listbox', { name: 'Share with' });
    expect(combobox).toHaveAttribute('aria-expanded', 'true');
    expect(combobox).toHaveAttribute('aria-controls', listbox.id);

    const group = await within(listbox).findByRole('option', { name: /Data Science/ });
    expect(group).toHaveTextContent(/Group · \d+ members/);
    expect(group.querySelector('svg[data-recipient-type="group"]')).not.toBeNull();

    await user.clear(combobox);
    await user.type(combobox, 'acme');
    expect(await screen.findByRole('option', { name: /Acme Analytics/ })).toHaveTextContent(
      /Organization · \d+ members/,
    );

    await user.clear(combobox);
    await user.type(combobox, 'eddie');
    const eddie = await screen.findByRole('option', { name: /Eddie Evans/ });
    expect(eddie).toHaveTextContent('eddie@acme.test');
    expect(eddie.querySelector('svg[data-recipient-type="user"]')).not.toBeNull();
  });

  it('announces how many results a search found, and when there are none', async () => {
    const { user, combobox } = renderSearch();
    const announcer = screen.getByRole('status');

    await user.type(combobox, 'eddie');
    await waitFor(() => expect(announcer).toHaveTextContent('1 result'));

    await user.clear(combobox);
    await user.type(combobox, 'zzzz');
    await waitFor(() => expect(announcer).toHaveTextContent('No matches'));
    expect(screen.getByText('No matches', { selector: 'p' })).toBeVisible();
  });

  it('renders the suggestions once for the answer: saying how many it found re-renders the live region alone', async () => {
    const { user, combobox } = renderSearch();
    await user.type(combobox, 'eddie');
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('1 result'));
    expect(optionsRenders.filter((render) => !render.busy && render.options > 0)).toHaveLength(1);
  });

  it('shows that it is searching while the answer is on its way, then the answer', async () => {
    let answer: () => void = () => {};
    const answered = new Promise<void>((resolve) => {
      answer = resolve;
    });
    server.use(
      http.get('*/api/v2/principals', async () => {
        await answered;
        // Nothing returned: the mock backend's own handler answers.
      }),
    );
    const { user, combobox } = renderSearch();
    await user.type(combobox, 'eddie');
    expect(await screen.findByText('Searching…')).toBeVisible();
    expect(screen.getByRole('listbox')).toHaveAttribute('aria-busy', 'true');

    answer();
    expect(await screen.findByRole('option', { name: /Eddie Evans/ })).toBeInTheDocument();
    expect(screen.queryByText('Searching…')).toBeNull();
    expect(screen.getByRole('listbox')).not.toHaveAttribute('aria-busy');
  });

  it('says when the search failed', async () => {
    await injectFault({ path: '/principals', status: 500 });
    const { user, combobox } = renderSearch();
    await user.type(combobox, 'eddie');
    expect(
      await screen.findByText('Search failed. Keep typing to try again.', { selector: 'p' }),
    ).toBeVisible();
    await waitFor(() =>
      expect(screen.getByRole('status')).toHaveTextContent('Search failed. Keep typing to try again.'),
    );
  });

  it('chooses a recipient by keyboard: arrows move the active option, Enter adds it as a chip', async () => {
    const onAdd = vi.fn();
    const { user, combobox } = renderSearch({ onAdd });

    await user.type(combobox, 'o');
    const olivia = await screen.findByRole('option', { name: /Olivia Owens/ });
    await user.keyboard('{ArrowDown}');
    const first = screen
      .getAllByRole('option')
      .find((option) => option.getAttribute('aria-disabled') !== 'true');
    expect(combobox).toHaveAttribute('aria-activedescendant', first?.id);

    while (combobox.getAttribute('aria-activedescendant') !== olivia.id) await user.keyboard('{ArrowDown}');
    await user.keyboard('{Enter}');

    expect(onAdd).toHaveBeenCalledExactlyOnceWith([await userSummary('olivia@acme.test')]);
    const chips = screen.getByRole('list', { name: 'Recipients to add' });
    expect(within(chips).getByText('Olivia Owens')).toBeInTheDocument();
    expect(combobox).toHaveValue('');
    expect(combobox).toHaveFocus();
    expect(screen.getByRole('status')).toHaveTextContent('Olivia Owens added');
  });

  it('chooses a recipient by pointer', async () => {
    const onAdd = vi.fn();
    const { user, combobox } = renderSearch({ onAdd });
    await user.type(combobox, 'connie');
    await user.click(await screen.findByRole('option', { name: /Connie Cole/ }));
    expect(onAdd).toHaveBeenCalledExactlyOnceWith([await userSummary('connie@acme.test')]);
  });

  it('closes the menu on Escape without closing the dialog around it; the next Escape closes the dialog', async () => {
    const onOpenChange = vi.fn();
    const { user, combobox } = renderSearch({}, (node) => (
      <Dialog.Root open onOpenChange={onOpenChange}>
        <Dialog.Portal>
          <Dialog.Content aria-describedby={undefined}>
            <Dialog.Title>Share Churn dataset</Dialog.Title>
            {node}
          </Dialog.Content>
        </Dialog.Portal>
      </Dialog.Root>
    ));

    await user.type(combobox, 'eddie');
    await screen.findByRole('option', { name: /Eddie Evans/ });
    await user.keyboard('{Escape}');
    expect(combobox).toHaveAttribute('aria-expanded', 'false');
    expect(screen.queryByRole('option')).toBeNull();
    expect(onOpenChange).not.toHaveBeenCalled();
    expect(combobox).toHaveValue('eddie');

    await user.keyboard('{Escape}');
    expect(onOpenChange).toHaveBeenCalledWith(false);
  });

  it('removes the last chip with Backspace in the empty input, and any chip with its remove button', async () => {
    const onRemove = vi.fn();
    const [eddie, connie, olivia] = await Promise.all(
      ['eddie@acme.test', 'connie@acme.test', 'olivia@acme.test'].map(userSummary),
    );
    const { user, combobox } = renderSearch({
      onRemove,
      initial: [eddie, connie, olivia] as RecipientSummary[],
    });

    await user.click(combobox);
    await user.keyboard('{Backspace}');
    expect(onRemove).toHaveBeenLastCalledWith(olivia?.id);
    expect(screen.queryByRole('button', { name: 'Remove Olivia Owens' })).toBeNull();

    await user.click(screen.getByRole('button', { name: 'Remove Eddie Evans' }));
    expect(onRemove).toHaveBeenLastCalledWith(eddie?.id);
    expect(combobox).toHaveFocus();
    expect(screen.getByRole('status')).toHaveTextContent('Eddie Evans removed');

    // Backspace that deletes typed text removes no chip.
    await user.type(combobox, 'x');
    await user.keyboard('{Backspace}');
    expect(combobox).toHaveValue('');
    expect(screen.getByRole('button', { name: 'Remove Connie Cole' })).toBeInTheDocument();
    expect(onRemove).toHaveBeenCalledTimes(2);
  });

  it('moves from the input to the chips with ArrowLeft and removes the focused chip with Delete', async () => {
    const onRemove = vi.fn();
    const [eddie, connie, olivia] = await Promise.all(
      ['eddie@acme.test', 'connie@acme.test', 'olivia@acme.test'].map(userSummary),
    );
    const { user, combobox } = renderSearch({
      onRemove,
      initial: [eddie, connie, olivia] as RecipientSummary[],
    });

    await user.click(combobox);
    await user.keyboard('{ArrowLeft}{ArrowLeft}');
    expect(screen.getByRole('button', { name: 'Remove Connie Cole' })).toHaveFocus();
    await user.keyboard('{Delete}');
    expect(onRemove).toHaveBeenCalledExactlyOnceWith(connie?.id);
    expect(screen.getByRole('button', { name: 'Remove Olivia Owens' })).toHaveFocus();
  });

  it('shows inactive accounts and people of another organization with the reason, and does not let them be chosen', async () => {
    const onAdd = vi.fn();
    const { user, combobox } = renderSearch({ onAdd });

    await user.type(combobox, 'ivan');
    const ivan = await screen.findByRole('option', { name: /Ivan Ingram/ });
    expect(ivan).toHaveAttribute('aria-disabled', 'true');
    expect(ivan).toHaveTextContent('Inactive account');
    await user.click(ivan);
    await user.keyboard('{ArrowDown}{Enter}');
    expect(combobox).not.toHaveAttribute('aria-activedescendant', ivan.id);

    await user.clear(combobox);
    await user.type(combobox, 'gus@globex.test');
    // The search answers nobody of another organization; the reason names the address and nothing else.
    const reason =
      'gus@globex.test is outside your organization. You can only share within your organization.';
    // Shown in the menu, and said by the live region.
    expect((await screen.findAllByText(reason))[0]).toBeVisible();
    expect(screen.queryByRole('option')).toBeNull();
    expect(document.body.textContent).not.toContain('Gus Garcia');
    await user.keyboard('{Enter}');
    const failures = await screen.findByRole('region', { name: '1 entry could not be added' });
    expect(within(failures).getByRole('listitem')).toHaveTextContent(
      'gus@globex.testOutside your organization',
    );

    expect(onAdd).not.toHaveBeenCalled();
    expect(screen.queryByRole('list', { name: 'Recipients to add' })).toBeNull();
  });

  it('marks a recipient already chosen instead of adding it twice', async () => {
    const onAdd = vi.fn();
    const { user, combobox } = renderSearch({ onAdd, initial: [await userSummary('eddie@acme.test')] });
    await user.type(combobox, 'eddie');
    const eddie = await screen.findByRole('option', { name: /Eddie Evans/ });
    expect(eddie).toHaveAttribute('aria-disabled', 'true');
    expect(eddie).toHaveTextContent('Already added');
    await user.click(eddie);
    expect(onAdd).not.toHaveBeenCalled();
  });

  it('adds every pasted address that resolves and lists each that fails with its reason, keeping what was typed', async () => {
    const onAdd = vi.fn();
    const { user, combobox } = renderSearch({ onAdd });

    await user.type(combobox, 'dan');
    // Let the search for the typed text settle, so its announcement does not race the paste's.
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent(/result|No matches/));
    await user.paste(
      'eddie@acme.test, Connie Cole <connie@acme.test>; ivan@acme.test\ngus@globex.test nobody@acme.test bob',
    );

    await waitFor(() => expect(onAdd).toHaveBeenCalledTimes(1));
    // Each address is looked up by itself, as a user.
    const lookups = searchRequests.filter((request) => request.search.includes('@'));
    expect(lookups.map((request) => request.types)).toEqual(Array(5).fill(['user']));
    expect(onAdd).toHaveBeenCalledWith([
      await userSummary('eddie@acme.test'),
      await userSummary('connie@acme.test'),
    ]);
    const failures = await screen.findByRole('region', { name: '4 entries could not be added' });
    const rows = within(failures)
      .getAllByRole('listitem')
      .map((row) => row.textContent);
    expect(rows).toEqual([
      'ivan@acme.testInactive account',
      'gus@globex.testOutside your organization',
      'nobody@acme.testNo account with this e-mail address',
      'bobNot an e-mail address',
    ]);
    expect(combobox).toHaveValue('dan');
    // The menu closes with the paste: its hint does not stay open over what follows the field.
    expect(combobox).toHaveAttribute('aria-expanded', 'false');
    expect(screen.queryByText(/Paste a list to add several at once/)).toBeNull();
    expect(screen.getByRole('status')).toHaveTextContent('2 recipients added, 4 could not be added');

    await user.click(within(failures).getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByRole('region', { name: /could not be added/ })).toBeNull();
  });

  it('looks up a pasted list of hundreds a few at a time and adds the good ones in one go', async () => {
    const users = await everyUser();
    const active = users.filter((candidate) => candidate.active);
    expect(users.length).toBeGreaterThan(150);
    expect(active.length).toBeLessThan(users.length);
    searchRequests.length = 0;
    // A little latency so lookups overlap as they would over a network.
    await injectFault({ path: '/principals', delayMs: 5 });
    const onAdd = vi.fn();
    const { user, combobox } = renderSearch({ onAdd });

    await user.click(combobox);
    await user.paste(users.map((candidate) => candidate.name).join('\n'));

    await waitFor(() => expect(onAdd).toHaveBeenCalledTimes(1), { timeout: 20_000 });
    const added = onAdd.mock.calls[0]?.[0] as RecipientSummary[];
    expect(added.map((recipient) => recipient.name)).toEqual(active.map((candidate) => candidate.name));
    expect(mostSearchesInFlight).toBeGreaterThan(1);
    expect(mostSearchesInFlight).toBeLessThanOrEqual(PASTE_LOOKUP_CONCURRENCY);
    const failures = screen.getByRole('region', { name: /could not be added/ });
    expect(within(failures).getAllByRole('listitem')).toHaveLength(users.length - active.length);
    expect(within(failures).getAllByText('Inactive account')).toHaveLength(users.length - active.length);
  }, 30_000);

  it('adds typed e-mail addresses on Enter when no option is active', async () => {
    const onAdd = vi.fn();
    const { user, combobox } = renderSearch({ onAdd });
    await user.type(combobox, 'olivia@acme.test{Enter}');
    await waitFor(() => expect(onAdd).toHaveBeenCalledTimes(1));
    expect(onAdd).toHaveBeenCalledWith([await userSummary('olivia@acme.test')]);
    expect(combobox).toHaveValue('');
    expect(combobox).toHaveAttribute('aria-expanded', 'false');
  });

  it('never shows a slow answer to an older search after the answer to a newer one', async () => {
    let releaseStale: () => void = () => {};
    const staleReleased = new Promise<void>((resolve) => {
      releaseStale = resolve;
    });
    server.use(
      http.get('*/api/v2/principals', async ({ request }) => {
        if (new URL(request.url).searchParams.get('search') !== 'ol') return;
        await staleReleased;
        const stale: PrincipalItem = {
          id: 'f'.repeat(24),
          shareRecipientType: 'user',
          name: 'stale@acme.test',
          displayName: 'Stale Answer',
          email: 'stale@acme.test',
          active: true,
          orgId: 'e'.repeat(24),
        };
        return HttpResponse.json({ count: 1, totalCount: 1, next: null, previous: null, data: [stale] });
      }),
    );
    const { user, combobox } = renderSearch();

    await user.type(combobox, 'ol');
    await waitFor(() => expect(searchRequests.map((request) => request.search)).toContain('ol'));
    await user.type(combobox, 'i');
    await screen.findByRole('option', { name: /Olivia Owens/ });
    await waitFor(() => expect(searchRequests.map((request) => request.search)).toContain('oli'));
    await waitFor(() => expect(screen.getByRole('listbox')).not.toHaveAttribute('aria-busy', 'true'));

    await act(async () => {
      releaseStale();
      await new Promise((resolve) => setTimeout(resolve, 50));
    });
    expect(screen.queryByRole('option', { name: /Stale Answer/ })).toBeNull();
    expect(screen.getByRole('option', { name: /Olivia Owens/ })).toBeInTheDocument();
    // Once the newer search was asked, the superseded request was cancelled, not merely ignored.
    expect(searchRequests.find((request) => request.search === 'ol')?.signal.aborted).toBe(true);
  });

  it('searches only the recipient types the asset type allows', async () => {
    const { user, combobox, view } = renderSearch({ assetType: useCase });
    await user.type(combobox, 'data');
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent(/result|No matches/));
    expect(screen.queryByRole('option', { name: /Data Science/ })).toBeNull();
    expect(searchRequests.at(-1)?.types).toEqual(['user', 'organization']);
    await user.clear(combobox);
    await user.type(combobox, 'acme');
    expect(await screen.findByRole('option', { name: /Acme Analytics/ })).toBeInTheDocument();
    view.unmount();

    const model = renderSearch({ assetType: governedModel });
    await model.user.type(model.combobox, 'm');
    await screen.findByRole('option', { name: /MLOps Admin/ });
    expect(screen.queryByRole('option', { name: /Marketing Analytics/ })).toBeNull();
    expect(searchRequests.at(-1)?.types).toEqual(['user', 'role']);
  });

  it('shows a failed save’s message on the recipient’s chip', async () => {
    const ivan = await userSummary('ivan@acme.test');
    renderSearch({
      initial: [ivan],
      errorsByPrincipalId: { [ivan.id]: 'Ivan Ingram’s account is inactive.' },
    });
    expect(screen.getByRole('button', { name: 'Remove Ivan Ingram' })).toHaveAccessibleDescription(
      'Ivan Ingram: Ivan Ingram’s account is inactive.',
    );
  });

  it('says why it is disabled, and searches nothing while it is', async () => {
    const { user, combobox } = renderSearch({
      disabled: true,
      disabledReason: 'You need “Allow sharing” on this dataset to share it.',
    });
    expect(combobox).toHaveAttribute('aria-disabled', 'true');
    expect(combobox).toHaveAccessibleDescription('You need “Allow sharing” on this dataset to share it.');
    await user.type(combobox, 'eddie');
    await user.keyboard('{ArrowDown}');
    await user.paste('eddie@acme.test, connie@acme.test');
    expect(combobox).toHaveValue('');
    expect(combobox).toHaveAttribute('aria-expanded', 'false');
    expect(searchRequests).toEqual([]);
  });

  it('takes its texts from the messages given', async () => {
    const { user, combobox } = renderSearch({
      label: 'Partager avec',
      messages: {
        resultCount: (count) => `${count} résultat(s)`,
        removeRecipient: (name) => `Retirer ${name}`,
      },
      initial: [await userSummary('eddie@acme.test')],
    });
    expect(combobox).toHaveAccessibleName('Partager avec');
    expect(screen.getByRole('button', { name: 'Retirer Eddie Evans' })).toBeInTheDocument();
    await user.type(combobox, 'connie');
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('1 résultat(s)'));
  });
});
