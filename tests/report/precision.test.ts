import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatNumber, formatSigned } from '../../src/compare/numbers.ts';
import { metricDecimals, metricFormat } from '../../src/report/precision.ts';

describe('metricDecimals', () => {
  it('shows a share of n rows to ceil(log10 n) decimals, at least 2', () => {
    assert.equal(metricDecimals('accuracy', 114), 3);
    assert.equal(metricDecimals('accuracy', 100), 2);
    assert.equal(metricDecimals('f1', 1000), 3);
    assert.equal(metricDecimals('recall', 20_000), 5);
    assert.equal(metricDecimals('precision', 8), 2);
  });

  it('leaves other metrics and unknown row counts to significant digits', () => {
    assert.equal(metricDecimals('log_loss', 114), undefined);
    assert.equal(metricDecimals('rmse', 114), undefined);
    assert.equal(metricDecimals('accuracy', undefined), undefined);
    assert.equal(metricDecimals('accuracy', 0), undefined);
    assert.equal(metricDecimals('constructor', 114), undefined);
  });
});

describe('metricFormat', () => {
  it('accuracy on 114 rows: 3 decimals, and a change never more precise than the values', () => {
    const format = metricFormat('accuracy', 106, 114);
    assert.equal(format.value(110 / 114), '0.965');
    assert.equal(format.value(1), '1.000');
    assert.equal(format.delta(110 / 114 - 101 / 106), '+0.012');
    // A quarter of a row is below what 114 rows can show.
    assert.equal(format.delta(0.25 / 114), '+0.002');
    assert.equal(format.delta(0.0002), '0.000');
    assert.equal(format.delta(-0.0002), '0.000');
  });

  it('the coarser side sets the precision', () => {
    assert.equal(metricFormat('accuracy', 50, 5000).value(0.9512), '0.95');
    assert.equal(metricFormat('accuracy', undefined, 5000).value(0.9512), '0.9512');
  });

  it('keeps significant digits where rows say nothing', () => {
    assert.equal(metricFormat('log_loss', 114).value(0.123456), formatNumber(0.123456));
    assert.equal(metricFormat('log_loss', 114).delta(-0.0123456), formatSigned(-0.0123456));
  });
});
