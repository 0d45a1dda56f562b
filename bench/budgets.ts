import { readFileSync } from 'node:fs';
import type { Summary } from './stats.ts';

/** How a figure is printed: milliseconds, a count, a ratio, a percentage, megabytes or bytes (printed as KB). */
export type Unit = 'ms' | 'count' | 'ratio' | 'percent' | 'MB' | 'bytes';

/** One budget of SPEC §8. */
export interface Budget {
  max: number;
  unit: Unit;
  /** Which figure of the samples is held to the budget: the median (timings) or the worst (counts, sizes). */
  judge: 'median' | 'max';
  /** A deterministic figure (DOM rows, bytes, rows re-rendered) fails the bench when over; a timing only warns. */
  deterministic: boolean;
  spec: string;
}

export type Budgets = Record<string, Budget>;

/** Where a row stands against its budget. */
export type Verdict = 'within' | 'over' | 'no budget' | 'not measured' | 'failed';

const units: readonly Unit[] = ['ms', 'count', 'ratio', 'percent', 'MB', 'bytes'];

/** Checks and returns the budgets of a parsed `budgets.json`. */
export function parseBudgets(json: unknown): Budgets {
  if (typeof json !== 'object' || json === null) throw new Error('budgets.json must hold an object');
  const budgets: Budgets = {};
  for (const [key, value] of Object.entries(json)) {
    const budget = value as Partial<Budget>;
    if (
      typeof budget.max !== 'number' ||
      !units.includes(budget.unit as Unit) ||
      (budget.judge !== 'median' && budget.judge !== 'max') ||
      typeof budget.deterministic !== 'boolean' ||
      typeof budget.spec !== 'string'
    ) {
      throw new Error(`budgets.json: "${key}" needs max, unit, judge (median|max), deterministic and spec`);
    }
    budgets[key] = budget as Budget;
  }
  return budgets;
}

/** Reads `bench/budgets.json`. */
export function loadBudgets(path = new URL('./budgets.json', import.meta.url)): Budgets {
  return parseBudgets(JSON.parse(readFileSync(path, 'utf8')));
}

/** The figure of a summary that a budget judges. */
function judgedValue(summary: Summary, budget: Budget): number {
  return budget.judge === 'max' ? summary.max : summary.median;
}

/** Whether a summary is within its budget (equal counts as within). */
export function verdictOf(summary: Summary | null, budget: Budget | undefined): Verdict {
  if (!summary) return 'not measured';
  if (!budget) return 'no budget';
  return judgedValue(summary, budget) <= budget.max ? 'within' : 'over';
}

/** A verdict and whether the figure behind it is deterministic. */
export interface JudgedRow {
  verdict: Verdict;
  deterministic: boolean;
}

/** The bench fails on a deterministic figure over budget, or on a measurement that failed; a slow timing only warns. */
export function shouldFail(rows: readonly JudgedRow[]): boolean {
  return rows.some((row) => row.verdict === 'failed' || (row.verdict === 'over' && row.deterministic));
}
