/**
 * The split that does not move (`data.split.method: hash`, the default) and the old seeded shuffle
 * (`method: shuffle`), kept byte for byte.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { loadConfig } from '../../src/config/load.ts';
import { loadDataset, type Dataset } from '../../src/data/dataset.ts';
import { readCsv } from '../../src/data/csv.ts';
import { rowKey, rowKeys } from '../../src/data/row-key.ts';
import { cellText, column, lineOfRow } from '../../src/data/table.ts';
import type { SplitMethod } from '../../src/domain/config.ts';
import { tempFiles } from '../config/temp-files.ts';

const repo = join(import.meta.dirname, '../..');
const CSV = join(repo, 'fixtures/breast-cancer/data/breast_cancer.csv');

async function splitOf(csv: string, split: string, task = 'binary-classification'): Promise<Dataset> {
  const root = await tempFiles({
    'data.csv': csv,
    'model-ci.yml': `name: m\ntask: ${task}\ndata:\n  train: data.csv\n  target: target\n  split: ${split}\n`,
  });
  return loadDataset(await loadConfig(join(root, 'model-ci.yml')));
}

/** The test rows' content keys (order-free: a set). */
function testKeys(d: Dataset): Set<string> {
  return new Set(rowKeys(d.test.table, d.test.rows));
}
function trainKeys(d: Dataset): Set<string> {
  return new Set(rowKeys(d.train.table, d.train.rows));
}

describe('the stable split (method: hash)', () => {
  it('keeps every old row on its side when a PR adds and removes rows', async () => {
    const text = await readFile(CSV, 'utf8');
    const [header, ...rows] = text.trimEnd().split(/\r?\n/);
    const main = await splitOf(`${header}\n${rows.slice(0, 400).join('\n')}\n`, '{ test: 0.2, seed: 42 }');
    // The PR drops 20 rows, adds 169 others, and shuffles the order of the rest.
    const kept = rows.slice(20, 400).reverse();
    const pr = await splitOf(`${header}\n${[...rows.slice(400), ...kept].join('\n')}\n`, '{ test: 0.2, seed: 42 }');
    const [mainTest, mainTrain, prTest, prTrain] = [testKeys(main), trainKeys(main), testKeys(pr), trainKeys(pr)];
    let checked = 0;
    for (const key of [...prTest, ...prTrain]) {
      if (!mainTest.has(key) && !mainTrain.has(key)) continue; // a row the PR added
      assert.equal(prTest.has(key), mainTest.has(key), 'an old row changed sides');
      checked++;
    }
    assert.equal(
      checked,
      new Set(
        rowKeys(
          pr.train.table,
          kept.map((_, i) => 169 + i),
        ),
      ).size,
    );
    assert.ok(checked > 370, `${checked} old rows`);
    // And the shuffle split, by contrast, moves them: that is the defect `hash` fixes.
    const mainShuffled = await splitOf(`${header}\n${rows.slice(0, 400).join('\n')}\n`, '{ test: 0.2, seed: 42, method: shuffle }');
    const prShuffled = await splitOf(`${header}\n${[...rows.slice(400), ...kept].join('\n')}\n`, '{ test: 0.2, seed: 42, method: shuffle }');
    const moved = [...testKeys(prShuffled)].filter((key) => trainKeys(mainShuffled).has(key)).length;
    assert.ok(moved > 10, `shuffle moved ${moved} rows`);
  });

  it('is seeded and reproducible, whatever the line endings, quoting and column order', async () => {
    const text = await readFile(CSV, 'utf8');
    const a = await splitOf(text, '{ test: 0.2, seed: 42 }');
    const again = await splitOf(text, '{ test: 0.2, seed: 42 }');
    assert.deepEqual(a.test.rows, again.test.rows);
    assert.deepEqual(a.train.rows, again.train.rows);
    const other = await splitOf(text, '{ test: 0.2, seed: 7 }');
    assert.notDeepEqual(a.test.rows, other.test.rows);
    // Every row on exactly one side; about 20% held out, each class on both sides.
    assert.equal(a.test.rows.length + a.train.rows.length, 569);
    assert.ok(a.test.rows.length > 569 * 0.12 && a.test.rows.length < 569 * 0.28, `${a.test.rows.length} test rows`);
    const target = column(a.test.table, 'target');
    assert.deepEqual(new Set(Array.from(a.test.rows, (r) => cellText(target, r))), new Set(['0', '1']));

    // The same rows written with CRLF, quoted cells and the columns in reverse order: the same split.
    const lines = text
      .trimEnd()
      .split(/\r?\n/)
      .map((line) => line.split(',').reverse());
    const rewritten = `${lines.map((cells) => cells.map((c) => `"${c}"`).join(',')).join('\r\n')}\r\n`;
    const b = await splitOf(rewritten, '{ test: 0.2, seed: 42 }');
    assert.deepEqual(b.test.rows, a.test.rows);
    assert.deepEqual(rowKeys(b.test.table, b.test.rows), rowKeys(a.test.table, a.test.rows));
  });

  it('puts identical rows on the same side, and keeps each class on both sides', async () => {
    // 30 copies of one row and 30 of another, plus a class of two distinct rows.
    const csv = [
      'a,b,target',
      ...Array(30).fill('1,2,x'),
      ...Array(30).fill('3,4,x'),
      ...Array.from({ length: 40 }, (_, i) => `${i},${i},y`),
      '7,7,z',
      '8,8,z',
    ].join('\n');
    for (let seed = 0; seed < 20; seed++) {
      const d = await splitOf(`${csv}\n`, `{ test: 0.3, seed: ${seed} }`, 'multiclass-classification');
      const test = testKeys(d);
      const train = trainKeys(d);
      assert.deepEqual(
        [...test].filter((key) => train.has(key)),
        [],
        `seed ${seed}: a duplicate is on both sides`,
      );
      const target = column(d.test.table, 'target');
      const sides = (rows: Uint32Array) => new Set(Array.from(rows, (r) => cellText(target, r)));
      assert.deepEqual(sides(d.test.rows), new Set(['x', 'y', 'z']), `seed ${seed}`);
      assert.deepEqual(sides(d.train.rows), new Set(['x', 'y', 'z']), `seed ${seed}`);
    }
  });

  it('keys a row by its parsed cells: one function, 1-based lines beside it', async () => {
    const root = await tempFiles({ 'a.csv': 'x,y\n0.10,"a"\n1,b\n', 'b.csv': 'y,x\r\na,0.1\r\n"b",1.0\r\n' });
    const a = await readCsv(join(root, 'a.csv'), { float32: true });
    const b = await readCsv(join(root, 'b.csv'));
    assert.equal(rowKey(a, 0), rowKey(b, 0));
    assert.equal(rowKey(a, 1), rowKey(b, 1));
    assert.notEqual(rowKey(a, 0), rowKey(a, 1));
    assert.match(rowKey(a, 0), /^[0-9a-f]{64}$/);
    assert.deepEqual([lineOfRow(a, 0), lineOfRow(a, 1)], [2, 3]);
  });
});

