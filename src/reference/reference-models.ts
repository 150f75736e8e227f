/**
 * The references any model must beat, fitted on the training rows and scored on the same test rows as
 * the PR's network (named "references" so they never read as main's "baseline"):
 *
 * - `majority` (classification): always the most frequent training class; its probabilities are the
 *   training class shares (scikit-learn's `DummyClassifier(strategy="prior")`), so its log-loss is the
 *   entropy of the priors rather than a clipped infinity.
 * - `prior` (classification): a class drawn per row from the training shares with a fixed seed
 *   (scikit-learn's `strategy="stratified"`, seeded), probabilities the shares: the accuracy of guessing
 *   with the right proportions (in expectation Σ pₖ·qₖ for training shares p and test shares q).
 * - `mean` (regression): the training target's mean for every row.
 * - `linear`: logistic regression (multinomial for multiclass) or least squares on the same encoded
 *   features the network gets; see `linear-solvers.ts`.
 */
import type { EncodedData } from '../data/fit-preprocessing.ts';
import type { Preprocessing } from '../data/preprocessing.ts';
import { createRng } from '../data/random.ts';
import type { ReferenceName, Task } from '../domain/config.ts';
import type { RowPredictions } from '../domain/paired-predictions.ts';
import type { Metrics } from '../domain/run-artifacts.ts';
import { fitLeastSquares, fitLogistic, linearScores, sigmoid } from './linear-solvers.ts';
import { scoreRowPredictions } from './score.ts';

/** Which references apply to a task. */
export function referencesOf(task: Task): ReferenceName[] {
  return task === 'regression' ? ['mean', 'linear'] : ['majority', 'prior', 'linear'];
}

/**
 * The linear fit holds (inputs + 1)² doubles (least squares) or ~20 copies of outputs × (inputs + 1)
 * (L-BFGS): beyond this many coefficients it is skipped, with a note, rather than exhaust memory.
 */
export const MAX_LINEAR_COEFFICIENTS = 4_000_000;

export interface ReferenceResult {
  name: ReferenceName;
  metrics: Metrics;
  /** Decoded like the network's predictions (`PairedPredictions`), in the test split's row order. */
  predictions: RowPredictions;
}

export interface ReferenceRuns {
  results: ReferenceResult[];
  /** The test rows' truth, decoded: class index or target value. */
  truth: Int32Array | Float64Array;
  /** Why a reference is missing (too many inputs for the linear fit). */
  notes: string[];
  /** Logistic regression: L-BFGS iterations it took. */
  linearIterations?: number;
}

export function fitReferences(pre: Preprocessing, train: EncodedData, test: EncodedData, seed: number): ReferenceRuns {
  return pre.task === 'regression' ? regressionReferences(pre, train, test) : classificationReferences(pre, train, test, seed);
}

/** Class index per row of an encoded target (binary 0/1, multiclass one-hot). */
export function decodeLabels(data: EncodedData): Int32Array {
  const { rows, y, outputSize: k } = data;
  const labels = new Int32Array(rows);
  if (k === 1) {
    for (let r = 0; r < rows; r++) labels[r] = y[r] >= 0.5 ? 1 : 0;
    return labels;
  }
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < k; c++) {
      if (y[r * k + c] === 1) {
        labels[r] = c;
        break;
      }
    }
  }
  return labels;
}

