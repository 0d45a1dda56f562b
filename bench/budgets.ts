import { readFileSync } from 'node:fs';
import type { Summary } from './stats.ts';

/**
 * How a figure is printed: milliseconds, a count, a ratio, a percentage, megabytes, bytes (printed as KB), or a
 * check (1 yes, 0 no).
 */
export type Unit = 'ms' | 'count' | 'ratio' | 'percent' | 'MB' | 'bytes' | 'check';

/** One budget of SPEC §8: a ceiling (`max`), or for a check a floor (`min`: 1, it must hold in every run). */
export interface Budget {
  max?: number;
  min?: number;
  unit: Unit;
  /**
   * Which figure of the samples is held to the budget: the median (timings), the highest (counts, sizes, held to
   * a `max`) or the lowest (checks, held to a `min`).
   */
  judge: 'median' | 'max' | 'min';
  /** A deterministic figure (DOM rows, bytes, rows re-rendered) fails the bench when over; a timing only warns. */
  deterministic: boolean;
  spec: string;
}

export type Budgets = Record<string, Budget>;

/** Where a row stands against its budget. */
export type Verdict = 'within' | 'over' | 'no budget' | 'not measured' | 'failed';

const units: readonly Unit[] = ['ms', 'count', 'ratio', 'percent', 'MB', 'bytes', 'check'];
const judges: readonly Budget['judge'][] = ['median', 'max', 'min'];

/** Checks and returns the budgets of a parsed `budgets.json`. */
export function parseBudgets(json: unknown): Budgets {
  if (typeof json !== 'object' || json === null) throw new Error('budgets.json must hold an object');
  const budgets: Budgets = {};
  for (const [key, value] of Object.entries(json)) {
    const budget = value as Partial<Budget>;
    const bound = (typeof budget.max === 'number' ? 1 : 0) + (typeof budget.min === 'number' ? 1 : 0);
    if (
      bound !== 1 ||
      (budget.max !== undefined && typeof budget.max !== 'number') ||
      (budget.min !== undefined && typeof budget.min !== 'number') ||
      !units.includes(budget.unit as Unit) ||
      !judges.includes(budget.judge as Budget['judge']) ||
      typeof budget.deterministic !== 'boolean' ||
      typeof budget.spec !== 'string'
    ) {
      throw new Error(
        `budgets.json: "${key}" needs max or min (one of them), unit, judge (median|max|min), deterministic and spec`,
      );
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
export function judgedValue(summary: Summary, budget: Budget): number {
  return budget.judge === 'max' ? summary.max : budget.judge === 'min' ? summary.min : summary.median;
}

/** Whether a summary is within its budget (equal to the bound counts as within). */
export function verdictOf(summary: Summary | null, budget: Budget | undefined): Verdict {
  if (!summary) return 'not measured';
  if (!budget) return 'no budget';
  const value = judgedValue(summary, budget);
  const within =
    (budget.max === undefined || value <= budget.max) && (budget.min === undefined || value >= budget.min);
  return within ? 'within' : 'over';
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
