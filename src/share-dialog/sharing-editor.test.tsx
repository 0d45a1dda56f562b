// @vitest-environment jsdom
import { act, configure, screen, waitFor, within } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';
import { HttpResponse, http } from 'msw';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { callAs, demoAssetId, personaIds, renderDialog, startMockBackend } from './test-support.tsx';

configure({ asyncUtilTimeout: 4000 });
// Component tests render the whole dialog against the mock backend; a busy machine needs room.
vi.setConfig({ testTimeout: 20_000 });

const server = startMockBackend();

/** Every PATCH the dialog sent, with its If-Match and body. */
const patches: { ifMatch: string | null; body: unknown }[] = [];
beforeEach(() => {
  patches.length = 0;
});
server.events.on('request:start', async ({ request }) => {
  if (request.method !== 'PATCH') return;
  patches.push({ ifMatch: request.headers.get('If-Match'), body: await request.clone().json() });
});
afterEach(() => {
  patches.length = 0;
});

function rowOf(name: string): HTMLElement {
  const list = screen.getByRole('list', { name: 'Shared with' });
  const row = within(list).getByText(name).closest('li');
  if (!row) throw new Error(`No row for ${name}`);
  return row;
}

async function addRecipient(user: UserEvent, search: string, option: RegExp) {
  await user.type(screen.getByRole('combobox', { name: 'Share with' }), search);
  await user.click(await screen.findByRole('option', { name: option }));
}

