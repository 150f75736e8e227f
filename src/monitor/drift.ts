/**
 * Drift per feature (pure): the population stability index (PSI) between the training split's share
 * of each drift bin and the share of the inputs the server counted there.
 *
 *   PSI = Σ (observed − expected) · ln(observed / expected), each share floored at 0.0001
 *
 * Conventional reading, and the defaults: below 0.1 stable, 0.1 to 0.25 moderate shift, 0.25 and
 * above drift. Unseen categories count as one more bin the training split never filled, so a flood
 * of new categories is drift too. Fewer inputs than `minInputs` give no verdict: a handful of requests
 * would swing the index by chance.
 */
import { DEFAULT_DRIFT_THRESHOLD } from '../defaults.ts';

export interface FeatureObservation {
  name: string;
  /** The training split's share per bin. */
  reference: number[];
  /** Inputs counted per bin. */
  counts: number[];
  /** Numeric inputs outside the training range (also counted in the end bins). */
  outOfRange: number;
  /** Categorical inputs training never saw (in no bin). */
  unseen: number;
}

export interface DriftThresholds {
  /** PSI at or above which a feature has drifted; default 0.25. */
  drift: number;
  /** PSI at or above which a shift is reported as moderate; default 0.1. */
  moderate: number;
  /** Fewest inputs for a verdict; default 100. */
  minInputs: number;
}

export const DEFAULT_THRESHOLDS: DriftThresholds = { drift: DEFAULT_DRIFT_THRESHOLD, moderate: 0.1, minInputs: 100 };

export type DriftStatus = 'stable' | 'moderate' | 'drift' | 'too-few-inputs';

export interface FeatureDrift {
  name: string;
  inputs: number;
  psi: number;
  status: DriftStatus;
  outOfRange: number;
  unseen: number;
}

const FLOOR = 1e-4;

export function populationStabilityIndex(reference: readonly number[], counts: readonly number[], extra = 0): number {
  const total = counts.reduce((a, b) => a + b, 0) + extra;
  if (total === 0) return 0;
  let psi = 0;
  const bins = extra > 0 ? [...counts, extra] : counts;
  bins.forEach((count, i) => {
    const expected = Math.max(reference[i] ?? 0, FLOOR);
    const observed = Math.max(count / total, FLOOR);
    psi += (observed - expected) * Math.log(observed / expected);
  });
  return psi;
}

export function featureDrift(observation: FeatureObservation, thresholds: DriftThresholds): FeatureDrift {
  const inputs = observation.counts.reduce((a, b) => a + b, 0) + observation.unseen;
  const psi = populationStabilityIndex(observation.reference, observation.counts, observation.unseen);
  const status: DriftStatus =
    inputs < thresholds.minInputs ? 'too-few-inputs' : psi >= thresholds.drift ? 'drift' : psi >= thresholds.moderate ? 'moderate' : 'stable';
  return { name: observation.name, inputs, psi, status, outOfRange: observation.outOfRange, unseen: observation.unseen };
}
