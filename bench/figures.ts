/**
 * The rows of `npm run bench` that come from the browser runs: what each row picks from a run, its label, unit
 * and budget. Every timing goal of SPEC §8 is a ratio taken within one run (Sharewell ÷ the bare peer, 10,000
 * grants ÷ 100), so that the machine's speed and load divide out.
 */
import { PRINCIPAL_SEARCH_PAGE_SIZE } from '../src/api/principals.ts';
import { scaleGrantCounts } from '../src/mock-backend/scale.ts';
import type { BrowserRun, RoleChange } from './browser-bench.ts';
import type { Unit } from './budgets.ts';
import type { Measurement } from './report.ts';

/** One row of the table: a figure picked from each run (none from a run that lacks it). */
export interface RunRow<Run = BrowserRun> {
  id: string;
  label: string;
  unit: Unit;
  /** Its budget's key in `budgets.json`. */
  budget?: string;
  pick(run: Run): number | null | undefined;
}

/** A ratio of two figures of one run, or null when either is missing or the divisor is not above zero. */
export function ratio(
  numerator: number | null | undefined,
  denominator: number | null | undefined,
): number | null {
  if (typeof numerator !== 'number' || typeof denominator !== 'number') return null;
  if (!Number.isFinite(numerator) || !Number.isFinite(denominator) || denominator <= 0) return null;
  return numerator / denominator;
}

/** The measurements of some rows over the runs; each carries `error` when the runs could not be made. */
export function measureRows<Run>(
  rows: readonly RunRow<Run>[],
  runs: readonly Run[],
  error?: string,
): Measurement[] {
  return rows.map(({ id, label, unit, budget, pick }) => {
    const samples = runs.map(pick).filter((value): value is number => typeof value === 'number');
    return { id, label, unit, samples, ...(budget ? { budget } : {}), ...(error ? { error } : {}) };
  });
}

type RoleChangeFigure = {
  [Key in keyof RoleChange]: RoleChange[Key] extends number ? Key : never;
}[keyof RoleChange];

/** The rows of one role change: `[id suffix, figure, what it is, budget]` each, read from `run[change]`. */
function roleChangeRows(
  change: 'roleChange' | 'ownerPromotion',
  idPrefix: string,
  words: string,
  figures: readonly (readonly [string, RoleChangeFigure, string, string?])[],
): RunRow[] {
  return figures.map(([suffix, figure, what, budget]) => ({
    id: `${idPrefix}.${suffix}`,
    label: `${words}: ${what}`,
    unit: figure === 'ms' ? 'ms' : 'count',
    ...(budget ? { budget } : {}),
    pick: (run) => run[change][figure],
  }));
}

const grants = (count: number) => `${count.toLocaleString('en-US')} grants`;

