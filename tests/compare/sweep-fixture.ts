/** A sweep of candidates compared with one main baseline, shared by the ranking and rendering tests. */
import type { Candidate } from '../../src/compare/candidates.ts';
import { compareRuns } from '../../src/compare/compare.ts';
import type { MetricConfig } from '../../src/domain/config.ts';

export const SWEEP_METRICS: MetricConfig[] = [
  { name: 'accuracy', direction: 'higher', gate: { threshold: 0.9 } },
  { name: 'log_loss', direction: 'lower' },
];

export function candidate(name: string, accuracy: number, logLoss: number, lr = 0.01): Candidate {
  return {
    name,
    params: { 'train.learningRate': lr },
    comparison: compareRuns({
      model: 'iris',
      metrics: SWEEP_METRICS,
      base: { metrics: { accuracy: 0.93, log_loss: 0.2 }, params: {}, data: {} },
      head: { metrics: { accuracy, log_loss: logLoss }, params: {}, data: {} },
      baseline: { kind: 'record', commit: 'a'.repeat(40) },
    }),
  };
}
