/**
 * Test support for the dialog's component tests: the mock backend in Node (msw), and the dialog rendered as a
 * persona. Never part of the library: only test files import it.
 */
import { QueryClient } from '@tanstack/react-query';
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { contractParsers } from '../api/contract-parsers.ts';
import { backend } from '../mock-backend/backend.ts';
import { createMockServer } from '../mock-backend/node.ts';
import { type PersonaKey, personaIds, personaToken } from '../mock-backend/personas.ts';
import { type DemoAssetKey, demoAssetId } from '../mock-backend/seed.ts';
import { assetTypes } from '../sharing/asset-types.ts';
import type { AssetTypeConfig } from '../sharing/types.ts';
import { ShareDialog, type ShareDialogOptions } from './share-dialog.tsx';
import { ShareDialogProvider, type ShareDialogProviderProps } from './share-dialog-provider.tsx';

/** Where the dialog under test sends its requests; the mock backend answers any origin. */
export const testApi = 'http://sharewell.test/api/v2';

export type { DemoAssetKey, PersonaKey };
export { demoAssetId, personaIds, personaToken };

/** Starts the mock backend for a test file and restores the seed after each test; `server.use()` adds faults. */
export function startMockBackend() {
  const server = createMockServer();
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => {
    cleanup();
    server.resetHandlers();
    backend.reset({ scale: false });
  });
  afterAll(() => server.close());
  return server;
}

/** Restores the seed now; with `scale`, adds the 100,000-person directory and the scale datasets. */
export function resetBackend(options: { scale?: boolean } = {}): void {
  backend.reset({ scale: options.scale ?? false });
}

/** The registry config of a built-in asset type. */
export function assetTypeOf(id: string): AssetTypeConfig {
  const config = assetTypes.get(id);
  if (!config) throw new Error(`No asset type ${id}`);
  return config;
}

/** A request straight to the mock backend as a persona (e.g. someone else saving first). */
export function callAs(
  persona: PersonaKey,
  method: string,
  path: string,
  body?: unknown,
  headers?: Record<string, string>,
) {
  return fetch(`${testApi}${path}`, {
    method,
    headers: {
      Authorization: `Bearer ${personaToken(persona)}`,
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      ...headers,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

export interface RenderDialogOptions {
  as?: PersonaKey;
  /** The demo asset to open. */
  asset: DemoAssetKey;
  /** Another asset's id instead (e.g. a scale dataset). */
  assetId?: string;
  assetType: string;
  dialogProps?: Partial<ShareDialogOptions>;
  providerProps?: Partial<ShareDialogProviderProps>;
  wrapper?: (children: ReactNode) => ReactNode;
}

/** Renders the dialog open on a demo asset as a persona, and waits until it has loaded its access list. */
export async function renderDialog({
  as = 'olivia',
  asset,
  assetId,
  assetType,
  dialogProps,
  providerProps,
  wrapper,
}: RenderDialogOptions) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const user = userEvent.setup();
  const tree = (
    <ShareDialogProvider
      baseUrl={testApi}
      headers={() => ({ Authorization: `Bearer ${personaToken(as)}` })}
      parseAnswers={contractParsers}
      queryClient={queryClient}
      {...providerProps}
    >
      <ShareDialog
        assetType={assetType}
        assetId={assetId ?? demoAssetId(asset)}
        defaultOpen
        {...dialogProps}
      />
    </ShareDialogProvider>
  );
  const result = render(wrapper ? wrapper(tree) : tree);
  await waitFor(() => expect(document.querySelector('[data-slot="shared-with-row"]')).not.toBeNull());
  return { ...result, user, queryClient, dialog: screen.getByRole('dialog') };
}
