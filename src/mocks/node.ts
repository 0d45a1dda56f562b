/**
 * `sharewell/mocks`: the mock backend of SPEC §5 for a host's tests in Node (Vitest, Jest), through `msw/node`:
 *
 *   const server = createMockServer();
 *   server.listen();
 *
 * then point `ShareDialogProvider` at `http://localhost/api/v2` with `Authorization: Bearer ${personaTokens.olivia}`.
 * It holds the normal seed only; the demo app's 100,000-principal scale data is not part of the package.
 */
export { createMockServer, handlers } from '../mock-backend/node.ts';
export * from './mock-data.ts';
