/**
 * "Where main has been": each gated metric over main's last records (the baselines branch, along the
 * first-parent history of the PR's base), with this PR as the last point and as a flat line, so a
 * reviewer sees the trend and where the PR would land on it.
 */
import type { MetricRow } from '../compare/types.ts';
import { escapeInline } from './escape.ts';
import { xyChartBlock } from './mermaid.ts';

/** One of main's records as the trend needs it: its commit and its metrics. */
export interface TrendPoint {
  commit: string;
  metrics: Record<string, number>;
}

/** Charts beyond this many gated metrics are left out (the table has them all). */
export const MAX_TREND_CHARTS = 6;

const MAIN_COLOR = '#2f80ed';
const PR_COLOR = '#f2994a';

/**
 * One chart per gated metric that main's records carry, oldest record first, then `PR`. `trend` is
 * newest first (as the store lists it) and already bounded by the store. '' when there is nothing to draw.
 */
export function renderTrend(rows: readonly MetricRow[], trend: readonly TrendPoint[] | undefined, baseLabel: string): string {
  if (!trend || trend.length === 0) return '';
  const oldestFirst = [...trend].reverse();
  const gated = rows.filter((row) => row.gate && row.head !== undefined && Number.isFinite(row.head));
  const charts: string[] = [];
  for (const row of gated.slice(0, MAX_TREND_CHARTS)) {
    const points = oldestFirst.filter((point) => Number.isFinite(point.metrics[row.name]));
    if (points.length === 0) continue;
    const head = row.head as number;
    charts.push(
      xyChartBlock({
        title: `${row.name} (${row.direction === 'higher' ? 'higher' : 'lower'} is better)`,
        xTitle: `last ${points.length} records of ${baseLabel}, then this PR`,
        categories: [...points.map((point) => point.commit.slice(0, 7)), 'PR'],
        yTitle: row.name,
        lines: [
          { color: MAIN_COLOR, values: [...points.map((point) => point.metrics[row.name]), head] },
          { color: PR_COLOR, values: Array.from({ length: points.length + 1 }, () => head) },
        ],
      }),
    );
  }
  if (charts.length === 0) return '';
  const ref = escapeInline(baseLabel);
  const left = gated.length - MAX_TREND_CHARTS;
  return [
    ...charts,
    `🟦 ${ref}'s records, oldest first, ending at this PR · 🟧 this PR's value`,
    ...(left > 0 ? [`> ${left} more gated metrics are not charted (limit ${MAX_TREND_CHARTS}); the table above has them all.`] : []),
  ].join('\n\n');
}
