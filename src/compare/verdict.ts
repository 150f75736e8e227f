/** The one word at the top of the report. */
import type { MetricRow, Verdict } from './types.ts';

/**
 * A failed gate wins. Otherwise better/worse rows decide; `within-tolerance` counts as unchanged
 * because the config declared that regression acceptable (it stays visible in its row), and new or
 * removed metrics have nothing to weigh. Without a baseline there is nothing to weigh at all. When
 * nothing is better or worse but some change is within noise, the verdict says so rather than
 * `unchanged`: something moved, and the test rows cannot tell whether it matters.
 */
export function decideVerdict(rows: readonly MetricRow[], hasBaseline: boolean): Verdict {
  if (rows.some((row) => row.gatePassed === false)) return 'gate-failed';
  if (!hasBaseline) return 'no-baseline';
  const better = rows.some((row) => row.status === 'better');
  const worse = rows.some((row) => row.status === 'worse');
  if (better && worse) return 'mixed';
  if (better) return 'better';
  if (worse) return 'worse';
  if (rows.some((row) => row.status === 'within-noise')) return 'within-noise';
  return 'unchanged';
}
