import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { categoryBin, categoryBins, numericBin, numericBins } from '../../src/data/drift-bins.ts';
import { DRIFT_BINS, DRIFT_CATEGORY_BINS } from '../../src/data/preprocessing.ts';
import { checkPreprocessing } from '../../src/model/model-files.ts';
import { tinyPreprocessing } from '../support/tiny-model.ts';

describe('drift bins', () => {
  it('cuts numbers at training quantiles, at most DRIFT_BINS bins of about equal share', () => {
    const values = Array.from({ length: 1000 }, (_, i) => (i * 7919) % 1000);
    const bins = numericBins(values);
    assert.equal(bins.shares.length, DRIFT_BINS);
    assert.deepEqual(bins.edges, [99, 199, 299, 399, 499, 599, 699, 799, 899]);
    assert.ok(bins.shares.every((s) => s === 0.1));
  });

  it('bins a value by the first edge it does not exceed', () => {
    const edges = [1, 2, 3];
    assert.deepEqual(
      [-5, 1, 1.5, 2, 3, 3.01, 99].map((v) => numericBin(edges, v)),
      [0, 0, 1, 1, 2, 3, 3],
    );
    assert.equal(numericBin([], 42), 0);
  });

  it('gives each category a bin, and pools the rarest past DRIFT_CATEGORY_BINS', () => {
    assert.deepEqual(categoryBins([1, 3]), { shares: [0.25, 0.75] });
    const counts = Array.from({ length: 100 }, (_, i) => i + 1);
    const pooled = categoryBins(counts);
    assert.equal(pooled.shares.length, DRIFT_CATEGORY_BINS);
    // The most frequent (the last, count 100) has bin 0; the rarest share the last bin.
    assert.equal(categoryBin(pooled, 99), 0);
    assert.equal(categoryBin(pooled, 0), DRIFT_CATEGORY_BINS - 1);
    assert.ok(Math.abs(pooled.shares.reduce((a, b) => a + b, 0) - 1) < 1e-9);
  });
});

describe('drift bins in preprocessing.json', () => {
  it('a file written before drift monitoring (no bins, no range) still loads', () => {
    const old = tinyPreprocessing('binary');
    assert.equal(old.features[0].drift, undefined);
    assert.deepEqual(checkPreprocessing(JSON.parse(JSON.stringify(old)), 'preprocessing.json'), old);
  });

  it('refuses malformed bins with the field named', () => {
    const pre = tinyPreprocessing('binary');
    const bad = (drift: unknown, index = 0) => {
      const copy = JSON.parse(JSON.stringify(pre));
      copy.features[index].drift = drift;
      return () => checkPreprocessing(copy, 'preprocessing.json');
    };
    const failsAt = (check: () => unknown, message: RegExp) =>
      assert.throws(check, (error: { describe(): string }) => {
        assert.match(error.describe(), message);
        return true;
      });
    failsAt(bad({ edges: [2, 1], shares: [0.3, 0.3, 0.4] }), /features\[0\]\.drift\.edges: expected 2 ascending finite cut points/);
    failsAt(bad({ edges: [1], shares: [1] }), /features\[0\]\.drift\.edges: expected 0 ascending/);
    failsAt(bad({ edges: [], shares: new Array(DRIFT_BINS + 1).fill(0) }), /features\[0\]\.drift\.shares: expected 1 to 10 bins/);
    failsAt(bad({ shares: [0.5, 0.5] }, 2), /features\[2\]\.drift\.shares: expected one share per category \(3\)/);
    failsAt(bad({ shares: [0.5, 0.5], categoryBins: [0, 1, 2] }, 2), /features\[2\]\.drift\.categoryBins: expected one bin index \(0 to 1\) per category/);
  });
});
