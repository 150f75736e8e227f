/** Holding out a seeded test split, stratified by class for classification. */
import { seededShuffle } from './random.ts';

export interface SplitRows {
  /** Row indices of each side, ascending (file order). */
  train: Uint32Array;
  test: Uint32Array;
}

/** Rows held out for `fraction` of `n`: rounded, as a person would count them. */
export function testRowCount(n: number, fraction: number): number {
  return Math.round(n * fraction);
}

/** Shuffles 0..n-1 with `seed` and holds out the first rows. */
export function randomSplit(n: number, fraction: number, seed: number): SplitRows {
  const order = seededShuffle(n, seed);
  const held = testRowCount(n, fraction);
  return { test: sorted(order.subarray(0, held)), train: sorted(order.subarray(held)) };
}

/**
 * Like `randomSplit`, but each class keeps its share in both splits: class k gets
 * `count_k × fraction` test rows (the classes with the largest remainders take the
 * rounding), and every class with at least two rows has at least one on each side,
 * so every class is both learned and scored.
 */
export function stratifiedSplit(classOfRow: Int32Array, classCount: number, fraction: number, seed: number): SplitRows {
  const n = classOfRow.length;
  const counts = new Array<number>(classCount).fill(0);
  for (const k of classOfRow) counts[k]++;

  const shares = counts.map((count) => count * fraction);
  const quotas = shares.map(Math.floor);
  let missing = testRowCount(n, fraction) - quotas.reduce((a, b) => a + b, 0);
  const byRemainder = shares.map((_, k) => k).sort((a, b) => shares[b] - quotas[b] - (shares[a] - quotas[a]) || a - b);
  for (const k of byRemainder) {
    if (missing <= 0) break;
    quotas[k]++;
    missing--;
  }
  const held = counts.map((count, k) => (count < 2 ? 0 : Math.min(Math.max(quotas[k], 1), count - 1)));

  // Each class holds out its first `held` rows in shuffled order. A byte per row flags them, rather than
  // JS arrays of row numbers per class that then need sorting: on a large file those were megabytes of garbage.
  const inTest = new Uint8Array(n);
  let tested = 0;
  for (const row of seededShuffle(n, seed)) {
    const k = classOfRow[row];
    if (held[k] > 0) {
      held[k]--;
      inTest[row] = 1;
      tested++;
    }
  }
  const test = new Uint32Array(tested);
  const train = new Uint32Array(n - tested);
  for (let row = 0, t = 0, r = 0; row < n; row++) {
    if (inTest[row]) test[t++] = row;
    else train[r++] = row;
  }
  return { test, train };
}

function sorted(rows: ArrayLike<number>): Uint32Array {
  return Uint32Array.from(rows).sort();
}

/**
 * The stable split: a row is a test row when its `splitPoint` (a seeded hash of its content, see
 * `row-key.ts`) falls below `fraction`. Adding or removing rows never moves another row, and identical
 * rows always share a side, so a duplicate cannot be learned in training and scored in test. The test
 * share is `fraction` on average, not exactly.
 *
 * With `classOfRow` (stratified), each class with at least two distinct rows gets at least one row on each
 * side: when the threshold leaves a class on one side, the class's row nearest the threshold (with its
 * duplicates) crosses over. Only such a small class ever has a row moved, and only until it grows.
 * A class whose rows are all identical cannot be split without leakage: it stays in training (`unsplit`).
 */
export function hashSplit(
  points: Float64Array,
  keys: readonly string[],
  fraction: number,
  classOfRow?: Int32Array,
  classCount = 0,
): SplitRows & { unsplit: number[] } {
  const n = points.length;
  const inTest = new Uint8Array(n);
  for (let row = 0; row < n; row++) inTest[row] = points[row] < fraction ? 1 : 0;
  const unsplit: number[] = [];
  if (classOfRow) {
    // Per class: test and training counts, and the row nearest the threshold from each side.
    const tested = new Array<number>(classCount).fill(0);
    const total = new Array<number>(classCount).fill(0);
    const highestTest = new Array<number>(classCount).fill(-1);
    const lowestTrain = new Array<number>(classCount).fill(-1);
    for (let row = 0; row < n; row++) {
      const k = classOfRow[row];
      total[k]++;
      if (inTest[row]) {
        tested[k]++;
        if (highestTest[k] < 0 || points[row] > points[highestTest[k]]) highestTest[k] = row;
      } else if (lowestTrain[k] < 0 || points[row] < points[lowestTrain[k]]) lowestTrain[k] = row;
    }
    for (let k = 0; k < classCount; k++) {
      // A class of one row is learned, not scored (as stratifiedSplit does): held out, it would be a class
      // the model never saw, and training could not name its output.
      if (total[k] === 1 && tested[k] === 1) inTest[highestTest[k]] = 0;
      if (total[k] < 2 || (tested[k] > 0 && tested[k] < total[k])) continue;
      const mover = tested[k] === 0 ? lowestTrain[k] : highestTest[k];
      const key = keys[mover];
      const toTest = tested[k] === 0 ? 1 : 0;
      let moved = 0;
      for (let row = 0; row < n; row++) {
        if (classOfRow[row] === k && keys[row] === key) {
          inTest[row] = toTest;
          moved++;
        }
      }
      if (moved === total[k]) {
        // Every row of the class is the same row: keep it learned rather than leak it.
        for (let row = 0; row < n; row++) if (classOfRow[row] === k) inTest[row] = 0;
        unsplit.push(k);
      }
    }
  }
  let count = 0;
  for (let row = 0; row < n; row++) count += inTest[row];
  const test = new Uint32Array(count);
  const train = new Uint32Array(n - count);
  for (let row = 0, t = 0, r = 0; row < n; row++) {
    if (inTest[row]) test[t++] = row;
    else train[r++] = row;
  }
  return { test, train, unsplit };
}
