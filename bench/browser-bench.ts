/**
 * Drives the production build in headless Chromium against the scale seed with no mock latency. Each run is a
 * fresh browser context (nothing cached), so every dialog opens on a cold query cache:
 *   1. the home page loads; a small asset's dialog is opened and closed (JIT and styles warm);
 *   2. the 10, 100, 1,000 and 10,000-grant datasets are opened once each (order rotated per run), timing click →
 *      first rows painted and counting the rows in the DOM;
 *   3. the 10,000-grant dialog is opened again with the JS heap read around it; it is scrolled to its last grant
 *      (in the runs that scroll); a query is typed into `Share with`; one row's role is changed, then another's
 *      to Owner.
 */
import { fileURLToPath } from 'node:url';
import { type Browser, type BrowserContext, chromium, type Page } from '@playwright/test';
import { chromiumLaunchOptions } from '../scripts/browser.ts';
import { type ScaleGrantCount, scaleAssetName, scaleGrantCounts } from '../src/mock-backend/scale.ts';

const probesPath = fileURLToPath(new URL('./in-page-probes.js', import.meta.url));

/** Scrolling speed: about 24 rows of 84 px a frame, more than a viewport, so every frame brings in new rows. */
export const SCROLL_STEP_PX = 2_000;
/** A frame gap above this missed at least one 16.7 ms frame (gaps come in whole frames: 16.7, 33.3, …). */
export const SLOW_FRAME_GAP_MS = 25;
/** How long after a role change is painted its consequences (the debounced impact preview) are still counted. */
export const ROLE_CHANGE_WINDOW_MS = 1_000;
/** The small demo asset opened first in every run, to warm the page up. */
const warmUpAssetName = 'Customer churn reduction';
/** Four-letter prefixes of directory names, one per run (and retry), so no search answer is ever cached. */
const searchQueries = [
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
];

/** What one run measured. */
export interface BrowserRun {
  openMs: Record<ScaleGrantCount, number>;
  /** The API requests of each open, for seeing where its time went. */
  openRequests: Record<ScaleGrantCount, TimedRequest[]>;
  rowsInDom: Record<ScaleGrantCount, number>;
  heapBeforeOpenMB: number;
  heapAfterOpenMB: number;
  /** With every one of the 10,000 grants loaded, in the runs that scroll. */
  heapAfterScrollMB: number | null;
  /** Only in the runs that scroll (scrolling 10,000 grants is the slowest part of the bench). */
  scroll: {
    frames: number;
    slowFrames: number;
    longestGapMs: number;
    longAnimationFrames: number | null;
    durationMs: number;
    maxRows: number;
    reached: number;
    setSize: number;
  } | null;
  search: {
    query: string;
    ms: number;
    keystrokes: number;
    options: number;
    requestStartMs: number | null;
    responseEndMs: number | null;
  };
  roleChange: RoleChange;
  ownerPromotion: RoleChange;
}

/** What one role change cost. */
export interface RoleChange {
  ms: number;
  rowsRerendered: number;
  changedRowRerendered: boolean;
  componentsRendered: number;
  commits: number;
  rowsWithDomChanges: number;
  domNodesChanged: number;
  rowsInDom: number;
  role: string;
}

export interface BrowserBenchOptions {
  url: string;
  runs: number;
  warmUpRuns: number;
  /** How many of the measured runs also scroll the 10,000 grants to the end. */
  scrollRuns: number;
  log(message: string): void;
}

function rotate<T>(items: readonly T[], by: number): T[] {
  const shift = by % items.length;
  return [...items.slice(shift), ...items.slice(0, shift)];
}

async function heapMB(page: Page, context: BrowserContext): Promise<number> {
  const cdp = await context.newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const usage = await cdp.send('Runtime.getHeapUsage');
  await cdp.detach();
  return usage.usedSize / (1024 * 1024);
}

function shareButtonOf(page: Page, assetName: string) {
  return page
    .getByRole('listitem')
    .filter({ has: page.getByRole('link', { name: assetName, exact: true }) })
    .getByRole('button', { name: 'Share' });
}

/** An API request an open made, relative to the click. */
export interface TimedRequest {
  path: string;
  startMs: number;
  endMs: number;
}

/** Clicks `Share` on an asset and answers the time to the first painted rows of `Shared with`. */
async function openDialog(page: Page, assetName: string): Promise<{ ms: number; requests: TimedRequest[] }> {
  await page.evaluate('window.__sharewellBench.armOpen()');
  await shareButtonOf(page, assetName).click();
  const result = (await page.evaluate('window.__sharewellBench.openResult()')) as {
    ms: number;
    requests: TimedRequest[];
  };
  await page.getByRole('dialog', { name: `Share ${assetName}` }).waitFor();
  return result;
}

async function settledRowCount(page: Page): Promise<number> {
  return (await page.evaluate('window.__sharewellBench.settledRowCount()')) as number;
}

async function closeDialog(page: Page, assetName: string): Promise<void> {
  const dialog = page.getByRole('dialog', { name: `Share ${assetName}` });
  await dialog.getByRole('button', { name: 'Close' }).first().click();
  await dialog.waitFor({ state: 'hidden' });
}

async function changeRole(
  page: Page,
  from: string | null,
  to: string,
  plainOnly: boolean,
): Promise<RoleChange> {
  return (await page.evaluate(
    `window.__sharewellBench.changeOneRole(${JSON.stringify(from)}, ${JSON.stringify(to)}, ${plainOnly}, ${ROLE_CHANGE_WINDOW_MS})`,
  )) as RoleChange;
}

