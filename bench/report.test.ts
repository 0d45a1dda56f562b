import { describe, expect, it } from 'vitest';
import { loadBudgets, parseBudgets, shouldFail, verdictOf } from './budgets.ts';
import { formatValue, judge, markdownTable } from './report.ts';
import { median, quantileOfSorted, summarize } from './stats.ts';

describe('stats', () => {
  it('takes the middle sample, or the mean of the middle two', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it('summarizes median, min–max and quartiles without reordering the input', () => {
    const samples = [9, 1, 5, 3, 7];
    expect(summarize(samples)).toEqual({ n: 5, median: 5, min: 1, max: 9, q1: 3, q3: 7 });
    expect(samples).toEqual([9, 1, 5, 3, 7]);
  });

  it('interpolates quantiles between closest ranks', () => {
    expect(quantileOfSorted([10, 20], 0.25)).toBe(12.5);
  });

  it('refuses empty or non-finite samples', () => {
    expect(() => summarize([])).toThrow();
    expect(() => summarize([1, Number.NaN])).toThrow();
  });
});

const budgets = parseBudgets({
  domRows: { max: 100, unit: 'count', judge: 'max', deterministic: true, spec: 'rows' },
  search: { max: 50, unit: 'ms', judge: 'median', deterministic: false, spec: 'search' },
});

describe('verdicts', () => {
  it('judges a count by its worst sample and a timing by its median', () => {
    expect(verdictOf(summarize([40, 101, 40]), budgets.domRows)).toBe('over');
    expect(verdictOf(summarize([100, 100]), budgets.domRows)).toBe('within');
    expect(verdictOf(summarize([10, 20, 400]), budgets.search)).toBe('within');
    expect(verdictOf(summarize([60, 70, 10]), budgets.search)).toBe('over');
    expect(verdictOf(summarize([60]), undefined)).toBe('no budget');
    expect(verdictOf(null, budgets.search)).toBe('not measured');
  });

  it('fails on a deterministic figure over budget or a failed measurement, and only warns on a slow timing', () => {
    const rows = judge(
      [
        { id: 'rows', label: 'rows', unit: 'count', samples: [12, 14], budget: 'domRows' },
        { id: 'search', label: 'search', unit: 'ms', samples: [80, 90], budget: 'search' },
        { id: 'host', label: 'host', unit: 'bytes', samples: [], skipped: 'not installed' },
      ],
      budgets,
    );
    expect(rows.map((row) => row.verdict)).toEqual(['within', 'over', 'not measured']);
    expect(shouldFail(rows)).toBe(false);

    const overRows = judge(
      [{ id: 'rows', label: 'rows', unit: 'count', samples: [120], budget: 'domRows' }],
      budgets,
    );
    expect(shouldFail(overRows)).toBe(true);
    const failed = judge([{ id: 'x', label: 'x', unit: 'ms', samples: [], error: 'timed out' }], budgets);
    expect(shouldFail(failed)).toBe(true);
  });

  it('refuses a budget it cannot judge, and one a measurement names but the file lacks', () => {
    expect(() =>
      parseBudgets({ x: { max: 1, unit: 'ms', judge: 'mean', deterministic: true, spec: '' } }),
    ).toThrow();
    expect(() =>
      judge([{ id: 'x', label: 'x', unit: 'ms', samples: [1], budget: 'missing' }], budgets),
    ).toThrow();
  });

  it('judges a check by its worst run: one "no" and it is not met', () => {
    const checks = parseBudgets({
      tab: { min: 1, unit: 'check', judge: 'min', deterministic: true, spec: 'tab' },
    });
    expect(verdictOf(summarize([1, 1, 1]), checks.tab)).toBe('within');
    expect(verdictOf(summarize([1, 0, 1]), checks.tab)).toBe('over');
    const rows = judge([{ id: 'tab', label: 'tab', unit: 'check', samples: [1, 0], budget: 'tab' }], checks);
    expect(shouldFail(rows)).toBe(true);
  });

  it('takes one bound: a max, or a min', () => {
    expect(() => parseBudgets({ x: { unit: 'count', judge: 'max', deterministic: true, spec: '' } })).toThrow(
      /max or min/,
    );
    expect(() =>
      parseBudgets({ x: { max: 1, min: 0, unit: 'count', judge: 'max', deterministic: true, spec: '' } }),
    ).toThrow(/max or min/);
  });

  it('holds the budgets of SPEC §8', () => {
    const spec = loadBudgets();
    expect(spec.domRows?.max).toBe(100);
    expect(spec.openRatio?.max).toBe(1.5);
    expect(spec.openVsBare?.max).toBe(1.5);
    expect(spec.intentOpenFrames?.max).toBe(1);
    expect(spec.searchVsBare?.max).toBe(2);
    expect(spec.searchAnswerPaint?.max).toBe(16);
    expect(spec.scrollRequests?.max).toBe(12);
    expect(spec.scrollSlowShare?.max).toBe(5);
    expect(spec.rowsRerendered?.max).toBe(1);
    expect(spec.ownerUnchangedRows?.max).toBe(0);
    expect(spec.tabIntoList?.min).toBe(1);
    expect(spec.ownCodeGzip?.max).toBe(30 * 1024);
    expect(spec.hostCostGzip?.max).toBe(65 * 1024);
    // Timings are judged as ratios and only warn; counts, bytes and the Tab check fail the bench.
    expect(
      Object.entries(spec)
        .filter(([, budget]) => budget.deterministic)
        .map(([key]) => key)
        .sort(),
    ).toEqual(
      [
        'domRows',
        'hostCostGzip',
        'ownCodeGzip',
        'ownerUnchangedRows',
        'rowsRerendered',
        'scrollRequests',
        'tabIntoList',
      ].sort(),
    );
    expect(spec.searchAfterDebounce).toBeUndefined();
  });

  it('fails the bench on the re-render, Tab and host-cost rows of SPEC §8 when they are over, and not at the bound', () => {
    const spec = loadBudgets();
    const rowsOf = (rerendered: number, unchanged: number, tab: number, hostBytes: number) =>
      judge(
        [
          { id: 'rows', label: 'rows', unit: 'count', samples: [rerendered], budget: 'rowsRerendered' },
          {
            id: 'owner',
            label: 'owner',
            unit: 'count',
            samples: [0, unchanged],
            budget: 'ownerUnchangedRows',
          },
          { id: 'tab', label: 'tab', unit: 'check', samples: [1, tab], budget: 'tabIntoList' },
          { id: 'host', label: 'host', unit: 'bytes', samples: [hostBytes], budget: 'hostCostGzip' },
        ],
        spec,
      );
    expect(shouldFail(rowsOf(1, 0, 1, 65 * 1024))).toBe(false);
    // One at a time over its budget: each alone fails the run.
    expect(shouldFail(rowsOf(2, 0, 1, 65 * 1024))).toBe(true);
    expect(shouldFail(rowsOf(1, 6, 1, 65 * 1024))).toBe(true);
    expect(shouldFail(rowsOf(1, 0, 0, 65 * 1024))).toBe(true);
    expect(shouldFail(rowsOf(1, 0, 1, 65 * 1024 + 1))).toBe(true);
  });
});

describe('the table', () => {
  it('prints the median, the spread and the verdict of each row', () => {
    const table = markdownTable(
      judge(
        [
          { id: 'rows', label: 'rows in the DOM', unit: 'count', samples: [20, 120, 22], budget: 'domRows' },
          { id: 'own', label: 'own code', unit: 'bytes', samples: [2048] },
        ],
        budgets,
      ),
    );
    const lines = table.split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[2]).toBe('| rows in the DOM | 22 | 20 – 120 | 3 | ≤ 100 (worst) | ❌ over |');
    expect(lines[3]).toBe('| own code | 2.0 KB | — | 1 | — | — |');
  });

  it('formats each unit', () => {
    expect(formatValue(12.345, 'ms')).toBe('12.3 ms');
    expect(formatValue(1.5, 'ratio')).toBe('1.50 ×');
    expect(formatValue(7.5, 'count')).toBe('7.5');
    expect(formatValue(1, 'check')).toBe('yes');
    expect(formatValue(0, 'check')).toBe('no');
    expect(formatValue(0.5, 'check')).toBe('yes in 50 %');
  });

  it('prints a check with what it requires, and a failed one as not met', () => {
    const table = markdownTable(
      judge([{ id: 'tab', label: 'Tab lands in view', unit: 'check', samples: [0, 0], budget: 'tab' }], {
        tab: { min: 1, unit: 'check', judge: 'min', deterministic: true, spec: 'tab' },
      }),
    );
    expect(table.split('\n')[2]).toBe('| Tab lands in view | no | — | 2 | yes (every run) | ❌ not met |');
  });
});
