import { readFileSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { chromiumLaunchOptions } from '../../scripts/browser.ts';
import { serveApp } from '../serve-app.ts';

const server = await serveApp();
const browser = await chromium.launch(chromiumLaunchOptions());
const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
await context.addInitScript({ path: 'bench/in-page-probes.js' });
const page = await context.newPage();
await page.goto(`${server.url}/?scale=large&latency=0`);
const name = process.argv[2] ?? 'Scale · 10,000 grants';
const btn = page
  .getByRole('listitem')
  .filter({ has: page.getByRole('link', { name, exact: true }) })
  .getByRole('button', { name: 'Share' });
await btn.waitFor({ timeout: 60000 });
await btn.click();
await page.getByRole('dialog').waitFor();
await page.evaluate('window.__sharewellBench.settledRowCount()');
await browser.startTracing(page, {
  path: '/tmp/trace.json',
  categories: [
    'devtools.timeline',
    'disabled-by-default-devtools.timeline',
    'blink',
    'cc',
    'gpu',
    'viz',
    'v8',
  ],
});
const r = await page.evaluate('window.__sharewellBench.scrollToEnd(2000, 25, 10000).catch(e => String(e))');
await browser.stopTracing();
console.log(r);
const trace = JSON.parse(readFileSync('/tmp/trace.json', 'utf8'));
const events = trace.traceEvents ?? trace;
const threads = new Map();
for (const e of events) if (e.name === 'thread_name') threads.set(`${e.pid}:${e.tid}`, e.args.name);
const agg = new Map();
for (const e of events) {
  if (e.ph !== 'X' || !e.dur) continue;
  const k = `${threads.get(`${e.pid}:${e.tid}`) ?? e.tid} | ${e.name}`;
  agg.set(k, (agg.get(k) ?? 0) + e.dur / 1000);
}
console.log(
  [...agg.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 40)
    .map(([k, v]) => `${v.toFixed(0).padStart(7)} ms  ${k}`)
    .join('\n'),
);
await browser.close();
await server.close();
