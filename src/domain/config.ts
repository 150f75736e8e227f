/** The validated, normalised shape of `model-ci.yml` and `params.yaml`. */

export const TASKS = ['binary-classification', 'multiclass-classification', 'regression'] as const;
export type Task = (typeof TASKS)[number];

export const BACKENDS = ['auto', 'tensorflow-gpu', 'tensorflow', 'wasm', 'cpu'] as const;
export type BackendName = (typeof BACKENDS)[number];
/** A backend that actually runs ops (what `auto` resolves to). */
export type ConcreteBackend = Exclude<BackendName, 'auto'>;

export type Direction = 'higher' | 'lower';

/**
 * When a metric fails the check.
 * - `tolerance`: how much worse than main it may get (absolute, or a fraction of
 *   main's value when `relative`), e.g. accuracy may not drop more than 0.01.
 * - `threshold`: an absolute bound (minimum when higher is better, maximum when lower is).
 */
export interface Gate {
  tolerance?: number;
  relative?: boolean;
  threshold?: number;
  /** Reference models (src/reference/) the PR's value must be strictly better than, on the same test rows. */
  beats?: ReferenceName[];
}

/** The reference models a gate may ask the PR's model to beat: chance (majority, prior; mean for regression) and a linear model. */
export const REFERENCE_NAMES = ['majority', 'prior', 'mean', 'linear'] as const;
export type ReferenceName = (typeof REFERENCE_NAMES)[number];

export interface MetricConfig {
  name: string;
  direction: Direction;
  gate?: Gate;
}

export interface SplitConfig {
  /** Fraction of rows held out for the test split, 0 < test < 1. */
  test: number;
  seed: number;
  /** Keep class proportions in both splits (classification only). */
  stratify: boolean;
}

export interface DataConfig {
  /** Absolute path of the training CSV. */
  train: string;
  /** Absolute path of the test CSV; when absent, `split` holds out rows of `train`. */
  test?: string;
  split?: SplitConfig;
  target: string;
  /** Feature columns in model input order; default: every column but the target. */
  features?: string[];
  /** How string columns are encoded. */
  categorical: 'one-hot' | 'index';
  /** Columns read as categories even when their values look like numbers (codes, zip codes). */
  categoricalColumns?: string[];
  /** When a change of the data fails the check (src/changes/data-gates.ts). */
  gate?: DataGate;
}

/** Data gates: bounds on what a PR may change in the data files, measured by the data diff against main. */
export interface DataGate {
  /** Largest share (0–1) of main's rows a PR may remove from a data file. */
  maxRemovedShare?: number;
  /** Largest population stability index any feature may shift by. */
  maxPsi?: number;
}

export interface ModelCiConfig {
  /** Absolute path of the model-ci.yml this came from. */
  file: string;
  /** Folder of `file`; relative paths in the config are resolved against it. */
  root: string;
  name: string;
  task: Task;
  data: DataConfig;
  /** Absolute path of the params file (DVC-style params.yaml). */
  params: string;
  /** Globs, relative to the repository root, whose change triggers a retrain. */
  watch: string[];
  metrics: MetricConfig[];
  backend: BackendName;
  /** Hyperparameter sweep: dotted params key → values to try; the grid's candidates become a job matrix. */
  sweep?: Record<string, unknown[]>;
}

export type Optimizer = 'adam' | 'sgd' | 'rmsprop' | 'adagrad';

export interface ModelParams {
  hiddenUnits: number[];
  activation: 'relu' | 'tanh' | 'sigmoid' | 'elu' | 'selu' | 'linear';
  dropout: number;
}

export interface TrainParams {
  epochs: number;
  batchSize: number;
  learningRate: number;
  optimizer: Optimizer;
  seed: number;
  /** Fraction of the training split used for validation (0 = none). */
  validationSplit: number;
  earlyStopping?: { patience: number; minDelta: number };
}

export type Scalar = string | number | boolean | null;

export interface Params {
  model: ModelParams;
  train: TrainParams;
  /** Every key of the params file, flattened to dotted paths (`train.epochs`), for diffs and hashes. */
  flat: Record<string, Scalar>;
}
