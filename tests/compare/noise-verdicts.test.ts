import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compareRuns } from '../../src/compare/compare.ts';
import { evaluateGate } from '../../src/compare/gate.ts';
import type { MetricConfig } from '../../src/domain/config.ts';
import type { PairedPredictions } from '../../src/domain/paired-predictions.ts';
import { mcnemarExact } from '../../src/metrics/mcnemar.ts';

/**
 * `rows` binary rows main's model gets all right; the PR's breaks the first `broken` and (main being
 * right everywhere) fixes none. Accuracy: base 1, head 1 − broken/rows.
 */
function brokenRows(rows: number, broken: number): PairedPredictions {
  const truth = Int32Array.from({ length: rows }, (_, i) => i % 2);
  const head = Int32Array.from(truth, (y, i) => (i < broken ? 1 - y : y));
  const probabilities = (label: Int32Array) => Float32Array.from({ length: rows * 2 }, (_, j) => (label[j >> 1] === (j & 1) ? 0.8 : 0.2));
  return {
    task: 'binary-classification',
    classes: ['no', 'yes'],
    rows,
    truth,
    base: { label: truth, probabilities: probabilities(truth) },
    head: { label: head, probabilities: probabilities(head) },
    file: 'data/train.csv',
    lines: Uint32Array.from({ length: rows }, (_, i) => i + 2),
    isNew: new Uint8Array(rows),
  };
}

function compare(paired: PairedPredictions | undefined, metrics: MetricConfig[]) {
  const accuracy = paired ? 1 - Array.from(paired.head.label!).filter((label, i) => label !== paired.truth[i]).length / paired.rows : 0.96;
  return compareRuns({
    model: 'churn',
    metrics,
    base: { metrics: { accuracy: 1 }, params: {}, data: {} },
    head: { metrics: { accuracy }, params: {}, data: {} },
    baseline: { kind: 'record', commit: 'a'.repeat(40) },
    ...(paired ? { paired } : {}),
  });
}

describe('within noise', () => {
  it('a drop whose paired interval contains zero is within noise, and so is the header verdict', () => {
    // 1 broken row of 50: Δ = −0.02, but a resample without that row (chance (49/50)^50 ≈ 36%) gives Δ = 0.
    const result = compare(brokenRows(50, 1), [{ name: 'accuracy', direction: 'higher' }]);
    const [row] = result.rows;
    assert.equal(row.status, 'within-noise');
    assert.equal(row.interval?.high, 0);
    assert.ok(row.interval!.low < 0);
    assert.deepEqual(row.mcnemar, mcnemarExact(0, 1));
    assert.equal(result.verdict, 'within-noise');
    assert.deepEqual(result.noise, { rows: 50, resamples: 2000, seed: result.noise!.seed });
  });

  it('a drop whose interval excludes zero is worse', () => {
    const result = compare(brokenRows(400, 60), [{ name: 'accuracy', direction: 'higher' }]);
    assert.equal(result.rows[0].status, 'worse');
    assert.ok(result.rows[0].interval!.high < 0);
    assert.equal(result.verdict, 'worse');
  });

  it('without paired predictions (the old flow) rows and verdict are as before: no interval, no noise', () => {
    const result = compare(undefined, [{ name: 'accuracy', direction: 'higher' }]);
    assert.equal(result.rows[0].status, 'worse');
    assert.equal(result.rows[0].interval, undefined);
    assert.equal(result.noise, undefined);
    assert.equal(result.predictions, undefined);
  });
});

describe('a gate with confidence', () => {
  const gate = { tolerance: 0.01, confidence: 0.95 };

  it('fails a regression beyond the tolerance that is significant, saying so', () => {
    const result = compare(brokenRows(400, 60), [{ name: 'accuracy', direction: 'higher', gate }]);
    assert.equal(result.rows[0].gatePassed, false);
    assert.match(
      result.rows[0].gateReason!,
      /^fell by 0\.15, more than the 0\.01 allowed, significant at 95% \(95% interval of Δ \[-0\.\d+, -0\.\d+\], McNemar p = [\d.e-]+\)$/,
    );
    assert.equal(result.verdict, 'gate-failed');
  });

  it('passes a regression beyond the tolerance that is not significant, and says the test set is too small to tell', () => {
    const result = compare(brokenRows(50, 1), [{ name: 'accuracy', direction: 'higher', gate }]);
    const [row] = result.rows;
    assert.equal(row.gatePassed, true);
    assert.match(row.gateNote!, /^fell by 0\.02, more than the 0\.01 allowed, but not significant at 95% .*: 50 test rows are too few to tell$/);
    assert.equal(result.verdict, 'within-noise');
  });

  it("without the gate's confidence the same rows fail as today", () => {
    const result = compare(brokenRows(50, 1), [{ name: 'accuracy', direction: 'higher', gate: { tolerance: 0.01 } }]);
    assert.equal(result.rows[0].gatePassed, false);
    assert.equal(result.rows[0].gateReason, 'fell by 0.02, more than the 0.01 allowed');
  });

  it('without paired predictions fails on the point estimate, and says significance was not checked', () => {
    const result = compare(undefined, [{ name: 'accuracy', direction: 'higher', gate }]);
    assert.equal(result.rows[0].gatePassed, false);
    assert.match(
      result.rows[0].gateReason!,
      /more than the 0\.01 allowed, significance at 95% not checked: main's and this PR's models were not scored on the same rows$/,
    );
  });

  // The rule, on hand-set evidence: the end of the interval most favourable to the PR decides.
  const interval = (low: number, high: number) => ({ interval: { low, high, confidence: 0.95 }, rows: 1000 });
  it('fails only when the whole interval lies beyond the tolerance', () => {
    assert.equal(evaluateGate('higher', gate, 0.9, 0.85, interval(-0.07, -0.03)).passed, false);
    assert.equal(evaluateGate('higher', gate, 0.9, 0.85, interval(-0.07, -0.005)).passed, true);
    // Lower is better: Δ > 0 is the regression.
    assert.equal(evaluateGate('lower', gate, 0.3, 0.35, interval(0.02, 0.08)).passed, false);
    assert.equal(evaluateGate('lower', gate, 0.3, 0.35, interval(0.005, 0.08)).passed, true);
    // A point estimate within tolerance passes without asking the interval.
    assert.deepEqual(evaluateGate('higher', gate, 0.9, 0.895, interval(-0.07, -0.03)), { passed: true });
  });

  it("for accuracy, also needs McNemar's exact test to reject, and counts too few discordant rows as too few to tell", () => {
    const evidence = { ...interval(-0.07, -0.03), mcnemar: mcnemarExact(0, 5) }; // p = 0.0625
    const result = evaluateGate('higher', gate, 0.9, 0.85, evidence);
    assert.equal(result.passed, true);
    assert.match(result.note!, /McNemar p = 0\.0625\): 1000 test rows are too few to tell$/);
    assert.equal(evaluateGate('higher', gate, 0.9, 0.85, { ...evidence, mcnemar: mcnemarExact(0, 8) }).passed, false);
  });

  it('leaves a threshold alone: an absolute bound has nothing to test', () => {
    const result = evaluateGate('higher', { tolerance: 0.5, threshold: 0.9, confidence: 0.95 }, 0.95, 0.85, interval(-0.2, 0.05));
    assert.deepEqual(result, { passed: false, reason: '0.85 is below the minimum 0.9' });
  });
});
