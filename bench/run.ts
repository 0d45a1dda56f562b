/**
 * `npm run bench`: SPEC §8's performance figures, measured and printed as one markdown table.
 *
 *   npm run bench                                   # 1 warm-up run + 4 measured runs, 2 of them scrolling
 *   npm run bench -- --runs=6 --warmup=1 --scroll-runs=3
 *
 * Builds the app for production into `dist-bench/app/`, serves it with `vite preview` on a free port, drives
 * headless Chromium against `?scale=large&latency=0`, times the mock backend's search in Node, builds the library
 * into `dist-bench/lib/` and measures its size (and the host cost when the example host app is installed).
 * Writes the last run to `bench/results.json`; exits 1 when a deterministic figure (rows in the DOM, rows
 * re-rendered, bytes) is over budget or a measurement failed. Timings over budget are reported, not failed on.
 */
import { writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem, type } from 'node:os';
import { measureBackendSearch, searchQueries } from './backend-search.ts';
import {
  type BrowserRun,
  ROLE_CHANGE_WINDOW_MS,
  runBrowserBench,
  SCROLL_STEP_PX,
  SLOW_FRAME_GAP_MS,
} from './browser-bench.ts';
import { loadBudgets, shouldFail, type Unit } from './budgets.ts';
import { type HostCost, measureHostCostIfInstalled, measureOwnCode } from './library-size.ts';
import { judge, type Measurement, markdownTable } from './report.ts';
import { readSearchDebounceMs } from './search-debounce.ts';
import { buildApp, serveApp } from './serve-app.ts';