describe('the seeded shuffle (method: shuffle)', () => {
  // sha256 of JSON [train rows, test rows] as model-ci split these fixtures before `method` existed
  // (computed with main's src/data/dataset.ts at d087b42).
  const BEFORE: [string, boolean, string][] = [
    ['iris', true, '31803725eb780d8abca362be434eed398d4ed69535c5d88922e58e1cda9722bd'],
    ['iris', false, 'd42db8220a2f742863e5145d81ab8e4406fd1ab78bcc40126b49dbeec62d1e49'],
    ['breast-cancer', true, 'a1b500b33ee245321012fa18b08c6bf1750c03d2fc5a4ecccf62559f1c0a6908'],
    ['breast-cancer', false, '0d3085495b06eb50fe9248d2e1cabcfae3371c66724cb9a97bdfed031d970f4c'],
  ];
  for (const [fixture, stratify, hash] of BEFORE) {
    it(`splits ${fixture} (stratify: ${stratify}) exactly as before`, async () => {
      const loaded = await loadConfig(join(repo, `fixtures/${fixture}/model-ci.yml`));
      const split = (method: SplitMethod) => ({ ...loaded, data: { ...loaded.data, split: { ...loaded.data.split!, stratify, method } } });
      const shuffled = await loadDataset(split('shuffle'));
      const digest = (d: Dataset) =>
        createHash('sha256')
          .update(JSON.stringify([Array.from(d.train.rows), Array.from(d.test.rows)]))
          .digest('hex');
      assert.equal(digest(shuffled), hash);
      assert.notEqual(digest(await loadDataset(split('hash'))), hash);
    });
  }
});
