/** The metrics model-ci computes: which tasks each applies to and which way is better. */
import type { Direction, Task } from '../domain/config.ts';

export interface MetricInfo {
  direction: Direction;
  tasks: Task[];
  description: string;
  /** A share of test rows (or of a subset of them): on n rows it moves in steps of at least 1/n. */
  shareOfRows?: true;
}

const CLASSIFICATION: Task[] = ['binary-classification', 'multiclass-classification'];

export const METRICS: Record<string, MetricInfo> = {
  accuracy: { direction: 'higher', tasks: CLASSIFICATION, description: 'share of test rows whose class is predicted right', shareOfRows: true },
  precision: {
    direction: 'higher',
    tasks: CLASSIFICATION,
    description: 'of rows predicted positive, the share that are (binary: the second class; multiclass: macro average)',
    shareOfRows: true,
  },
  recall: {
    direction: 'higher',
    tasks: CLASSIFICATION,
    description: 'of positive rows, the share predicted positive (binary: the second class; multiclass: macro average)',
    shareOfRows: true,
  },
  f1: { direction: 'higher', tasks: CLASSIFICATION, description: 'harmonic mean of precision and recall (multiclass: macro average)', shareOfRows: true },
  roc_auc: {
    direction: 'higher',
    tasks: ['binary-classification'],
    description: 'area under the ROC curve: chance that a positive row scores above a negative one',
  },
  log_loss: { direction: 'lower', tasks: CLASSIFICATION, description: 'cross-entropy of the predicted probabilities' },
  rmse: { direction: 'lower', tasks: ['regression'], description: 'root mean squared error, in target units' },
  mae: { direction: 'lower', tasks: ['regression'], description: 'mean absolute error, in target units' },
  r2: { direction: 'higher', tasks: ['regression'], description: 'coefficient of determination (1 is perfect, 0 predicts the mean)' },
};

/** Every catalog metric that applies to `task`, in catalog order: what a run reports when the config names none. */
export function defaultMetrics(task: Task): string[] {
  return Object.keys(METRICS).filter((name) => METRICS[name].tasks.includes(task));
}
