import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatNumber, formatPercent, formatSigned, nearlyEqual } from '../../src/compare/numbers.ts';

describe('formatNumber', () => {
  const cases: [number, string][] = [
    [0, '0'],
    [-0, '0'],
    [569, '569'],
    [-3, '-3'],
    [0.95, '0.95'],
    [0.956123, '0.9561'],
    [-0.0123456, '-0.01235'],
    [1e-7, '1e-7'],
    [1.23456e-5, '1.235e-5'],
    [0.0001, '0.0001'],
    [1234.56, '1235'],
    [9999.99, '10000'],
    [123456.7, '123457'],
    [1e22, '10000000000000000000000'],
    [0.1 + 0.2, '0.3'],
  ];
  for (const [value, text] of cases) {
    it(`${value} → ${text}`, () => assert.equal(formatNumber(value), text));
  }

  it('refuses NaN and infinities: they are rejected before reporting', () => {
    assert.throws(() => formatNumber(Number.NaN), /cannot format NaN/);
    assert.throws(() => formatNumber(Number.POSITIVE_INFINITY), /cannot format Infinity/);
    assert.throws(() => formatPercent(Number.NaN), /cannot format/);
  });
});

describe('formatSigned and formatPercent', () => {
  it('gives increases an explicit plus and leaves zero unsigned', () => {
    assert.equal(formatSigned(0.0123), '+0.0123');
    assert.equal(formatSigned(-0.0123), '-0.0123');
    assert.equal(formatSigned(0), '0');
    assert.equal(formatSigned(2), '+2');
  });
  it('shows one decimal with the direction of even a tiny change', () => {
    assert.equal(formatPercent(1.26), '+1.3%');
    assert.equal(formatPercent(-16.666), '-16.7%');
    assert.equal(formatPercent(-0.001), '-0.0%');
    assert.equal(formatPercent(0), '0.0%');
  });
});

describe('nearlyEqual', () => {
  it('treats float noise as equal, real changes as different, at any scale', () => {
    assert.equal(nearlyEqual(0.1 + 0.2, 0.3), true);
    assert.equal(nearlyEqual(1e6 + 1e-7, 1e6), true);
    assert.equal(nearlyEqual(0.95, 0.9500001), false);
    assert.equal(nearlyEqual(1e-7, 2e-7), false);
  });
});
