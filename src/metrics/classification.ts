/**
 * Classification metrics on class indices and probabilities. Where a ratio has
 * nothing to divide by (no row predicted positive, no positive row), it is 0,
 * as scikit-learn's `zero_division=0` makes it: a model that never predicts a
 * class gets no credit for it.
 *
 * `weight`, where a function takes it, counts each row that many times (a bootstrap resample is the
 * test rows with multiplicities): the same metric, not a second implementation of it.
 */

/** counts[actual][predicted] */
export function confusionMatrix(actual: ArrayLike<number>, predicted: ArrayLike<number>, classCount: number, weight?: ArrayLike<number>): number[][] {
  const counts = Array.from({ length: classCount }, () => new Array<number>(classCount).fill(0));
  for (let i = 0; i < actual.length; i++) counts[actual[i]][predicted[i]] += weight ? weight[i] : 1;
  return counts;
}

export function accuracy(matrix: number[][]): number {
  let right = 0;
  let total = 0;
  matrix.forEach((row, k) => {
    right += row[k];
    for (const count of row) total += count;
  });
  return total === 0 ? 0 : right / total;
}

export interface ClassScores {
  precision: number;
  recall: number;
  f1: number;
}

/** Precision, recall and F1 of one class against all others. */
export function classScores(matrix: number[][], k: number): ClassScores {
  const truePositive = matrix[k][k];
  const predicted = matrix.reduce((sum, row) => sum + row[k], 0);
  const actual = matrix[k].reduce((sum, count) => sum + count, 0);
  const precision = predicted === 0 ? 0 : truePositive / predicted;
  const recall = actual === 0 ? 0 : truePositive / actual;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}

/**
 * Unweighted mean of each class's scores (F1 is the mean of per-class F1s, not the F1 of
 * the means), over the classes that occur in the actual or predicted labels — the labels
 * scikit-learn averages over — so a class absent from a small test split does not count as 0.
 */
export function macroScores(matrix: number[][]): ClassScores {
  const present = matrix.map((_, k) => k).filter((k) => matrix[k].some((count) => count > 0) || matrix.some((row) => row[k] > 0));
  const sum = { precision: 0, recall: 0, f1: 0 };
  for (const k of present) {
    const scores = classScores(matrix, k);
    sum.precision += scores.precision;
    sum.recall += scores.recall;
    sum.f1 += scores.f1;
  }
  const n = Math.max(present.length, 1);
  return { precision: sum.precision / n, recall: sum.recall / n, f1: sum.f1 / n };
}

/**
 * Area under the ROC curve, exactly: the Mann–Whitney U statistic (a tied positive/negative pair
 * counts as half), equal to the average-rank formula. Undefined (NaN) when only one class is present.
 */
export function rocAuc(positive: ArrayLike<number>, scores: ArrayLike<number>, weight?: ArrayLike<number>): number {
  return rocAucSorted(sortForRocAuc(positive, scores), weight);
}

/** The rows by ascending score, with where each group of tied scores ends: sorted once, scored under many weightings. */
export interface RocAucRows {
  /** Row indices by ascending score. */
  order: Uint32Array;
  /** Per sorted position: bit 0 set when the row is positive, bit 1 when it is the last of its tied scores. */
  flags: Uint8Array;
}

const POSITIVE = 1;
const LAST_TIED = 2;

export function sortForRocAuc(positive: ArrayLike<number>, scores: ArrayLike<number>): RocAucRows {
  const n = scores.length;
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  order.sort((a, b) => scores[a] - scores[b]);
  const flags = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    flags[i] = (positive[order[i]] === 1 ? POSITIVE : 0) | (i === n - 1 || scores[order[i + 1]] !== scores[order[i]] ? LAST_TIED : 0);
  }
  return { order, flags };
}

export function rocAucSorted(rows: RocAucRows, weight?: ArrayLike<number>): number {
  const { order, flags } = rows;
  let negativesBelow = 0;
  let pairs = 0;
  let positives = 0;
  let groupPositives = 0;
  let groupNegatives = 0;
  for (let i = 0; i < order.length; i++) {
    const w = weight ? weight[order[i]] : 1;
    if (flags[i] & POSITIVE) groupPositives += w;
    else groupNegatives += w;
    if (flags[i] & LAST_TIED) {
      // Each positive beats every negative below its score and ties half of those at its score.
      pairs += groupPositives * (negativesBelow + groupNegatives / 2);
      negativesBelow += groupNegatives;
      positives += groupPositives;
      groupPositives = 0;
      groupNegatives = 0;
    }
  }
  if (positives === 0 || negativesBelow === 0) return NaN;
  return pairs / (positives * negativesBelow);
}

/** Probabilities are clipped so one confident mistake costs log(1e15) ≈ 34.5, not infinity. */
export const LOG_LOSS_EPSILON = 1e-15;

/** Mean negative log of the probability given to each row's true class. */
export function logLoss(probabilityOfTrueClass: ArrayLike<number>, weight?: ArrayLike<number>): number {
  return weightedMean(logLossTerms(probabilityOfTrueClass), weight);
}

/** Each row's term of the log loss: a bootstrap computes these once and only re-weights them. */
export function logLossTerms(probabilityOfTrueClass: ArrayLike<number>): Float64Array {
  const terms = new Float64Array(probabilityOfTrueClass.length);
  for (let i = 0; i < terms.length; i++) {
    terms[i] = -Math.log(Math.min(Math.max(probabilityOfTrueClass[i], LOG_LOSS_EPSILON), 1 - LOG_LOSS_EPSILON));
  }
  return terms;
}

/** Σ wᵢ·xᵢ / Σ wᵢ (every weight 1 without `weight`). */
export function weightedMean(values: ArrayLike<number>, weight?: ArrayLike<number>): number {
  let sum = 0;
  let total = 0;
  for (let i = 0; i < values.length; i++) {
    const w = weight ? weight[i] : 1;
    sum += w * values[i];
    total += w;
  }
  return sum / total;
}
