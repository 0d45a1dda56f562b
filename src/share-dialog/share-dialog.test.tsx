// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { configure, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { HttpResponse, http } from 'msw';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { sharingKeys } from '../api/query-keys.ts';
import { ShareDialog, ShareDialogProvider } from './index.ts';
import { demoAssetId, personaToken, renderDialog, startMockBackend, testApi } from './test-support.tsx';

configure({ asyncUtilTimeout: 4000 });
vi.setConfig({ testTimeout: 20_000 });

const server = startMockBackend();
const asOlivia = () => ({ Authorization: `Bearer ${personaToken('olivia')}` });

/** A host that controls the dialog's open state. */
function ControlledHost({ onOpenChange }: { onOpenChange(open: boolean): void }) {
  const [open, setOpen] = useState(false);
  return (
    <ShareDialogProvider baseUrl={testApi} headers={asOlivia}>
      <button type="button" onClick={() => setOpen(true)}>
        Open sharing
      </button>
      <ShareDialog.Root
        assetType="project"
        assetId={demoAssetId('project')}
        open={open}
        onOpenChange={(next) => {
          onOpenChange(next);
          setOpen(next);
        }}
      >
        <ShareDialog.Content />
      </ShareDialog.Root>
    </ShareDialogProvider>
  );
}

