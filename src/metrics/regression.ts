/**
 * Regression metrics, in the target's own units. `weight` counts each row that many times (a bootstrap
 * resample is the test rows with multiplicities); without it every row counts once.
 */

export function rmse(actual: ArrayLike<number>, predicted: ArrayLike<number>, weight?: ArrayLike<number>): number {
  let sum = 0;
  let total = 0;
  for (let i = 0; i < actual.length; i++) {
    const w = weight ? weight[i] : 1;
    sum += w * (actual[i] - predicted[i]) ** 2;
    total += w;
  }
  return Math.sqrt(sum / total);
}

export function mae(actual: ArrayLike<number>, predicted: ArrayLike<number>, weight?: ArrayLike<number>): number {
  let sum = 0;
  let total = 0;
  for (let i = 0; i < actual.length; i++) {
    const w = weight ? weight[i] : 1;
    sum += w * Math.abs(actual[i] - predicted[i]);
    total += w;
  }
  return sum / total;
}

/**
 * 1 − residual / total sum of squares. A constant target has no variance to explain:
 * then R² is 1 for perfect predictions and 0 otherwise (scikit-learn's `force_finite`), never NaN.
 */
export function r2(actual: ArrayLike<number>, predicted: ArrayLike<number>, weight?: ArrayLike<number>): number {
  const n = actual.length;
  let mean = 0;
  let total = 0;
  for (let i = 0; i < n; i++) {
    const w = weight ? weight[i] : 1;
    mean += w * actual[i];
    total += w;
  }
  mean /= total;
  let residual = 0;
  let spread = 0;
  for (let i = 0; i < n; i++) {
    const w = weight ? weight[i] : 1;
    residual += w * (actual[i] - predicted[i]) ** 2;
    spread += w * (actual[i] - mean) ** 2;
  }
  if (spread === 0) return residual === 0 ? 1 : 0;
  return 1 - residual / spread;
}
