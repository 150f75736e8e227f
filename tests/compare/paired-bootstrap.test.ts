import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';
import { BOOTSTRAP_RESAMPLES, bootstrapSeed, pairedBootstrap, percentileInterval, quantile } from '../../src/compare/paired-bootstrap.ts';
import type { Task } from '../../src/domain/config.ts';
import type { PairedPredictions } from '../../src/domain/paired-predictions.ts';
import { binomialHalfTail, mcnemarExact, mcnemarMinimumDiscordant } from '../../src/metrics/mcnemar.ts';
import { pairedCase } from './paired-fixtures.ts';

/** P(X ≤ k), X ~ Binomial(n, ½), as an exact fraction with BigInt: Σ C(n, i) / 2ⁿ. */
function exactHalfTail(n: number, k: number): number {
  let coefficient = 1n;
  let sum = 0n;
  for (let i = 0; i <= k; i++) {
    sum += coefficient;
    coefficient = (coefficient * BigInt(n - i)) / BigInt(i + 1);
  }
  // Scale to 60 bits of precision before converting: 2ⁿ can exceed a double.
  const scaled = (sum << 60n) / (1n << BigInt(n));
  return Number(scaled) / 2 ** 60;
}

describe("McNemar's exact test", () => {
  it('matches the exact binomial tail computed with BigInt fractions', () => {
    for (const [n, k] of [
      [5, 0],
      [10, 2],
      [25, 8],
      [100, 40],
      [1500, 700],
      [3000, 1400],
    ]) {
      const expected = exactHalfTail(n, k);
      const actual = binomialHalfTail(n, k);
      assert.ok(Math.abs(actual - expected) <= 1e-12 + 1e-9 * expected, `n=${n} k=${k}: ${actual} ≠ ${expected}`);
    }
  });
  it('gives the textbook two-sided p-values', () => {
    // 5 discordant rows all one way: 2 · ½⁵ = 0.0625 — not significant at 95% however lopsided.
    assert.ok(Math.abs(mcnemarExact(0, 5).p - 0.0625) < 1e-15);
    // 6 one way: 2/64 = 0.03125.
    assert.ok(Math.abs(mcnemarExact(6, 0).p - 0.03125) < 1e-15);
    // (3, 11): 2 · P(X ≤ 3 | 14) = 2 · 470/16384.
    assert.ok(Math.abs(mcnemarExact(3, 11).p - (2 * 470) / 16384) < 1e-15);
    // No discordant row, or a balanced split: no evidence at all.
    assert.equal(mcnemarExact(0, 0).p, 1);
    assert.equal(mcnemarExact(7, 7).p, 1);
  });
  it('knows how many discordant rows it needs to ever reject', () => {
    assert.equal(mcnemarMinimumDiscordant(0.95), 6);
    assert.equal(mcnemarMinimumDiscordant(0.99), 8); // 2·½⁸ = 0.0078 < 0.01, 2·½⁷ = 0.0156 is not
    assert.ok(mcnemarExact(mcnemarMinimumDiscordant(0.95), 0).p < 0.05);
    assert.ok(mcnemarExact(mcnemarMinimumDiscordant(0.95) - 1, 0).p >= 0.05);
  });
});

describe('percentile interval', () => {
  it("interpolates between order statistics as numpy's percentile does", () => {
    const sorted = Float64Array.from({ length: 11 }, (_, i) => i / 10); // 0, 0.1, …, 1
    // numpy.percentile(np.arange(11)/10, [2.5, 97.5]) = [0.025, 0.975]
    const interval = percentileInterval(sorted, 0.95);
    assert.ok(interval && Math.abs(interval.low - 0.025) < 1e-12 && Math.abs(interval.high - 0.975) < 1e-12);
    assert.equal(quantile(Float64Array.of(1, 2, 4), 0.5), 2);
    assert.equal(quantile(Float64Array.of(1, 2, 4), 0.75), 3);
    assert.equal(percentileInterval(new Float64Array(0), 0.95), undefined);
  });
});

