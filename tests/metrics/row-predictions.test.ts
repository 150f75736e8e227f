import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Preprocessing } from '../../src/data/preprocessing.ts';
import { evaluate } from '../../src/metrics/evaluate.ts';
import { decodeOutputs, inClassOrder, pairingProblem, pairPredictions } from '../../src/metrics/row-predictions.ts';
import { renderPairedLine } from '../../src/report/paired-line.ts';

const numeric = (name: string) => ({ name, kind: 'numeric' as const, mean: 0, std: 1 });
const multiclass = (classes: string[], features = ['a', 'b']): Preprocessing => ({
  version: 1,
  task: 'multiclass-classification',
  target: 'y',
  features: features.map(numeric),
  inputSize: features.length,
  classes,
});

describe('row predictions', () => {
  test("decodes each model in its own class order, then pairs them in the PR's order with main's extra class appended", () => {
    const head = multiclass(['a', 'b']);
    const base = multiclass(['b', 'c', 'a']);
    // Two rows. Head: row 0 → a, row 1 → b. Base (b, c, a): row 0 → c, row 1 → a.
    const paired = pairPredictions({
      head: { pre: head, output: Float32Array.of(0.9, 0.1, 0.2, 0.8) },
      base: { pre: base, output: Float32Array.of(0.1, 0.7, 0.2, 0.3, 0.1, 0.6) },
      headTargets: Float32Array.of(1, 0, 0, 1),
      file: 'data.csv',
      lines: Uint32Array.of(2, 5),
      isNew: Uint8Array.of(0, 1),
    });
    assert.deepEqual(paired.classes, ['a', 'b', 'c']);
    assert.deepEqual(paired.truth, Int32Array.of(0, 1));
    assert.deepEqual(paired.head.label, Int32Array.of(0, 1));
    assert.deepEqual(paired.base.label, Int32Array.of(2, 0));
    assert.deepEqual(
      Array.from(paired.base.probabilities!, (p) => Math.round(p * 10) / 10),
      [0.2, 0.1, 0.7, 0.6, 0.3, 0.1],
    );
    assert.deepEqual(
      Array.from(paired.head.probabilities!, (p) => Math.round(p * 10) / 10),
      [0.9, 0.1, 0, 0.2, 0.8, 0],
    );
  });

  test('evaluate scores through the same decoding', () => {
    const pre: Preprocessing = { version: 1, task: 'binary-classification', target: 'y', features: [numeric('a')], inputSize: 1, classes: ['n', 'y'] };
    const output = Float32Array.of(0.2, 0.7, 0.5, 0.4);
    const decoded = decodeOutputs(pre, output);
    assert.deepEqual(decoded.label, Int32Array.of(0, 1, 1, 0));
    const truth = Float32Array.of(0, 1, 0, 0);
    const hits = decoded.label!.filter((label, i) => label === truth[i]).length;
    assert.equal(evaluate(pre, truth, output).metrics.accuracy, hits / 4);
    assert.throws(() => inClassOrder(decoded, ['n', 'y'], ['n']), /missing from the target order/);
  });

  test('says why two models cannot be scored on the same rows', () => {
    const head = multiclass(['a', 'b'], ['a']);
    assert.equal(pairingProblem(multiclass(['a', 'b']), head, ['a', 'y'], ['a']), "main's model reads column `b` that the PR's data no longer has");
    assert.equal(
      pairingProblem(multiclass(['a']), multiclass(['a', 'z']), ['a', 'b', 'y'], ['a', 'z']),
      "the PR's test rows hold class `z` that main's model was never trained on",
    );
    assert.equal(
      pairingProblem({ ...multiclass(['a']), task: 'regression' }, head, ['a'], []),
      "main's model is a regression model and the PR's a multiclass-classification model",
    );
    assert.equal(pairingProblem(multiclass(['a', 'b']), multiclass(['a', 'b']), ['a', 'b', 'y'], ['a', 'b']), null);
  });

  test('the report line: counts, or the reason escaped, never silence', () => {
    assert.equal(renderPairedLine(undefined, 'main'), '');
    assert.equal(
      renderPairedLine({ rows: 120, newRows: 8, seenInTraining: 0, file: 'data/x.csv' }, 'main'),
      "Both models scored on the same 120 test rows of data/x.csv, 8 of them new (not in main's data).",
    );
    const line = renderPairedLine({ unavailable: 'column `<b>` @team', rows: 0, newRows: 0, seenInTraining: 0 }, 'main');
    assert.equal(line, "> [!WARNING]\n> Not on the same rows: column \\`&lt;b&gt;\\` @&#8203;team. main's column is measured on main's own test rows.");
    assert.match(
      renderPairedLine({ rows: 10, newRows: 0, seenInTraining: 3 }, 'main'),
      /3 rows were in main's training split \(the split changed\), which flatters main\./,
    );
  });
});