function classificationReferences(pre: Preprocessing, train: EncodedData, test: EncodedData, seed: number): ReferenceRuns {
  const k = pre.classes!.length;
  const task = pre.task;
  const trainLabels = decodeLabels(train);
  const truth = decodeLabels(test);
  const counts = new Float64Array(k);
  for (const label of trainLabels) counts[label]++;
  const shares = counts.map((count) => count / train.rows);
  let majority = 0;
  for (let c = 1; c < k; c++) if (counts[c] > counts[majority]) majority = c;
  const rows = test.rows;
  const priorProbabilities = new Float32Array(rows * k);
  for (let r = 0; r < rows; r++) priorProbabilities.set(shares, r * k);

  const majorityPredictions: RowPredictions = { label: new Int32Array(rows).fill(majority), probabilities: priorProbabilities };
  const random = createRng(seed);
  const drawn = new Int32Array(rows);
  for (let r = 0; r < rows; r++) {
    const u = random();
    let c = 0;
    let cumulative = shares[0];
    while (c < k - 1 && u >= cumulative) cumulative += shares[++c];
    drawn[r] = c;
  }
  const priorPredictions: RowPredictions = { label: drawn, probabilities: priorProbabilities };
  const results: ReferenceResult[] = [
    { name: 'majority', metrics: scoreRowPredictions(task, k, truth, majorityPredictions), predictions: majorityPredictions },
    { name: 'prior', metrics: scoreRowPredictions(task, k, truth, priorPredictions), predictions: priorPredictions },
  ];
  const d = pre.inputSize;
  const outputs = k === 2 ? 1 : k;
  if (outputs * (d + 1) * 20 > MAX_LINEAR_COEFFICIENTS) {
    return { results, truth, notes: [`linear: skipped, ${outputs * (d + 1)} coefficients is more than model-ci fits itself`] };
  }
  const fit = fitLogistic(train.x, trainLabels, train.rows, d, k);
  const label = new Int32Array(rows);
  const probabilities = new Float32Array(rows * k);
  const scores = new Float64Array(outputs);
  for (let r = 0; r < rows; r++) {
    linearScores(fit, test.x, r, scores);
    if (outputs === 1) {
      const p = sigmoid(scores[0]);
      probabilities[r * 2] = 1 - p;
      probabilities[r * 2 + 1] = p;
      // The network's rule: class 1 from probability 0.5 up.
      label[r] = p >= 0.5 ? 1 : 0;
      continue;
    }
    let max = -Infinity;
    let best = 0;
    for (let c = 0; c < k; c++) {
      if (scores[c] > max) {
        max = scores[c];
        best = c;
      }
    }
    let sum = 0;
    for (let c = 0; c < k; c++) sum += Math.exp(scores[c] - max);
    for (let c = 0; c < k; c++) probabilities[r * k + c] = Math.exp(scores[c] - max) / sum;
    label[r] = best;
  }
  const linear: RowPredictions = { label, probabilities };
  results.push({ name: 'linear', metrics: scoreRowPredictions(task, k, truth, linear), predictions: linear });
  return { results, truth, notes: [], linearIterations: fit.iterations };
}

function regressionReferences(pre: Preprocessing, train: EncodedData, test: EncodedData): ReferenceRuns {
  const { mean, std } = pre.targetScale!;
  const rows = test.rows;
  const truth = Float64Array.from(test.y, (z) => z * std + mean);
  // The training target's mean is exactly the standardisation's mean (fitted on the same rows).
  const meanPredictions: RowPredictions = { value: new Float64Array(rows).fill(mean) };
  const results: ReferenceResult[] = [{ name: 'mean', metrics: scoreRowPredictions(pre.task, 0, truth, meanPredictions), predictions: meanPredictions }];
  const d = pre.inputSize;
  if ((d + 1) * (d + 1) > MAX_LINEAR_COEFFICIENTS) {
    return { results, truth, notes: [`linear: skipped, ${d} inputs is more than model-ci's least squares takes`] };
  }
  const fit = fitLeastSquares(train.x, train.y, train.rows, d);
  const value = new Float64Array(rows);
  const score = new Float64Array(1);
  for (let r = 0; r < rows; r++) {
    linearScores(fit, test.x, r, score);
    value[r] = score[0] * std + mean;
  }
  const linear: RowPredictions = { value };
  results.push({ name: 'linear', metrics: scoreRowPredictions(pre.task, 0, truth, linear), predictions: linear });
  return { results, truth, notes: [] };
}
