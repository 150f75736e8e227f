/**
 * Failed data gates join the comparison's failed gates, so the check, the CLI's exit code and the report's
 * "gates failed" list treat them as any other gate. They are not metric rows: the metrics table is unchanged.
 */
import type { Comparison, MetricRow } from './types.ts';

export function applyDataGates(comparison: Comparison, failures: readonly { name: string; reason: string }[]): Comparison {
  if (failures.length === 0) return comparison;
  const failed: MetricRow[] = failures.map(({ name, reason }) => ({ name, direction: 'lower', status: 'worse', gatePassed: false, gateReason: reason }));
  return { ...comparison, failedGates: [...comparison.failedGates, ...failed], verdict: 'gate-failed' };
}
