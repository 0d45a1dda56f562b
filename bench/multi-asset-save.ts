/**
 * Sharing 100 assets at once (SPEC §11) in headless Chromium against the scale seed: the 100 scale projects are
 * selected, shared with a group, and saved. Measures the save (click → every result in), the longest task the
 * main thread ran meanwhile (the page stays responsive when it is short), and the most requests in flight.
 */
import { type Browser, chromium } from '@playwright/test';
import { chromiumLaunchOptions } from '../scripts/browser.ts';
import { moreDemoProjects, SCALE_PROJECT_COUNT } from '../src/mock-backend/project-seed.ts';

/** What one save of the 100 projects measured. */
export interface MultiAssetSaveRun {
  assets: number;
  saveMs: number;
  /** The longest main-thread task during the save (Long Tasks API), 0 when none took 50 ms or more. */
  longestTaskMs: number;
  longTasks: number;
  /** The most access-list requests (`…/sharedRoles…`) the page had in flight at once during the save. */
  mostInFlight: number;
}

declare global {
  interface Window {
    __multiAssetBench: { inFlight: number; most: number; longTasks: number[]; arm(): void };
  }
}

/** Counts the page's requests in flight and its long tasks, from `arm()` on. */
function installProbes(): void {
  const probe = {
    inFlight: 0,
    most: 0,
    longTasks: [] as number[],
    arm() {
      probe.most = probe.inFlight;
      probe.longTasks = [];
    },
  };
  window.__multiAssetBench = probe;
  const original = window.fetch.bind(window);
  // Only the saves' own requests: the app around the dialog polls its notifications meanwhile.
  window.fetch = async (...args: Parameters<typeof fetch>) => {
    const [input] = args;
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (!url.includes('/sharedRoles')) return original(...args);
    probe.inFlight += 1;
    probe.most = Math.max(probe.most, probe.inFlight);
    try {
      return await original(...args);
    } finally {
      probe.inFlight -= 1;
    }
  };
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) probe.longTasks.push(entry.duration);
  }).observe({ type: 'longtask' });
}

async function oneSave(browser: Browser, url: string): Promise<MultiAssetSaveRun> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    await context.addInitScript(installProbes);
    const page = await context.newPage();
    page.setDefaultTimeout(120_000);
    await page.goto(`${url}/?scale=large&latency=0`);
    await page.getByRole('checkbox', { name: 'Select all projects' }).check();
    for (const name of ['Churn model experiments', ...Object.values(moreDemoProjects)]) {
      await page.getByRole('checkbox', { name: `Select ${name}` }).uncheck();
    }
    await page.getByRole('button', { name: 'Share selected' }).click();
    const dialog = page.getByRole('dialog', { name: `Share ${SCALE_PROJECT_COUNT} assets` });
    await dialog.getByRole('combobox', { name: 'Share with' }).fill('Marketing Analytics');
    await page.getByRole('option', { name: /Marketing Analytics/ }).click();
    const share = dialog.getByRole('button', { name: 'Share', exact: true });
    // Share is enabled once every asset's preview has answered.
    await page.waitForFunction(
      (button) => !(button as HTMLButtonElement).disabled,
      await share.elementHandle(),
    );

    await page.evaluate(() => window.__multiAssetBench.arm());
    const started = await page.evaluate(() => performance.now());
    await share.click();
    await dialog.getByText(`${SCALE_PROJECT_COUNT} changed · 0 refused · 0 failed`).waitFor();
    const finished = await page.evaluate(() => performance.now());
    const probe = await page.evaluate(() => ({
      longTasks: window.__multiAssetBench.longTasks,
      most: window.__multiAssetBench.most,
    }));
    return {
      assets: SCALE_PROJECT_COUNT,
      saveMs: finished - started,
      longestTaskMs: Math.max(0, ...probe.longTasks),
      longTasks: probe.longTasks.length,
      mostInFlight: probe.most,
    };
  } finally {
    await context.close();
  }
}

/** Saves the 100 scale projects `runs` times, each in a fresh browser context. */
export async function measureMultiAssetSave(options: {
  url: string;
  runs: number;
  log(message: string): void;
}): Promise<MultiAssetSaveRun[]> {
  const browser = await chromium.launch(chromiumLaunchOptions());
  try {
    const runs: MultiAssetSaveRun[] = [];
    for (let index = 0; index < options.runs; index++) {
      const run = await oneSave(browser, options.url);
      options.log(
        `  save of ${run.assets} assets ${index + 1}/${options.runs}: ${run.saveMs.toFixed(0)} ms, longest task ${run.longestTaskMs.toFixed(0)} ms, at most ${run.mostInFlight} in flight`,
      );
      runs.push(run);
    }
    return runs;
  } finally {
    await browser.close();
  }
}
