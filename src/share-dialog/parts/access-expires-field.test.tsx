// @vitest-environment jsdom
import { configure, screen, waitFor } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { backend } from '../../mock-backend/backend.ts';
import { DAY_MS } from '../../sharing/expiry.ts';
import { localDateOf } from '../expiry-dates.ts';
import { renderDialog, startMockBackend } from '../test-support.tsx';

configure({ asyncUtilTimeout: 8000 });
vi.setConfig({ testTimeout: 40_000 });

const server = startMockBackend();

const patches: { roles: { id?: string; expiresAt?: string | null }[] }[] = [];
server.events.on('request:start', async ({ request }) => {
  if (request.method === 'PATCH') patches.push(await request.clone().json());
});

const START = Date.UTC(2025, 6, 1, 12, 0, 0);
beforeEach(() => {
  patches.length = 0;
  backend.db.clock.setNow(START);
});

/** The dialog counts time by the backend's clock, as the demo app does. */
const providerProps = { now: () => backend.db.clock.now() };

async function addRita(user: UserEvent) {
  await user.type(screen.getByRole('combobox', { name: 'Share with' }), 'rita');
  await user.click(await screen.findByRole('option', { name: /Rita Reyes/ }));
}

function accessExpires() {
  return screen.getByRole('combobox', { name: 'Access expires' });
}

describe('Access expires', () => {
  it('starts at Never and offers 7, 30 and 90 days and a date', async () => {
    await renderDialog({ asset: 'project', assetType: 'project', providerProps });
    expect(accessExpires()).toHaveValue('never');
    expect(
      Array.from((accessExpires() as HTMLSelectElement).options).map((option) => option.textContent),
    ).toEqual(['Never', '7 days', '30 days', '90 days', 'On a date…']);
  });

  it('sends the end 7 days after the save, and the new row says when it ends', async () => {
    const { user } = await renderDialog({ asset: 'project', assetType: 'project', providerProps });
    await addRita(user);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Role' }), 'CONSUMER');
    await user.selectOptions(accessExpires(), '7 days');
    await user.click(screen.getByRole('button', { name: 'Share' }));
    expect(await screen.findByText('Shared with Rita Reyes')).toBeVisible();
    const sent = patches[0]?.roles[0]?.expiresAt;
    expect(sent).toBeTypeOf('string');
    expect(Math.round((Date.parse(sent as string) - START) / DAY_MS)).toBe(7);
    const expiry = await screen.findByRole('combobox', { name: 'Expiry for Rita Reyes' });
    expect(expiry).toHaveAccessibleDescription(/^Expires in 7 days · /);
  });

  it('sends no end for Never', async () => {
    const { user } = await renderDialog({ asset: 'project', assetType: 'project', providerProps });
    await addRita(user);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Role' }), 'CONSUMER');
    await user.click(screen.getByRole('button', { name: 'Share' }));
    expect(await screen.findByText('Shared with Rita Reyes')).toBeVisible();
    expect(patches[0]?.roles[0]).not.toHaveProperty('expiresAt');
  });

  it('asks for the last day before sharing, then sends the end of that day', async () => {
    const { user } = await renderDialog({ asset: 'project', assetType: 'project', providerProps });
    await addRita(user);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Role' }), 'CONSUMER');
    await user.selectOptions(accessExpires(), 'On a date…');
    const day = screen.getByLabelText('Last day of access');
    expect(day).toHaveAccessibleDescription('Choose the last day of access, or another option.');
    expect(day).toHaveAttribute('min', localDateOf(START));

    await user.click(screen.getByRole('button', { name: 'Share' }));
    // Nothing is shared for ever by mistake: focus goes to the missing day.
    expect(patches).toHaveLength(0);
    expect(day).toHaveFocus();

    const lastDay = localDateOf(START + 20 * DAY_MS);
    await user.type(day, lastDay);
    expect(day).toHaveAccessibleDescription('Access ends when this day does.');
    await user.click(screen.getByRole('button', { name: 'Share' }));
    await waitFor(() => expect(patches).toHaveLength(1));
    const sent = new Date(patches[0]?.roles[0]?.expiresAt as string);
    expect(localDateOf(sent.getTime() - 1)).toBe(lastDay);
    expect([sent.getHours(), sent.getMinutes()]).toEqual([0, 0]);
  });

  it('says at once when a chosen day is too far ahead (R19), in the rule’s words', async () => {
    const { user } = await renderDialog({ asset: 'project', assetType: 'project', providerProps });
    await user.selectOptions(accessExpires(), 'On a date…');
    const day = screen.getByLabelText('Last day of access');
    await user.type(day, localDateOf(START + 400 * DAY_MS));
    expect(day).toHaveAttribute('aria-invalid', 'true');
    expect(day).toHaveAccessibleDescription('Access can end at most 365 days from now.');
  });

  it('offers no end for new owners, and says why', async () => {
    const { user } = await renderDialog({ asset: 'project', assetType: 'project', providerProps });
    await user.selectOptions(screen.getByRole('combobox', { name: 'Role' }), 'OWNER');
    expect(accessExpires()).toBeDisabled();
    expect(accessExpires()).toHaveValue('never');
    expect(accessExpires()).toHaveAccessibleDescription(
      'Owner access never expires: every project keeps its owners.',
    );
  });

  it('is disabled with the sharing reason for someone who may not share', async () => {
    await renderDialog({ as: 'nora', asset: 'dataset', assetType: 'dataset', providerProps });
    expect(accessExpires()).toBeDisabled();
    expect(accessExpires()).toHaveAccessibleDescription(
      'You need “Allow sharing” on this dataset to share it.',
    );
  });
});
