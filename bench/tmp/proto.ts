import { chromium } from '@playwright/test';
import { buildApp, serveApp } from '../../bench/serve-app.ts';
import { chromiumLaunchOptions } from '../../scripts/browser.ts';

let t = Date.now();
await buildApp();
console.log('build', Date.now() - t);
const server = await serveApp();
console.log(server.url);
const browser = await chromium.launch(chromiumLaunchOptions());
console.log(browser.version());
const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
const page = await context.newPage();
page.on('console', (m) => console.log('console', m.text()));
t = Date.now();
await page.goto(`${server.url}/?scale=large&latency=0`);
await page.getByRole('heading', { name: 'Assets' }).waitFor();
await page.getByText('Scale · 10,000 grants').first().waitFor({ timeout: 60000 });
console.log('loaded', Date.now() - t);
console.log(
  await page.evaluate(
    () => typeof PerformanceObserver !== 'undefined' && PerformanceObserver.supportedEntryTypes,
  ),
);
await page.screenshot({ path: '/tmp/home.png' });
await browser.close();
await server.close();
