import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { ModelCiConfig, Task } from '../../src/domain/config.ts';
import { compareLabels, encodeTable, fitPreprocessing, outputSize } from '../../src/data/fit-preprocessing.ts';
import { encodeInstances } from '../../src/data/encode.ts';
import { readCsv } from '../../src/data/csv.ts';
import { allRows, type TableRows } from '../../src/data/table.ts';
import { tempFiles, userError, withEnv } from '../config/temp-files.ts';

function config(task: Task, target: string, categorical: 'one-hot' | 'index' = 'one-hot', features?: string[]): ModelCiConfig {
  return {
    file: '/repo/model-ci.yml',
    root: '/repo',
    name: 'm',
    task,
    data: { train: '/repo/train.csv', target, categorical, features, split: { test: 0.2, seed: 1, stratify: false, method: 'hash' } },
    params: '/repo/params.yaml',
    watch: [],
    metrics: [],
    backend: 'cpu',
  };
}

/** Every row of a CSV, read as loadDataset reads training data (numbers as float32). */
async function table(content: string, categorical: string[] = []): Promise<TableRows> {
  const root = await tempFiles({ 't.csv': content });
  return allRows(await readCsv(join(root, 't.csv'), { categorical, float32: true }));
}

function someRows(data: TableRows, rows: number[]): TableRows {
  return { table: data.table, rows: Uint32Array.from(rows) };
}

function close(actual: ArrayLike<number>, expected: number[]) {
  assert.equal(actual.length, expected.length);
  expected.forEach((e, i) => {
    assert.ok(Math.abs(actual[i] - e) < 1e-6, `[${i}] ${actual[i]} ≠ ${e}`);
  });
}

describe('fitPreprocessing', () => {
  it('standardises numbers, sorts categories and classes', async () => {
    const train = await table('x,flat,color,y\n1,5,red,10\n2,5,blue,2\n3,5,red,2\n6,5,green,10\n', ['y']);
    const pre = fitPreprocessing(config('binary-classification', 'y'), train);
    // x: mean (1+2+3+6)/4 = 3; variance (4+1+0+9)/4 = 3.5 (population).
    assert.deepEqual(pre.features, [
      // Drift bins: cut points at the training deciles, repeats and the maximum dropped.
      { name: 'x', kind: 'numeric', mean: 3, std: Math.sqrt(3.5), min: 1, max: 6, drift: { edges: [1, 2, 3], shares: [0.25, 0.25, 0.25, 0.25] } },
      { name: 'flat', kind: 'numeric', mean: 5, std: 1, min: 5, max: 5, drift: { edges: [], shares: [1] } },
      { name: 'color', kind: 'categorical', encoding: 'one-hot', categories: ['blue', 'green', 'red'], drift: { shares: [0.25, 0.25, 0.5] } },
    ]);
    // The label balance is the predictions' reference.
    assert.deepEqual(pre.predictionDrift, { shares: [0.5, 0.5] });
    assert.equal(pre.inputSize, 5);
    // Numeric-looking labels sort by value: "2" before "10".
    assert.deepEqual(pre.classes, ['2', '10']);
    assert.equal(outputSize(pre), 1);
  });

  it('fits on the given rows only, not on the whole file', async () => {
    const whole = await table('x,c,y\n0,a,p\n10,b,q\n20,z,p\n1000,zz,q\n', ['y']);
    const pre = fitPreprocessing(config('binary-classification', 'y'), someRows(whole, [0, 1, 2]));
    assert.equal((pre.features[0] as { mean: number }).mean, 10);
    assert.deepEqual((pre.features[1] as { categories: string[] }).categories, ['a', 'b', 'z']);
    const skipping = fitPreprocessing(config('binary-classification', 'y'), someRows(whole, [0, 3]));
    assert.deepEqual(skipping.features[0], { name: 'x', kind: 'numeric', mean: 500, std: 500, min: 0, max: 1000, drift: { edges: [0], shares: [0.5, 0.5] } });
    assert.deepEqual((skipping.features[1] as { categories: string[] }).categories, ['a', 'zz']);
  });

  it('sums float32 values in doubles', async () => {
    // Summed in float32 instead, 0.1 + 0.2 + 0.7 would round differently.
    const train = await table('x,y\n0.1,a\n0.2,b\n0.7,a\n', ['y']);
    const [f1, f2, f7] = [0.1, 0.2, 0.7].map(Math.fround);
    const mean = (f1 + f2 + f7) / 3;
    const std = Math.sqrt(((f1 - mean) ** 2 + (f2 - mean) ** 2 + (f7 - mean) ** 2) / 3);
    assert.deepEqual(fitPreprocessing(config('binary-classification', 'y'), train).features[0], {
      name: 'x',
      kind: 'numeric',
      mean,
      std,
      min: f1,
      max: f7,
      drift: { edges: [f1, f2], shares: [1 / 3, 1 / 3, 1 / 3] },
    });
  });

  it('keeps the configured feature order and scales a regression target', async () => {
    const train = await table('a,b,price\n1,10,100\n3,20,300\n');
    const pre = fitPreprocessing(config('regression', 'price', 'one-hot', ['b', 'a']), train);
    assert.deepEqual(
      pre.features.map((f) => f.name),
      ['b', 'a'],
    );
    assert.deepEqual(pre.targetScale, { mean: 200, std: 100 });
    assert.equal(pre.classes, undefined);
  });

  it('rejects a class count the task cannot take', async () => {
    const three = await table('x,y\n1,a\n2,b\n3,c\n', ['y']);
    await userError(() => fitPreprocessing(config('binary-classification', 'y'), three), 't.csv', '3 classes ("a", "b", "c")', 'needs exactly 2');
    const one = await table('x,y\n1,a\n2,a\n', ['y']);
    await userError(() => fitPreprocessing(config('multiclass-classification', 'y'), one), 't.csv', '1 class ("a")', 'needs at least 2');
  });
});

