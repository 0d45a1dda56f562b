import { describe, expect, it } from 'vitest';
import type { BrowserRun, OpenTiming, RoleChange, SearchTiming } from './browser-bench.ts';
import { loadBudgets } from './budgets.ts';
import { browserRows, measureRows, ratio } from './figures.ts';
import { judge } from './report.ts';

const settings = { intentRestMs: 300, scrollStepPx: 2_000, tabScrollTopPx: 3_000 };

const opened = (ms: number, frames = 5): OpenTiming => ({ ms, frames, requests: [] });
const searched = (ms: number, answerMs: number | null = null): SearchTiming => ({
  query: 'mate',
  ms,
  keystrokes: 4,
  options: 20,
  answer: answerMs === null ? null : { ms: answerMs, options: 20, answeredMs: ms - answerMs },
  requestStartMs: 200,
  responseEndMs: 220,
});
const roleChange = (rowsRerendered: number, rowsWithDomChanges: number): RoleChange => ({
  ms: 20,
  rowsRerendered,
  changedRowRerendered: true,
  rowsRerenderedUnchanged: rowsRerendered - rowsWithDomChanges,
  rowsMounted: 0,
  componentsRendered: 40,
  componentsInChangedRow: 10,
  componentsInOtherRows: 20,
  componentsOutsideRows: 10,
  commits: 2,
  rowsWithDomChanges,
  domNodesChanged: 5,
  rowsInDom: 11,
  role: 'EDITOR',
});

function run(overrides: {
  open100: number;
  open10k: number;
  bare100: number;
  bare10k: number;
  search?: number;
  bareSearch?: number;
  requests?: number;
  tabOk?: boolean;
}): BrowserRun {
  return {
    open: {
      10: opened(90),
      100: opened(overrides.open100),
      1000: opened(95),
      10000: opened(overrides.open10k),
    },
    rowsInDom: { 10: 10, 100: 11, 1000: 11, 10000: 11 },
    intent: {
      pointer: { 100: opened(10, 1), 10000: opened(40, 3) },
      focus: { 100: opened(12, 1), 10000: opened(45, 3) },
    },
    bare: {
      open: { 100: opened(overrides.bare100), 10000: opened(overrides.bare10k) },
      search: searched(overrides.bareSearch ?? 20),
    },
    heapBeforeOpenMB: 50,
    heapAfterOpenMB: 51,
    heapScrollBaselineMB: 49,
    heapAfterScrollMB: 58,
    scroll: {
      frames: 200,
      slowFrames: 30,
      longestGapMs: 80,
      longAnimationFrames: 4,
      durationMs: 9_000,
      maxRows: 18,
      reached: 10_000,
      setSize: 10_000,
      requests: overrides.requests ?? 100,
      requestPaths: [],
    },
    search: searched(overrides.search ?? 260, 30),
    tabIntoList: {
      from: 'Filter people',
      landed: overrides.tabOk === false ? 31 : 37,
      firstVisible: 37,
      firstWhole: 37,
      firstRendered: 31,
      onFirstRowInView: overrides.tabOk !== false,
      scrolledBy: 0,
    },
    roleChange: roleChange(1, 1),
    ownerPromotion: roleChange(9, 3),
  };
}

const samplesOf = (id: string, runs: BrowserRun[]) =>
  measureRows(browserRows(settings), runs).find((measurement) => measurement.id === id)?.samples;

describe('ratio', () => {
  it('divides, and gives nothing for a missing figure or a divisor not above zero', () => {
    expect(ratio(300, 200)).toBe(1.5);
    expect(ratio(300, 0)).toBeNull();
    expect(ratio(undefined, 200)).toBeNull();
    expect(ratio(300, null)).toBeNull();
    expect(ratio(Number.NaN, 2)).toBeNull();
  });
});

describe('the browser rows', () => {
  it('take each timing goal as a ratio within one run, never a ratio of medians', () => {
    const runs = [
      run({ open100: 300, open10k: 330, bare100: 100, bare10k: 110 }),
      run({ open100: 600, open10k: 600, bare100: 400, bare10k: 200, search: 100, bareSearch: 50 }),
    ];
    expect(samplesOf('open.vsBare.100', runs)).toEqual([3, 1.5]);
    expect(samplesOf('open.vsBare.10000', runs)).toEqual([3, 3]);
    expect(samplesOf('open.ratio', runs)).toEqual([1.1, 1]);
    expect(samplesOf('search.vsBare', runs)).toEqual([13, 2]);
    expect(samplesOf('scroll.slowShare', runs)).toEqual([15, 15]);
    expect(samplesOf('heap.scrolled', runs)).toEqual([9, 9]);
  });

  it('leave out what a run did not measure', () => {
    const scrolled = run({ open100: 300, open10k: 330, bare100: 100, bare10k: 110 });
    const notScrolled = { ...scrolled, scroll: null, heapAfterScrollMB: null };
    expect(samplesOf('scroll.requests', [scrolled, notScrolled])).toEqual([100]);
    expect(samplesOf('heap.scrolled', [notScrolled])).toEqual([]);
  });

  it('fail the bench on requests to the end, unchanged rows re-rendered or a Tab off the rows in view, and only warn on slow timings', () => {
    const budgets = loadBudgets();
    const verdicts = (runs: BrowserRun[]) =>
      Object.fromEntries(
        judge(measureRows(browserRows(settings), runs), budgets).map((row) => [
          row.id,
          { verdict: row.verdict, deterministic: row.deterministic },
        ]),
      );
    const today = verdicts([run({ open100: 300, open10k: 330, bare100: 100, bare10k: 110, tabOk: false })]);
    expect(today['scroll.requests']).toEqual({ verdict: 'over', deterministic: true });
    expect(today['owner.unchangedRows']).toEqual({ verdict: 'over', deterministic: true });
    expect(today['tab.firstInView']).toEqual({ verdict: 'over', deterministic: true });
    expect(today['open.vsBare.100']).toEqual({ verdict: 'over', deterministic: false });
    expect(today['intent.pointer.10000.frames']).toEqual({ verdict: 'over', deterministic: false });
    expect(today['search.answerPaint']).toEqual({ verdict: 'over', deterministic: false });
    expect(today['role.rows']).toEqual({ verdict: 'within', deterministic: true });

    const goal = verdicts([
      run({ open100: 120, open10k: 130, bare100: 100, bare10k: 110, search: 30, requests: 11 }),
    ]);
    expect(goal['scroll.requests']?.verdict).toBe('within');
    expect(goal['open.vsBare.100']?.verdict).toBe('within');
    expect(goal['search.vsBare']?.verdict).toBe('within');
    expect(goal['tab.firstInView']?.verdict).toBe('within');
  });

  it('name only budgets that budgets.json holds, and ids that are unique', () => {
    const budgets = loadBudgets();
    const rows = browserRows(settings);
    for (const row of rows) if (row.budget) expect(budgets[row.budget], row.id).toBeDefined();
    expect(new Set(rows.map((row) => row.id)).size).toBe(rows.length);
  });

  it('carry the error of a browser part that failed on every row', () => {
    const measurements = measureRows(browserRows(settings), [], 'Chromium did not start');
    expect(measurements.every((measurement) => measurement.error === 'Chromium did not start')).toBe(true);
  });
});
