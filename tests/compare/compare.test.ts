import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compareRuns, type CompareInput, type RunSide } from '../../src/compare/compare.ts';
import type { MetricConfig } from '../../src/domain/config.ts';
import { isUserError } from '../../src/errors.ts';

const CONFIG: MetricConfig[] = [
  { name: 'accuracy', direction: 'higher', gate: { tolerance: 0.01 } },
  { name: 'log_loss', direction: 'lower' },
];

function side(metrics: Record<string, number>, extra: Partial<RunSide> = {}): RunSide {
  return { metrics, params: {}, data: {}, ...extra };
}

function compare(base: Record<string, number> | undefined, head: Record<string, number>, metrics = CONFIG, extra: Partial<CompareInput> = {}) {
  return compareRuns({
    model: 'iris',
    metrics,
    base: base ? side(base) : undefined,
    head: side(head),
    baseline: base ? { kind: 'record', commit: 'a'.repeat(40) } : { kind: 'none' },
    ...extra,
  });
}

describe('compareRuns rows', () => {
  it('lists configured metrics in config order, then the others alphabetically, with new and removed marked', () => {
    const result = compare({ log_loss: 0.3, accuracy: 0.9, zeta: 1, recall: 0.8 }, { accuracy: 0.9, log_loss: 0.3, alpha: 2, recall: 0.8 });
    assert.deepEqual(
      result.rows.map((row) => [row.name, row.status]),
      [
        ['accuracy', 'unchanged'],
        ['log_loss', 'unchanged'],
        ['alpha', 'new'],
        ['recall', 'unchanged'],
        ['zeta', 'removed'],
      ],
    );
  });

  it('computes delta and delta % against |main|, with no percentage when main is 0', () => {
    const result = compare({ accuracy: 0.8, log_loss: 0, mae: -2 }, { accuracy: 0.9, log_loss: 0.1, mae: -1 });
    const [accuracy, loss, mae] = result.rows;
    assert.ok(Math.abs((accuracy.delta as number) - 0.1) < 1e-12);
    assert.ok(Math.abs((accuracy.deltaPct as number) - 12.5) < 1e-9);
    assert.equal(loss.deltaPct, undefined);
    assert.equal(loss.status, 'worse');
    // mae is lower-is-better (catalog): -2 → -1 rose by 1, i.e. +50% of |−2|, and is worse.
    assert.equal(mae.deltaPct, 50);
    assert.equal(mae.direction, 'lower');
    assert.equal(mae.status, 'worse');
  });

  it('follows each metric direction: a lower loss is better, a lower accuracy worse', () => {
    const result = compare({ accuracy: 0.9, log_loss: 0.3 }, { accuracy: 0.85, log_loss: 0.2 });
    assert.deepEqual(
      result.rows.map((row) => row.status),
      ['worse', 'better'],
    );
    assert.equal(result.verdict, 'gate-failed');
  });

  it('calls float noise unchanged', () => {
    const result = compare({ accuracy: 0.3, log_loss: 0.2 }, { accuracy: 0.1 + 0.2, log_loss: 0.2 + 1e-15 });
    assert.deepEqual(
      result.rows.map((row) => row.status),
      ['unchanged', 'unchanged'],
    );
    assert.equal(result.verdict, 'unchanged');
  });

  it('marks a regression inside the gate tolerance as within-tolerance, and one past it as worse and failed', () => {
    const inside = compare({ accuracy: 0.95, log_loss: 0.2 }, { accuracy: 0.945, log_loss: 0.2 });
    assert.equal(inside.rows[0].status, 'within-tolerance');
    assert.equal(inside.rows[0].gatePassed, true);
    const outside = compare({ accuracy: 0.95, log_loss: 0.2 }, { accuracy: 0.93, log_loss: 0.2 });
    assert.equal(outside.rows[0].status, 'worse');
    assert.equal(outside.rows[0].gatePassed, false);
    assert.equal(outside.rows[0].gateReason, 'fell by 0.02, more than the 0.01 allowed');
    assert.deepEqual(
      outside.failedGates.map((row) => row.name),
      ['accuracy'],
    );
  });

  it('leaves ungated rows without a gate result', () => {
    const result = compare({ accuracy: 0.9, log_loss: 0.2 }, { accuracy: 0.9, log_loss: 0.5 });
    assert.equal(result.rows[1].gatePassed, undefined);
    assert.equal(result.rows[1].gate, undefined);
  });
});

