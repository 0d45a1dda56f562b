import { createMockWorker, personaTokens } from 'sharewell/mocks/browser';

/**
 * Starts Sharewell's mock backend in a service worker and signs in as Olivia, owner of every demo asset. It
 * answers the dialog's API (`/api/v2`) only; the portal's other requests go to the network untouched.
 *
 * The worker refuses to start in a production build: a host that forgets to switch it off must not ship a fake
 * backend that answers every save. This portal's production build is a demo, built with `VITE_MOCKS=demo`, and it
 * says so explicitly; without that flag a production build never starts it (see `main.tsx`).
 */
export async function startMockWorker(): Promise<string> {
  const worker = createMockWorker({
    baseUrl: '/api/v2',
    allowInProduction: import.meta.env.VITE_MOCKS === 'demo',
  });
  await worker.start({ onUnhandledRequest: 'bypass', quiet: true });
  return personaTokens.olivia;
}
