/**
 * Drives the production builds of the app and of the bare peer in headless Chromium, the app against the scale
 * seed with no mock latency. Each run is a fresh browser context (nothing cached), so every dialog opens on a cold
 * query cache, and every page load starts one cold again:
 *   1. the app loads; a small asset's dialog is opened and closed (JIT and styles warm); the 10, 100, 1,000 and
 *      10,000-grant datasets are opened once each (order rotated per run), timing click → first rows painted and
 *      counting the rows in the DOM; the 10,000-grant dialog is opened again with the JS heap read around it; Tab
 *      is pressed into its scrolled list; a query is typed into `Share with`; one row's role is changed, then
 *      another's to Owner;
 *   2. the bare peer is loaded with 100 and with 10,000 grants (order rotated), opened once to warm up, then
 *      timed the same way; the same query is typed into its `Share with`;
 *   3. the app is loaded again: with the pointer resting on `Share` before the click, the 100 and the 10,000-grant
 *      dialogs are opened, and the 10,000 grants scrolled to the end (in the runs that scroll), counting the
 *      requests from the first sign of intent; then loaded once more, and the same two opened with focus resting
 *      on `Share` (`Enter` opens them).
 */
import { fileURLToPath } from 'node:url';
import { type Browser, type BrowserContext, chromium, type Locator, type Page } from '@playwright/test';
import { chromiumLaunchOptions } from '../scripts/browser.ts';
import {
  type ScaleGrantCount,
  scaleAssetId,
  scaleAssetName,
  scaleGrantCounts,
} from '../src/mock-backend/scale.ts';
import { bareAssetName } from './bare-peer/directory.ts';

const probesPath = fileURLToPath(new URL('./in-page-probes.js', import.meta.url));

/** Scrolling speed: about 24 rows of 84 px a frame, more than a viewport, so every frame brings in new rows. */
export const SCROLL_STEP_PX = 2_000;
/** A frame gap above this missed at least one 16.7 ms frame (gaps come in whole frames: 16.7, 33.3, …). */
export const SLOW_FRAME_GAP_MS = 25;
/** How long after a role change is painted its consequences (the debounced impact preview) are still counted. */
export const ROLE_CHANGE_WINDOW_MS = 1_000;
/** How long the pointer or focus rests on `Share` before the click, when measuring an open with intent. */
export const INTENT_REST_MS = 300;
/** How far the list is scrolled before Tab is pressed into it: about 36 rows down, inside the first page. */
export const TAB_SCROLL_TOP_PX = 3_000;
/** The access-list sizes opened with intent and in the bare peer. */
export const comparedGrantCounts = [100, 10_000] as const;
export type ComparedGrantCount = (typeof comparedGrantCounts)[number];
/** What shows intent before the click: the pointer resting on the trigger, or focus in it. */
export type IntentKind = 'pointer' | 'focus';
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

/** One timed open: click → first rows of `Shared with` painted. */
export interface OpenTiming {
  ms: number;
  /** In which frame after the click the first rows were painted (1: the first). */
  frames: number;
  /** The API requests made from the click until then, for seeing where the time went. */
  requests: TimedRequest[];
}

/** What one keystroke cost: last keystroke → first suggestions painted, and the server's part in it. */
export interface SearchTiming {
  query: string;
  ms: number;
  keystrokes: number;
  options: number;
  /** The server's answer to the query (null in the bare peer, which has no server). */
  answer: {
    /** Answer received → the listbox showing it painted; null when the answer changed nothing on screen. */
    ms: number | null;
    options: number | null;
    /** Last keystroke → answer received. */
    answeredMs: number;
  } | null;
  requestStartMs: number | null;
  responseEndMs: number | null;
}

/** Where Tab into the scrolled `Shared with` list landed (positions are 1-based, in the whole list). */
export interface TabIntoList {
  from: string;
  landed: number | null;
  firstVisible: number | null;
  firstWhole: number | null;
  firstRendered: number | null;
  onFirstRowInView: boolean;
  scrolledBy: number;
}

/** What one run measured. */
export interface BrowserRun {
  /** Cold opens of the app, by grants on the list. */
  open: Record<ScaleGrantCount, OpenTiming>;
  rowsInDom: Record<ScaleGrantCount, number>;
  /** Opens of the app after the pointer rested on `Share`, or focus did. */
  intent: Record<IntentKind, Record<ComparedGrantCount, OpenTiming>>;
  /** The bare peer in the same run. */
  bare: { open: Record<ComparedGrantCount, OpenTiming>; search: SearchTiming };
  heapBeforeOpenMB: number;
  heapAfterOpenMB: number;
  /** The heap when the page that scrolls had loaded, and with every one of the 10,000 grants loaded. */
  heapScrollBaselineMB: number;
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
    /** Requests for the access list, from the pointer resting on `Share` to the last grant shown. */
    requests: number;
    /** Their paths and queries, in the order they were made. */
    requestPaths: string[];
  } | null;
  search: SearchTiming;
  tabIntoList: TabIntoList;
  roleChange: RoleChange;
  ownerPromotion: RoleChange;
}

