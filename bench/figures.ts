/**
 * The rows of `npm run bench` that come from the browser runs: what each row picks from a run, its label, unit
 * and budget. Every timing goal of SPEC §8 is a ratio taken within one run (Sharewell ÷ the bare peer, 10,000
 * grants ÷ 100), so that the machine's speed and load divide out.
 */
import { PRINCIPAL_SEARCH_PAGE_SIZE } from '../src/api/principals.ts';
import { scaleGrantCounts } from '../src/mock-backend/scale.ts';
import type { BrowserRun } from './browser-bench.ts';
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
    {
      id: 'role.paint',
      label: 'role change (Consumer → Editor): change → next paint',
      unit: 'ms',
      pick: (run) => run.roleChange.ms,
    },
    {
      id: 'role.rows',
      label: 'role change (Consumer → Editor): rows re-rendered (React)',
      unit: 'count',
      budget: 'rowsRerendered',
      pick: (run) => run.roleChange.rowsRerendered,
    },
    {
      id: 'role.components',
      label: 'role change (Consumer → Editor): React components re-rendered',
      unit: 'count',
      pick: (run) => run.roleChange.componentsRendered,
    },
    {
      id: 'role.componentsOutside',
      label: 'role change (Consumer → Editor): of which outside any row',
      unit: 'count',
      pick: (run) => run.roleChange.componentsOutsideRows,
    },
    {
      id: 'role.domRows',
      label: 'role change (Consumer → Editor): rows whose DOM changed',
      unit: 'count',
      pick: (run) => run.roleChange.rowsWithDomChanges,
    },
    {
      id: 'role.domNodes',
      label: 'role change (Consumer → Editor): DOM nodes changed',
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
      id: 'owner.changedRows',
      label: 'role change to Owner: rows whose controls changed (DOM)',
      unit: 'count',
      pick: (run) => run.ownerPromotion.rowsWithDomChanges,
    },
    {
      id: 'owner.unchangedRows',
      label: 'role change to Owner: rows re-rendered whose controls did not change',
      unit: 'count',
      budget: 'ownerUnchangedRows',
      pick: (run) => run.ownerPromotion.rowsRerenderedUnchanged,
    },
    {
      id: 'owner.components',
      label: 'role change to Owner: React components re-rendered',
      unit: 'count',
      pick: (run) => run.ownerPromotion.componentsRendered,
    },
    {
      id: 'owner.inDom',
      label: 'role change to Owner: rows in the DOM then',
      unit: 'count',
      pick: (run) => run.ownerPromotion.rowsInDom,
    },
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
