/**
 * The `beats` part of a metric's gate: the PR's value must be strictly better than each named reference
 * model's (src/reference/) on the same test rows. Applied after `compareRuns`, where the references were
 * fitted (a pull request's run); a reference without the metric fails the gate rather than pass by omission.
 */
import type { ReferenceName } from '../domain/config.ts';
import type { Metrics } from '../domain/run-artifacts.ts';
import { formatNumber, nearlyEqual } from './numbers.ts';
import type { Comparison, MetricRow } from './types.ts';
import { decideVerdict } from './verdict.ts';

export interface ReferenceMetrics {
  name: ReferenceName;
  metrics: Metrics;
}

export function applyBeatsGates(comparison: Comparison, references: readonly ReferenceMetrics[]): Comparison {
  const rows = comparison.rows.map((row) => beatsRow(row, references));
  // Failed data gates (src/changes/data-gates.ts) are not rows; keep them.
  const others = comparison.failedGates.filter((failed) => !comparison.rows.some((row) => row.name === failed.name));
  const failedGates = [...rows.filter((row) => row.gatePassed === false), ...others];
  const verdict = failedGates.length > 0 ? 'gate-failed' : decideVerdict(rows, comparison.baseline.kind !== 'none');
  return { ...comparison, rows, failedGates, verdict };
}

function beatsRow(row: MetricRow, references: readonly ReferenceMetrics[]): MetricRow {
  const beats = row.gate?.beats;
  if (!beats || row.head === undefined) return row;
  const reasons: string[] = [];
  for (const name of beats) {
    const value = references.find((reference) => reference.name === name)?.metrics[row.name];
    if (value === undefined) reasons.push(`the ${name} reference has no ${row.name} on these test rows, so it cannot be beaten`);
    else if (!beatsReference(row.direction, row.head, value))
      reasons.push(`${formatNumber(row.head)} does not beat the ${name} reference's ${formatNumber(value)}`);
  }
  if (reasons.length === 0) return row;
  const gateReason = [row.gatePassed === false ? row.gateReason : undefined, ...reasons].filter(Boolean).join('; ');
  return { ...row, gatePassed: false, gateReason };
}

/** Strictly better: a tie (to float noise) does not beat. */
export function beatsReference(direction: MetricRow['direction'], head: number, reference: number): boolean {
  if (nearlyEqual(head, reference)) return false;
  return direction === 'higher' ? head > reference : head < reference;
}