describe('compareRuns verdict', () => {
  const cases: [string, Record<string, number>, Record<string, number>, string][] = [
    ['better', { accuracy: 0.9, log_loss: 0.3 }, { accuracy: 0.92, log_loss: 0.3 }, 'better'],
    ['worse (ungated metric)', { accuracy: 0.9, log_loss: 0.3 }, { accuracy: 0.9, log_loss: 0.4 }, 'worse'],
    ['mixed', { accuracy: 0.9, log_loss: 0.3 }, { accuracy: 0.92, log_loss: 0.4 }, 'mixed'],
    ['unchanged', { accuracy: 0.9, log_loss: 0.3 }, { accuracy: 0.9, log_loss: 0.3 }, 'unchanged'],
    // Within tolerance counts as unchanged: the config declared that regression acceptable.
    ['within tolerance only', { accuracy: 0.9, log_loss: 0.3 }, { accuracy: 0.895, log_loss: 0.3 }, 'unchanged'],
    ['within tolerance + better', { accuracy: 0.9, log_loss: 0.3 }, { accuracy: 0.895, log_loss: 0.2 }, 'better'],
    ['gate failed beats better', { accuracy: 0.9, log_loss: 0.3 }, { accuracy: 0.8, log_loss: 0.1 }, 'gate-failed'],
  ];
  for (const [title, base, head, verdict] of cases) {
    it(`${title} → ${verdict}`, () => assert.equal(compare(base, head).verdict, verdict));
  }

  it('a gated metric missing from the PR fails its gate with a reason', () => {
    const result = compare({ accuracy: 0.9, log_loss: 0.3 }, { log_loss: 0.2 });
    const accuracy = result.rows[0];
    assert.equal(accuracy.status, 'removed');
    assert.equal(accuracy.head, undefined);
    assert.equal(accuracy.gatePassed, false);
    assert.equal(accuracy.gateReason, 'missing from this run (main: 0.9)');
    assert.equal(result.verdict, 'gate-failed');
  });

  it('a removed ungated metric does not change the verdict', () => {
    const result = compare({ accuracy: 0.9, log_loss: 0.3, f1: 0.7 }, { accuracy: 0.9, log_loss: 0.3 });
    assert.equal(result.rows.find((row) => row.name === 'f1')?.status, 'removed');
    assert.equal(result.verdict, 'unchanged');
  });
});

describe('compareRuns without a baseline', () => {
  const gated: MetricConfig[] = [
    { name: 'accuracy', direction: 'higher', gate: { tolerance: 0.01, threshold: 0.9 } },
    { name: 'log_loss', direction: 'lower' },
  ];

  it('marks every metric new, diffs nothing and says no-baseline', () => {
    const result = compare(undefined, { accuracy: 0.95, log_loss: 0.2 }, gated, {
      baseline: { kind: 'record', commit: 'b'.repeat(40) },
    });
    assert.deepEqual(
      result.rows.map((row) => row.status),
      ['new', 'new'],
    );
    assert.equal(result.verdict, 'no-baseline');
    assert.deepEqual(result.baseline, { kind: 'none' });
    assert.deepEqual(result.params, []);
    assert.deepEqual(result.data, []);
    assert.equal(result.rows[0].gatePassed, true);
  });

  it('still fails a gate threshold', () => {
    const result = compare(undefined, { accuracy: 0.85, log_loss: 0.2 }, gated);
    assert.equal(result.verdict, 'gate-failed');
    assert.equal(result.rows[0].gateReason, '0.85 is below the minimum 0.9');
  });

  it('a metric new in the PR is checked against its threshold only', () => {
    const result = compare({ log_loss: 0.2 }, { accuracy: 0.91, log_loss: 0.2 }, gated);
    assert.equal(result.rows[0].status, 'new');
    assert.equal(result.rows[0].gatePassed, true);
  });
});

