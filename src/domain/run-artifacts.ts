/** What one training run produces; written to the artifacts folder. */
import type { ConcreteBackend, Scalar, Task } from './config.ts';

/** `metrics.json`: flat metric name → value (DVC-compatible). */
export type Metrics = Record<string, number>;

/** `history.json`: per-epoch values, each array indexed by epoch. */
export interface History {
  epochs: number;
  loss: number[];
  val_loss?: number[];
  /** Epoch (0-based) after which early stopping ended training, before the configured epochs ran out. */
  stoppedEarlyAt?: number;
  /** Epoch (0-based) whose weights were kept when early stopping is configured (the best monitored loss), even if all epochs ran. */
  bestEpoch?: number;
}

/** `evaluation.json`: evaluation detail that is not a scalar metric. */
export interface Evaluation {
  task: Task;
  testRows: number;
  /** classification: classes in output order and matrix[actual][predicted] counts. */
  classes?: string[];
  confusionMatrix?: number[][];
}

export interface DataFileStats {
  /** sha256 of the file's bytes, `sha256:<hex>`. */
  hash: string;
  rows: number;
}

/** `run.json`: how the model was made, enough to reproduce it and to decide whether it must be trained again. */
export interface RunManifest {
  schema: 1;
  modelCiVersion: string;
  name: string;
  task: Task;
  backend: ConcreteBackend;
  /** e.g. the tfjs version, and CUDA/cuDNN for tensorflow-gpu. */
  backendVersions: Record<string, string>;
  seed: number;
  startedAt: string;
  trainingMs: number;
  /** Loading the config, the backend and the data, before training started. */
  loadMs?: number;
  trainRows: number;
  testRows: number;
  /** Data files keyed by path relative to the config's folder. */
  data: Record<string, DataFileStats>;
  params: Record<string, Scalar>;
  hashes: {
    /** Combined hash of data, params, config, trainer version and backend: equal ⇒ no need to retrain. */
    inputs: string;
    data: string;
    params: string;
    config: string;
    trainer: string;
    /** Hash of model.json + weights.bin + preprocessing.json. */
    model: string;
  };
  /** Set when the run knows the commit it trained (git work tree). */
  commit?: string;
}

/** File names inside an artifacts folder. */
export const ARTIFACT_FILES = {
  modelJson: 'model.json',
  weights: 'weights.bin',
  preprocessing: 'preprocessing.json',
  metrics: 'metrics.json',
  history: 'history.json',
  evaluation: 'evaluation.json',
  run: 'run.json',
  /** Written by a deploy, shipped in the image: src/report/model-card.ts. */
  card: 'card.md',
} as const;
