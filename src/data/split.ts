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
