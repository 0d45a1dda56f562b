import { chromium } from '@playwright/test';
import { chromiumLaunchOptions } from '../../scripts/browser.ts';
import { serveApp } from '../serve-app.ts';
const server = await serveApp();
const browser = await chromium.launch(chromiumLaunchOptions());
const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
await context.addInitScript({ path: 'bench/in-page-probes.js' });
const page = await context.newPage();
await page.goto(`${server.url}/?scale=large&latency=0`);
const name = 'Scale · 100 grants';
const btn = page.getByRole('listitem').filter({ has: page.getByRole('link', { name, exact: true }) }).getByRole('button', { name: 'Share' });
await btn.waitFor({ timeout: 60000 });
await btn.click();
await page.getByRole('dialog').waitFor();
await page.evaluate('window.__sharewellBench.settledRowCount()');
const box = page.getByRole('combobox', { name: 'Share with' });
for (const q of ['mate', 'hiro', 'ingr', 'kofi', 'vale', 'sidd', 'fern']) {
  await box.fill('');
  await page.waitForTimeout(400);
  await box.focus();
  await page.evaluate('window.__sharewellBench.armSearch(); window.__rec = window.__sharewellBench.recordCommits();');
  await page.keyboard.type(q, { delay: 30 });
  const r: any = await page.evaluate(`window.__sharewellBench.searchResult('${q}')`);
  const commits: any = await page.evaluate('window.__rec.stop().map(c => ({ at: c.at, n: Object.values(c.components).reduce((a, b) => a + b, 0) }))');
  const lastInput = r.ms; // painted - lastInput
  const inputTimes: number[] = await page.evaluate('window.__sharewellBench.searchState.inputTimes');
  const li = inputTimes.at(-1)!;
  console.log(q, 'painted', r.ms.toFixed(0), 'req', r.requestStartMs?.toFixed(0), 'resp', r.responseEndMs?.toFixed(0), 'commits after last input:', commits.filter((c: any) => c.at > li).map((c: any) => `${(c.at - li).toFixed(0)}(${c.n})`).join(' '));
}
await browser.close();
await server.close();
