// @vitest-environment jsdom
import { QueryClient } from '@tanstack/react-query';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ShareDialog } from './share-dialog.tsx';
import { ShareDialogProvider } from './share-dialog-provider.tsx';
import { demoAssetId, personaToken, startMockBackend, testApi } from './test-support.tsx';

startMockBackend();

/** The dataset's dialog behind `Share`, on a page that has a link of its own. */
async function openOnAPage() {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <>
      <main>
        <a href="#elsewhere">Elsewhere on the page</a>
      </main>
      <ShareDialogProvider
        baseUrl={testApi}
        headers={() => ({ Authorization: `Bearer ${personaToken('olivia')}` })}
        queryClient={queryClient}
      >
        <ShareDialog assetType="dataset" assetId={demoAssetId('dataset')} trigger="Share" />
      </ShareDialogProvider>
    </>,
  );
  const user = userEvent.setup();
  const trigger = screen.getByRole('button', { name: 'Share' });
  // Clicked as in Safari, where a click does not focus the button: focus must still come back to it.
  fireEvent.click(trigger);
  expect(trigger).not.toHaveFocus();
  const dialog = await screen.findByRole('dialog');
  await waitFor(() => expect(dialog.querySelector('[data-slot="shared-with-row"]')).not.toBeNull());
  return { user, trigger, dialog };
}

const backdrop = () => document.querySelector<HTMLElement>('.sw-overlay');

describe('the dialog is modal', () => {
  it('hides the page from assistive technology while open, without restyling the page behind', async () => {
    const { user, trigger } = await openOnAPage();
    expect(screen.queryByRole('link', { name: 'Elsewhere on the page' })).toBeNull();
    // The backdrop takes the pointer; `pointer-events: none` on <body> would restyle the whole page.
    expect(backdrop()).not.toBeNull();
    expect(document.body.style.pointerEvents).toBe('');

    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(screen.getByRole('link', { name: 'Elsewhere on the page' })).toBeInTheDocument();
    await waitFor(() => expect(trigger).toHaveFocus());
  });

  it('holds focus inside: focus sent to the page comes back, and Tab wraps around', async () => {
    const { user, dialog } = await openOnAPage();
    screen.getByRole('link', { name: 'Elsewhere on the page', hidden: true }).focus();
    expect(dialog).toContainElement(document.activeElement as HTMLElement);
    // Focus outside does not close it either, once React has settled what that focus set off.
    await act(() => new Promise((resolve) => setTimeout(resolve, 20)));
    expect(screen.getByRole('dialog')).toBe(dialog);

    const tabbable = [
      ...dialog.querySelectorAll<HTMLElement>('button, input, select, [tabindex="0"]'),
    ].filter((element) => !element.matches(':disabled'));
    tabbable[0]?.focus();
    await user.tab({ shift: true });
    expect(dialog).toContainElement(document.activeElement as HTMLElement);
    expect(document.activeElement).not.toBe(tabbable[0]);
  });

  it('closes on a click on the backdrop and gives focus back to Share; a right click leaves it open', async () => {
    const { user, trigger } = await openOnAPage();
    const outside = backdrop();
    if (!outside) throw new Error('no backdrop');

    await user.pointer({ keys: '[MouseRight]', target: outside });
    expect(screen.getByRole('dialog')).toBeInTheDocument();

    await user.click(outside);
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    await waitFor(() => expect(trigger).toHaveFocus());
  });
});
