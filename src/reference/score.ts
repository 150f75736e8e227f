/**
 * Metrics of decoded per-row predictions (`RowPredictions`: class indices and probabilities, or values in
 * target units), through the same metric functions `evaluate.ts` applies to a network's output, so a
 * reference model and the PR's network are scored alike.
 */
import type { Task } from '../domain/config.ts';
import type { RowPredictions } from '../domain/paired-predictions.ts';
import type { Metrics } from '../domain/run-artifacts.ts';
import { accuracy, classScores, confusionMatrix, logLoss, macroScores, rocAuc } from '../metrics/classification.ts';
import { mae, r2, rmse } from '../metrics/regression.ts';

/** `truth`: class index per row (classification) or the value in target units (regression). */
export function scoreRowPredictions(task: Task, classCount: number, truth: Int32Array | Float64Array, predictions: RowPredictions): Metrics {
  if (task === 'regression') {
    const value = predictions.value!;
    return { rmse: rmse(truth, value), mae: mae(truth, value), r2: r2(truth, value) };
  }
  const k = classCount;
  const label = predictions.label!;
  const probabilities = predictions.probabilities!;
  const rows = truth.length;
  const trueClassProbability = new Float64Array(rows);
  for (let r = 0; r < rows; r++) trueClassProbability[r] = probabilities[r * k + truth[r]];
  const matrix = confusionMatrix(truth, label, k);
  if (task === 'binary-classification') {
    const metrics: Metrics = { accuracy: accuracy(matrix), ...classScores(matrix, 1) };
    const positive = new Float64Array(rows);
    for (let r = 0; r < rows; r++) positive[r] = probabilities[r * 2 + 1];
    const auc = rocAuc(truth, positive);
    if (!Number.isNaN(auc)) metrics.roc_auc = auc;
    metrics.log_loss = logLoss(trueClassProbability);
    return metrics;
  }
  return { accuracy: accuracy(matrix), ...macroScores(matrix), log_loss: logLoss(trueClassProbability) };
}
