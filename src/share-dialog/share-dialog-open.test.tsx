// @vitest-environment jsdom
import { QueryClient } from '@tanstack/react-query';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { backend } from '../mock-backend/backend.ts';
import { ShareDialog } from './share-dialog.tsx';
import { ShareDialogProvider } from './share-dialog-provider.tsx';
import { demoAssetId, personaToken, startMockBackend, testApi } from './test-support.tsx';

startMockBackend();

/** What the dialog asked the API, in order: each request's start and its answer's arrival. */
function recordingFetch() {
  const events: string[] = [];
  const pathOf = (input: RequestInfo | URL) =>
    new URL(input instanceof Request ? input.url : String(input)).pathname.replace(/^\/api\/v2/, '');
  const recording: typeof fetch = async (input, init) => {
    const path = pathOf(input);
    events.push(`start ${path}`);
    const response = await fetch(input, init);
    events.push(`end ${path}`);
    return response;
  };
  return { events, fetch: recording };
}

function renderDataset(options: { fetch: typeof fetch; open: boolean }) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <ShareDialogProvider
      baseUrl={testApi}
      fetch={options.fetch}
      headers={() => ({ Authorization: `Bearer ${personaToken('olivia')}` })}
      queryClient={queryClient}
    >
      <ShareDialog
        assetType="dataset"
        assetId={demoAssetId('dataset')}
        defaultOpen={options.open}
        trigger="Share"
      />
    </ShareDialogProvider>,
  );
  return { user: userEvent.setup() };
}

const dataset = `/datasets/${demoAssetId('dataset')}`;
const opening = ['/account', dataset, `${dataset}/sharedRoles`];

describe('opening the dialog', () => {
  it('asks for the actor, the asset and the first page of the access list at once, none waiting on another', async () => {
    // Slow answers: a request that waited on another would start only after that one's answer.
    backend.latencyMs = 100;
    const recorded = recordingFetch();
    renderDataset({ fetch: recorded.fetch, open: true });
    await waitFor(() => expect(document.querySelector('[data-slot="shared-with-row"]')).not.toBeNull());

    const firstAnswer = recorded.events.findIndex((event) => event.startsWith('end '));
    const startedBefore = recorded.events.slice(0, firstAnswer).map((event) => event.replace('start ', ''));
    expect([...startedBefore].sort()).toEqual([...opening].sort());
  });

  it('asks for them while the pointer rests on Share, and shows them on the click without asking again', async () => {
    const recorded = recordingFetch();
    const { user } = renderDataset({ fetch: recorded.fetch, open: false });
    await user.hover(screen.getByRole('button', { name: 'Share' }));
    await waitFor(() => expect(recorded.events.filter((event) => event.startsWith('end '))).toHaveLength(3));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect([...recorded.events.filter((event) => event.startsWith('start '))].sort()).toEqual(
      opening.map((path) => `start ${path}`).sort(),
    );

    await user.click(screen.getByRole('button', { name: 'Share' }));
    // The rows are there as the dialog opens: nothing is awaited.
    expect(screen.getByRole('dialog').querySelector('[data-slot="shared-with-row"]')).not.toBeNull();
    const openingAsked = recorded.events.filter((event) => opening.some((path) => event === `start ${path}`));
    expect(openingAsked).toHaveLength(3);
  });

  it('asks for them while focus rests on Share', async () => {
    const recorded = recordingFetch();
    const { user } = renderDataset({ fetch: recorded.fetch, open: false });
    await user.tab();
    expect(screen.getByRole('button', { name: 'Share' })).toHaveFocus();
    await waitFor(() =>
      expect([...recorded.events.filter((event) => event.startsWith('start '))].sort()).toEqual(
        opening.map((path) => `start ${path}`).sort(),
      ),
    );
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});
