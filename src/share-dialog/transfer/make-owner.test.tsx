// @vitest-environment jsdom
import { configure, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { sharedRolesPageSchema } from '../../api/contract.ts';
import { callAs, demoAssetId, personaIds, renderDialog, startMockBackend } from '../test-support.tsx';

configure({ asyncUtilTimeout: 4000 });
vi.setConfig({ testTimeout: 20_000 });

const server = startMockBackend();

const patches: unknown[] = [];
server.events.on('request:start', async ({ request }) => {
  if (request.method === 'PATCH') patches.push(await request.clone().json());
});

function rowOf(name: string): HTMLElement {
  const list = screen.getByRole('list', { name: 'Shared with' });
  const row = within(list).getByText(name).closest('li');
  if (!row) throw new Error(`No row for ${name}`);
  return row;
}

async function rolesOnProject() {
  const response = await callAs('eddie', 'GET', `/projects/${demoAssetId('project')}/sharedRoles`);
  const page = sharedRolesPageSchema.parse(await response.json());
  return new Map(page.data.map((entry) => [entry.id, entry.role]));
}

describe('Make owner', () => {
  it('hands the asset to Eddie and removes Olivia in one PATCH', async () => {
    patches.length = 0;
    const { user } = await renderDialog({ asset: 'project', assetType: 'project' });
    await user.click(within(rowOf('Eddie Evans')).getByRole('button', { name: 'Make owner' }));

    const confirm = await screen.findByRole('alertdialog', { name: 'Make Eddie Evans owner?' });
    expect(within(confirm).getByText('Otherwise you keep User access.')).toBeVisible();
    await user.click(within(confirm).getByRole('checkbox', { name: 'and remove my access' }));
    await user.click(within(confirm).getByRole('button', { name: 'Make owner' }));

    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    expect(screen.getByRole('combobox', { name: 'Role for Eddie Evans' })).toHaveValue('OWNER');
    expect(screen.getByRole('combobox', { name: 'Role for Eddie Evans' })).toHaveFocus();
    expect(within(rowOf('Olivia Owens')).getByText('Will lose access')).toBeVisible();

    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(patches).toHaveLength(1));
    await waitFor(async () => expect((await rolesOnProject()).get(personaIds.eddie)).toBe('OWNER'));
    expect((await rolesOnProject()).has(personaIds.olivia)).toBe(false);
  });

  it('keeps the actor at read-write unless asked, and is offered only on people below owner', async () => {
    const { user } = await renderDialog({ asset: 'deployment', assetType: 'deployment' });
    expect(within(rowOf('Olivia Owens')).queryByRole('button', { name: 'Make owner' })).toBeNull();
    expect(within(rowOf('Data Science')).queryByRole('button', { name: 'Make owner' })).toBeNull();

    await user.click(within(rowOf('Connie Cole')).getByRole('button', { name: 'Make owner' }));
    const confirm = await screen.findByRole('alertdialog', { name: 'Make Connie Cole owner?' });
    await user.click(within(confirm).getByRole('button', { name: 'Make owner' }));
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    expect(screen.getByRole('combobox', { name: 'Role for Connie Cole' })).toHaveValue('OWNER');
    expect(screen.getByRole('combobox', { name: 'Role for Olivia Owens' })).toHaveValue('USER');
  });

  it('Cancel changes nothing', async () => {
    const { user } = await renderDialog({ asset: 'project', assetType: 'project' });
    await user.click(within(rowOf('Eddie Evans')).getByRole('button', { name: 'Make owner' }));
    const confirm = await screen.findByRole('alertdialog', { name: 'Make Eddie Evans owner?' });
    await user.click(within(confirm).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    expect(screen.getByRole('combobox', { name: 'Role for Eddie Evans' })).toHaveValue('USER');
    expect(screen.getByRole('button', { name: 'Save' })).toBeDisabled();
  });

  it('is not offered to an actor below owner', async () => {
    await renderDialog({ as: 'eddie', asset: 'project', assetType: 'project' });
    expect(screen.queryByRole('button', { name: 'Make owner' })).toBeNull();
  });
});