async function oneRun(
  browser: Browser,
  options: BrowserBenchOptions,
  runIndex: number,
  scrolls: boolean,
): Promise<BrowserRun> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    await context.addInitScript({ path: probesPath });
    const page = await context.newPage();
    page.setDefaultTimeout(60_000);
    await page.goto(`${options.url}/?scale=large&latency=0`);
    await shareButtonOf(page, scaleAssetName(10_000)).waitFor();

    await openDialog(page, warmUpAssetName);
    await settledRowCount(page);
    await closeDialog(page, warmUpAssetName);

    const openMs = {} as Record<ScaleGrantCount, number>;
    const openRequests = {} as Record<ScaleGrantCount, TimedRequest[]>;
    const rowsInDom = {} as Record<ScaleGrantCount, number>;
    for (const grantCount of rotate(scaleGrantCounts, runIndex)) {
      const name = scaleAssetName(grantCount);
      const opened = await openDialog(page, name);
      openMs[grantCount] = opened.ms;
      openRequests[grantCount] = opened.requests;
      rowsInDom[grantCount] = await settledRowCount(page);
      await closeDialog(page, name);
    }

    // The heap is read around a second open of the 10,000 grants, after the timed ones: a forced garbage
    // collection just before a timed open would slow it (V8 may drop compiled code when it collects).
    const largest = scaleAssetName(10_000);
    const heapBeforeOpenMB = await heapMB(page, context);
    await openDialog(page, largest);
    await settledRowCount(page);
    const heapAfterOpenMB = await heapMB(page, context);
    const scroll = scrolls
      ? ((await page.evaluate(
          `window.__sharewellBench.scrollToEnd(${SCROLL_STEP_PX}, ${SLOW_FRAME_GAP_MS}, 120000)`,
        )) as BrowserRun['scroll'])
      : null;
    const heapAfterScrollMB = scroll ? await heapMB(page, context) : null;

    const query = searchQueries[runIndex % searchQueries.length] as string;
    const dialog = page.getByRole('dialog', { name: `Share ${largest}` });
    await dialog.getByRole('combobox', { name: 'Share with' }).focus();
    await page.evaluate('window.__sharewellBench.armSearch()');
    // A fast typist: every keystroke lands within the debounce of the one before.
    await page.keyboard.type(query, { delay: 50 });
    const search = (await page.evaluate(
      `window.__sharewellBench.searchResult(${JSON.stringify(query)})`,
    )) as Omit<BrowserRun['search'], 'query'>;
    if (search.keystrokes !== query.length) {
      throw new Error(`typing "${query}" fired ${search.keystrokes} input events`);
    }

    // The everyday change first (neither an owner nor a sharer before or after), then a promotion to owner,
    // which changes what the whole-list guards (R9, R10) allow other owners.
    const roleChange = await changeRole(page, 'CONSUMER', 'EDITOR', true);
    const ownerPromotion = await changeRole(page, null, 'OWNER', false);

    return {
      openMs,
      openRequests,
      rowsInDom,
      heapBeforeOpenMB,
      heapAfterOpenMB,
      heapAfterScrollMB,
      scroll,
      search: { query, ...search },
      roleChange,
      ownerPromotion,
    };
  } finally {
    await context.close();
  }
}

/** What the browser part measured, and the runs that failed and were run again. */
export interface BrowserBenchResult {
  browserVersion: string;
  runs: BrowserRun[];
  /** One line per failed attempt: a failure is retried once in a fresh context, and reported. */
  incidents: string[];
}

/** Runs the browser part of the bench: `warmUpRuns` discarded runs, then `runs` measured ones. */
export async function runBrowserBench(options: BrowserBenchOptions): Promise<BrowserBenchResult> {
  const browser = await chromium.launch(chromiumLaunchOptions());
  try {
    const runs: BrowserRun[] = [];
    const incidents: string[] = [];
    const total = options.warmUpRuns + options.runs;
    let attempt = 0;
    for (let index = 0; index < total; index++) {
      const warmUp = index < options.warmUpRuns;
      const started = Date.now();
      const scrolls = !warmUp && index - options.warmUpRuns < options.scrollRuns;
      let run: BrowserRun;
      try {
        run = await oneRun(browser, options, attempt++, scrolls);
      } catch (error) {
        const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
        incidents.push(`run ${index + 1}: ${message}`);
        options.log(`  ⚠ run ${index + 1} failed, running it again: ${message}`);
        run = await oneRun(browser, options, attempt++, scrolls);
      }
      const scrolled = run.scroll
        ? `; scroll ${run.scroll.slowFrames}/${run.scroll.frames} frames over 16.7 ms`
        : '';
      options.log(
        `  ${warmUp ? 'warm-up' : `run ${index - options.warmUpRuns + 1}/${options.runs}`}: ` +
          `open 100 → ${run.openMs[100].toFixed(0)} ms, 10,000 → ${run.openMs[10_000].toFixed(0)} ms; ` +
          `search ${run.search.ms.toFixed(0)} ms; role change ${run.roleChange.ms.toFixed(0)} ms, ` +
          `${run.roleChange.rowsRerendered} row(s) re-rendered${scrolled} ` +
          `(${((Date.now() - started) / 1000).toFixed(0)} s)`,
      );
      if (!warmUp) runs.push(run);
    }
    return { browserVersion: browser.version(), runs, incidents };
  } finally {
    await browser.close();
  }
}
