/** The validated, normalised shape of `model-ci.yml` and `params.yaml`. */

export const TASKS = ['binary-classification', 'multiclass-classification', 'regression'] as const;
export type Task = (typeof TASKS)[number];

/** `dense` is model-ci's own training engine (src/train/dense); the others are TensorFlow.js backends. */
export const BACKENDS = ['auto', 'dense', 'tensorflow-gpu', 'tensorflow', 'wasm', 'cpu'] as const;
export type BackendName = (typeof BACKENDS)[number];
/** A backend that actually runs ops (what `auto` resolves to). */
export type ConcreteBackend = Exclude<BackendName, 'auto'>;
/** The TensorFlow.js backends: what builds, saves and predicts with a model, whichever engine trained it. */
export type TfjsBackend = Exclude<ConcreteBackend, 'dense'>;

export type Direction = 'higher' | 'lower';

/**
 * When a metric fails the check.
 * - `tolerance`: how much worse than main it may get (absolute, or a fraction of
 *   main's value when `relative`), e.g. accuracy may not drop more than 0.01.
 * - `threshold`: an absolute bound (minimum when higher is better, maximum when lower is).
 * - `confidence`: the tolerance fails only on a significant regression (see below).
 */
export interface Gate {
  tolerance?: number;
  relative?: boolean;
  threshold?: number;
  /**
   * Ask for significance: with main's and the PR's models on the same rows, the tolerance fails only when
   * the whole paired bootstrap interval of Δ at this confidence (and, for accuracy, McNemar's exact test)
   * says the regression goes beyond it. Needs `tolerance`.
   */
  confidence?: number;
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

/**
 * `hash`: a row goes to test when a seeded hash of its content falls below `test`, so adding or removing
 * rows never moves another row (src/data/split.ts). `shuffle`: a seeded shuffle of the row numbers, the
 * split of model-ci before `hash`, byte for byte; any row added or removed moves others.
 */
export const SPLIT_METHODS = ['hash', 'shuffle'] as const;
export type SplitMethod = (typeof SPLIT_METHODS)[number];

export interface SplitConfig {
  /** Fraction of rows held out for the test split, 0 < test < 1. */
  test: number;
  seed: number;
  method: SplitMethod;
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
  /** What the model card says that the run cannot know (`card:` in model-ci.yml); plain text. */
  card?: ModelCardConfig;
}

export interface ModelCardConfig {
  description?: string;
  intendedUse?: string;
  limitations?: string;
  /** An SPDX licence identifier, for the card's metadata. */
  license?: string;
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