describe('paired bootstrap', () => {
  it('is reproducible: the same predictions give the same seed and interval, other predictions another seed', () => {
    const one = pairedBootstrap(pairedCase('binary-classification', 120), 300);
    const again = pairedBootstrap(pairedCase('binary-classification', 120), 300);
    assert.equal(one.seed, again.seed);
    assert.deepEqual(one.metrics.accuracy.deltas, again.metrics.accuracy.deltas);
    const other = pairedCase('binary-classification', 120);
    other.head.label![0] = 1 - other.head.label![0];
    assert.notEqual(bootstrapSeed(other), one.seed);
  });

  it('scores every metric of each task on the paired rows, and McNemar for classifiers', () => {
    const expected: Record<Task, string[]> = {
      'binary-classification': ['accuracy', 'precision', 'recall', 'f1', 'roc_auc', 'log_loss'],
      'multiclass-classification': ['accuracy', 'precision', 'recall', 'f1', 'log_loss'],
      regression: ['rmse', 'mae', 'r2'],
    };
    for (const task of Object.keys(expected) as Task[]) {
      const noise = pairedBootstrap(pairedCase(task, 80), 50);
      assert.deepEqual(Object.keys(noise.metrics), expected[task], task);
      assert.equal(noise.mcnemar === undefined, task === 'regression');
      for (const metric of Object.values(noise.metrics)) assert.equal(metric.deltas.length, 50);
    }
  });

  it('gives a zero-width interval at zero when the two models predict the same', () => {
    const paired = pairedCase('multiclass-classification', 90);
    paired.head = paired.base;
    const noise = pairedBootstrap(paired, 200);
    for (const metric of Object.values(noise.metrics)) {
      assert.deepEqual(percentileInterval(metric.deltas, 0.95), { low: 0, high: 0, confidence: 0.95 });
    }
    assert.deepEqual(noise.mcnemar, { fixed: 0, broken: 0, p: 1 });
  });

  it('agrees with the normal approximation of a paired accuracy difference on many rows', () => {
    // Var(Δ) of paired proportions: ((b + c)/n − Δ²)/n, b and c the discordant rows.
    const paired = pairedCase('binary-classification', 4000, { baseSkill: 0.8, headSkill: 0.9, seed: 3 });
    const noise = pairedBootstrap(paired);
    assert.equal(noise.resamples, BOOTSTRAP_RESAMPLES);
    const { fixed, broken } = noise.mcnemar!;
    const n = paired.rows;
    const delta = (fixed - broken) / n;
    assert.ok(Math.abs(noise.metrics.accuracy.delta - delta) < 1e-12);
    const sd = Math.sqrt(((fixed + broken) / n - delta ** 2) / n);
    const interval = percentileInterval(noise.metrics.accuracy.deltas, 0.95)!;
    const halfWidth = (interval.high - interval.low) / 2;
    assert.ok(Math.abs(halfWidth / (1.959964 * sd) - 1) < 0.1, `half-width ${halfWidth} vs normal ${1.959964 * sd}`);
    assert.ok(Math.abs((interval.high + interval.low) / 2 - delta) < sd / 2);
  });

  it('rejects inconsistent arrays (a bug in the plumbing) instead of computing a wrong interval', () => {
    const paired = pairedCase('binary-classification', 10);
    assert.throws(() => pairedBootstrap({ ...paired, rows: 11 }), /truth has 10 values/);
    const bad = pairedCase('binary-classification', 10);
    bad.head.label![3] = 5;
    assert.throws(() => pairedBootstrap(bad), /head\.label\[3\] is 5/);
  });
});

const python = spawnSync('python3', ['-c', 'import numpy, scipy'], { encoding: 'utf8' });
const noPython =
  python.status === 0 ? false : `python3 with numpy and scipy is not available (${(python.stderr || python.error?.message || '').trim().split('\n').pop()})`;
if (noPython) console.warn(`SKIPPED: the Python reference of the paired bootstrap: ${noPython}`);

describe('paired bootstrap against an independent implementation (Python: numpy, scipy)', () => {
  const reference = fileURLToPath(new URL('./bootstrap_reference.py', import.meta.url));
  const cases: [Task, number][] = [
    ['binary-classification', 70],
    ['multiclass-classification', 60],
    ['regression', 50],
  ];
  for (const [task, rows] of cases) {
    it(`${task}: same interval for every metric`, { skip: noPython }, () => {
      const paired = pairedCase(task, rows, { seed: 11 });
      const resamples = 150;
      const noise = pairedBootstrap(paired, resamples);
      const input = JSON.stringify(toJson(paired, noise.seed, resamples));
      const run = spawnSync('python3', [reference], { input, encoding: 'utf8', maxBuffer: 1 << 24 });
      assert.equal(run.status, 0, run.stderr);
      const expected = JSON.parse(run.stdout) as Record<string, [number, number, number]>;
      assert.deepEqual(Object.keys(noise.metrics).sort(), Object.keys(expected).sort());
      for (const [name, [low, high, delta]] of Object.entries(expected)) {
        const interval = percentileInterval(noise.metrics[name].deltas, 0.95)!;
        const close = (a: number, b: number) => Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(b));
        assert.ok(close(interval.low, low) && close(interval.high, high), `${name}: [${interval.low}, ${interval.high}] ≠ [${low}, ${high}]`);
        assert.ok(close(noise.metrics[name].delta, delta), `${name}: Δ ${noise.metrics[name].delta} ≠ ${delta}`);
      }
    });
  }
});

function toJson(paired: PairedPredictions, seed: number, resamples: number) {
  const side = (s: PairedPredictions['base']) => Object.fromEntries(Object.entries(s).map(([key, value]) => [key, Array.from(value as ArrayLike<number>)]));
  return {
    task: paired.task,
    classes: paired.classes?.length ?? 0,
    truth: Array.from(paired.truth),
    base: side(paired.base),
    head: side(paired.head),
    seed,
    resamples,
    confidence: 0.95,
  };
}
