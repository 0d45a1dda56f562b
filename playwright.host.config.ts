import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './scripts/browser.ts';

/** The example host app's preview: away from the demo app's 5173 and 4173 and the API's 4010. */
const port = Number(process.env.HOST_APP_PORT ?? 4180);

/**
 * The browser test of `examples/host-app/`, the ShareDialog embedded from the packed tarball. Run through
 * `npm run test:host`, which packs, installs and builds the example first.
 */
export default defineConfig({
  testDir: './e2e-host',
  outputDir: './test-results/host-app',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: 'retain-on-failure',
    launchOptions: chromiumLaunchOptions(),
  },
  webServer: {
    command: `npx vite preview --port ${port} --strictPort --host 127.0.0.1`,
    cwd: './examples/host-app',
    url: `http://127.0.0.1:${port}`,
    reuseExistingServer: false,
    timeout: 60_000,
  },
});
