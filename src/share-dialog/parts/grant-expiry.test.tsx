// @vitest-environment jsdom
import { configure, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { backend } from '../../mock-backend/backend.ts';
import { DAY_MS } from '../../sharing/expiry.ts';
import { defaultExpiryMessages } from '../expiry-messages.ts';
import { callAs, demoAssetId, personaIds, renderDialog, startMockBackend } from '../test-support.tsx';

configure({ asyncUtilTimeout: 8000 });
vi.setConfig({ testTimeout: 40_000 });

const server = startMockBackend();

const patches: { roles: Record<string, unknown>[] }[] = [];
server.events.on('request:start', async ({ request }) => {
  if (request.method === 'PATCH') patches.push(await request.clone().json());
});

const START = Date.UTC(2025, 6, 1, 12, 0, 0);
const providerProps = { now: () => backend.db.clock.now() };
const appRoles = `/customApplications/${demoAssetId('application')}/sharedRoles`;

beforeEach(() => {
  patches.length = 0;
  backend.db.clock.setNow(START);
});

/** Olivia gives Eddie (Editor on the application) an end, before the dialog opens. */
async function endEddieIn(days: number): Promise<number> {
  const end = START + days * DAY_MS;
  const response = await callAs('olivia', 'PATCH', appRoles, {
    operation: 'updateRoles',
    roles: [
      {
        username: 'eddie@acme.test',
        shareRecipientType: 'user',
        role: 'EDITOR',
        expiresAt: new Date(end).toISOString(),
      },
    ],
  });
  expect(response.status).toBe(204);
  // Only the dialog's own saves count below.
  patches.length = 0;
  return end;
}

function rowOf(name: string): HTMLElement {
  const row = within(screen.getByRole('list', { name: 'Shared with' }))
    .getByText(name)
    .closest('li');
  if (!row) throw new Error(`No row for ${name}`);
  return row;
}

const expiryFor = (name: string) => screen.getByRole('combobox', { name: `Expiry for ${name}` });

describe('a row’s expiry', () => {
  it('says when access ends, as visible text the control is described by', async () => {
    const end = await endEddieIn(6);
    await renderDialog({ asset: 'application', assetType: 'application', providerProps });
    const when = `Expires in 6 days · ${defaultExpiryMessages.formatDateTime(end)}`;
    expect(within(rowOf('Eddie Evans')).getByText(/^Expires in 6 days ·/)).toBeVisible();
    expect(expiryFor('Eddie Evans')).toHaveAccessibleDescription(when);
    expect(expiryFor('Eddie Evans')).toHaveDisplayValue(`Ends ${defaultExpiryMessages.formatDate(end)}`);
    expect(rowOf('Eddie Evans')).not.toHaveAttribute('data-ending-soon');
    // Permanent grants say so in their control.
    expect(expiryFor('Connie Cole')).toHaveDisplayValue('Never expires');
  });

  it('marks access that ends within three days', async () => {
    await endEddieIn(2);
    await renderDialog({ asset: 'application', assetType: 'application', providerProps });
    const row = rowOf('Eddie Evans');
    expect(within(row).getByText('Ending soon')).toBeVisible();
    expect(row.querySelector('[data-slot="grant-expiry"]')).toHaveAttribute('data-ending-soon', 'true');
    expect(within(row).getByText(/^Expires in 2 days ·/)).toBeVisible();
  });

  it('offers an owner no expiry, and says why', async () => {
    await renderDialog({ asset: 'application', assetType: 'application', providerProps });
    expect(screen.queryByRole('combobox', { name: 'Expiry for Olivia Owens' })).toBeNull();
    expect(
      within(rowOf('Olivia Owens')).getByText(
        'Owner access never expires: every application keeps its owners.',
      ),
    ).toBeVisible();
  });

  it('sets an end as a pending change counted in the preview, and saves it', async () => {
    const { user } = await renderDialog({ asset: 'application', assetType: 'application', providerProps });
    await user.selectOptions(expiryFor('Connie Cole'), '30 days from now');
    expect(within(rowOf('Connie Cole')).getByText('Pending')).toBeVisible();
    expect(within(rowOf('Connie Cole')).getByText(/^Expires in 30 days ·/)).toBeVisible();
    expect(await screen.findByText(/If you save: 1 person gets a new end date/)).toBeVisible();
    expect(screen.getByText('New end date: Connie Cole')).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Changes saved')).toBeVisible();
    const sent = patches[0]?.roles[0];
    expect(sent).toMatchObject({ id: personaIds.connie, role: 'CONSUMER' });
    expect(Math.round((Date.parse(String(sent?.expiresAt)) - START) / DAY_MS)).toBe(30);
  });

  it('clears an end: Never expires sends null', async () => {
    await endEddieIn(6);
    const { user } = await renderDialog({ asset: 'application', assetType: 'application', providerProps });
    await user.selectOptions(expiryFor('Eddie Evans'), 'Never expires');
    expect(within(rowOf('Eddie Evans')).queryByText(/^Expires in/)).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Changes saved')).toBeVisible();
    expect(patches[0]?.roles).toEqual([
      { id: personaIds.eddie, shareRecipientType: 'user', role: 'EDITOR', expiresAt: null },
    ]);
  });

  it('moves an end to a chosen last day', async () => {
    await endEddieIn(6);
    const { user } = await renderDialog({ asset: 'application', assetType: 'application', providerProps });
    await user.selectOptions(expiryFor('Eddie Evans'), 'On a date…');
    const day = screen.getByLabelText('Last day of access for Eddie Evans');
    await user.clear(day);
    const chosen = new Date(START + 40 * DAY_MS);
    const text = `${chosen.getFullYear()}-${String(chosen.getMonth() + 1).padStart(2, '0')}-${String(chosen.getDate()).padStart(2, '0')}`;
    await user.type(day, text);
    expect(within(rowOf('Eddie Evans')).getByText(/^Expires in 4\d days ·/)).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(patches).toHaveLength(1));
    const sent = new Date(String(patches[0]?.roles[0]?.expiresAt));
    expect([sent.getHours(), sent.getMinutes()]).toEqual([0, 0]);
  });

  it('undoes the end alone, keeping the role change beside it', async () => {
    const { user } = await renderDialog({ asset: 'application', assetType: 'application', providerProps });
    await user.selectOptions(screen.getByRole('combobox', { name: 'Role for Connie Cole' }), 'EDITOR');
    await user.selectOptions(expiryFor('Connie Cole'), '7 days from now');
    await user.click(screen.getByRole('button', { name: 'Undo expiry change for Connie Cole' }));
    expect(expiryFor('Connie Cole')).toHaveDisplayValue('Never expires');
    expect(screen.getByRole('combobox', { name: 'Role for Connie Cole' })).toHaveValue('EDITOR');
    expect(within(rowOf('Connie Cole')).getByText('Pending')).toBeVisible();
  });

  it('is disabled, with the reason, for someone who may not change the grant', async () => {
    await endEddieIn(6);
    await renderDialog({ as: 'connie', asset: 'application', assetType: 'application', providerProps });
    const control = expiryFor('Eddie Evans');
    expect(control).toBeDisabled();
    expect(control).toHaveAccessibleDescription(
      expect.stringContaining(
        'You cannot change or remove Editor access: it is above your own role, Consumer.',
      ),
    );
    // The end itself stays readable.
    expect(control).toHaveAccessibleDescription(expect.stringMatching(/^Expires in 6 days ·/));
  });
});
