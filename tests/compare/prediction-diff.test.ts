import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { diffPredictions, SHOWN_ROWS } from '../../src/compare/prediction-diff.ts';
import type { PairedPredictions } from '../../src/domain/paired-predictions.ts';

const common = { file: 'data/train.csv' };

describe('diffPredictions: classification', () => {
  // truth, base, head per row; lines out of order as a test split leaves them.
  const truth = [0, 1, 2, 2, 1, 0, 2, 1];
  const base = [0, 0, 2, 1, 1, 1, 2, 0]; // right on rows 0, 2, 4, 6
  const head = [0, 1, 1, 2, 1, 2, 2, 2]; // row 1 fixed, 2 broken, 3 fixed, 5 wrong→wrong, 7 wrong→wrong
  const paired: PairedPredictions = {
    task: 'multiclass-classification',
    classes: ['setosa', 'versicolor', 'virginica'],
    rows: 8,
    truth: Int32Array.from(truth),
    base: { label: Int32Array.from(base) },
    head: { label: Int32Array.from(head) },
    ...common,
    lines: Uint32Array.of(40, 12, 33, 7, 2, 90, 5, 61),
    isNew: Uint8Array.of(0, 1, 0, 0, 1, 0, 0, 0),
  };

  it('counts changed, fixed and broken rows and lists them by line', () => {
    const diff = diffPredictions(paired);
    assert.equal(diff.rows, 8);
    assert.equal(diff.newRows, 2);
    assert.equal(diff.file, 'data/train.csv');
    const c = diff.classification!;
    assert.deepEqual([c.changed, c.fixed, c.broken], [5, 2, 1]);
    assert.deepEqual(c.fixedLines, [7, 12]);
    assert.deepEqual(c.brokenLines, [33]);
  });

  it('gives per-class precision and recall of both models, counted by hand', () => {
    const perClass = diffPredictions(paired).classification!.perClass!;
    assert.deepEqual(
      perClass.map((c) => [c.label, c.support]),
      [
        ['setosa', 2],
        ['versicolor', 3],
        ['virginica', 3],
      ],
    );
    // versicolor: base predicts it on rows 3, 4, 5 (right on 4): precision 1/3; actual rows 1, 4, 7, base right on 4: recall 1/3.
    // head predicts it on rows 1, 2, 4 (right on 1, 4): precision 2/3; recall 2/3.
    assert.deepEqual(perClass[1].precision, { base: 1 / 3, head: 2 / 3 });
    assert.deepEqual(perClass[1].recall, { base: 1 / 3, head: 2 / 3 });
    // virginica: head predicts rows 3, 5, 6, 7 (right on 3, 6): precision 2/4; actual 2, 3, 6: recall 2/3.
    assert.deepEqual(perClass[2].precision, { base: 2 / 2, head: 2 / 4 });
    assert.deepEqual(perClass[2].recall, { base: 2 / 3, head: 2 / 3 });
  });

  it('keeps only the first rows by line', () => {
    const rows = 3 * SHOWN_ROWS;
    const many: PairedPredictions = {
      task: 'binary-classification',
      classes: ['no', 'yes'],
      rows,
      truth: new Int32Array(rows),
      base: { label: new Int32Array(rows) },
      head: { label: new Int32Array(rows).fill(1) },
      ...common,
      lines: Uint32Array.from({ length: rows }, (_, i) => 1000 - i),
      isNew: new Uint8Array(rows),
    };
    const c = diffPredictions(many).classification!;
    assert.equal(c.broken, rows);
    assert.deepEqual(
      c.brokenLines,
      Array.from({ length: SHOWN_ROWS }, (_, i) => 1000 - rows + 1 + i),
    );
    assert.equal(c.perClass, undefined, 'binary: the metrics table already has the positive class');
  });
});

describe('diffPredictions: regression', () => {
  it('gives the quantiles of the change and the rows that moved most, by line', () => {
    const rows = 12;
    const base = Float64Array.from({ length: rows }, (_, i) => 10 * i);
    // Changes: 0, +1, −2, +3, … so |change| grows with the row; row 0 unchanged.
    const head = Float64Array.from(base, (value, i) => value + (i % 2 === 0 ? -i : i));
    const paired: PairedPredictions = {
      task: 'regression',
      rows,
      truth: Float64Array.from(base, (value) => value + 1),
      base: { value: base },
      head: { value: head },
      ...common,
      lines: Uint32Array.from({ length: rows }, (_, i) => i + 2),
      isNew: new Uint8Array(rows),
    };
    const r = diffPredictions(paired).regression!;
    assert.equal(r.changed, 11);
    // Sorted changes: −10, −8, −6, −4, −2, 0, 1, 3, 5, 7, 9, 11; numpy.percentile(…, 50) = 0.5, 25 → −4.5.
    const at = Object.fromEntries(r.quantiles.map(({ q, change }) => [q, change]));
    assert.deepEqual([at[0], at[0.25], at[0.5], at[1]], [-10, -4.5, 0.5, 11]);
    assert.equal(r.moved.length, SHOWN_ROWS);
    assert.deepEqual(r.moved[0], { line: 13, truth: 111, base: 110, head: 121 });
    assert.deepEqual(r.moved[1], { line: 12, truth: 101, base: 100, head: 90 });
  });
});
