/** Hyperparameter sweeps: several candidate runs, each compared with main, and the best of them. */
import type { MetricConfig, Scalar } from '../domain/config.ts';
import { nearlyEqual } from './numbers.ts';
import type { Comparison, MetricRow } from './types.ts';

export interface Candidate {
  /** e.g. the matrix job's name, `lr-0.01-units-32`. */
  name: string;
  /** The params this candidate sets (the swept keys), by dotted path. */
  params: Record<string, Scalar>;
  comparison: Comparison;
}

export interface Ranking {
  /** Candidates passing every gate, best first, then the others in the same order. */
  ranked: Candidate[];
  /** Undefined when no candidate passes its gates: none should be promoted. */
  best?: Candidate;
}

/**
 * Candidates that fail a gate can never be best. Among the rest the configured metrics decide in
 * config order (the first is the primary metric, the next break ties), each in its own direction;
 * a candidate missing a metric ranks below one that has it. Equal candidates keep their input order.
 */
export function rankCandidates(candidates: readonly Candidate[], metrics: readonly MetricConfig[]): Ranking {
  const order = (a: Candidate, b: Candidate) => {
    const failedA = a.comparison.failedGates.length > 0;
    const failedB = b.comparison.failedGates.length > 0;
    if (failedA !== failedB) return failedA ? 1 : -1;
    for (const metric of metrics) {
      const difference = compareMetric(row(a, metric.name), row(b, metric.name), metric.direction);
      if (difference !== 0) return difference;
    }
    return 0;
  };
  const ranked = [...candidates].sort(order);
  const best = ranked.find((candidate) => candidate.comparison.failedGates.length === 0);
  return best ? { ranked, best } : { ranked };
}

function row(candidate: Candidate, name: string): MetricRow | undefined {
  return candidate.comparison.rows.find((r) => r.name === name);
}

/** Negative when `a` is better. */
function compareMetric(a: MetricRow | undefined, b: MetricRow | undefined, direction: 'higher' | 'lower'): number {
  const valueA = a?.head;
  const valueB = b?.head;
  if (valueA === undefined || valueB === undefined) return valueA === valueB ? 0 : valueA === undefined ? 1 : -1;
  if (nearlyEqual(valueA, valueB)) return 0;
  return direction === 'higher' ? valueB - valueA : valueA - valueB;
}