describe('fitPreprocessing bounds', () => {
  it('refuses more network inputs than the limit once one-hot encoded, naming the widest column and the way out', async () => {
    const rows = Array.from({ length: 10_001 }, (_, i) => `${i % 2},zip${i}`).join('\n');
    const data = await table(`y,zip\n${rows}\n`, ['y']);
    await userError(
      () => fitPreprocessing(config('binary-classification', 'y'), data),
      't.csv',
      'the features encode into 10001 network inputs',
      'one-hot encoding gives `zip` 10001 inputs',
      'MODEL_CI_MAX_INPUTS',
    );
    assert.equal(fitPreprocessing(config('binary-classification', 'y', 'index'), data).inputSize, 1);
  });

  it('refuses more classes than the limit, which the workflow owner can raise', async () => {
    const data = await table('x,y\n1,a\n2,b\n3,c\n4,d\n', ['y']);
    const fit = () => fitPreprocessing(config('multiclass-classification', 'y'), data);
    await withEnv({ MODEL_CI_MAX_CLASSES: '3' }, () => userError(fit, 't.csv', 'hold 4 classes', "over model-ci's limit of 3 classes", 'MODEL_CI_MAX_CLASSES'));
    assert.equal(fit().classes?.length, 4);
  });
});

describe('compareLabels', () => {
  it('orders numbers by value, then text by code unit', () => {
    assert.deepEqual(['b', '10', 'B', '2', '-1', 'a', '2.5'].sort(compareLabels), ['-1', '2', '2.5', '10', 'B', 'a', 'b']);
  });
});

describe('encodeTable', () => {
  it('encodes binary targets as 0/1 and features as the server would', async () => {
    const train = await table('x,color,y\n1,red,no\n3,blue,yes\n', ['y']);
    const pre = fitPreprocessing(config('binary-classification', 'y'), train);
    const encoded = encodeTable(pre, train);
    // x: mean 2, std 1; color one-hot over [blue, red].
    close(encoded.x, [-1, 0, 1, 1, 1, 0]);
    close(encoded.y, [0, 1]);
    assert.equal(encoded.outputSize, 1);
    assert.equal(encoded.rows, 2);
    // Same numbers as the server's JSON path.
    assert.deepEqual(
      encoded.x,
      encodeInstances(pre, [
        { x: 1, color: 'red' },
        { x: 3, color: 'blue' },
      ]),
    );
  });

  it('one-hot encodes multiclass targets and leaves unseen categories at zero (one-hot) or -1 (index)', async () => {
    const train = await table('c,y\na,1\nb,2\na,3\n', ['y']);
    const test = await table('c,y\nb,3\nnew,1\n', ['c', 'y']);
    const oneHot = encodeTable(fitPreprocessing(config('multiclass-classification', 'y'), train), test);
    close(oneHot.x, [0, 1, 0, 0]);
    close(oneHot.y, [0, 0, 1, 1, 0, 0]);
    assert.equal(oneHot.outputSize, 3);
    const index = encodeTable(fitPreprocessing(config('multiclass-classification', 'y', 'index'), train), test);
    close(index.x, [1, -1]);
  });

  it('encodes the given rows in order, leaving the others out', async () => {
    const data = await table('x,c,y\n1,a,p\n2,b,q\n3,a,p\n5,b,q\n', ['y']);
    const pre = fitPreprocessing(config('binary-classification', 'y'), data);
    const encoded = encodeTable(pre, someRows(data, [1, 3]));
    assert.equal(encoded.rows, 2);
    // x: mean 2.75, std √2.1875; c one-hot over [a, b].
    const std = Math.sqrt(2.1875);
    close(encoded.x, [(2 - 2.75) / std, 0, 1, (5 - 2.75) / std, 0, 1]);
    close(encoded.y, [1, 1]);
  });

  it('matches float32 numbers against categories by their text', async () => {
    // A column that was categorical in training but reads as numbers now (e.g. re-evaluating a saved model).
    const train = await table('c,y\n0.1,p\n2,q\n', ['c', 'y']);
    const test = await table('c,y\n2,p\n0.1,q\n7,p\n', ['y']);
    const encoded = encodeTable(fitPreprocessing(config('binary-classification', 'y'), train), test);
    close(encoded.x, [0, 1, 1, 0, 0, 0]);
  });

  it('standardises a regression target', async () => {
    const train = await table('a,t\n1,10\n2,30\n');
    const encoded = encodeTable(fitPreprocessing(config('regression', 't'), train), train);
    close(encoded.y, [-1, 1]);
  });

  it('rejects a class the training split never saw, naming file and line', async () => {
    const train = await table('x,y\n1,cat\n2,dog\n', ['y']);
    const test = await table('x,y\n1,dog\n2,cat\n3,bird\n', ['y']);
    const pre = fitPreprocessing(config('binary-classification', 'y'), train);
    await userError(() => encodeTable(pre, test), 't.csv:4', 'line 4 has class "bird" in `y`', 'classes: "cat", "dog"');
    // The line is the row's own in the file, not its position among the rows encoded.
    await userError(() => encodeTable(pre, someRows(test, [0, 2])), 't.csv:4', 'line 4 has class "bird"');
  });

  it('rejects text where the model was trained on numbers', async () => {
    const train = await table('x,y\n1,a\n2,b\n', ['y']);
    const test = await table('x,y\nlow,a\nhigh,b\n', ['y']);
    await userError(() => encodeTable(fitPreprocessing(config('binary-classification', 'y'), train), test), 't.csv', 'column `x` holds text');
  });
});
