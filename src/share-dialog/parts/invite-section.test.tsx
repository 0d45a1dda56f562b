// @vitest-environment jsdom
import { configure, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { type DemoAssetKey, renderDialog, startMockBackend } from '../test-support.tsx';

configure({ asyncUtilTimeout: 4000 });
vi.setConfig({ testTimeout: 20_000 });

const server = startMockBackend();

let patchCount = 0;
server.events.on('request:start', ({ request }) => {
  if (request.method === 'PATCH') patchCount++;
});

/** Every built-in asset type with its demo asset, and what its config makes the dialog show. */
const asTheConfigSays: {
  assetType: string;
  asset: DemoAssetKey;
  roles: string[];
  defaultRole: string;
  allowSharing: boolean;
  canUseData: boolean;
  externalLink: boolean;
  lineage: boolean;
}[] = [
  {
    assetType: 'useCase',
    asset: 'useCase',
    roles: ['Owner', 'Editor', 'Consumer'],
    defaultRole: 'EDITOR',
    allowSharing: false,
    canUseData: false,
    externalLink: false,
    lineage: false,
  },
  {
    assetType: 'application',
    asset: 'application',
    roles: ['Owner', 'Editor', 'Consumer'],
    defaultRole: 'EDITOR',
    allowSharing: false,
    canUseData: false,
    externalLink: true,
    lineage: false,
  },
  {
    assetType: 'deployment',
    asset: 'deployment',
    roles: ['Owner', 'User', 'Consumer'],
    defaultRole: 'USER',
    allowSharing: false,
    canUseData: false,
    externalLink: false,
    lineage: false,
  },
  {
    assetType: 'dataset',
    asset: 'dataset',
    roles: ['Owner', 'Editor', 'Consumer'],
    defaultRole: 'EDITOR',
    allowSharing: true,
    canUseData: true,
    externalLink: false,
    lineage: true,
  },
  {
    assetType: 'dataConnection',
    asset: 'dataConnection',
    roles: ['Owner', 'Editor', 'Consumer'],
    defaultRole: 'EDITOR',
    allowSharing: true,
    canUseData: false,
    externalLink: false,
    lineage: false,
  },
  {
    assetType: 'project',
    asset: 'project',
    roles: ['Owner', 'User', 'Consumer'],
    defaultRole: 'USER',
    allowSharing: false,
    canUseData: false,
    externalLink: false,
    lineage: false,
  },
  {
    assetType: 'workload',
    asset: 'workload',
    roles: ['Owner', 'User', 'Consumer'],
    defaultRole: 'USER',
    allowSharing: false,
    canUseData: false,
    externalLink: false,
    lineage: false,
  },
  {
    assetType: 'governedModel',
    asset: 'governedModel',
    roles: ['Owner', 'Write', 'Read'],
    defaultRole: 'WRITE',
    allowSharing: false,
    canUseData: false,
    externalLink: false,
    lineage: true,
  },
];

describe.each(asTheConfigSays)('the invite part of a $assetType', (expected) => {
  it('shows the parts its config has, and only those', async () => {
    const { user } = await renderDialog({ asset: expected.asset, assetType: expected.assetType });

    expect(screen.getByRole('combobox', { name: 'Share with' })).toBeInTheDocument();
    const role = screen.getByRole('combobox', { name: 'Role' });
    expect(
      within(role)
        .getAllByRole('option')
        .map((option) => option.textContent),
    ).toEqual(expected.roles);
    expect(role).toHaveValue(expected.defaultRole);

    expect(screen.queryByRole('checkbox', { name: 'Allow sharing' }) !== null).toBe(expected.allowSharing);
    expect(screen.queryByRole('checkbox', { name: 'Can use data' }) !== null).toBe(expected.canUseData);
    expect((await waitForSwitch()) !== null).toBe(expected.externalLink);

    // What goes with a save appears once there is something to save.
    expect(screen.queryByRole('textbox', { name: 'Add note' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Remove access for Connie Cole' }));
    expect(screen.getByRole('textbox', { name: 'Add note' })).toBeInTheDocument();
    expect(screen.getByRole('checkbox', { name: 'Send notification' })).toBeChecked();
    expect(screen.queryByRole('checkbox', { name: 'Share with lineage' }) !== null).toBe(expected.lineage);

    // The per-row options follow the same config.
    expect(screen.queryAllByRole('checkbox', { name: /^Allow sharing for / }).length > 0).toBe(
      expected.allowSharing,
    );
    expect(screen.queryAllByRole('checkbox', { name: /^Can use data for / }).length > 0).toBe(
      expected.canUseData,
    );
  });
});

/** The external link switch, once its state has loaded (applications), or null. */
async function waitForSwitch(): Promise<HTMLElement | null> {
  if (!screen.queryByText('External sharing link')) return null;
  return screen.findByRole('switch', { name: 'External sharing link' });
}

describe('the recipient types a search offers follow the config', () => {
  it('offers groups for a dataset but not for a Use Case', async () => {
    const first = await renderDialog({ asset: 'dataset', assetType: 'dataset' });
    await first.user.type(screen.getByRole('combobox', { name: 'Share with' }), 'marketing');
    expect(await screen.findByRole('option', { name: /Marketing Analytics/ })).toBeInTheDocument();
    first.unmount();

    const second = await renderDialog({ asset: 'useCase', assetType: 'useCase' });
    await second.user.type(screen.getByRole('combobox', { name: 'Share with' }), 'marketing');
    expect(await screen.findByText('No matches', { selector: 'p' })).toBeVisible();
    expect(screen.queryByRole('option', { name: /Marketing Analytics/ })).toBeNull();
  });

  it('offers roles for a workload', async () => {
    const { user } = await renderDialog({ asset: 'workload', assetType: 'workload' });
    await user.type(screen.getByRole('combobox', { name: 'Share with' }), 'mlops');
    expect(await screen.findByRole('option', { name: /MLOps Admin/ })).toBeInTheDocument();
  });
});

describe('roles the actor may not grant', () => {
  it('as Connie (consumer) disables the roles above consumer and says why, in visible text tied to the picker', async () => {
    await renderDialog({ as: 'connie', asset: 'deployment', assetType: 'deployment' });
    const role = screen.getByRole('combobox', { name: 'Role' });
    expect(within(role).getByRole('option', { name: 'Owner' })).toBeDisabled();
    expect(within(role).getByRole('option', { name: 'User' })).toBeDisabled();
    expect(within(role).getByRole('option', { name: 'Consumer' })).toBeEnabled();
    expect(role).toHaveValue('CONSUMER');

    expect(role).toHaveAccessibleDescription(
      'Owner and User: You can grant at most Consumer, your own role.',
    );
    expect(screen.getByText('Owner and User: You can grant at most Consumer, your own role.')).toBeVisible();
    // Rows of grants above Connie's level cannot be changed, and say so.
    const oliviaRole = screen.getByRole('combobox', { name: 'Role for Olivia Owens' });
    expect(oliviaRole).toBeDisabled();
    expect(oliviaRole).toHaveAccessibleDescription(/You cannot change or remove Owner access/);
    expect(
      screen.getByRole('button', { name: 'Remove access for Olivia Owens' }),
    ).toHaveAccessibleDescription(/You cannot change or remove Owner access/);
  });

  it('as Connie on the dataset (who may not share at all) starts the Role control at a role within her level', async () => {
    await renderDialog({ as: 'connie', asset: 'dataset', assetType: 'dataset' });
    const role = screen.getByRole('combobox', { name: 'Role' });
    expect(role).toBeDisabled();
    expect(role).toHaveValue('CONSUMER');
  });

  it('as Nora on the dataset (no "Allow sharing") disables sharing and says why', async () => {
    const { user } = await renderDialog({ as: 'nora', asset: 'dataset', assetType: 'dataset' });
    const reason = /You need “Allow sharing” on this dataset to share it\./;
    expect(screen.getAllByText(reason)[0]).toBeVisible();
    const combobox = screen.getByRole('combobox', { name: 'Share with' });
    expect(combobox).toHaveAttribute('aria-disabled', 'true');
    expect(combobox).toHaveAccessibleDescription(reason);
    const role = screen.getByRole('combobox', { name: 'Role' });
    expect(role).toBeDisabled();
    expect(role).toHaveAccessibleDescription(reason);
    expect(screen.getByRole('combobox', { name: 'Role for Connie Cole' })).toHaveAccessibleDescription(
      reason,
    );
    expect(screen.getByRole('button', { name: 'Remove access for Connie Cole' })).toBeDisabled();
    // A grant without "Allow sharing" may still remove itself.
    await user.click(screen.getByRole('button', { name: 'Remove access for Nora Nash' }));
    expect(screen.getByRole('button', { name: 'Save' })).toBeEnabled();
    expect(screen.getByRole('textbox', { name: 'Add note' })).toHaveAccessibleDescription(reason);
  });

  it('keeps the last owner from stepping down, and says why', async () => {
    await renderDialog({ asset: 'deployment', assetType: 'deployment' });
    const own = screen.getByRole('combobox', { name: 'Role for Olivia Owens' });
    expect(own).toBeDisabled();
    expect(own).toHaveAccessibleDescription(/You are the last Owner of this deployment/);
    expect(screen.getByRole('button', { name: 'Remove access for Olivia Owens' })).toBeDisabled();
  });
});

describe('the note', () => {
  it('counts up to 1,000 characters and refuses a longer note without saving', async () => {
    const { user } = await renderDialog({ asset: 'deployment', assetType: 'deployment' });
    await user.selectOptions(screen.getByRole('combobox', { name: 'Role for Connie Cole' }), 'USER');
    const note = screen.getByRole('textbox', { name: 'Add note' });
    await user.type(note, 'Hello');
    expect(note).toHaveAccessibleDescription(/5 \/ 1,000/);

    await user.click(note);
    await user.paste('x'.repeat(1000));
    expect(screen.getByText('1,005 / 1,000')).toBeVisible();
    patchCount = 0;
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('A note holds at most 1,000 characters.')).toBeVisible();
    expect(note).toHaveAttribute('aria-invalid', 'true');
    await waitFor(() => expect(note).toHaveFocus());
    expect(patchCount).toBe(0);
  });
});

describe('new recipients at the owner role', () => {
  it('always use the data, and "Allow sharing" follows the role', async () => {
    const { user } = await renderDialog({ asset: 'dataset', assetType: 'dataset' });
    const allowSharing = screen.getByRole('checkbox', { name: 'Allow sharing' });
    const canUseData = screen.getByRole('checkbox', { name: 'Can use data' });
    expect(allowSharing).not.toBeChecked();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Role' }), 'OWNER');
    expect(allowSharing).toBeChecked();
    expect(canUseData).toBeChecked();
    expect(canUseData).toBeDisabled();
    expect(canUseData).toHaveAccessibleDescription(/Owner access always includes “Can use data”/);
  });
});