describe('draft and save', () => {
  it('marks a role change as pending in place and undoes it', async () => {
    const { user } = await renderDialog({ asset: 'deployment', assetType: 'deployment' });
    const save = screen.getByRole('button', { name: 'Save' });
    expect(save).toBeDisabled();

    await user.selectOptions(screen.getByRole('combobox', { name: 'Role for Connie Cole' }), 'USER');
    expect(within(rowOf('Connie Cole')).getByText('Pending')).toBeVisible();
    expect(rowOf('Connie Cole')).toHaveAttribute('data-pending', 'true');
    expect(save).toBeEnabled();

    await user.click(screen.getByRole('button', { name: 'Undo changes for Connie Cole' }));
    expect(screen.getByRole('combobox', { name: 'Role for Connie Cole' })).toHaveValue('CONSUMER');
    expect(within(rowOf('Connie Cole')).queryByText('Pending')).toBeNull();
    expect(save).toBeDisabled();
  });

  it('marks a removal in place, and undoes it', async () => {
    const { user } = await renderDialog({ asset: 'project', assetType: 'project' });
    await user.click(screen.getByRole('button', { name: 'Remove access for Connie Cole' }));
    expect(within(rowOf('Connie Cole')).getByText('Will lose access')).toBeVisible();
    expect(screen.getByRole('combobox', { name: 'Role for Connie Cole' })).toBeDisabled();
    await user.click(screen.getByRole('button', { name: 'Undo changes for Connie Cole' }));
    expect(screen.getByRole('button', { name: 'Remove access for Connie Cole' })).toBeEnabled();
  });

  it('says Share when the draft adds recipients, else Save', async () => {
    const { user } = await renderDialog({ asset: 'project', assetType: 'project' });
    expect(screen.getByRole('button', { name: 'Save' })).toBeDisabled();
    await addRecipient(user, 'rita', /Rita Reyes/);
    expect(screen.getByRole('button', { name: 'Share' })).toBeEnabled();
    await user.click(screen.getByRole('button', { name: 'Remove Rita Reyes' }));
    expect(screen.getByRole('button', { name: 'Save' })).toBeDisabled();
  });

  it('saves in one PATCH against the list version, announces it, refreshes the list and resets the draft', async () => {
    const { user } = await renderDialog({ asset: 'project', assetType: 'project' });
    const listed = await callAs('olivia', 'GET', `/projects/${demoAssetId('project')}/sharedRoles`);
    const etag = listed.headers.get('ETag');

    await addRecipient(user, 'rita', /Rita Reyes/);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Role' }), 'CONSUMER');
    await user.type(screen.getByRole('textbox', { name: 'Add note' }), 'Have a look');
    await user.click(screen.getByRole('button', { name: 'Share' }));

    expect(await screen.findByText('Shared with Rita Reyes')).toBeVisible();
    expect(patches).toHaveLength(1);
    expect(patches[0]?.ifMatch).toBe(etag);
    expect(patches[0]?.body).toMatchObject({
      operation: 'updateRoles',
      roles: [{ id: personaIds.rita, shareRecipientType: 'user', role: 'CONSUMER' }],
      note: 'Have a look',
      sendNotification: true,
    });
    expect(
      await within(screen.getByRole('list', { name: 'Shared with' })).findByText('Rita Reyes'),
    ).toBeVisible();
    expect(screen.queryByRole('button', { name: 'Remove Rita Reyes' })).toBeNull();
    expect(screen.queryByRole('textbox', { name: 'Add note' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Save' })).toBeDisabled();
  });

  it('sends one PATCH however fast the primary button is clicked', async () => {
    const { user } = await renderDialog({ asset: 'deployment', assetType: 'deployment' });
    await user.selectOptions(screen.getByRole('combobox', { name: 'Role for Connie Cole' }), 'USER');
    await user.dblClick(screen.getByRole('button', { name: 'Save' }));
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Changes saved')).toBeVisible();
    expect(patches).toHaveLength(1);
  });

  it('does not keep "Share with lineage" after saving', async () => {
    const { user } = await renderDialog({ asset: 'dataset', assetType: 'dataset' });
    await user.selectOptions(screen.getByRole('combobox', { name: 'Role for Connie Cole' }), 'EDITOR');
    await user.click(screen.getByRole('checkbox', { name: 'Share with lineage' }));
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Changes saved')).toBeVisible();
    expect(patches[0]?.body).toMatchObject({ applyGrantToLinkedObjects: true });
    await user.selectOptions(screen.getByRole('combobox', { name: 'Role for Connie Cole' }), 'CONSUMER');
    expect(screen.getByRole('checkbox', { name: 'Share with lineage' })).not.toBeChecked();
  });

  it('previews who gains, changes or loses access, members of groups counted', async () => {
    const { user } = await renderDialog({ asset: 'project', assetType: 'project' });
    await user.click(screen.getByRole('button', { name: 'Remove access for Connie Cole' }));
    await addRecipient(user, 'marketing', /Marketing Analytics/);
    const preview = await screen.findByText(/If you save: .*gain access/);
    expect(preview.textContent).toMatch(/\d+ people gain access/);
    expect(preview.textContent).not.toMatch(/lose/);
    expect(screen.getByText(/^Gain access: .+/)).toBeVisible();
    // Connie keeps access through Data Science: removing her direct grant only lowers nothing.
  });
});

describe('when a save fails', () => {
  it('keeps the draft, marks each refused entry in place, and moves focus to the error summary (422)', async () => {
    const { user } = await renderDialog({ asset: 'project', assetType: 'project' });
    await addRecipient(user, 'rita', /Rita Reyes/);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Role' }), 'USER');
    await user.click(screen.getByRole('button', { name: 'Share' }));

    const alert = await screen.findByRole('alert');
    await waitFor(() => expect(alert).toHaveFocus());
    expect(alert).toHaveTextContent('1 change could not be applied. Nothing was changed.');
    expect(alert).toHaveTextContent(
      'Rita Reyes: Rita Reyes can hold at most Consumer. Try a more restrictive role.',
    );
    // The chip of the refused recipient carries its message; the draft is intact.
    expect(screen.getByRole('button', { name: 'Remove Rita Reyes' })).toBeInTheDocument();
    expect(screen.getAllByText(/Rita Reyes can hold at most Consumer/).length).toBeGreaterThan(1);
    expect(screen.getByRole('button', { name: 'Share' })).toBeEnabled();
  });

  it('marks a refused change of an existing grant on its row', async () => {
    server.use(
      http.patch('*/api/v2/deployments/:id/sharedRoles', () =>
        HttpResponse.json(
          {
            message: 'Connie Cole can hold at most Consumer. Try a more restrictive role.',
            code: 'ROLE_ABOVE_RECIPIENT_CEILING',
            errors: [
              {
                index: 0,
                recipient: 'connie@acme.test',
                code: 'ROLE_ABOVE_RECIPIENT_CEILING',
                message: 'Connie Cole can hold at most Consumer. Try a more restrictive role.',
              },
            ],
          },
          { status: 422 },
        ),
      ),
    );
    const { user } = await renderDialog({ asset: 'deployment', assetType: 'deployment' });
    await user.selectOptions(screen.getByRole('combobox', { name: 'Role for Connie Cole' }), 'USER');
    await user.click(screen.getByRole('button', { name: 'Save' }));

    await waitFor(() => expect(screen.getByRole('alert')).toHaveFocus());
    const row = rowOf('Connie Cole');
    expect(row).toHaveAttribute('data-error', 'true');
    expect(within(row).getByText(/can hold at most Consumer/)).toBeVisible();
    expect(screen.getByRole('combobox', { name: 'Role for Connie Cole' })).toHaveAccessibleDescription(
      /can hold at most Consumer/,
    );
    expect(screen.getByRole('combobox', { name: 'Role for Connie Cole' })).toHaveValue('USER');
  });

  it('keeps the draft on a server error and offers Retry, which saves it', async () => {
    let failures = 1;
    server.use(
      http.patch('*/api/v2/deployments/:id/sharedRoles', () => {
        if (failures-- <= 0) return undefined;
        return HttpResponse.json({ message: 'Boom', code: 'INTERNAL_ERROR' }, { status: 500 });
      }),
    );
    const { user } = await renderDialog({ asset: 'deployment', assetType: 'deployment' });
    await user.selectOptions(screen.getByRole('combobox', { name: 'Role for Connie Cole' }), 'USER');
    await user.click(screen.getByRole('button', { name: 'Save' }));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Something went wrong on the server. Your changes are kept.');
    await waitFor(() => expect(alert).toHaveFocus());
    expect(screen.getByRole('combobox', { name: 'Role for Connie Cole' })).toHaveValue('USER');
    expect(within(rowOf('Connie Cole')).getByText('Pending')).toBeVisible();

    await user.click(within(alert).getByRole('button', { name: 'Retry' }));
    expect(await screen.findByText('Changes saved')).toBeVisible();
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.getByRole('combobox', { name: 'Role for Connie Cole' })).toHaveValue('USER');
    expect(patches).toHaveLength(2);
  });

  it('keeps the draft when the network is down', async () => {
    server.use(http.patch('*/api/v2/deployments/:id/sharedRoles', () => HttpResponse.error()));
    const { user } = await renderDialog({ asset: 'deployment', assetType: 'deployment' });
    await user.selectOptions(screen.getByRole('combobox', { name: 'Role for Connie Cole' }), 'USER');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'The server could not be reached. Your changes are kept.',
    );
    expect(screen.getByRole('button', { name: 'Retry' })).toBeVisible();
    expect(screen.getByRole('combobox', { name: 'Role for Connie Cole' })).toHaveValue('USER');
  });

  it('on a conflict says someone else changed sharing, reloads the list and keeps the changes that still apply', async () => {
    const { user } = await renderDialog({ asset: 'project', assetType: 'project' });
    await user.selectOptions(screen.getByRole('combobox', { name: 'Role for Connie Cole' }), 'USER');
    await user.click(screen.getByRole('button', { name: 'Remove access for Ivan Ingram' }));

    // Someone else saves first: they remove Ivan and add Rita.
    const path = `/projects/${demoAssetId('project')}/sharedRoles`;
    const response = await callAs('eddie', 'PATCH', path, {
      operation: 'updateRoles',
      roles: [
        { id: personaIds.ivan, shareRecipientType: 'user', role: 'NO_ROLE' },
        { id: personaIds.rita, shareRecipientType: 'user', role: 'CONSUMER' },
      ],
    });
    expect(response.status).toBe(204);

    await user.click(screen.getByRole('button', { name: 'Save' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Someone else changed sharing');
    await waitFor(() => expect(alert).toHaveFocus());

    const list = screen.getByRole('list', { name: 'Shared with' });
    expect(await within(list).findByText('Rita Reyes')).toBeVisible();
    expect(within(list).queryByText('Ivan Ingram')).toBeNull();
    // The role change still applies and is kept; the removal of Ivan no longer applies.
    expect(screen.getByRole('combobox', { name: 'Role for Connie Cole' })).toHaveValue('USER');
    expect(within(rowOf('Connie Cole')).getByText('Pending')).toBeVisible();

    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Changes saved')).toBeVisible();
    expect(patches.at(-1)?.body).toMatchObject({
      roles: [{ id: personaIds.connie, shareRecipientType: 'user', role: 'USER' }],
    });
  });
});

describe('the primary button while saving', () => {
  it('shows a spinner and is disabled until the answer', async () => {
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    server.use(
      http.patch('*/api/v2/deployments/:id/sharedRoles', async () => {
        await held;
        return undefined;
      }),
    );
    const { user } = await renderDialog({ asset: 'deployment', assetType: 'deployment' });
    await user.selectOptions(screen.getByRole('combobox', { name: 'Role for Connie Cole' }), 'USER');
    const save = screen.getByRole('button', { name: 'Save' });
    await user.click(save);
    await waitFor(() => expect(save).toHaveAttribute('aria-busy', 'true'));
    expect(save).toBeDisabled();
    expect(screen.getByText('Saving…')).toBeVisible();
    act(() => release());
    expect(await screen.findByText('Changes saved')).toBeVisible();
  });
});
