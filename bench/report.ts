import { type Budget, type Budgets, type JudgedRow, type Unit, type Verdict, verdictOf } from './budgets.ts';
import { type Summary, summarize } from './stats.ts';

/** One measured figure: its samples (one per run), or why there are none. */
export interface Measurement {
  id: string;
  label: string;
  unit: Unit;
  samples: number[];
  /** The key of its budget in `budgets.json`, if SPEC §8 sets one. */
  budget?: string;
  /** Set when the figure was deliberately not measured (e.g. the example host app is not installed). */
  skipped?: string;
  /** Set when measuring it failed. */
  error?: string;
}

/** A measurement judged against its budget: one line of the table. */
export interface TableRow extends JudgedRow {
  id: string;
  label: string;
  unit: Unit;
  summary: Summary | null;
  budget: Budget | undefined;
  /** Why it was not measured or what failed. */
  reason?: string;
}

/** Summarizes every measurement and judges it against its budget. */
export function judge(measurements: readonly Measurement[], budgets: Budgets): TableRow[] {
  return measurements.map((measurement) => {
    const budget = measurement.budget ? budgets[measurement.budget] : undefined;
    if (measurement.budget && !budget) throw new Error(`no budget "${measurement.budget}" in budgets.json`);
    const summary = measurement.samples.length > 0 ? summarize(measurement.samples) : null;
    let verdict: Verdict = verdictOf(summary, budget);
    let reason: string | undefined;
    if (measurement.error) {
      verdict = 'failed';
      reason = measurement.error;
    } else if (!summary) {
      reason = measurement.skipped ?? 'no samples';
    }
    return {
      id: measurement.id,
      label: measurement.label,
      unit: measurement.unit,
      summary,
      budget,
      verdict,
      deterministic: budget?.deterministic ?? false,
      ...(reason ? { reason } : {}),
    };
  });
}

/** A figure in its unit: `123.4 ms`, `12`, `1.23 ×`, `45.6 MB`, `28.1 KB`, `yes`. */
export function formatValue(value: number, unit: Unit): string {
  switch (unit) {
    case 'check':
      return value === 1 ? 'yes' : value === 0 ? 'no' : `yes in ${(value * 100).toFixed(0)} %`;
    case 'ms':
      return `${value.toFixed(1)} ms`;
    case 'count':
      return Number.isInteger(value) ? String(value) : value.toFixed(1);
    case 'ratio':
      return `${value.toFixed(2)} ×`;
    case 'percent':
      return `${value.toFixed(0)} %`;
    case 'MB':
      return `${value.toFixed(1)} MB`;
    case 'bytes':
      return `${(value / 1024).toFixed(1)} KB`;
  }
}

function budgetText(budget: Budget | undefined): string {
  if (!budget) return '—';
  const judged = budget.judge === 'median' ? 'median' : 'worst';
  if (budget.unit === 'check' && budget.min !== undefined) {
    return `${formatValue(budget.min, 'check')} (${budget.judge === 'median' ? 'median' : 'every run'})`;
  }
  const bounds = [
    budget.min === undefined ? null : `≥ ${formatValue(budget.min, budget.unit)}`,
    budget.max === undefined ? null : `≤ ${formatValue(budget.max, budget.unit)}`,
  ];
  return `${bounds.filter(Boolean).join(', ')} (${judged})`;
}

function verdictText(row: TableRow): string {
  switch (row.verdict) {
    case 'within':
      return '✅ within';
    case 'over':
      if (row.unit === 'check') return row.deterministic ? '❌ not met' : '⚠️ not met (timing)';
      return row.deterministic ? '❌ over' : '⚠️ over (timing)';
    case 'no budget':
      return '—';
    case 'not measured':
      return `not measured: ${row.reason}`;
    case 'failed':
      return `❌ failed: ${row.reason}`;
  }
}

function spreadText(row: TableRow): string {
  const summary = row.summary;
  if (!summary) return '—';
  if (summary.n === 1 || summary.min === summary.max) return '—';
  return `${formatValue(summary.min, row.unit)} – ${formatValue(summary.max, row.unit)}`;
}

/** The one markdown table `npm run bench` prints: median, min–max spread, runs, budget and verdict per row. */
export function markdownTable(rows: readonly TableRow[]): string {
  const lines = [
    '| measure | median | spread (min – max) | runs | budget | verdict |',
    '| --- | --: | --: | --: | --- | --- |',
  ];
  for (const row of rows) {
    const median = row.summary ? formatValue(row.summary.median, row.unit) : '—';
    const runs = row.summary ? String(row.summary.n) : '0';
    lines.push(
      `| ${row.label} | ${median} | ${spreadText(row)} | ${runs} | ${budgetText(row.budget)} | ${verdictText(row)} |`,
    );
  }
  return lines.join('\n');
}
