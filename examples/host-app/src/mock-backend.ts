import { createMockWorker, personaTokens } from 'sharewell/mocks/browser';

/** Starts Sharewell's mock backend in a service worker and signs in as Olivia, owner of every demo asset. */
export async function startMockWorker(): Promise<string> {
  await createMockWorker().start({ onUnhandledRequest: 'bypass', quiet: true });
  return personaTokens.olivia;
}