describe('compareRuns bad input', () => {
  it('rejects a NaN metric of the run as a user error naming the metric and file', () => {
    assert.throws(
      () => compare({ accuracy: 0.9, log_loss: 0.3 }, { accuracy: 0.9, log_loss: Number.NaN }),
      (error: unknown) =>
        isUserError(error) &&
        error.location.field === 'metrics.log_loss' &&
        error.location.file === 'metrics.json' &&
        /is NaN \(did training diverge/.test(error.message),
    );
  });

  it('rejects a baseline record whose metric is not a number (older or corrupt record)', () => {
    const base = { accuracy: null, log_loss: 0.3 } as unknown as Record<string, number>;
    assert.throws(
      () => compare(base, { accuracy: 0.9, log_loss: 0.3 }),
      (error: unknown) => isUserError(error) && /metric "accuracy" of main's baseline \(commit aaaaaaa\) is null/.test(error.message),
    );
  });

  it('rejects a configured metric that neither side measured', () => {
    assert.throws(
      () => compare({ log_loss: 0.3 }, { log_loss: 0.3 }),
      (error: unknown) => isUserError(error) && /"accuracy" is listed in model-ci.yml but neither/.test(error.message),
    );
  });
});

describe('compareRuns params and data', () => {
  it('lists changed params only, sorted, including added and removed keys', () => {
    const result = compareRuns({
      model: 'iris',
      metrics: [],
      base: side({ a: 1 }, { params: { 'train.epochs': 50, 'model.dropout': 0.1, 'train.optimizer': 'adam', 'old.key': true, nil: null } }),
      head: side({ a: 1 }, { params: { 'train.epochs': 80, 'model.dropout': 0.1, 'train.optimizer': 'adam', 'train.lr': 0.001, nil: null } }),
      baseline: { kind: 'trained', commit: 'c'.repeat(40) },
    });
    assert.deepEqual(result.params, [
      { key: 'old.key', base: true },
      { key: 'train.epochs', base: 50, head: 80 },
      { key: 'train.lr', head: 0.001 },
    ]);
  });

  it('classifies every data file by content hash', () => {
    const file = (hash: string, rows: number) => ({ hash: `sha256:${hash}`, rows });
    const result = compareRuns({
      model: 'iris',
      metrics: [],
      base: side({ a: 1 }, { data: { 'train.csv': file('aa', 100), 'test.csv': file('bb', 20), 'old.csv': file('cc', 5) } }),
      head: side({ a: 1 }, { data: { 'train.csv': file('ab', 120), 'test.csv': file('bb', 20), 'new.csv': file('dd', 7) } }),
      baseline: { kind: 'record', commit: 'c'.repeat(40) },
      headCommit: 'd'.repeat(40),
    });
    assert.deepEqual(result.data, [
      { file: 'new.csv', change: 'added', headRows: 7, headHash: 'sha256:dd' },
      { file: 'old.csv', change: 'removed', baseRows: 5, baseHash: 'sha256:cc' },
      { file: 'test.csv', change: 'unchanged', baseRows: 20, baseHash: 'sha256:bb', headRows: 20, headHash: 'sha256:bb' },
      { file: 'train.csv', change: 'modified', baseRows: 100, baseHash: 'sha256:aa', headRows: 120, headHash: 'sha256:ab' },
    ]);
    assert.equal(result.headCommit, 'd'.repeat(40));
  });
});
