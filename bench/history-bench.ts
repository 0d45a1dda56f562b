/**
 * Opening the History view (SPEC §10): click `History` → first change sets painted, on the scale dataset with
 * 10,000 change sets against the one with 10, in headless Chromium on the production build. Each run is a fresh
 * browser context; the view's own chunk is loaded once on a warm-up asset first, so both sides time the same work.
 *
 *   npx tsx bench/history-bench.ts            # builds and serves the app, 1 warm-up + 5 measured runs
 *   npx tsx bench/history-bench.ts --runs=8
 *
 * `measureHistoryOpen` is what `bench/run.ts` calls to put the figures in its table.
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BrowserContext, chromium, type Page } from '@playwright/test';
import { chromiumLaunchOptions } from '../scripts/browser.ts';
import { scaleAssetName } from '../src/mock-backend/scale.ts';
import { buildApp, serveApp } from './serve-app.ts';
import { median } from './stats.ts';

/** The dataset opened first in each run, to warm the page and load the History view's chunk. */
const warmUpAssetName = scaleAssetName(100);
const sides = [10, 10_000] as const;
type Side = (typeof sides)[number];

/** What one run measured: click → first entries painted, and the entries in the DOM then. */
export interface HistoryOpenRun {
  openMs: Record<Side, number>;
  entriesInDom: Record<Side, number>;
}

function shareButtonOf(page: Page, assetName: string) {
  return page
    .getByRole('listitem')
    .filter({ has: page.getByRole('link', { name: assetName, exact: true }) })
    .getByRole('button', { name: 'Share' });
}

/**
 * Resolves once the page's main thread has been idle for two idle periods in a row, each a full 50 ms: the
 * dialog has settled, with no request being answered or page of the list being read.
 */
const settledInPage = `new Promise((resolve) => {
  let quiet = 0;
  const check = (deadline) => {
    quiet = deadline.timeRemaining() >= 49 ? quiet + 1 : 0;
    if (quiet >= 2) resolve(undefined);
    else requestIdleCallback(check);
  };
  requestIdleCallback(check);
})`;

/**
 * Opens an asset's dialog and waits for its access list, then for the dialog to settle: the list of 10,000 grants
 * asks for its next page of 1,000 as soon as it opens, and reading that page is the list's cost, not the history's.
 */
async function openDialog(page: Page, assetName: string) {
  await shareButtonOf(page, assetName).click();
  const dialog = page.getByRole('dialog', { name: `Share ${assetName}` });
  await dialog.getByRole('list', { name: 'Shared with' }).getByRole('listitem').first().waitFor();
  await page.evaluate(settledInPage);
  return dialog;
}

/**
 * Clicks `History` inside the page and times it to the frame after the first entry is in the DOM: the paint the
 * person sees. Written as plain JavaScript in a string: a compiled function would carry the compiler's helpers.
 */
const timeHistoryOpenInPage = `new Promise((resolve, reject) => {
  const dialog = document.querySelector('[role="dialog"]');
  const toggle = [...(dialog ? dialog.querySelectorAll('button') : [])]
    .find((button) => button.textContent.trim() === 'History');
  if (!toggle) return reject(new Error('no History button'));
  const started = performance.now();
  toggle.click();
  const check = () => {
    const entries = dialog.querySelectorAll('[data-slot="history-entry"]').length;
    if (entries === 0) {
      if (performance.now() - started > 30000) reject(new Error('History never showed an entry'));
      else requestAnimationFrame(check);
      return;
    }
    requestAnimationFrame(() => resolve({ ms: performance.now() - started, entries }));
  };
  requestAnimationFrame(check);
})`;

/** Answers the time from click to first entries painted, and how many entries were rendered. */
async function timeHistoryOpen(page: Page): Promise<{ ms: number; entries: number }> {
  return (await page.evaluate(timeHistoryOpenInPage)) as { ms: number; entries: number };
}

async function closeDialog(page: Page, assetName: string): Promise<void> {
  const dialog = page.getByRole('dialog', { name: `Share ${assetName}` });
  await dialog.getByRole('button', { name: 'Close' }).first().click();
  await dialog.waitFor({ state: 'hidden' });
}

async function oneRun(context: BrowserContext, url: string, order: readonly Side[]): Promise<HistoryOpenRun> {
  const page = await context.newPage();
  await page.goto(`${url}/?scale=large&latency=0`);
  await page.getByRole('combobox', { name: 'Acting as' }).waitFor();
  await shareButtonOf(page, warmUpAssetName).waitFor({ timeout: 60_000 });
  await openDialog(page, warmUpAssetName);
  await timeHistoryOpen(page);
  await closeDialog(page, warmUpAssetName);
  const run: HistoryOpenRun = { openMs: { 10: 0, 10000: 0 }, entriesInDom: { 10: 0, 10000: 0 } };
  for (const side of order) {
    const name = scaleAssetName(side);
    await openDialog(page, name);
    const { ms, entries } = await timeHistoryOpen(page);
    run.openMs[side] = ms;
    run.entriesInDom[side] = entries;
    await closeDialog(page, name);
  }
  await page.close();
  return run;
}

/** Runs the measure against a served build: warm-up runs first, then the measured ones, order alternating. */
export async function measureHistoryOpen(options: {
  url: string;
  runs: number;
  warmUpRuns: number;
  log(message: string): void;
}): Promise<HistoryOpenRun[]> {
  const browser = await chromium.launch(chromiumLaunchOptions());
  const runs: HistoryOpenRun[] = [];
  try {
    for (let index = 0; index < options.warmUpRuns + options.runs; index++) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      try {
        const order = index % 2 === 0 ? sides : [...sides].reverse();
        const run = await oneRun(context, options.url, order);
        if (index >= options.warmUpRuns) runs.push(run);
        options.log(
          `  history run ${index + 1}: 10 → ${run.openMs[10].toFixed(1)} ms, 10,000 → ${run.openMs[10_000].toFixed(1)} ms`,
        );
      } finally {
        await context.close();
      }
    }
  } finally {
    await browser.close();
  }
  return runs;
}

/** The median of the per-run ratios 10,000 ÷ 10, the figure SPEC §10 and the issue bound at 1.5. */
export function historyOpenRatio(runs: readonly HistoryOpenRun[]): number {
  return median(runs.map((run) => run.openMs[10_000] / run.openMs[10]));
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const runsArg = process.argv.find((arg) => arg.startsWith('--runs='))?.split('=')[1];
  const runs = runsArg ? Number(runsArg) : 5;
  const log = (message: string) => console.error(message);
  log('▶ Building the app for production into dist-bench/app');
  await buildApp();
  const server = await serveApp();
  try {
    const results = await measureHistoryOpen({ url: server.url, runs, warmUpRuns: 1, log });
    const row = (side: Side) =>
      `| open History, ${side.toLocaleString('en-US')} change sets | ${median(results.map((run) => run.openMs[side])).toFixed(1)} ms | ${Math.max(...results.map((run) => run.entriesInDom[side]))} entries in the DOM |`;
    console.log('| measure | median | |\n| --- | --- | --- |');
    console.log(row(10));
    console.log(row(10_000));
    const ratio = historyOpenRatio(results);
    console.log(`| 10,000 ÷ 10 (median of per-run ratios) | ${ratio.toFixed(2)} | budget 1.5 |`);
    if (ratio > 1.5) log('⚠ opening History on 10,000 change sets costs more than 1.5 × 10');
  } finally {
    await server.close();
  }
}
