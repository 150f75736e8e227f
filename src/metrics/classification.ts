/**
 * Classification metrics on class indices and probabilities. Where a ratio has
 * nothing to divide by (no row predicted positive, no positive row), it is 0,
 * as scikit-learn's `zero_division=0` makes it: a model that never predicts a
 * class gets no credit for it.
 */

/** counts[actual][predicted] */
export function confusionMatrix(actual: ArrayLike<number>, predicted: ArrayLike<number>, classCount: number): number[][] {
  const counts = Array.from({ length: classCount }, () => new Array<number>(classCount).fill(0));
  for (let i = 0; i < actual.length; i++) counts[actual[i]][predicted[i]]++;
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
 * Area under the ROC curve, exactly: the Mann–Whitney U statistic over average ranks
 * (tied scores share their rank, counting a tied positive/negative pair as half).
 * Undefined (NaN) when only one class is present.
 */
export function rocAuc(positive: ArrayLike<number>, scores: ArrayLike<number>): number {
  const n = scores.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => scores[a] - scores[b]);
  let positives = 0;
  let positiveRankSum = 0;
  for (let start = 0; start < n; ) {
    let end = start;
    while (end + 1 < n && scores[order[end + 1]] === scores[order[start]]) end++;
    // 1-based ranks start+1 … end+1 share their average.
    const rank = (start + end + 2) / 2;
    for (let i = start; i <= end; i++) {
      if (positive[order[i]] === 1) {
        positives++;
        positiveRankSum += rank;
      }
    }
    start = end + 1;
  }
  const negatives = n - positives;
  if (positives === 0 || negatives === 0) return NaN;
  return (positiveRankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}

/** Probabilities are clipped so one confident mistake costs log(1e15) ≈ 34.5, not infinity. */
export const LOG_LOSS_EPSILON = 1e-15;

/** Mean negative log of the probability given to each row's true class. */
export function logLoss(probabilityOfTrueClass: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < probabilityOfTrueClass.length; i++) {
    const p = Math.min(Math.max(probabilityOfTrueClass[i], LOG_LOSS_EPSILON), 1 - LOG_LOSS_EPSILON);
    sum -= Math.log(p);
  }
  return sum / probabilityOfTrueClass.length;
}