/** The browser rows, in the order the table prints them. */
export function browserRows(settings: {
  intentRestMs: number;
  scrollStepPx: number;
  tabScrollTopPx: number;
}): RunRow[] {
  const compared = [100, 10_000] as const;
  const intentKinds = [
    { kind: 'pointer', words: `pointer rests ${settings.intentRestMs} ms on Share, click` },
    { kind: 'focus', words: `focus rests ${settings.intentRestMs} ms on Share, Enter` },
  ] as const;
  const step = `${settings.scrollStepPx.toLocaleString('en-US')} px a frame`;
  return [
    ...scaleGrantCounts.map(
      (count): RunRow => ({
        id: `open.${count}`,
        label: `open: click Share → first rows painted, ${grants(count)}`,
        unit: 'ms',
        pick: (run) => run.open[count]?.ms,
      }),
    ),
    ...compared.map(
      (count): RunRow => ({
        id: `bare.open.${count}`,
        label: `bare peer: click Share → first rows painted, ${grants(count)}`,
        unit: 'ms',
        pick: (run) => run.bare.open[count]?.ms,
      }),
    ),
    ...compared.map(
      (count): RunRow => ({
        id: `open.vsBare.${count}`,
        label: `open: Sharewell ÷ bare peer, ${grants(count)} (per run)`,
        unit: 'ratio',
        budget: 'openVsBare',
        pick: (run) => ratio(run.open[count]?.ms, run.bare.open[count]?.ms),
      }),
    ),
    {
      id: 'open.ratio',
      label: 'open: 10,000 grants ÷ 100 grants (per run)',
      unit: 'ratio',
      budget: 'openRatio',
      pick: (run) => ratio(run.open[10_000]?.ms, run.open[100]?.ms),
    },
    ...intentKinds.flatMap(({ kind, words }) =>
      compared.flatMap((count): RunRow[] => [
        {
          id: `intent.${kind}.${count}.frames`,
          label: `open with intent (${words}): first rows painted in frame n after it, ${grants(count)}`,
          unit: 'count',
          budget: 'intentOpenFrames',
          pick: (run) => run.intent[kind][count]?.frames,
        },
        {
          id: `intent.${kind}.${count}.ms`,
          label: `open with intent (${kind}): click → first rows painted, ${grants(count)}`,
          unit: 'ms',
          pick: (run) => run.intent[kind][count]?.ms,
        },
      ]),
    ),
    ...scaleGrantCounts.map(
      (count): RunRow => ({
        id: `rows.${count}`,
        label: `rows of the list in the DOM, ${grants(count)}`,
        unit: 'count',
        budget: 'domRows',
        pick: (run) => run.rowsInDom[count],
      }),
    ),
    {
      id: 'rows.scroll',
      label: 'rows of the list in the DOM, most while scrolling 10,000',
      unit: 'count',
      budget: 'domRows',
      pick: (run) => run.scroll?.maxRows,
    },
    {
      id: 'scroll.requests',
      label: 'scroll: requests for the access list to reach the end of 10,000 grants (from the intent on)',
      unit: 'count',
      budget: 'scrollRequests',
      pick: (run) => run.scroll?.requests,
    },
    {
      id: 'scroll.slowShare',
      label: `scroll to the end of 10,000 grants (${step}): share of frames over 16.7 ms`,
      unit: 'percent',
      budget: 'scrollSlowShare',
      pick: (run) => (run.scroll ? 100 * (ratio(run.scroll.slowFrames, run.scroll.frames) ?? 0) : null),
    },
    {
      id: 'scroll.slow',
      label: 'scroll: frames over 16.7 ms',
      unit: 'count',
      pick: (run) => run.scroll?.slowFrames,
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
      id: 'search.first',
      label: 'search: last keystroke → first suggestions painted (100,000 principals)',
      unit: 'ms',
      pick: (run) => run.search.ms,
    },
    {
      id: 'bare.search',
      label: 'bare peer: last keystroke → first suggestions painted (100,000 principals)',
      unit: 'ms',
      pick: (run) => run.bare.search.ms,
    },
    {
      id: 'search.vsBare',
      label: 'search: Sharewell ÷ bare peer (per run)',
      unit: 'ratio',
      budget: 'searchVsBare',
      pick: (run) => ratio(run.search.ms, run.bare.search.ms),
    },
    {
      id: 'search.answerPaint',
      label: `search: server's answer received → painted (${PRINCIPAL_SEARCH_PAGE_SIZE} options)`,
      unit: 'ms',
      budget: 'searchAnswerPaint',
      pick: (run) => run.search.answer?.ms,
    },
    {
      id: 'search.toRequest',
      label: 'search: last keystroke → request sent',
      unit: 'ms',
      pick: (run) => run.search.requestStartMs,
    },
    {
      id: 'search.request',
      label: 'search: the request, sent → answered (mock backend in the page)',
      unit: 'ms',
      pick: (run) =>
        run.search.requestStartMs === null || run.search.responseEndMs === null
          ? null
          : run.search.responseEndMs - run.search.requestStartMs,
    },
    ...roleChangeRows('roleChange', 'role', 'role change (Consumer → Editor)', [
      ['paint', 'ms', 'change → next paint'],
      ['rows', 'rowsRerendered', 'rows re-rendered (React)', 'rowsRerendered'],
      ['components', 'componentsRendered', 'React components re-rendered'],
      ['componentsOutside', 'componentsOutsideRows', 'of which outside any row'],
      ['domRows', 'rowsWithDomChanges', 'rows whose DOM changed'],
      ['domNodes', 'domNodesChanged', 'DOM nodes changed'],
    ]),
    ...roleChangeRows('ownerPromotion', 'owner', 'role change to Owner', [
      ['rows', 'rowsRerendered', 'rows re-rendered (React)'],
      ['changedRows', 'rowsWithDomChanges', 'rows whose controls changed (DOM)'],
      [
        'unchangedRows',
        'rowsRerenderedUnchanged',
        'rows re-rendered whose controls did not change',
        'ownerUnchangedRows',
      ],
      ['components', 'componentsRendered', 'React components re-rendered'],
      ['inDom', 'rowsInDom', 'rows in the DOM then'],
    ]),
    {
      id: 'tab.firstInView',
      label: `Tab into the list scrolled ${settings.tabScrollTopPx.toLocaleString('en-US')} px down: lands on the first row in view`,
      unit: 'check',
      budget: 'tabIntoList',
      pick: (run) => (run.tabIntoList.onFirstRowInView ? 1 : 0),
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
      pick: (run) =>
        run.heapAfterScrollMB === null ? null : run.heapAfterScrollMB - run.heapScrollBaselineMB,
    },
  ];
}