const started = Date.now();
const loadAtStart = loadavg()[0] ?? 0;
const log = (message: string) => console.error(message);
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(0)} s`;

function intArg(name: string, fallback: number): number {
  const value = process.argv.find((arg) => arg.startsWith(`--${name}=`))?.split('=')[1];
  const parsed = value === undefined ? fallback : Number(value);
  if (!Number.isInteger(parsed) || parsed < 0) throw new Error(`--${name} takes a whole number`);
  return parsed;
}

const settings = {
  runs: Math.max(1, intArg('runs', 4)),
  warmUpRuns: intArg('warmup', 1),
  scrollRuns: intArg('scroll-runs', 2),
  scrollStepPx: SCROLL_STEP_PX,
  slowFrameGapMs: SLOW_FRAME_GAP_MS,
  roleChangeWindowMs: ROLE_CHANGE_WINDOW_MS,
  searchDebounceMs: readSearchDebounceMs(),
};
const budgets = loadBudgets();
const measurements: Measurement[] = [];
const errorMessage = (error: unknown) =>
  error instanceof Error ? error.message.split('\n')[0] : String(error);

// --- The browser: open, rows, scroll, search, role change, heap.
log(`▶ Building the app for production into dist-bench/app (${elapsed()})`);
let browserRuns: BrowserRun[] = [];
let browserVersion = 'unknown';
let incidents: string[] = [];
let browserError: string | undefined;
try {
  await buildApp();
  const server = await serveApp();
  log(
    `▶ Chromium against ${server.url}/?scale=large&latency=0: ${settings.warmUpRuns} warm-up + ${settings.runs} runs`,
  );
  try {
    const result = await runBrowserBench({ url: server.url, ...settings, log });
    browserRuns = result.runs;
    browserVersion = result.browserVersion;
    incidents = result.incidents;
  } finally {
    await server.close();
  }
} catch (error) {
  browserError = errorMessage(error);
  log(`✗ the browser part failed: ${browserError}`);
}

/** One row of the table: a figure's samples, the budget it is judged against, or why it has no samples. */
function measurement(
  id: string,
  label: string,
  unit: Unit,
  samples: number[],
  extra: Pick<Measurement, 'budget' | 'skipped' | 'error'> = {},
): Measurement {
  return { id, label, unit, samples, ...extra };
}

/** A figure taken once per browser run. */
interface BrowserFigure {
  id: string;
  label: string;
  unit: Unit;
  pick: (run: BrowserRun) => number | null | undefined;
  budget?: string;
}

function fromRuns({ id, label, unit, pick, budget }: BrowserFigure): Measurement {
  const samples = browserRuns.map(pick).filter((value): value is number => typeof value === 'number');
  return measurement(id, label, unit, samples, {
    ...(budget ? { budget } : {}),
    ...(browserError ? { error: browserError } : {}),
  });
}

const counts = [10, 100, 1_000, 10_000] as const;
const grantsOf = (count: number) => `${count.toLocaleString('en-US')} grants`;
const roleChange = 'role change (Consumer → Editor)';
const browserFigures: BrowserFigure[] = [
  ...counts.map(
    (count): BrowserFigure => ({
      id: `open.${count}`,
      label: `open: click Share → first rows painted, ${grantsOf(count)}`,
      unit: 'ms',
      pick: (run) => run.openMs[count],
    }),
  ),
  {
    id: 'open.ratio',
    label: 'open: 10,000 grants ÷ 100 grants (per run)',
    unit: 'ratio',
    pick: (run) => run.openMs[10_000] / run.openMs[100],
    budget: 'openRatio',
  },
  ...counts.map(
    (count): BrowserFigure => ({
      id: `rows.${count}`,
      label: `rows of the list in the DOM, ${grantsOf(count)}`,
      unit: 'count',
      pick: (run) => run.rowsInDom[count],
      budget: 'domRows',
    }),
  ),
  {
    id: 'rows.scroll',
    label: 'rows of the list in the DOM, most while scrolling 10,000',
    unit: 'count',
    pick: (run) => run.scroll?.maxRows,
    budget: 'domRows',
  },
  {
    id: 'scroll.slow',
    label: `scroll to the end of 10,000 grants (${SCROLL_STEP_PX.toLocaleString('en-US')} px a frame): frames over 16.7 ms`,
    unit: 'count',
    pick: (run) => run.scroll?.slowFrames,
  },
  {
    id: 'scroll.slowShare',
    label: 'scroll: share of frames over 16.7 ms',
    unit: 'percent',
    pick: (run) => (run.scroll ? (100 * run.scroll.slowFrames) / run.scroll.frames : null),
  },
  {
    id: 'scroll.loaf',
    label: 'scroll: long animation frames (over 50 ms)',
    unit: 'count',
    pick: (run) => run.scroll?.longAnimationFrames,
  },
  {
    id: 'scroll.duration',
    label: 'scroll: time to reach the last grant',
    unit: 'ms',
    pick: (run) => run.scroll?.durationMs,
  },
  {
    id: 'search.afterDebounce',
    label: `search: last keystroke → options painted, less the ${settings.searchDebounceMs} ms debounce (100,000 principals)`,
    unit: 'ms',
    pick: (run) => run.search.ms - settings.searchDebounceMs,
    budget: 'searchAfterDebounce',
  },
  {
    id: 'search.toRequest',
    label: 'search: of which debounce over → request sent',
    unit: 'ms',
    pick: ({ search: { requestStartMs } }) =>
      requestStartMs === null ? null : requestStartMs - settings.searchDebounceMs,
  },
  {
    id: 'search.request',
    label: 'search: of which the request, sent → answered (mock backend in the page)',
    unit: 'ms',
    pick: ({ search: { requestStartMs, responseEndMs } }) =>
      requestStartMs === null || responseEndMs === null ? null : responseEndMs - requestStartMs,
  },
  {
    id: 'search.toPaint',
    label: 'search: of which answer → options painted',
    unit: 'ms',
    pick: ({ search: { ms, responseEndMs } }) => (responseEndMs === null ? null : ms - responseEndMs),
  },
  {
    id: 'role.paint',
    label: `${roleChange}: change → next paint`,
    unit: 'ms',
    pick: (run) => run.roleChange.ms,
  },
  {
    id: 'role.rows',
    label: `${roleChange}: rows re-rendered (React)`,
    unit: 'count',
    pick: (run) => run.roleChange.rowsRerendered,
    budget: 'rowsRerendered',
  },
  {
    id: 'role.domRows',
    label: `${roleChange}: rows whose DOM changed`,
    unit: 'count',
    pick: (run) => run.roleChange.rowsWithDomChanges,
  },
  {
    id: 'role.domNodes',
    label: `${roleChange}: DOM nodes changed`,
    unit: 'count',
    pick: (run) => run.roleChange.domNodesChanged,
  },
  {
    id: 'owner.rows',
    label: 'role change to Owner: rows re-rendered (React)',
    unit: 'count',
    pick: (run) => run.ownerPromotion.rowsRerendered,
  },
  {
    id: 'owner.inDom',
    label: 'role change to Owner: rows in the DOM then',
    unit: 'count',
    pick: (run) => run.ownerPromotion.rowsInDom,
  },
  {
    id: 'heap.after',
    label: 'JS heap after opening 10,000 grants (the in-page mock backend included)',
    unit: 'MB',
    pick: (run) => run.heapAfterOpenMB,
  },
  {
    id: 'heap.open',
    label: 'JS heap: of which the open dialog (first page of 10,000 loaded)',
    unit: 'MB',
    pick: (run) => run.heapAfterOpenMB - run.heapBeforeOpenMB,
  },
  {
    id: 'heap.scrolled',
    label: 'JS heap: of which the open dialog, all 10,000 grants loaded (after the scroll)',
    unit: 'MB',
    pick: (run) => (run.heapAfterScrollMB === null ? null : run.heapAfterScrollMB - run.heapBeforeOpenMB),
  },
];
measurements.push(...browserFigures.map(fromRuns));

// --- The mock backend's own search, in Node.
log(`▶ Timing the mock backend's search in Node on the scale directory (${elapsed()})`);
let backendSearch: ReturnType<typeof measureBackendSearch> | undefined;
try {
  backendSearch = measureBackendSearch();
  const size = backendSearch.directorySize.toLocaleString('en-US');
  measurements.push(
    measurement(
      'backend.search',
      `backend search per query (Node, ${size} principals, ${backendSearch.perQueryMs.length} queries)`,
      'ms',
      backendSearch.perQueryMs,
    ),
    measurement('backend.index', 'backend search index, built once (Node)', 'ms', [
      backendSearch.buildIndexMs,
    ]),
  );
} catch (error) {
  measurements.push(
    measurement('backend.search', 'backend search per query (Node)', 'ms', [], {
      error: errorMessage(error),
    }),
  );
}

