import { createRequire as __mcCreateRequire } from 'node:module'; import { fileURLToPath as __mcFileURLToPath } from 'node:url'; import { dirname as __mcDirname } from 'node:path'; const require = __mcCreateRequire(import.meta.url); const __filename = __mcFileURLToPath(import.meta.url); const __dirname = __mcDirname(__filename);
import {
  DRIFT_BINS,
  DRIFT_CATEGORY_BINS
} from "./cli-chunk-5cf8645060.js";

// src/data/drift-bins.ts
function numericBins(values) {
  const sorted = Float64Array.from(values).sort();
  const n = sorted.length;
  const edges = [];
  for (let k = 1; k < DRIFT_BINS; k++) {
    const edge = sorted[Math.min(n - 1, Math.max(0, Math.ceil(k * n / DRIFT_BINS) - 1))];
    if (edge < sorted[n - 1] && (edges.length === 0 || edge > edges[edges.length - 1])) edges.push(edge);
  }
  const counts = new Array(edges.length + 1).fill(0);
  for (let i = 0; i < n; i++) counts[numericBin(edges, sorted[i])]++;
  return { edges, shares: counts.map((c) => c / n) };
}
function numericBin(edges, value) {
  let lo = 0;
  let hi = edges.length;
  while (lo < hi) {
    const mid = lo + hi >> 1;
    if (value <= edges[mid]) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
function categoryBins(counts) {
  const total = counts.reduce((a, b) => a + b, 0) || 1;
  if (counts.length <= DRIFT_CATEGORY_BINS) return { shares: counts.map((c) => c / total) };
  const own = DRIFT_CATEGORY_BINS - 1;
  const byCount = counts.map((_, i) => i).sort((a, b) => counts[b] - counts[a] || a - b);
  const bins = new Array(counts.length).fill(own);
  byCount.slice(0, own).forEach((category, bin) => {
    bins[category] = bin;
  });
  const shares = new Array(own + 1).fill(0);
  counts.forEach((c, i) => {
    shares[bins[i]] += c / total;
  });
  return { categoryBins: bins, shares };
}
function categoryBin(drift, index) {
  return drift.categoryBins ? drift.categoryBins[index] : index;
}

export {
  numericBins,
  numericBin,
  categoryBins,
  categoryBin
};
