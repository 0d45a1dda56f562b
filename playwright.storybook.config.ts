import { defineConfig, devices } from '@playwright/test';
import { chromiumLaunchOptions } from './scripts/browser.ts';

/** The static Storybook (`npm run build-storybook`) served for its smoke test; beside `E2E_PORT`, never on it. */
const port = Number(process.env.STORYBOOK_E2E_PORT ?? Number(process.env.E2E_PORT ?? 4173) + 2000);

export default defineConfig({
  testDir: './e2e-storybook',
  outputDir: './test-results/storybook',
  workers: 1,
  retries: 0,
  // A cold preview boots Storybook, the service worker and the seed before the first story renders.
  timeout: 240_000,
  expect: { timeout: 90_000 },
  reporter: 'list',
  use: { baseURL: `http://127.0.0.1:${port}`, trace: 'retain-on-failure' },
  projects: [
    { name: 'chromium', use: { ...devices['Desktop Chrome'], launchOptions: chromiumLaunchOptions() } },
  ],
  webServer: {
    command: `npx vite preview --outDir storybook-static --port ${port} --strictPort --host 127.0.0.1`,
    url: `http://127.0.0.1:${port}/iframe.html`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});
