/**
 * Main's model and the PR's model, scored on the same test rows (the PR's test split): the input of
 * every paired statistic in the report (bootstrap intervals, McNemar's test, what changed in the
 * predictions). Decoded to the task's units, so two models with different preprocessing (scales fitted
 * on different training rows, classes in another order) are compared on the same footing.
 */
import type { Task } from './config.ts';

/** One model's predictions on the paired rows. */
export interface RowPredictions {
  /** Classification: the predicted class per row, an index into `PairedPredictions.classes`. */
  label?: Int32Array;
  /**
   * Classification: rows × classes probabilities, row-major, in `PairedPredictions.classes` order
   * (a class the model never saw has probability 0).
   */
  probabilities?: Float32Array;
  /** Regression: the prediction per row, in target units. */
  value?: Float64Array;
}

export interface PairedPredictions {
  task: Task;
  /** Classification: the class names, the PR's order (main's classes the PR lacks appended). */
  classes?: string[];
  /** Number of test rows both models were scored on. */
  rows: number;
  /** Classification: the true class index per row; regression: the true value (target units). */
  truth: Int32Array | Float64Array;
  base: RowPredictions;
  head: RowPredictions;
  /** The CSV file the rows came from (relative to the config's folder) and each row's 1-based line in it (the header is line 1). */
  file: string;
  lines: Uint32Array;
  /** 1 where main's data had no row with this content: a row main's model was neither trained nor scored on. */
  isNew: Uint8Array;
}