// --- Sizes.
log(`▶ Building the library into dist-bench/lib and measuring it (${elapsed()})`);
let ownCode: Awaited<ReturnType<typeof measureOwnCode>> | undefined;
let hostCost: HostCost | undefined;
try {
  ownCode = await measureOwnCode();
  measurements.push(
    measurement(
      'size.own.gzip',
      `own code: the library's JS without peers or dependencies (${ownCode.files.length} files), gzipped`,
      'bytes',
      [ownCode.gzip],
      { budget: 'ownCodeGzip' },
    ),
    measurement('size.own.brotli', "own code: the library's JS, brotli'd", 'bytes', [ownCode.brotli]),
  );
  log(`▶ Measuring the host cost (${elapsed()})`);
  hostCost = await measureHostCostIfInstalled();
  measurements.push(
    measurement(
      'size.host.gzip',
      'host cost: what a host bundle grows by, JS gzipped',
      'bytes',
      'skipped' in hostCost ? [] : [hostCost.jsGzip],
      'skipped' in hostCost
        ? { budget: 'hostCostGzip', skipped: hostCost.skipped }
        : { budget: 'hostCostGzip' },
    ),
  );
} catch (error) {
  measurements.push(
    measurement('size.own.gzip', "own code: the library's JS, gzipped", 'bytes', [], {
      budget: 'ownCodeGzip',
      error: errorMessage(error),
    }),
  );
}

// --- The table, the results file, the verdict.
const rows = judge(measurements, budgets);
const table = markdownTable(rows);
const cpuList = cpus();
const machine = {
  cpu: cpuList[0]?.model.trim() ?? 'unknown',
  cores: cpuList.length,
  memoryGB: Math.round(totalmem() / 1024 ** 3),
  os: `${type()} ${process.arch}`,
  node: process.version,
  chromium: browserVersion,
  /** One-minute load averages when the bench started and ended: timings taken on a busy machine are noisy. */
  loadAverage: { start: Math.round(loadAtStart * 10) / 10, end: Math.round((loadavg()[0] ?? 0) * 10) / 10 },
};
const date = new Date().toISOString();
const machineLine = `${machine.cpu}, ${machine.cores} cores, ${machine.memoryGB} GB; ${machine.os}; Node ${machine.node}; Chromium ${machine.chromium} headless; ${date.slice(0, 10)}`;

console.log(`\n${table}\n\nMachine: ${machineLine}`);
if (Math.max(machine.loadAverage.start, machine.loadAverage.end) > machine.cores) {
  log(
    `⚠ the machine was busy (load average ${machine.loadAverage.start} → ${machine.loadAverage.end} on ${machine.cores} cores): timings are noisy`,
  );
}
const slowest = backendSearch
  ? searchQueries()
      .map((query, index) => ({ query, ms: Math.round((backendSearch.perQueryMs[index] ?? 0) * 10) / 10 }))
      .sort((a, b) => b.ms - a.ms)
      .slice(0, 5)
  : [];
writeFileSync(
  new URL('./results.json', import.meta.url),
  `${JSON.stringify(
    {
      date,
      machine,
      settings,
      durationSeconds: Math.round((Date.now() - started) / 1000),
      table,
      rows: rows.map(({ id, label, unit, summary, verdict, deterministic, reason }) => ({
        id,
        label,
        unit,
        summary,
        verdict,
        deterministic,
        ...(reason ? { reason } : {}),
      })),
      incidents,
      details: {
        browserRuns,
        backendSearch: backendSearch
          ? {
              directorySize: backendSearch.directorySize,
              buildIndexMs: backendSearch.buildIndexMs,
              slowestQueries: slowest,
            }
          : null,
        ownCode: ownCode
          ? { files: ownCode.files, gzip: ownCode.gzip, brotli: ownCode.brotli, raw: ownCode.raw }
          : null,
        hostCost: hostCost ?? null,
      },
    },
    null,
    2,
  )}\n`,
);

for (const incident of incidents) log(`⚠ failed once and run again: ${incident}`);
const over = rows.filter((row) => row.verdict === 'over' || row.verdict === 'failed');
for (const row of over) {
  const kind =
    row.verdict === 'failed'
      ? 'failed'
      : row.deterministic
        ? 'over budget'
        : 'over budget (timing: reported, not failed on)';
  log(`${row.deterministic || row.verdict === 'failed' ? '✗' : '⚠'} ${row.label}: ${kind}`);
}
log(`Done in ${elapsed()}; the last run is in bench/results.json.`);
if (shouldFail(rows)) process.exit(1);
