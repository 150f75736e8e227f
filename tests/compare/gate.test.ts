import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { describeGate, evaluateGate } from '../../src/compare/gate.ts';

describe('evaluateGate', () => {
  it('absolute tolerance: a drop up to the tolerance passes, beyond it fails with the numbers', () => {
    const gate = { tolerance: 0.01 };
    assert.deepEqual(evaluateGate('higher', gate, 0.95, 0.94), { passed: true });
    assert.deepEqual(evaluateGate('higher', gate, 0.95, 0.9), {
      passed: false,
      reason: 'fell by 0.05, more than the 0.01 allowed',
    });
    // Improvements are never held against a gate.
    assert.deepEqual(evaluateGate('higher', gate, 0.95, 0.99), { passed: true });
  });

  it('relative tolerance is a fraction of |main|', () => {
    const gate = { tolerance: 0.05, relative: true };
    // 5% of 2.0 = 0.1: a loss rising to 2.09 passes, to 2.2 fails.
    assert.equal(evaluateGate('lower', gate, 2, 2.09).passed, true);
    assert.deepEqual(evaluateGate('lower', gate, 2, 2.2), {
      passed: false,
      reason: 'rose by 0.2 (10% of main), more than the 5% allowed',
    });
    // The same absolute tolerance would have passed 2.2 → a different answer proves `relative` is honoured.
    assert.equal(evaluateGate('lower', { tolerance: 0.5 }, 2, 2.2).passed, true);
    // Relative to a negative main value uses its magnitude.
    assert.equal(evaluateGate('higher', gate, -2, -2.09).passed, true);
    assert.equal(evaluateGate('higher', gate, -2, -2.2).passed, false);
  });

  it('relative tolerance against a main value of 0 allows no regression', () => {
    const result = evaluateGate('lower', { tolerance: 0.1, relative: true }, 0, 0.001);
    assert.deepEqual(result, { passed: false, reason: "rose by 0.001 from main's 0, more than the 10% allowed" });
  });

  it('a regression of exactly the tolerance passes despite float error', () => {
    // 1.1 - 1.0 is 0.10000000000000009 in floating point: a naive `>` would fail a tolerance of 0.1.
    assert.ok(1.1 - 1.0 > 0.1);
    assert.equal(evaluateGate('higher', { tolerance: 0.1 }, 1.1, 1.0).passed, true);
    assert.equal(evaluateGate('lower', { tolerance: 0.1 }, 1.0, 1.1).passed, true);
    assert.equal(evaluateGate('lower', { tolerance: 0.1 }, 1.0, 1.1000001).passed, false);
  });

  it('threshold is a minimum when higher is better and a maximum when lower is', () => {
    assert.deepEqual(evaluateGate('higher', { threshold: 0.9 }, undefined, 0.85), {
      passed: false,
      reason: '0.85 is below the minimum 0.9',
    });
    assert.equal(evaluateGate('higher', { threshold: 0.9 }, undefined, 0.9).passed, true);
    assert.deepEqual(evaluateGate('lower', { threshold: 0.2 }, 0.1, 0.25), {
      passed: false,
      reason: '0.25 is above the maximum 0.2',
    });
  });

  it('reports every failed part of a gate', () => {
    const result = evaluateGate('higher', { tolerance: 0.01, threshold: 0.9 }, 0.95, 0.8);
    assert.equal(result.passed, false);
    assert.equal(result.reason, 'fell by 0.15, more than the 0.01 allowed; 0.8 is below the minimum 0.9');
  });

  it('a gated metric missing from the run fails and says what main had', () => {
    assert.deepEqual(evaluateGate('higher', { tolerance: 0.01 }, 0.95, undefined), {
      passed: false,
      reason: 'missing from this run (main: 0.95)',
    });
  });

  it('without a baseline only the threshold is checked', () => {
    assert.equal(evaluateGate('higher', { tolerance: 0.01 }, undefined, 0.1).passed, true);
  });
});

describe('describeGate', () => {
  it('states the rule in the direction of the metric', () => {
    assert.equal(describeGate('higher', { tolerance: 0.01, threshold: 0.9 }), 'Δ ≥ -0.01, ≥ 0.9');
    assert.equal(describeGate('lower', { tolerance: 0.02, relative: true }), 'Δ ≤ +2%');
    assert.equal(describeGate('lower', { threshold: 0.3 }), '≤ 0.3');
  });
});

describe('describeGate with confidence', () => {
  it('says the tolerance fails only on a significant regression', () => {
    assert.equal(describeGate('higher', { tolerance: 0.01, confidence: 0.95 }), 'Δ ≥ -0.01 (fails only if significant at 95%)');
  });
});
