// @vitest-environment jsdom
import { configure, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderDialog, startMockBackend } from '../test-support.tsx';

configure({ asyncUtilTimeout: 4000 });
vi.setConfig({ testTimeout: 20_000 });

startMockBackend();

describe('External sharing link', () => {
  it('turns the link on, copies it, and turns it off again', async () => {
    const { user } = await renderDialog({ asset: 'application', assetType: 'application' });
    const toggle = await screen.findByRole('switch', { name: 'External sharing link' });
    expect(toggle).toHaveAttribute('aria-checked', 'false');
    expect(toggle).toHaveAccessibleDescription('Off: only the people below can open it.');
    expect(screen.queryByRole('button', { name: 'Copy link' })).toBeNull();

    await user.click(toggle);
    await waitFor(() => expect(toggle).toHaveAttribute('aria-checked', 'true'));
    const link = await screen.findByRole('textbox', { name: 'External sharing link' });
    expect((link as HTMLInputElement).value).toMatch(/^https?:\/\//);

    await user.click(screen.getByRole('button', { name: 'Copy link' }));
    expect(await screen.findByText('Link copied')).toBeVisible();
    expect(await navigator.clipboard.readText()).toBe((link as HTMLInputElement).value);

    await user.click(toggle);
    await waitFor(() => expect(toggle).toHaveAttribute('aria-checked', 'false'));
    expect(screen.queryByRole('button', { name: 'Copy link' })).toBeNull();
  });

  it('as Connie (consumer) is disabled and says why', async () => {
    await renderDialog({ as: 'connie', asset: 'application', assetType: 'application' });
    const toggle = await screen.findByRole('switch', { name: 'External sharing link' });
    expect(toggle).toBeDisabled();
    expect(toggle).toHaveAccessibleDescription(
      /Only owners and editors can create or revoke the external sharing link\./,
    );
    expect(
      screen.getByText('Only owners and editors can create or revoke the external sharing link.'),
    ).toBeVisible();
  });
});
