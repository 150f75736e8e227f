import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { loadConfig } from '../../src/config/load.ts';
import { createRng, loadDataset, seededShuffle } from '../../src/data/dataset.ts';
import { randomSplit, stratifiedSplit } from '../../src/data/split.ts';
import { cellText, column } from '../../src/data/table.ts';
import { tempFiles, userError } from '../config/temp-files.ts';

const repo = join(import.meta.dirname, '../..');

describe('seeded randomness', () => {
  it('createRng is deterministic, seed-dependent and in [0, 1)', () => {
    const a = createRng(42);
    const b = createRng(42);
    const c = createRng(43);
    const first = Array.from({ length: 1000 }, () => a());
    assert.deepEqual(
      first,
      Array.from({ length: 1000 }, () => b()),
    );
    assert.notDeepEqual(
      first.slice(0, 10),
      Array.from({ length: 10 }, () => c()),
    );
    assert.ok(first.every((x) => x >= 0 && x < 1));
    const mean = first.reduce((s, x) => s + x, 0) / first.length;
    assert.ok(Math.abs(mean - 0.5) < 0.05, `mean ${mean}`);
  });

  it('seededShuffle is a permutation that depends only on the seed', () => {
    const order = seededShuffle(100, 7);
    assert.ok(order instanceof Uint32Array);
    assert.deepEqual(
      [...order].sort((x, y) => x - y),
      Array.from({ length: 100 }, (_, i) => i),
    );
    assert.deepEqual(order, seededShuffle(100, 7));
    assert.notDeepEqual(order, seededShuffle(100, 8));
    assert.notDeepEqual(
      [...order],
      Array.from({ length: 100 }, (_, i) => i),
    );
  });
});

describe('splits', () => {
  it('randomSplit holds out round(n × fraction) rows, disjoint and in file order', () => {
    const { train, test } = randomSplit(10, 0.25, 1);
    assert.equal(test.length, 3); // round(2.5) = 3
    assert.equal(train.length, 7);
    assert.deepEqual(
      [...train, ...test].sort((a, b) => a - b),
      Array.from({ length: 10 }, (_, i) => i),
    );
    assert.deepEqual(
      [...test],
      [...test].sort((a, b) => a - b),
    );
  });

  it('stratifiedSplit keeps class shares and puts every class on both sides', () => {
    // 60 rows of class 0, 30 of class 1, 3 of class 2.
    const classes = Int32Array.from([...Array(60).fill(0), ...Array(30).fill(1), ...Array(3).fill(2)]);
    const { train, test } = stratifiedSplit(classes, 3, 0.2, 5);
    const count = (rows: Uint32Array, k: number) => [...rows].filter((r) => classes[r] === k).length;
    // Shares 12, 6, 0.6: round(93 × 0.2) = 19 rows, the largest remainder (class 2) takes the 19th.
    assert.deepEqual(
      [0, 1, 2].map((k) => count(test, k)),
      [12, 6, 1],
    );
    assert.deepEqual(
      [0, 1, 2].map((k) => count(train, k)),
      [48, 24, 2],
    );
  });
});

