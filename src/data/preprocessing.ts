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
}

export interface CategoricalFeature {
  name: string;
  kind: 'categorical';
  /** one-hot: one input per category (unknown → all zeros); index: one input holding the category's index (unknown → -1). Unknown happens only to held-out rows in training: serving refuses a category not listed here. */
  encoding: 'one-hot' | 'index';
  /** Categories seen in the training split, sorted. */
  categories: string[];
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
}

/** Number of network inputs a feature takes. */
export function featureWidth(feature: FeatureSpec): number {
  return feature.kind === 'categorical' && feature.encoding === 'one-hot' ? feature.categories.length : 1;
}
