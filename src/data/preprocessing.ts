/**
 * Preprocessing fitted on the training split and saved with the model as
 * `preprocessing.json`. The trainer and the model server both encode rows
 * through `encode.ts` with it, so training and serving cannot skew.
 */
import type { Task } from '../domain/config.ts';

export interface NumericFeature {
  name: string;
  kind: 'numeric';
  mean: number;
  /** Standard deviation on the training split; 1 when the column is constant. */
  std: number;
  /** Smallest and largest value in the training split (absent in files written before drift monitoring). */
  min?: number;
  max?: number;
  /** Drift bins: cut points at quantiles of the training split (see `DriftBins`). */
  drift?: DriftBins;
}

export interface CategoricalFeature {
  name: string;
  kind: 'categorical';
  /** one-hot: one input per category (unknown → all zeros); index: one input holding the category's index (unknown → -1). Unknown happens only to held-out rows in training: serving refuses a category not listed here. */
  encoding: 'one-hot' | 'index';
  /** Categories seen in the training split, sorted. */
  categories: string[];
  /** Drift bins: one per category (see `DriftBins`). */
  drift?: DriftBins;
}

/**
 * Bounds on drift monitoring's bins: the server exports a few Prometheus series per bin, so their
 * count stays bounded whatever the training data holds. A numeric feature (and a regressor's
 * predictions) gets at most `DRIFT_BINS` quantile bins (fewer when values repeat); a categorical
 * feature (or a classifier's classes) with more than `DRIFT_CATEGORY_BINS` categories keeps its
 * `DRIFT_CATEGORY_BINS - 1` most frequent in bins of their own and pools the rest in a last bin.
 */
export const DRIFT_BINS = 10;
export const DRIFT_CATEGORY_BINS = 32;

/**
 * How the training split spreads over a feature's bins, the reference the model server counts
 * inputs against and `model-ci monitor` compares with (population stability index).
 * Files written before drift monitoring have none; monitoring then says it cannot compute drift.
 */
export interface DriftBins {
  /**
   * Numeric values: ascending cut points; bin i holds edges[i-1] < v <= edges[i], so there are
   * edges.length + 1 bins. Absent for categories.
   */
  edges?: number[];
  /** Categories: the bin of each category (in `categories` order) when some share a pooled last bin; absent when each has its own. */
  categoryBins?: number[];
  /** Share of the training rows in each bin (sums to 1). */
  shares: number[];
}

export type FeatureSpec = NumericFeature | CategoricalFeature;

export interface Preprocessing {
  version: 1;
  task: Task;
  target: string;
  /** Features in input order: an instance given as an array lists values in this order. */
  features: FeatureSpec[];
  /** Width of the encoded vector fed to the network. */
  inputSize: number;
  /** Class labels in output order (classification). */
  classes?: string[];
  /** Regression targets are standardised for training; predictions are mapped back with these. */
  targetScale?: { mean: number; std: number };
  /** Drift bins of the predictions: per class for a classifier (the training labels' balance), quantiles of the target for a regressor. */
  predictionDrift?: DriftBins;
}

/** Number of network inputs a feature takes. */
export function featureWidth(feature: FeatureSpec): number {
  return feature.kind === 'categorical' && feature.encoding === 'one-hot' ? feature.categories.length : 1;
}