describe('loadDataset', () => {
  it('splits the iris fixture the same way every time, stratified (method: shuffle)', async () => {
    const loaded = await loadConfig(join(repo, 'fixtures/iris/model-ci.yml'));
    const config = { ...loaded, data: { ...loaded.data, split: { ...loaded.data.split!, method: 'shuffle' as const } } };
    const first = await loadDataset(config);
    const second = await loadDataset(config);
    // Both splits index the one parsed table: nothing is copied.
    const { table } = first.train;
    assert.equal(first.test.table, table);
    assert.equal(table.rowCount, 150);
    assert.equal(first.train.rows.length, 120);
    assert.equal(first.test.rows.length, 30);
    assert.deepEqual(
      [...first.train.rows, ...first.test.rows].sort((a, b) => a - b),
      Array.from({ length: 150 }, (_, i) => i),
    );
    const target = column(table, 'target');
    const perClass = new Map<string, number>();
    for (const row of first.test.rows) perClass.set(cellText(target, row), (perClass.get(cellText(target, row)) ?? 0) + 1);
    assert.deepEqual(Object.fromEntries(perClass), { '0': 10, '1': 10, '2': 10 });
    assert.deepEqual(first.test.rows, second.test.rows);
    assert.deepEqual(first.train.rows, second.train.rows);
    assert.deepEqual(Object.keys(first.files), ['data/iris.csv']);
    assert.equal(first.files['data/iris.csv'].rows, 150);
    assert.match(first.files['data/iris.csv'].hash, /^sha256:[0-9a-f]{64}$/);
    // Numbers are float32, what the network computes with; they still read as written in the file.
    const sepal = column(table, 'sepal_length');
    assert.ok(sepal.kind === 'numeric' && sepal.values instanceof Float32Array);
    assert.deepEqual(
      [0, 1].map((row) => cellText(sepal, row)),
      ['5.1', '4.9'],
    );
    assert.equal(sepal.values[0], Math.fround(5.1));
  });

  async function dataset(files: Record<string, string>, data: string, task = 'binary-classification') {
    const root = await tempFiles({ ...files, 'model-ci.yml': `name: m\ntask: ${task}\ndata:\n${data}` });
    return async () => loadDataset(await loadConfig(join(root, 'model-ci.yml')));
  }

  it('reads a separate test file, with categories taken from training', async () => {
    const load = await dataset(
      { 'train.csv': 'x,code,y\n1,a,0\n2,b,1\n3,a,1\n', 'test.csv': 'y,x,code\n1,4,7\n0,5,a\n' },
      '  train: train.csv\n  test: test.csv\n  target: y\n',
    );
    const { train, test, files } = await load();
    assert.deepEqual([...train.rows], [0, 1, 2]);
    assert.deepEqual([...test.rows], [0, 1]);
    assert.notEqual(test.table, train.table);
    // "7" is a category in the test file because `code` is one in training.
    const code = column(test.table, 'code');
    assert.deepEqual([cellText(code, 0), code.kind], ['7', 'categorical']);
    const x = column(test.table, 'x');
    assert.ok(x.kind === 'numeric' && x.values instanceof Float32Array, 'the test file is read as float32 too');
    assert.deepEqual(Object.keys(files), ['train.csv', 'test.csv']);
  });

  it('rejects a missing target column', async () => {
    const load = await dataset({ 'train.csv': 'a,b\n1,2\n3,4\n' }, '  train: train.csv\n  target: label\n');
    await userError(load, 'train.csv:1', 'no column "label"; the columns are: `a`, `b`');
  });

  it('rejects a missing feature column', async () => {
    const load = await dataset({ 'train.csv': 'a,y\n1,0\n3,1\n' }, '  train: train.csv\n  target: y\n  features: [a, c]\n');
    await userError(load, 'train.csv:1', 'no column "c"');
  });

  it('rejects a single class', async () => {
    const load = await dataset({ 'train.csv': 'a,y\n1,yes\n2,yes\n3,yes\n' }, '  train: train.csv\n  target: y\n');
    await userError(load, 'train.csv', '`y` has a single class ("yes") in all 3 rows', 'at least two classes');
  });

  it('rejects three classes for a binary task', async () => {
    const load = await dataset({ 'train.csv': 'a,y\n1,a\n2,b\n3,c\n4,a\n' }, '  train: train.csv\n  target: y\n');
    await userError(load, 'train.csv', 'has 3 classes ("a", "b", "c")', 'multiclass-classification');
  });

  it('rejects a regression target holding text', async () => {
    const load = await dataset({ 'train.csv': 'a,y\n1,5\n2,low\n3,high\n' }, '  train: train.csv\n  target: y\n', 'regression');
    await userError(load, 'train.csv:3', 'must hold numbers, but line 3 has text there');
  });

  it('rejects fewer rows than the split needs', async () => {
    const load = await dataset({ 'train.csv': 'a,y\n1,0\n2,1\n3,0\n' }, '  train: train.csv\n  target: y\n  split: { test: 0.1, method: shuffle }\n');
    await userError(load, 'model-ci.yml', 'data.split.test', 'leaves 0 test and 3 training rows', 'at least 1 test row and 2 training rows');
    const tiny = await dataset({ 'train.csv': 'a,y\n1,0\n2,1\n' }, '  train: train.csv\n  target: y\n  split: { test: 0.5, method: shuffle }\n');
    await userError(tiny, 'leaves 1 test and 1 training rows');
  });

  it('rejects an unstratified split that leaves a class untrained', async () => {
    const rows = ['a,y', ...Array.from({ length: 9 }, (_, i) => `${i},common`), '9,rare'].join('\n');
    // Find a seed whose shuffle holds the rare row out, so the test does not depend on luck.
    const seed = Array.from({ length: 100 }, (_, s) => s).find((s) => randomSplit(10, 0.2, s).test.includes(9));
    const load = await dataset(
      { 'train.csv': `${rows}\n` },
      `  train: train.csv\n  target: y\n  split: { test: 0.2, seed: ${seed}, stratify: false, method: shuffle }\n`,
    );
    await userError(load, 'model-ci.yml', 'class "rare" of `y` has no training rows', 'stratify');
  });

  it('rejects a test file whose columns differ from training', async () => {
    const load = await dataset({ 'train.csv': 'a,b,y\n1,2,0\n3,4,1\n', 'test.csv': 'a,c,y\n1,2,0\n' }, '  train: train.csv\n  test: test.csv\n  target: y\n');
    await userError(load, 'test.csv:1', "the test file's columns differ from", 'train.csv: it lacks `b` and has extra `c`');
  });

  it('rejects text in the test file where training has numbers', async () => {
    const load = await dataset({ 'train.csv': 'a,y\n1,0\n3,1\n', 'test.csv': 'a,y\nlow,0\nhigh,1\n' }, '  train: train.csv\n  test: test.csv\n  target: y\n');
    await userError(load, 'test.csv:2', 'column `a` holds numbers in', 'train.csv but text in the test file, first on line 2');
  });

  it('rejects a missing data file', async () => {
    const load = await dataset({}, '  train: missing.csv\n  target: y\n');
    await userError(load, 'missing.csv', 'cannot read data file', 'no such file');
  });
});
