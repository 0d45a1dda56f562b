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

  it('holds the budgets of SPEC §8 and §11', () => {
    const spec = loadBudgets();
    expect(spec.domRows?.max).toBe(100);
    expect(spec.openRatio?.max).toBe(1.5);
    expect(spec.searchAfterDebounce?.max).toBe(50);
    expect(spec.rowsRerendered?.max).toBe(1);
    expect(spec.ownCodeGzip?.max).toBe(30 * 1024);
    expect(spec.hostCostGzip?.max).toBe(65 * 1024);
    expect(spec.multiSaveInFlight?.max).toBe(4);
    expect(Object.values(spec).filter((budget) => budget.deterministic)).toHaveLength(5);
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
  });
});