describe('ShareDialog', () => {
  it('opens named after the asset, with the actor’s role under the title', async () => {
    const { dialog } = await renderDialog({ asset: 'dataset', assetType: 'dataset' });
    expect(dialog).toHaveAccessibleName('Share Customer transactions 2024');
    expect(dialog).toHaveAccessibleDescription('Dataset · You are Owner');
    expect(within(screen.getByRole('list', { name: 'Shared with' })).getByText('Eddie Evans')).toBeVisible();
  });

  it('starts in "Share with" once loaded', async () => {
    await renderDialog({ asset: 'dataset', assetType: 'dataset' });
    await waitFor(() => expect(screen.getByRole('combobox', { name: 'Share with' })).toHaveFocus());
  });

  it('shows skeletons, not blank space, while loading', async () => {
    render(
      <ShareDialogProvider baseUrl={testApi} headers={asOlivia}>
        <ShareDialog assetType="dataset" assetId={demoAssetId('dataset')} defaultOpen />
      </ShareDialogProvider>,
    );
    const dialog = screen.getByRole('dialog', { name: 'Share dataset' });
    expect(dialog.querySelector('[data-slot="panel-skeleton"]')).not.toBeNull();
    expect(await screen.findByRole('dialog', { name: 'Share Customer transactions 2024' })).toBeVisible();
  });

  it('opens from its trigger and closes with Escape when nothing is pending', async () => {
    const user = userEvent.setup();
    render(
      <ShareDialogProvider baseUrl={testApi} headers={asOlivia}>
        <ShareDialog
          assetType="deployment"
          assetId={demoAssetId('deployment')}
          trigger={<button type="button">Share it</button>}
        />
      </ShareDialogProvider>,
    );
    await user.click(screen.getByRole('button', { name: 'Share it' }));
    await screen.findByRole('list', { name: 'Shared with' });
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(screen.getByRole('button', { name: 'Share it' })).toHaveFocus();
  });

  it('can be controlled, by parts', async () => {
    const user = userEvent.setup();
    const onOpenChange = vi.fn();
    render(<ControlledHost onOpenChange={onOpenChange} />);
    expect(screen.queryByRole('dialog')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Open sharing' }));
    await screen.findByRole('list', { name: 'Shared with' });
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(onOpenChange).toHaveBeenLastCalledWith(false);
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });

  it('tells an uncontrolled host of each change of its open state, once', async () => {
    const user = userEvent.setup();
    const onOpenChange = vi.fn();
    render(
      <ShareDialogProvider baseUrl={testApi} headers={asOlivia}>
        <ShareDialog
          assetType="deployment"
          assetId={demoAssetId('deployment')}
          trigger="Share it"
          onOpenChange={onOpenChange}
        />
      </ShareDialogProvider>,
    );
    await user.click(screen.getByRole('button', { name: 'Share it' }));
    await screen.findByRole('list', { name: 'Shared with' });
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(onOpenChange.mock.calls).toEqual([[true], [false]]);
  });

  it('lets a host lay out the parts its own way', async () => {
    const user = userEvent.setup();
    render(
      <ShareDialogProvider baseUrl={testApi} headers={asOlivia}>
        <ShareDialog.Root assetType="project" assetId={demoAssetId('project')} defaultOpen>
          <ShareDialog.Content>
            <header>
              <ShareDialog.Title />
              <ShareDialog.Close>Done</ShareDialog.Close>
            </header>
            <ShareDialog.Editor>
              <ShareDialog.Body>
                <ShareDialog.SharedWith />
                <ShareDialog.Invite />
              </ShareDialog.Body>
              <ShareDialog.Footer />
            </ShareDialog.Editor>
          </ShareDialog.Content>
        </ShareDialog.Root>
      </ShareDialogProvider>,
    );
    const dialog = await screen.findByRole('dialog', { name: 'Share Churn model experiments' });
    const list = await within(dialog).findByRole('list', { name: 'Shared with' });
    const search = within(dialog).getByRole('combobox', { name: 'Share with' });
    // The list comes first, as laid out; the default header's × is not there.
    expect(list.compareDocumentPosition(search) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(within(dialog).queryByRole('button', { name: 'Close' })).toBeNull();
    expect(within(dialog).getByRole('button', { name: 'Save' })).toBeDisabled();
    await user.click(within(dialog).getByRole('button', { name: 'Done' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });

  it.each([
    ['Escape', async (user: ReturnType<typeof userEvent.setup>) => user.keyboard('{Escape}')],
    [
      'Cancel',
      async (user: ReturnType<typeof userEvent.setup>) =>
        user.click(screen.getByRole('button', { name: 'Cancel' })),
    ],
    [
      '×',
      async (user: ReturnType<typeof userEvent.setup>) =>
        user.click(screen.getByRole('button', { name: 'Close' })),
    ],
  ])('asks before closing with pending changes (%s)', async (_how, close) => {
    const onOpenChange = vi.fn();
    const { user } = await renderDialog({
      asset: 'deployment',
      assetType: 'deployment',
      dialogProps: { onOpenChange },
    });
    await user.selectOptions(screen.getByRole('combobox', { name: 'Role for Connie Cole' }), 'USER');

    await close(user);
    const confirm = await screen.findByRole('alertdialog', { name: 'Discard changes?' });
    await user.click(within(confirm).getByRole('button', { name: 'Keep editing' }));
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    expect(screen.getByRole('combobox', { name: 'Role for Connie Cole' })).toHaveValue('USER');
    expect(onOpenChange).not.toHaveBeenCalled();

    await close(user);
    await user.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Discard' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(onOpenChange).toHaveBeenCalledWith(false);
  });

  it('asks before closing with a note typed, even with no change left', async () => {
    const { user } = await renderDialog({ asset: 'deployment', assetType: 'deployment' });
    await user.selectOptions(screen.getByRole('combobox', { name: 'Role for Connie Cole' }), 'USER');
    await user.type(screen.getByRole('textbox', { name: 'Add note' }), 'Hi');
    await user.click(screen.getByRole('button', { name: 'Undo changes for Connie Cole' }));
    expect(screen.getByRole('button', { name: 'Save' })).toBeDisabled();
    await user.click(screen.getByRole('textbox', { name: 'Add note' }));
    await user.keyboard('{Escape}');
    expect(await screen.findByRole('alertdialog', { name: 'Discard changes?' })).toBeVisible();
  });

  it('closes the suggestions, not the dialog, on Escape in "Share with"', async () => {
    const { user } = await renderDialog({ asset: 'deployment', assetType: 'deployment' });
    const combobox = screen.getByRole('combobox', { name: 'Share with' });
    await user.type(combobox, 'amél');
    await screen.findByRole('option', { name: /Amélie Fontaine/ });
    await user.keyboard('{Escape}');
    await waitFor(() => expect(combobox).toHaveAttribute('aria-expanded', 'false'));
    expect(screen.getByRole('dialog')).toBeInTheDocument();
  });

  it('shares by keyboard alone', async () => {
    const { user } = await renderDialog({ asset: 'deployment', assetType: 'deployment' });
    const combobox = screen.getByRole('combobox', { name: 'Share with' });
    await waitFor(() => expect(combobox).toHaveFocus());
    await user.keyboard('marketing');
    await screen.findByRole('option', { name: /Marketing Analytics/ });
    await user.keyboard('{ArrowDown}{Enter}');
    expect(await screen.findByRole('button', { name: 'Remove Marketing Analytics' })).toBeInTheDocument();

    const share = screen.getByRole('button', { name: 'Share' });
    for (let presses = 0; presses < 80 && document.activeElement !== share; presses++) await user.tab();
    expect(share).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(await screen.findByText('Shared with Marketing Analytics')).toBeVisible();
  });

  it('shows the system’s colour scheme when the host says "system" (the default), and the host’s otherwise', async () => {
    vi.stubGlobal('matchMedia', (query: string) => ({
      matches: query === '(prefers-color-scheme: dark)',
      addEventListener: () => {},
      removeEventListener: () => {},
    }));
    try {
      const system = await renderDialog({ asset: 'project', assetType: 'project' });
      expect(system.dialog).toHaveAttribute('data-sw-theme', 'dark');
      system.unmount();
      const fixed = await renderDialog({
        asset: 'project',
        assetType: 'project',
        providerProps: { theme: 'light' },
      });
      expect(fixed.dialog).toHaveAttribute('data-sw-theme', 'light');
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('uses the host’s query client inside its QueryClientProvider', async () => {
    const hostClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    render(
      <QueryClientProvider client={hostClient}>
        <ShareDialogProvider baseUrl={testApi} headers={asOlivia}>
          <ShareDialog assetType="dataset" assetId={demoAssetId('dataset')} defaultOpen />
        </ShareDialogProvider>
      </QueryClientProvider>,
    );
    await screen.findByRole('list', { name: 'Shared with' });
    expect(hostClient.getQueryData(sharingKeys.asset('dataset', demoAssetId('dataset')))).toMatchObject({
      name: 'Customer transactions 2024',
    });
  });

  it('speaks the host’s words: messages and role labels', async () => {
    await renderDialog({
      asset: 'deployment',
      assetType: 'deployment',
      providerProps: {
        messages: {
          dialogTitle: (name) => `Partager ${name}`,
          save: 'Enregistrer',
          sharedWith: 'Partagé avec',
        },
        roleLabels: { USER: 'Utilisateur', 'deployment.CONSUMER': 'Lecteur' },
      },
    });
    expect(screen.getByRole('dialog', { name: 'Partager Churn predictor · production' })).toBeVisible();
    expect(screen.getByRole('list', { name: 'Partagé avec' })).toBeVisible();
    expect(screen.getByRole('button', { name: 'Enregistrer' })).toBeDisabled();
    const role = screen.getByRole('combobox', { name: 'Role' });
    expect(
      within(role)
        .getAllByRole('option')
        .map((option) => option.textContent),
    ).toEqual(['Owner', 'Utilisateur', 'Lecteur']);
  });

  it('takes extra asset types from the host', async () => {
    // A host's own type, served by the same backend under the deployments collection.
    const custom = {
      id: 'scoringEndpoint',
      label: 'Scoring endpoint',
      pluralLabel: 'Scoring endpoints',
      collection: 'deployments',
      recipientTypes: ['user', 'group'] as const,
      roles: [
        { name: 'OWNER', level: 3 as const, label: 'Admin', description: '' },
        { name: 'USER', level: 2 as const, label: 'Operator', description: '' },
        { name: 'CONSUMER', level: 1 as const, label: 'Caller', description: '' },
      ],
      defaultRole: 'CONSUMER',
      options: {
        allowSharing: false,
        canUseData: false,
        externalLink: false,
        shareWithLineage: false,
        note: false,
        notify: true,
      },
      whoMayShare: { kind: 'anyCollaborator' as const },
      invariants: { lastOwner: true as const, lastSharer: false },
    };
    await renderDialog({
      asset: 'deployment',
      assetType: 'scoringEndpoint',
      providerProps: { assetTypes: [custom] },
    });
    expect(screen.getByRole('dialog')).toHaveAccessibleDescription('Scoring endpoint · You are Admin');
    expect(screen.getByRole('combobox', { name: 'Role' })).toHaveValue('CONSUMER');
    expect(screen.queryByRole('textbox', { name: 'Add note' })).toBeNull();
  });

  it('says when the asset does not exist or cannot be seen', async () => {
    render(
      <ShareDialogProvider baseUrl={testApi} headers={asOlivia}>
        <ShareDialog assetType="project" assetId={demoAssetId('marketingMix')} defaultOpen />
      </ShareDialogProvider>,
    );
    expect(await screen.findByText('This item does not exist, or you cannot see it.')).toBeVisible();
  });

  it('says when it cannot load, and tries again', async () => {
    let failures = 1;
    server.use(
      http.get('*/api/v2/projects/:id', () =>
        failures-- > 0
          ? HttpResponse.json({ message: 'Down', code: 'INTERNAL_ERROR' }, { status: 400 })
          : undefined,
      ),
    );
    const user = userEvent.setup();
    render(
      <ShareDialogProvider baseUrl={testApi} headers={asOlivia}>
        <ShareDialog assetType="project" assetId={demoAssetId('project')} defaultOpen />
      </ShareDialogProvider>,
    );
    expect(await screen.findByText('Could not load sharing for this item.')).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'Retry' }));
    expect(await screen.findByRole('dialog', { name: 'Share Churn model experiments' })).toBeVisible();
  });

  it('names an unknown asset type', () => {
    render(
      <ShareDialogProvider baseUrl={testApi} headers={asOlivia}>
        <ShareDialog assetType="spaceship" assetId="0" defaultOpen />
      </ShareDialogProvider>,
    );
    expect(screen.getByText('Unknown asset type “spaceship”.')).toBeVisible();
  });
});
