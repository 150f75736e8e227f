/** One row per metric: main's value against this run's, its status and its gate. */
import { DEFAULT_CONFIDENCE } from '../defaults.ts';
import type { MetricConfig } from '../domain/config.ts';
import { METRICS } from '../metrics/catalog.ts';
import type { Metrics } from '../domain/run-artifacts.ts';
import { evaluateGate, regression, withinTolerance } from './gate.ts';
import { nearlyEqual } from './numbers.ts';
import { type PairedNoise, percentileInterval } from './paired-bootstrap.ts';
import type { DeltaInterval, MetricRow, RowStatus } from './types.ts';

/**
 * Configured metrics first, in config order (the order the user chose to read them), then any other
 * metric either side has, alphabetically. Unconfigured metrics are never gated; their direction comes
 * from the catalog, else from their name.
 */
export function metricRows(configs: readonly MetricConfig[], base: Metrics | undefined, head: Metrics, noise?: PairedNoise): MetricRow[] {
  const configured = new Map(configs.map((config) => [config.name, config]));
  const others = [...new Set([...Object.keys(base ?? {}), ...Object.keys(head)])].filter((name) => !configured.has(name)).sort(byCodePoint);
  const ordered: MetricConfig[] = [
    ...configs.filter((config) => config.name in head || (base !== undefined && config.name in base)),
    ...others.map((name) => ({ name, direction: METRICS[name]?.direction ?? guessDirection(name) })),
  ];
  return ordered.map((config) => metricRow(config, base?.[config.name], head[config.name], noise));
}

function metricRow(config: MetricConfig, base: number | undefined, head: number | undefined, noise: PairedNoise | undefined): MetricRow {
  const paired = base === undefined || head === undefined ? undefined : noise?.metrics[config.name];
  const interval = paired && percentileInterval(paired.deltas, config.gate?.confidence ?? DEFAULT_CONFIDENCE);
  const mcnemar = paired && config.name === 'accuracy' ? noise?.mcnemar : undefined;
  const row: MetricRow = { name: config.name, direction: config.direction, status: rowStatus(config, base, head, interval) };
  if (base !== undefined) row.base = base;
  if (head !== undefined) row.head = head;
  if (base !== undefined && head !== undefined) {
    row.delta = head - base;
    if (base !== 0) row.deltaPct = ((head - base) / Math.abs(base)) * 100;
  }
  if (interval) row.interval = interval;
  if (mcnemar) row.mcnemar = mcnemar;
  if (config.gate) {
    row.gate = config.gate;
    const evidence = interval && noise ? { interval, rows: noise.rows, ...(mcnemar ? { mcnemar } : {}) } : undefined;
    const result = evaluateGate(config.direction, config.gate, base, head, evidence);
    row.gatePassed = result.passed;
    if (result.reason) row.gateReason = result.reason;
    if (result.note) row.gateNote = result.note;
  }
  return row;
}

/** A change whose paired interval contains zero is within noise, whichever way it points. */
function rowStatus(config: MetricConfig, base: number | undefined, head: number | undefined, interval: DeltaInterval | undefined): RowStatus {
  if (head === undefined) return 'removed';
  if (base === undefined) return 'new';
  if (nearlyEqual(base, head)) return 'unchanged';
  if (interval && interval.low <= 0 && interval.high >= 0) return 'within-noise';
  // The interval, on the paired rows, says which way the change goes when there is one.
  const improves = interval ? (config.direction === 'higher') === interval.low > 0 : regression(config.direction, base, head) < 0;
  if (improves) return 'better';
  return config.gate && withinTolerance(config.direction, config.gate, base, head) ? 'within-tolerance' : 'worse';
}

/**
 * A metric outside the catalog (written by another model-ci version) still deserves a sensible arrow:
 * names of errors and losses (`loss`, `mse`, `val_mae`, `*_error`) are lower-is-better, the rest higher.
 */
export function guessDirection(name: string): 'higher' | 'lower' {
  return /(^|[_-])(loss|mse|mae|rmse|mape|error|err)$|^(loss|mse|mae|rmse|mape|error)/i.test(name) ? 'lower' : 'higher';
}

export function byCodePoint(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
