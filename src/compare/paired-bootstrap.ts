/**
 * Is a metric's change more than noise? Main's and the PR's models scored on the same rows
 * (`PairedPredictions`) are resampled together: each bootstrap resample draws `rows` row indices with
 * replacement and scores BOTH models on those rows, so Δ = head − base keeps the pairing (a hard row is
 * hard for both). The percentile interval of the resampled Δs is the confidence interval of Δ.
 *
 * Reproducible: the random stream is model-ci's seeded PRNG (`createRng`, mulberry32), seeded with the
 * first 32 bits of SHA-256 over `SEED_SALT` and the bytes of the paired arrays. The same predictions on
 * the same rows give the same interval on every machine; other predictions give another draw.
 *
 * Cost: B resamples × (rows index draws + one O(rows) pass per metric and model). The drawn indices are
 * accumulated as per-row multiplicities in one reused typed array, which the metric functions of
 * src/metrics take as `weight` — the same metric code that scores a run, no second implementation, no
 * per-row objects, and ROC AUC sorts once instead of once per resample. Linear in rows.
 */
import { createHash } from 'node:crypto';
import { createRng } from '../data/random.ts';
import type { PairedPredictions, RowPredictions } from '../domain/paired-predictions.ts';
import { accuracy, classScores, confusionMatrix, logLossTerms, macroScores, rocAucSorted, sortForRocAuc, weightedMean } from '../metrics/classification.ts';
import { type McNemar, mcnemarExact } from '../metrics/mcnemar.ts';
import { mae, r2, rmse } from '../metrics/regression.ts';

/**
 * Resamples per interval. A 95% percentile interval needs ≥ 1000 for stable ends (Efron & Tibshirani);
 * 2000 keeps the ends' Monte Carlo wobble well under the interval's width, and costs well under a second
 * on tens of thousands of rows (bench figures in the report of issue 9).
 */
export const BOOTSTRAP_RESAMPLES = 2000;
/** Changing it (or the draw order) changes every interval: bump the version in it when that is meant. */
export const SEED_SALT = 'model-ci paired bootstrap v1';

export interface PairedMetric {
  /** Main's and the PR's value on the paired rows. */
  base: number;
  head: number;
  delta: number;
  /** The resampled Δs, ascending; resamples where the metric is undefined (ROC AUC of one class) are left out. */
  deltas: Float64Array;
}

export interface PairedNoise {
  rows: number;
  resamples: number;
  seed: number;
  /** By metric name: every catalog metric of the task the predictions allow. */
  metrics: Record<string, PairedMetric>;
  /** Classification: McNemar's exact test on the rows whose correctness changed. */
  mcnemar?: McNemar;
}

export interface Interval {
  low: number;
  high: number;
  confidence: number;
}

/** The bootstrap distribution of Δ for every metric the task reports. Pure; throws (a bug) on inconsistent arrays. */
export function pairedBootstrap(paired: PairedPredictions, resamples = BOOTSTRAP_RESAMPLES): PairedNoise {
  checkShapes(paired);
  const n = paired.rows;
  const base = sideScorer(paired, paired.base);
  const head = sideScorer(paired, paired.head);
  const names = head.names.filter((name) => base.names.includes(name));
  const baseAt = names.map((name) => base.names.indexOf(name));
  const headAt = names.map((name) => head.names.indexOf(name));
  const seed = bootstrapSeed(paired);
  const draws = names.map(() => new Float64Array(resamples));
  const kept = names.map(() => 0);
  const random = createRng(seed);
  const weight = new Uint32Array(n);
  for (let b = 0; b < resamples; b++) {
    weight.fill(0);
    for (let i = 0; i < n; i++) weight[Math.floor(random() * n)]++;
    const headValues = head.score(weight);
    const baseValues = base.score(weight);
    names.forEach((_, m) => {
      const delta = headValues[headAt[m]] - baseValues[baseAt[m]];
      if (Number.isFinite(delta)) draws[m][kept[m]++] = delta;
    });
  }
  const headPoint = head.score();
  const basePoint = base.score();
  const metrics: Record<string, PairedMetric> = {};
  names.forEach((name, m) => {
    const [b, h] = [basePoint[baseAt[m]], headPoint[headAt[m]]];
    if (!Number.isFinite(b) || !Number.isFinite(h)) return;
    metrics[name] = { base: b, head: h, delta: h - b, deltas: draws[m].slice(0, kept[m]).sort() };
  });
  const noise: PairedNoise = { rows: n, resamples, seed, metrics };
  if (paired.task !== 'regression') noise.mcnemar = mcnemarOf(paired);
  return noise;
}

/**
 * The percentile interval at `confidence` (two-sided): the (1−c)/2 and (1+c)/2 quantiles of the sorted
 * Δs, interpolated linearly between order statistics as numpy's default `percentile` does.
 */
export function percentileInterval(sortedDeltas: Float64Array, confidence: number): Interval | undefined {
  if (sortedDeltas.length === 0) return undefined;
  const tail = (1 - confidence) / 2;
  return { low: quantile(sortedDeltas, tail), high: quantile(sortedDeltas, 1 - tail), confidence };
}

export function quantile(sorted: ArrayLike<number>, q: number): number {
  const position = q * (sorted.length - 1);
  const below = Math.floor(position);
  const above = Math.min(below + 1, sorted.length - 1);
  return sorted[below] + (sorted[above] - sorted[below]) * (position - below);
}

