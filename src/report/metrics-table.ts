/** The metrics table: main's value, the PR's, the change and the gate, one row per metric. */
import { describeGate } from '../compare/gate.ts';
import { formatNumber, formatPercent } from '../compare/numbers.ts';
import type { MetricRow, RowStatus } from '../compare/types.ts';
import { escapeCell } from './escape.ts';
import { formatInterval, intervalHeader } from './interval-format.ts';
import { table } from './markdown-table.ts';
import { metricFormat } from './precision.ts';

const STATUS_TEXT: Record<RowStatus, string> = {
  better: 'better',
  worse: '**worse**',
  'within-noise': 'within noise',
  'within-tolerance': 'within tolerance',
  unchanged: 'unchanged',
  new: 'new',
  removed: '**removed**',
};

const NOT_APPLICABLE = '—';

/**
 * `testRows`: how many rows each side was scored on (main's, the PR's), which sets the precision shown.
 * With paired predictions, a column of Δ's interval follows Δ; without, the table is as it always was.
 */
export function renderMetricsTable(rows: readonly MetricRow[], baseLabel: string, testRows: { base?: number; head?: number } = {}): string {
  const intervals = intervalHeader(rows);
  const withInterval = <T>(cells: T[], cell: T): T[] => (intervals ? [...cells.slice(0, 4), cell, ...cells.slice(4)] : cells);
  return table(
    withInterval(['metric', escapeCell(baseLabel), 'PR', 'Δ', 'Δ%', 'verdict', 'gate'], intervals ?? ''),
    rows.map((row) =>
      withInterval(
        [
          `${escapeCell(row.name)} ${row.direction === 'higher' ? '↑' : '↓'}`,
          ...numberCells(row, testRows),
          row.deltaPct === undefined ? NOT_APPLICABLE : formatPercent(row.deltaPct),
          STATUS_TEXT[row.status],
          gateCell(row),
        ],
        row.interval
          ? `${formatInterval(row.interval, row.mcnemar)}${intervals === 'Δ CI' ? ` at ${formatNumber(row.interval.confidence * 100)}%` : ''}`
          : NOT_APPLICABLE,
      ),
    ),
    withInterval<'l' | 'r'>(['l', 'r', 'r', 'r', 'r', 'l', 'l'], 'r'),
  );
}

function numberCells(row: MetricRow, testRows: { base?: number; head?: number }): string[] {
  const format = metricFormat(row.name, row.base === undefined ? undefined : testRows.base, row.head === undefined ? undefined : testRows.head);
  return [
    row.base === undefined ? NOT_APPLICABLE : format.value(row.base),
    row.head === undefined ? NOT_APPLICABLE : format.value(row.head),
    row.delta === undefined ? NOT_APPLICABLE : format.delta(row.delta),
  ];
}

function gateCell(row: MetricRow): string {
  if (!row.gate) return '';
  if (row.gatePassed === false) return `❌ ${escapeCell(row.gateReason ?? 'failed')}`;
  const rule = describeGate(row.direction, row.gate);
  // A tolerance-only gate on a metric main never had checked nothing: do not show a tick for it.
  if (row.base === undefined && row.gate.threshold === undefined && row.gate.beats === undefined) return `not checked (no baseline for ${rule})`;
  return row.gateNote ? `✅ ${rule}: ${escapeCell(row.gateNote)}` : `✅ ${rule}`;
}
