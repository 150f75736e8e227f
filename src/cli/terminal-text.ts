/** Pure: results → the concise text a person reads in a terminal. */
import { formatNumber } from '../compare/numbers.ts';
import type { MetricRow } from '../compare/types.ts';
import type { MetricConfig } from '../domain/config.ts';
import type { Evaluation, Metrics } from '../domain/run-artifacts.ts';

/** Columns padded to their widest cell, separated by two spaces. */
export function columns(rows: readonly (readonly string[])[], indent = '  '): string {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((row) => row[c].length)));
  return rows.map((row) => (indent + row.map((cell, c) => cell.padEnd(widths[c])).join('  ')).trimEnd()).join('\n');
}

export function metricsTable(metrics: Metrics, configured: readonly MetricConfig[]): string {
  const direction = new Map(configured.map((m) => [m.name, m.direction]));
  const rows = Object.entries(metrics).map(([name, value]) => [
    name,
    // A diverged run's NaN is shown, not a crash: the CLI reports what training produced.
    Number.isFinite(value) ? formatNumber(value) : String(value),
    direction.get(name) === 'lower' ? 'lower is better' : 'higher is better',
  ]);
  return columns([['metric', 'value', ''], ...rows]);
}

/** The confusion matrix with actual classes as rows; omitted when there are too many classes to read. */
export function confusionTable(evaluation: Evaluation, maxClasses = 10): string | undefined {
  const { classes, confusionMatrix } = evaluation;
  if (!classes || !confusionMatrix || classes.length > maxClasses) return undefined;
  const rows = [['actual \\ predicted', ...classes], ...confusionMatrix.map((counts, i) => [classes[i], ...counts.map(String)])];
  return columns(rows);
}

export function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
}

/** Exit 3's reason on stderr, one line per failed metric: the report on stdout may be piped away. */
export function failedGateLines(failed: readonly MetricRow[]): string {
  return failed.map((row) => `model-ci: gate failed: ${row.name}: ${row.gateReason ?? 'failed'}\n`).join('');
}