/** What one role change cost. */
export interface RoleChange {
  ms: number;
  /** Rows React re-rendered that were in the list before the change (rows that came into view are mounted). */
  rowsRerendered: number;
  changedRowRerendered: boolean;
  /** Rows React re-rendered though what they show did not change (their position aside). */
  rowsRerenderedUnchanged: number;
  /** Rows that came into the list over the change (the changed row grew or shrank). */
  rowsMounted: number;
  componentsRendered: number;
  componentsInChangedRow: number;
  componentsInOtherRows: number;
  componentsOutsideRows: number;
  commits: number;
  /** Rows whose markup or controls' state differ after the change from before it: the rows whose controls changed. */
  rowsWithDomChanges: number;
  domNodesChanged: number;
  rowsInDom: number;
  role: string;
}

export interface BrowserBenchOptions {
  url: string;
  barePeerUrl: string;
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

function shareButtonOf(page: Page, assetName: string): Locator {
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

/**
 * Opens a dialog with `open` (a click, or `Enter` on a focused trigger) and answers the time to the first painted
 * rows of `Shared with`.
 */
async function timeOpen(page: Page, dialogName: string, open: () => Promise<void>): Promise<OpenTiming> {
  await page.evaluate('window.__sharewellBench.armOpen()');
  await open();
  const result = (await page.evaluate('window.__sharewellBench.openResult()')) as OpenTiming;
  await page.getByRole('dialog', { name: dialogName }).waitFor();
  return result;
}

function openDialog(page: Page, assetName: string): Promise<OpenTiming> {
  return timeOpen(page, `Share ${assetName}`, () => shareButtonOf(page, assetName).click());
}

/** Opens the dialog after `INTENT_REST_MS` of the pointer resting on `Share`, or of focus in it. */
async function openWithIntent(page: Page, assetName: string, kind: IntentKind): Promise<OpenTiming> {
  const button = shareButtonOf(page, assetName);
  // Nowhere near any trigger first: the intent shown is this one only.
  await page.mouse.move(0, 0);
  if (kind === 'pointer') await button.hover();
  else await button.focus();
  await page.waitForTimeout(INTENT_REST_MS);
  return timeOpen(page, `Share ${assetName}`, () =>
    kind === 'pointer' ? button.click() : page.keyboard.press('Enter'),
  );
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

/** Types `query` into the dialog's `Share with` and times its last keystroke → first suggestions painted. */
async function typeSearch(
  page: Page,
  dialogName: string,
  query: string,
  awaitAnswer: boolean,
): Promise<SearchTiming> {
  await page.getByRole('dialog', { name: dialogName }).getByRole('combobox', { name: 'Share with' }).focus();
  await page.evaluate('window.__sharewellBench.armSearch()');
  // A fast typist: every keystroke lands within 50 ms of the one before.
  await page.keyboard.type(query, { delay: 50 });
  const search = (await page.evaluate(
    `window.__sharewellBench.searchResult(${JSON.stringify(query)}, ${awaitAnswer})`,
  )) as Omit<SearchTiming, 'query'>;
  if (search.keystrokes !== query.length) {
    throw new Error(`typing "${query}" fired ${search.keystrokes} input events`);
  }
  return { query, ...search };
}

/** Scrolls the list, focuses what comes before it, and presses Tab until focus is in a row (at most 3 times). */
async function tabIntoList(page: Page): Promise<TabIntoList> {
  const { from } = (await page.evaluate(
    `window.__sharewellBench.prepareTabIntoList(${TAB_SCROLL_TOP_PX})`,
  )) as { from: string };
  for (let press = 0; press < 3; press++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate('window.__sharewellBench.focusInListRow()')) break;
  }
  const result = (await page.evaluate('window.__sharewellBench.tabIntoListResult()')) as Omit<
    TabIntoList,
    'from'
  >;
  return { from, ...result };
}

async function loadApp(page: Page, options: BrowserBenchOptions): Promise<void> {
  await page.goto(`${options.url}/?scale=large&latency=0`);
  await shareButtonOf(page, scaleAssetName(10_000)).waitFor();
}

/** Lets what the page still does after its load or a warm-up (parsing, compiling, collecting) settle first. */
async function settle(page: Page): Promise<void> {
  await page.evaluate('window.__sharewellBench.idle(2000)');
}

async function warmUp(page: Page): Promise<void> {
  await openDialog(page, warmUpAssetName);
  await settledRowCount(page);
  await closeDialog(page, warmUpAssetName);
  await settle(page);
}

/** Part 1: cold opens of every size, the heap, Tab into the list, a search and two role changes. */
async function measureApp(page: Page, context: BrowserContext, runIndex: number, query: string) {
  const open = {} as Record<ScaleGrantCount, OpenTiming>;
  const rowsInDom = {} as Record<ScaleGrantCount, number>;
  for (const grantCount of rotate(scaleGrantCounts, runIndex)) {
    const name = scaleAssetName(grantCount);
    open[grantCount] = await openDialog(page, name);
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

  const tab = await tabIntoList(page);
  const search = await typeSearch(page, `Share ${largest}`, query, true);
  // The everyday change first (neither an owner nor a sharer before or after), then a promotion to owner,
  // which changes what the whole-list guards (R9, R10) allow other owners.
  const roleChange = await changeRole(page, 'CONSUMER', 'EDITOR', true);
  const ownerPromotion = await changeRole(page, null, 'OWNER', false);
  return {
    open,
    rowsInDom,
    heapBeforeOpenMB,
    heapAfterOpenMB,
    tabIntoList: tab,
    search,
    roleChange,
    ownerPromotion,
  };
}

/** Part 2: the bare peer, opened at 100 and at 10,000 grants, and searched with the same query. */
async function measureBarePeer(page: Page, options: BrowserBenchOptions, runIndex: number, query: string) {
  const open = {} as Record<ComparedGrantCount, OpenTiming>;
  let search: SearchTiming | undefined;
  for (const grantCount of rotate(comparedGrantCounts, runIndex)) {
    const dialogName = `Share ${bareAssetName(grantCount)}`;
    await page.goto(`${options.barePeerUrl}/?grants=${grantCount}`);
    const trigger = page.getByRole('button', { name: 'Share' });
    const dialog = page.getByRole('dialog', { name: dialogName });
    // Warmed up as the app is: one open and close before the timed one.
    await timeOpen(page, dialogName, () => trigger.click());
    await dialog.getByRole('button', { name: 'Close' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await settle(page);
    open[grantCount] = await timeOpen(page, dialogName, () => trigger.click());
    if (grantCount === 10_000) search = await typeSearch(page, dialogName, query, false);
  }
  if (!search) throw new Error('the bare peer was not searched');
  return { open, search };
}

/** Part 3: opens with intent, on a cold cache each (a fresh page load); the runs that scroll scroll there. */
async function measureIntent(
  page: Page,
  context: BrowserContext,
  options: BrowserBenchOptions,
  kind: IntentKind,
  scrolls: boolean,
) {
  await loadApp(page, options);
  const heapBaselineMB = await heapMB(page, context);
  await warmUp(page);
  const open = {} as Record<ComparedGrantCount, OpenTiming>;
  let scroll: BrowserRun['scroll'] = null;
  let heapAfterScrollMB: number | null = null;
  for (const grantCount of comparedGrantCounts) {
    const name = scaleAssetName(grantCount);
    const intentAt = (await page.evaluate('window.__sharewellBench.now()')) as number;
    open[grantCount] = await openWithIntent(page, name, kind);
    await settledRowCount(page);
    if (grantCount === 10_000 && scrolls) {
      const scrolled = (await page.evaluate(
        `window.__sharewellBench.scrollToEnd(${SCROLL_STEP_PX}, ${SLOW_FRAME_GAP_MS}, 120000)`,
      )) as Omit<NonNullable<BrowserRun['scroll']>, 'requests' | 'requestPaths'>;
      const requestPaths = (await page.evaluate(
        `window.__sharewellBench.requestsSince(${JSON.stringify(`/${scaleAssetId(10_000)}/sharedRoles`)}, ${intentAt})`,
      )) as string[];
      scroll = { ...scrolled, requests: requestPaths.length, requestPaths };
      heapAfterScrollMB = await heapMB(page, context);
    }
    await closeDialog(page, name);
  }
  return { open, scroll, heapBaselineMB, heapAfterScrollMB };
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
    const query = searchQueries[runIndex % searchQueries.length] as string;

    await loadApp(page, options);
    await warmUp(page);
    const app = await measureApp(page, context, runIndex, query);
    const bare = await measureBarePeer(page, options, runIndex, query);
    const pointer = await measureIntent(page, context, options, 'pointer', scrolls);
    const focus = await measureIntent(page, context, options, 'focus', false);
    return {
      ...app,
      intent: { pointer: pointer.open, focus: focus.open },
      bare,
      heapScrollBaselineMB: pointer.heapBaselineMB,
      heapAfterScrollMB: pointer.heapAfterScrollMB,
      scroll: pointer.scroll,
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
          `open 100 → ${run.open[100].ms.toFixed(0)} ms (bare ${run.bare.open[100].ms.toFixed(0)}), ` +
          `10,000 → ${run.open[10_000].ms.toFixed(0)} ms (bare ${run.bare.open[10_000].ms.toFixed(0)}); ` +
          `with intent frame ${run.intent.pointer[10_000].frames}; ` +
          `search ${run.search.ms.toFixed(0)} ms (bare ${run.bare.search.ms.toFixed(0)}); ` +
          `role change ${run.roleChange.rowsRerendered} row(s), ${run.roleChange.componentsRendered} components` +
          `${scrolled} (${((Date.now() - started) / 1000).toFixed(0)} s)`,
      );
      if (!warmUp) runs.push(run);
    }
    return { browserVersion: browser.version(), runs, incidents };
  } finally {
    await browser.close();
  }
}
