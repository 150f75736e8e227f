/** The metrics table: main's value, the PR's, the change and the gate, one row per metric. */
import { describeGate } from '../compare/gate.ts';
import { formatNumber, formatPercent, formatSigned } from '../compare/numbers.ts';
import type { MetricRow, RowStatus } from '../compare/types.ts';
import { escapeCell } from './escape.ts';
import { table } from './markdown-table.ts';

const STATUS_TEXT: Record<RowStatus, string> = {
  better: 'better',
  worse: '**worse**',
  'within-tolerance': 'within tolerance',
  unchanged: 'unchanged',
  new: 'new',
  removed: '**removed**',
};

const NOT_APPLICABLE = '—';

export function renderMetricsTable(rows: readonly MetricRow[], baseLabel: string): string {
  return table(
    ['metric', escapeCell(baseLabel), 'PR', 'Δ', 'Δ%', 'verdict', 'gate'],
    rows.map((row) => [
      `${escapeCell(row.name)} ${row.direction === 'higher' ? '↑' : '↓'}`,
      row.base === undefined ? NOT_APPLICABLE : formatNumber(row.base),
      row.head === undefined ? NOT_APPLICABLE : formatNumber(row.head),
      row.delta === undefined ? NOT_APPLICABLE : formatSigned(row.delta),
      row.deltaPct === undefined ? NOT_APPLICABLE : formatPercent(row.deltaPct),
      STATUS_TEXT[row.status],
      gateCell(row),
    ]),
    ['l', 'r', 'r', 'r', 'r', 'l', 'l'],
  );
}

function gateCell(row: MetricRow): string {
  if (!row.gate) return '';
  if (row.gatePassed === false) return `❌ ${escapeCell(row.gateReason ?? 'failed')}`;
  const rule = describeGate(row.direction, row.gate);
  // A tolerance-only gate on a metric main never had checked nothing: do not show a tick for it.
  if (row.base === undefined && row.gate.threshold === undefined && row.gate.beats === undefined) return `not checked (no baseline for ${rule})`;
  return `✅ ${rule}`;
}
