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
const btn = page
  .getByRole('listitem')
  .filter({ has: page.getByRole('link', { name, exact: true }) })
  .getByRole('button', { name: 'Share' });
await btn.waitFor({ timeout: 60000 });
await btn.click();
await page.getByRole('dialog').waitFor();
await page.evaluate('window.__sharewellBench.settledRowCount()');
const box = page.getByRole('combobox', { name: 'Share with' });
let i = 0;
for (const q of [
  'mate',
  'hiro',
  'ingr',
  'kofi',
  'vale',
  'sidd',
  'fern',
  'beat',
  'chri',
  'xavi',
  'zain',
  'yusu',
  'mate',
  'hiro',
  'ingr',
  'kofi',
]) {
  await box.fill('');
  await page.waitForTimeout(300);
  await box.focus();
  await page.evaluate('window.__sharewellBench.armSearch()');
  await page.keyboard.type(q, { delay: 30 });
  try {
    const r: any = await page.evaluate(`window.__sharewellBench.searchResult('${q}')`);
    console.log(i++, q, r.ms.toFixed(0));
  } catch (e) {
    console.log(i++, q, String(e).split('\n')[0]);
  }
}
await browser.close();
await server.close();
