import { chromium } from '@playwright/test';
import { chromiumLaunchOptions } from '../../scripts/browser.ts';
import { serveApp } from '../serve-app.ts';

const server = await serveApp();
const browser = await chromium.launch(chromiumLaunchOptions());
const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
await context.addInitScript({ path: 'bench/in-page-probes.js' });
const page = await context.newPage();
await page.goto(`${server.url}/?scale=large&latency=0`);
const name = 'Scale · 10,000 grants';
const btn = page
  .getByRole('listitem')
  .filter({ has: page.getByRole('link', { name, exact: true }) })
  .getByRole('button', { name: 'Share' });
await btn.waitFor({ timeout: 60000 });
await btn.click();
await page.getByRole('dialog').waitFor();
await page.evaluate('window.__sharewellBench.settledRowCount()');
await page.getByRole('combobox', { name: 'Share with' }).focus();
await page.evaluate(
  'window.__sharewellBench.armSearch(); window.__rec = window.__sharewellBench.recordCommits(); window.__t0 = performance.now()',
);
await page.keyboard.type('kofi', { delay: 30 });
const r = await page.evaluate(`window.__sharewellBench.searchResult('kofi')`);
const commits = await page.evaluate(
  'window.__rec.stop().map(c => ({ at: Math.round(c.at - window.__t0), n: Object.values(c.components).reduce((a, b) => a + b, 0), top: Object.entries(c.components).sort((a, b) => b[1] - a[1]).slice(0, 12) }))',
);
console.log(JSON.stringify(r));
for (const c of commits as any[]) console.log(c.at, c.n, JSON.stringify(c.top));
await browser.close();
await server.close();
