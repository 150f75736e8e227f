/**
 * How precisely a report shows a metric. Accuracy on 114 test rows moves in steps of 1/114 ≈ 0.009:
 * a fourth significant digit (0.9649) is noise dressed as information, and a Δ of +0.0018 is less
 * than one row. A share of n rows is shown with ceil(log10 n) decimals (at least 2), which shows
 * every step of 1/n and nothing finer; its Δ gets the same decimals, never more. Other metrics keep
 * `formatNumber`'s 4 significant digits.
 */
import { formatNumber, formatSigned } from '../compare/numbers.ts';
import { METRICS } from '../metrics/catalog.ts';

/** The decimals `metric` is shown with on `testRows` rows, or undefined for significant digits. */
export function metricDecimals(metric: string, testRows: number | undefined): number | undefined {
  if (!Object.hasOwn(METRICS, metric) || !METRICS[metric].shareOfRows) return undefined;
  if (testRows === undefined || !Number.isInteger(testRows) || testRows < 1) return undefined;
  return Math.max(2, Math.ceil(Math.log10(testRows)));
}

export interface MetricFormat {
  value(value: number): string;
  /** A change, signed, with no more decimals than the values. */
  delta(value: number): string;
}

/**
 * The one way a report writes a metric's values and changes. When main and the PR were scored on
 * different numbers of rows, the coarser (fewer rows) sets the precision.
 */
export function metricFormat(metric: string, ...testRows: (number | undefined)[]): MetricFormat {
  const known = testRows.filter((rows): rows is number => rows !== undefined);
  const decimals = metricDecimals(metric, known.length > 0 ? Math.min(...known) : undefined);
  return { value: (value) => formatNumber(value, decimals), delta: (value) => formatSigned(value, decimals) };
}
