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
await page.evaluate(
  `(() => { window.__loaf = []; new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__loaf.push(e.toJSON()); }).observe({ type: 'long-animation-frame' }); })()`,
);
await btn.click();
await page.getByRole('dialog').waitFor();
await page.evaluate('window.__sharewellBench.settledRowCount()');
await page.evaluate('performance.clearResourceTimings()');
const r = await page.evaluate('window.__sharewellBench.scrollToEnd(2000, 25, 120000)');
console.log(r);
const res = await page.evaluate(
  `performance.getEntriesByType('resource').filter(e => e.name.includes('sharedRoles')).map(e => Math.round(e.duration))`,
);
console.log('fetch durations', JSON.stringify(res));
const agg = await page.evaluate(
  `(() => { const m = {}; let n = 0; for (const f of window.__loaf) { n++; for (const s of f.scripts) { const k = (s.invokerType + ' ' + s.invoker + ' ' + s.sourceFunctionName + ' ' + (s.sourceURL||'').split('/').pop() + ':' + s.sourceCharPosition); m[k] = (m[k]||0) + s.duration; } } return [n, Object.entries(m).sort((a,b)=>b[1]-a[1]).slice(0,15)]; })()`,
);
console.log(JSON.stringify(agg, null, 1));
const summary = await page.evaluate(
  `(() => { let total=0, script=0, style=0, blocking=0; for (const f of window.__loaf) { total += f.duration; blocking += f.blockingDuration; style += f.styleAndLayoutStart ? (f.startTime + f.duration - f.styleAndLayoutStart) : 0; script += f.scripts.reduce((a,s)=>a+s.duration,0);} return {total, script, style, blocking}; })()`,
);
console.log(summary);
await browser.close();
await server.close();
