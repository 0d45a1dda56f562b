import { writeFileSync } from 'node:fs';
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
const cdp = await context.newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
await cdp.send('Profiler.start');
const r = await page.evaluate('window.__sharewellBench.scrollToEnd(2000, 25, 120000)');
const { profile } = await cdp.send('Profiler.stop');
console.log(r);
writeFileSync('/tmp/scroll.cpuprofile', JSON.stringify(profile));
// self time by function
const self = new Map<string, number>();
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const dt = profile.timeDeltas ?? [];
profile.samples?.forEach((id, i) => {
  const n = byId.get(id)!;
  const k = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber}`;
  self.set(k, (self.get(k) ?? 0) + (dt[i] ?? 0) / 1000);
});
console.log(
  [...self.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 30)
    .map(([k, v]) => `${v.toFixed(0).padStart(7)} ms  ${k}`)
    .join('\n'),
);
await browser.close();
await server.close();