/** SHA-256 of the salt and every paired array's bytes, first 32 bits (little-endian): the PRNG's seed. */
export function bootstrapSeed(paired: PairedPredictions): number {
  const hash = createHash('sha256').update(`${SEED_SALT}\0${paired.task}\0${paired.rows}\0`);
  const arrays = [paired.truth, ...sideArrays(paired.base), ...sideArrays(paired.head)];
  for (const array of arrays) hash.update(new Uint8Array(array.buffer, array.byteOffset, array.byteLength)).update('\0');
  return hash.digest().readUInt32LE(0);
}

function sideArrays(side: RowPredictions): ArrayBufferView[] {
  return [side.label, side.probabilities, side.value].filter((array): array is NonNullable<typeof array> => array !== undefined);
}

interface Scorer {
  names: string[];
  /** The metrics in `names` order, each row counted `weight[i]` times (once without). */
  score(weight?: Uint32Array): number[];
}

function sideScorer(paired: PairedPredictions, side: RowPredictions): Scorer {
  if (paired.task === 'regression') {
    const truth = paired.truth as Float64Array;
    const value = side.value as Float64Array;
    return { names: ['rmse', 'mae', 'r2'], score: (w) => [rmse(truth, value, w), mae(truth, value, w), r2(truth, value, w)] };
  }
  const truth = paired.truth as Int32Array;
  const label = side.label as Int32Array;
  const k = (paired.classes as string[]).length;
  const probabilities = side.probabilities;
  // Log loss is a mean of per-row terms: computed once here, each resample only re-weights them.
  const lossTerms = probabilities ? logLossTerms(Float64Array.from(truth, (actual, i) => probabilities[i * k + actual])) : undefined;
  if (paired.task === 'binary-classification') {
    // As evaluate(): the second class is the positive one, its probability the ROC score.
    const positiveScore = probabilities ? Float64Array.from(truth, (_, i) => probabilities[i * k + 1]) : undefined;
    const aucRows = positiveScore ? sortForRocAuc(truth, positiveScore) : undefined;
    const names = ['accuracy', 'precision', 'recall', 'f1', ...(probabilities ? ['roc_auc', 'log_loss'] : [])];
    return {
      names,
      score: (w) => {
        const matrix = confusionMatrix(truth, label, k, w);
        const scores = classScores(matrix, 1);
        const values = [accuracy(matrix), scores.precision, scores.recall, scores.f1];
        if (aucRows && lossTerms) {
          values.push(rocAucSorted(aucRows, w), weightedMean(lossTerms, w));
        }
        return values;
      },
    };
  }
  const names = ['accuracy', 'precision', 'recall', 'f1', ...(probabilities ? ['log_loss'] : [])];
  return {
    names,
    score: (w) => {
      const matrix = confusionMatrix(truth, label, k, w);
      const scores = macroScores(matrix);
      const values = [accuracy(matrix), scores.precision, scores.recall, scores.f1];
      if (lossTerms) values.push(weightedMean(lossTerms, w));
      return values;
    },
  };
}

function mcnemarOf(paired: PairedPredictions): McNemar {
  const truth = paired.truth;
  const base = paired.base.label as Int32Array;
  const head = paired.head.label as Int32Array;
  let fixed = 0;
  let broken = 0;
  for (let i = 0; i < paired.rows; i++) {
    const baseRight = base[i] === truth[i];
    const headRight = head[i] === truth[i];
    if (headRight && !baseRight) fixed++;
    else if (baseRight && !headRight) broken++;
  }
  return mcnemarExact(fixed, broken);
}

/** The plumbing builds these arrays; a mismatch is a bug there, said before it becomes a wrong interval. */
function checkShapes(paired: PairedPredictions): void {
  const n = paired.rows;
  const fail = (what: string) => {
    throw new Error(`pairedBootstrap: ${what} (rows: ${n})`);
  };
  if (!Number.isInteger(n) || n < 1) fail('no paired rows');
  if (paired.truth.length !== n) fail(`truth has ${paired.truth.length} values`);
  for (const [name, side] of [
    ['base', paired.base],
    ['head', paired.head],
  ] as const) {
    if (paired.task === 'regression') {
      if (side.value?.length !== n) fail(`${name}.value has ${side.value?.length ?? 'no'} values`);
      continue;
    }
    const k = paired.classes?.length ?? 0;
    if (k < 2) fail('a classification needs at least 2 classes');
    if (side.label?.length !== n) fail(`${name}.label has ${side.label?.length ?? 'no'} values`);
    if (side.probabilities && side.probabilities.length !== n * k) fail(`${name}.probabilities has ${side.probabilities.length} values, not rows × ${k}`);
    const label = side.label as Int32Array;
    for (let i = 0; i < n; i++) if (!(label[i] >= 0 && label[i] < k)) fail(`${name}.label[${i}] is ${label[i]}, not a class index`);
  }
  if (paired.task !== 'regression') {
    const k = paired.classes?.length ?? 0;
    for (let i = 0; i < n; i++) if (!(paired.truth[i] >= 0 && paired.truth[i] < k)) fail(`truth[${i}] is ${paired.truth[i]}, not a class index`);
  }
}
