/**
 * Drift bins (pure): fitted on the training split by `fit-preprocessing.ts`, and the bin a value
 * falls in, which the model server counts and `model-ci monitor` recomputes from logged inputs.
 * Both sides bin through this one module, so the reference and the counts cannot disagree.
 */
import { DRIFT_BINS, DRIFT_CATEGORY_BINS, type DriftBins } from './preprocessing.ts';

/** Quantile cut points of `values` (distinct, ascending), and the share of values in each bin. */
export function numericBins(values: ArrayLike<number>): DriftBins {
  const sorted = Float64Array.from(values).sort();
  const n = sorted.length;
  const edges: number[] = [];
  for (let k = 1; k < DRIFT_BINS; k++) {
    const edge = sorted[Math.min(n - 1, Math.max(0, Math.ceil((k * n) / DRIFT_BINS) - 1))];
    // Repeated values collapse quantiles; the largest value would leave the last bin empty.
    if (edge < sorted[n - 1] && (edges.length === 0 || edge > edges[edges.length - 1])) edges.push(edge);
  }
  const counts = new Array<number>(edges.length + 1).fill(0);
  for (let i = 0; i < n; i++) counts[numericBin(edges, sorted[i])]++;
  return { edges, shares: counts.map((c) => c / n) };
}

/** Bin of a numeric value: the first edge it does not exceed (binary search over at most DRIFT_BINS - 1 edges). */
export function numericBin(edges: readonly number[], value: number): number {
  let lo = 0;
  let hi = edges.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (value <= edges[mid]) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/**
 * Bins of categories from their training counts (in `categories` order): one each, or, past
 * DRIFT_CATEGORY_BINS, the most frequent in their own bins and the rest pooled in the last.
 */
export function categoryBins(counts: readonly number[]): DriftBins {
  const total = counts.reduce((a, b) => a + b, 0) || 1;
  if (counts.length <= DRIFT_CATEGORY_BINS) return { shares: counts.map((c) => c / total) };
  const own = DRIFT_CATEGORY_BINS - 1;
  const byCount = counts.map((_, i) => i).sort((a, b) => counts[b] - counts[a] || a - b);
  const bins = new Array<number>(counts.length).fill(own);
  byCount.slice(0, own).forEach((category, bin) => {
    bins[category] = bin;
  });
  const shares = new Array<number>(own + 1).fill(0);
  counts.forEach((c, i) => {
    shares[bins[i]] += c / total;
  });
  return { categoryBins: bins, shares };
}

/** Bin of the category at `index` in the feature's categories. */
export function categoryBin(drift: DriftBins, index: number): number {
  return drift.categoryBins ? drift.categoryBins[index] : index;
}

/** How many bins a feature's drift reference has. */
export function binCount(drift: DriftBins): number {
  return drift.shares.length;
}
