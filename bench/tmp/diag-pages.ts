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
await page.evaluate('performance.clearResourceTimings()');
// record per-frame: time, scrollTop, scrollHeight
await page.evaluate(
  `(() => { const ul = [...document.querySelectorAll('ul[aria-labelledby]')].find(u => document.getElementById(u.getAttribute('aria-labelledby')).textContent.startsWith('Shared with')); const vp = ul.parentElement; window.__log = []; let n = 0; const t0 = performance.now(); const f = (now) => { window.__log.push([Math.round(now - t0), vp.scrollTop, vp.scrollHeight]); vp.scrollTop += 2000; if (++n < 400) requestAnimationFrame(f); }; window.__t0 = t0; requestAnimationFrame(f); })()`,
);
await page.waitForTimeout(20000);
const log = await page.evaluate('window.__log');
const res = await page.evaluate(
  `performance.getEntriesByType('resource').filter(e => e.name.includes('sharedRoles')).map(e => [Math.round(e.startTime - window.__t0), Math.round(e.responseEnd - window.__t0), e.name.match(/offset=(\\d+)/)?.[1]])`,
);
console.log('fetches', JSON.stringify(res.slice(0, 12)));
let prevH = 0;
for (const [t, top, h] of log as number[][]) {
  if (h !== prevH) {
    console.log('t', t, 'scrollHeight', h);
    prevH = h;
  }
}
console.log('frames', (log as unknown[]).length, 'last t', (log as number[][]).at(-1));
await browser.close();
await server.close();
