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
  const order = seededShuffle(n, seed);
  const groups: number[][] = Array.from({ length: classCount }, () => []);
  for (const row of order) groups[classOfRow[row]].push(row);

  const shares = groups.map((rows) => rows.length * fraction);
  const quotas = shares.map(Math.floor);
  let missing = testRowCount(n, fraction) - quotas.reduce((a, b) => a + b, 0);
  const byRemainder = shares.map((_, k) => k).sort((a, b) => shares[b] - quotas[b] - (shares[a] - quotas[a]) || a - b);
  for (const k of byRemainder) {
    if (missing <= 0) break;
    quotas[k]++;
    missing--;
  }

  const test: number[] = [];
  const train: number[] = [];
  groups.forEach((rows, k) => {
    const quota = rows.length < 2 ? 0 : Math.min(Math.max(quotas[k], 1), rows.length - 1);
    test.push(...rows.slice(0, quota));
    train.push(...rows.slice(quota));
  });
  return { test: sorted(test), train: sorted(train) };
}

function sorted(rows: ArrayLike<number>): Uint32Array {
  return Uint32Array.from(rows).sort();
}
