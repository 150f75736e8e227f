/**
 * How a paired interval of Δ reads: to the precision the test rows support. The interval's width is
 * the resolution the rows give, so its ends get two significant digits of that width and no more
 * (`[-0.021, +0.008]` on 114 rows, not `[-0.02105, +0.00789]`).
 */
import { formatNumber } from '../compare/numbers.ts';
import type { DeltaInterval, MetricRow } from '../compare/types.ts';
import type { McNemar } from '../metrics/mcnemar.ts';

/** Decimals that show a number next to an interval this wide with two significant digits of the width. */
export function intervalDecimals(width: number): number {
  if (!(width > 0) || !Number.isFinite(width)) return 4;
  return Math.min(12, Math.max(0, 1 - Math.floor(Math.log10(width))));
}

/** A signed number at `decimals`, `0` for a zero (never `-0.000`). */
export function formatAtDecimals(value: number, decimals: number): string {
  const text = value.toFixed(decimals);
  if (/^-?0(\.0*)?$/.test(text)) return '0';
  return value > 0 ? `+${text}` : text;
}

/** `[-0.021, +0.008]`, with McNemar's p for accuracy: `[-0.021, +0.008] · McNemar p = 0.45`. */
export function formatInterval(interval: DeltaInterval, mcnemar?: McNemar): string {
  const decimals = intervalDecimals(interval.high - interval.low);
  const text = `[${formatAtDecimals(interval.low, decimals)}, ${formatAtDecimals(interval.high, decimals)}]`;
  return mcnemar ? `${text} · McNemar p = ${formatNumber(Number(mcnemar.p.toPrecision(2)))}` : text;
}

/** The interval column's header, `Δ 95% CI` (`Δ CI` when gates ask for different levels), or undefined without intervals. */
export function intervalHeader(rows: readonly MetricRow[]): string | undefined {
  const levels = new Set(rows.flatMap((row) => (row.interval ? [row.interval.confidence] : [])));
  if (levels.size === 0) return undefined;
  return levels.size === 1 ? `Δ ${formatNumber([...levels][0] * 100)}% CI` : 'Δ CI';
}
