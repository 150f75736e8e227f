/**
 * Scores a network's output on the test split. `yTrue` is laid out as
 * `EncodedData.y`; `yPred` is the network output: binary the sigmoid probability
 * of classes[1] (rows × 1), multiclass softmax probabilities (rows × k),
 * regression the standardised prediction (rows × 1), mapped back to target units here.
 *
 * Every metric of the task is computed, except `roc_auc` when the test split holds
 * a single class (the curve does not exist; a metric absent from a run is reported as removed).
 */
import type { Preprocessing } from '../data/preprocessing.ts';
import type { Evaluation, Metrics } from '../domain/run-artifacts.ts';
import { accuracy, classScores, confusionMatrix, logLoss, macroScores, rocAuc } from './classification.ts';
import { mae, r2, rmse } from './regression.ts';
import { decodeOutputs, decodeTargets, toTargetUnits } from './row-predictions.ts';

export function evaluate(pre: Preprocessing, yTrue: Float32Array, yPred: Float32Array): { metrics: Metrics; evaluation: Evaluation } {
  if (yTrue.length !== yPred.length) {
    throw new Error(`evaluate: ${yTrue.length} target values but ${yPred.length} predictions`);
  }
  if (pre.task === 'regression') return regression(pre, yTrue, yPred);
  if (pre.task === 'binary-classification') return binary(pre, yTrue, yPred);
  return multiclass(pre, yTrue, yPred);
}

function regression(pre: Preprocessing, yTrue: Float32Array, yPred: Float32Array) {
  const actual = toTargetUnits(pre, yTrue);
  const predicted = toTargetUnits(pre, yPred);
  const metrics: Metrics = { rmse: rmse(actual, predicted), mae: mae(actual, predicted), r2: r2(actual, predicted) };
  return { metrics, evaluation: { task: pre.task, testRows: actual.length } };
}

function binary(pre: Preprocessing, yTrue: Float32Array, yPred: Float32Array) {
  const rows = yTrue.length;
  const actual = decodeTargets(pre, yTrue) as Int32Array;
  const predicted = decodeOutputs(pre, yPred).label!;
  const trueClassProbability = Float64Array.from(yPred, (p, i) => (actual[i] === 1 ? p : 1 - p));
  const matrix = confusionMatrix(actual, predicted, 2);
  const metrics: Metrics = { accuracy: accuracy(matrix), ...classScores(matrix, 1) };
  const auc = rocAuc(actual, yPred);
  if (!Number.isNaN(auc)) metrics.roc_auc = auc;
  metrics.log_loss = logLoss(trueClassProbability);
  return { metrics, evaluation: { task: pre.task, testRows: rows, classes: pre.classes, confusionMatrix: matrix } };
}

function multiclass(pre: Preprocessing, yTrue: Float32Array, yPred: Float32Array) {
  const k = pre.classes!.length;
  const rows = yTrue.length / k;
  const actual = decodeTargets(pre, yTrue) as Int32Array;
  const predicted = decodeOutputs(pre, yPred).label!;
  const trueClassProbability = new Float64Array(rows);
  for (let r = 0; r < rows; r++) trueClassProbability[r] = yPred[r * k + actual[r]];
  const matrix = confusionMatrix(actual, predicted, k);
  const metrics: Metrics = { accuracy: accuracy(matrix), ...macroScores(matrix), log_loss: logLoss(trueClassProbability) };
  return { metrics, evaluation: { task: pre.task, testRows: rows, classes: pre.classes, confusionMatrix: matrix } };
}
