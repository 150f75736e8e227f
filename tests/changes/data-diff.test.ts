import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { diffData, numericPsi, PSI_MAJOR } from '../../src/changes/data-diff.ts';
import { dataGateFailures } from '../../src/changes/data-gates.ts';
import { readCsv } from '../../src/data/csv.ts';
import type { Task } from '../../src/domain/config.ts';

let dir: string;
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'data-diff-'));
});
after(() => rm(dir, { recursive: true, force: true }));

let files = 0;
async function table(text: string, target = 'y') {
  const file = join(dir, `t${files++}.csv`);
  await writeFile(file, text);
  return readCsv(file, { categorical: [target] });
}

async function diff(base: string, head: string, task: Task = 'binary-classification') {
  return diffData({ file: 'data/d.csv', base: await table(base), head: await table(head), target: 'y', task });
}

test('rows by content: an edit in place is one modified row (naming its column), an insertion is added, a deletion removed', async () => {
  const base = 'a,b,y\n1,2,0\n3,4,1\n5,6,0\n7,8,1\n';
  // Row "3,4" edited to "3,40"; row "5,6" deleted; "9,9" inserted after the last row; rows reordered nowhere.
  const head = 'a,b,y\n1,2,0\n3,40,1\n7,8,1\n9,9,0\n';
  const d = await diff(base, head);
  assert.equal(d.unchangedRows, 2);
  assert.equal(d.modifiedRows, 1, 'the edit between the same neighbours is one modified row');
  assert.deepEqual(d.modified, [{ baseLine: 3, headLine: 3, columns: ['b'] }]);
  // "5,6" has no partner left between (3,4) and (7,8): removed; "9,9" after (7,8): added.
  assert.equal(d.removedRows, 1);
  assert.deepEqual(d.removedLines, [4]);
  assert.equal(d.addedRows, 1);
  assert.deepEqual(d.addedLines, [5]);
  assert.deepEqual(d.labels, [
    { label: '0', base: 2, head: 2 },
    { label: '1', base: 2, head: 2 },
  ]);
});

test('reordering rows or changing line endings changes nothing; a duplicate row counts once per copy', async () => {
  const d = await diff('a,y\n1,0\n2,1\n2,1\n', 'a,y\r\n2,1\r\n1,0\r\n');
  assert.equal(d.unchangedRows, 2);
  assert.equal(d.removedRows, 1, 'one of the two copies of "2,1" is gone');
  assert.equal(d.addedRows + d.modifiedRows, 0);
});

test('schema: an added column does not make every row modified; added, removed and retyped columns are named', async () => {
  const d = await diff('a,b,c,y\n1,x,5,0\n2,y,6,1\n', 'a,c,d,y\n1,five,9,0\n3,6,9,1\n');
  assert.deepEqual(d.columnsAdded, ['d']);
  assert.deepEqual(d.columnsRemoved, ['b']);
  assert.deepEqual(d.columnsRetyped, [{ column: 'c', base: 'numeric', head: 'categorical' }]);
  // Compared on a and y (c is retyped, said above): row 1 is unchanged, row 2's a changed.
  assert.equal(d.unchangedRows, 1);
  assert.deepEqual(d.modified, [{ baseLine: 3, headLine: 3, columns: ['a'] }]);
  assert.deepEqual(
    d.shift.map((s) => s.column),
    ['a'],
    'a retyped column has no shift',
  );
});

test('PSI: same distribution 0; a shifted feature is flagged above the documented threshold and fails max_psi', async () => {
  const values = Array.from({ length: 1000 }, (_, i) => i);
  assert.equal(numericPsi(values, values), 0);
  // By hand: main's decile edges are 100, 200, …, 900 and a bin is (previous edge, edge], so the bottom bin
  // holds 0…100 (101 rows) and the top one 901…999 (99). Moving 950…999 down to 0…49 makes them 151 and 49.
  const moved = values.map((v) => (v >= 950 ? v - 950 : v));
  const expected = (0.151 - 0.101) * Math.log(0.151 / 0.101) + (0.049 - 0.099) * Math.log(0.049 / 0.099);
  assert.ok(Math.abs(numericPsi(values, moved) - expected) < 1e-12, `${numericPsi(values, moved)} vs ${expected}`);
  // Row order does not matter (the deciles are selected, not read off a sorted copy).
  const shuffle = (list: number[]) =>
    list
      .map((v, i) => [v, (i * 7919) % 1009] as const)
      .sort((a, b) => a[1] - b[1])
      .map(([v]) => v);
  assert.ok(Math.abs(numericPsi(Float64Array.from(shuffle(values)), shuffle(moved)) - expected) < 1e-12);
  const rows = (f: (i: number) => number) => `x,y\n${Array.from({ length: 200 }, (_, i) => `${f(i)},${i % 2}`).join('\n')}\n`;
  const d = await diff(
    rows((i) => i),
    rows((i) => i + 150),
  );
  assert.ok(d.shift[0].psi > PSI_MAJOR, `psi ${d.shift[0].psi}`);
  const failures = dataGateFailures([d], { maxPsi: 0.25 });
  assert.equal(failures.length, 1);
  assert.match(failures[0].reason, /^data\/d\.csv: feature shifted by a PSI over 0\.25: x \(\d\.\d{3}\)$/);
});

test('max_removed_share: a PR that removes most rows fails with the counts; within the share it passes', async () => {
  const base = `a,y\n${Array.from({ length: 10 }, (_, i) => `${i},${i % 2}`).join('\n')}\n`;
  const head = 'a,y\n0,0\n1,1\n';
  const d = await diff(base, head);
  assert.equal(d.removedRows, 8);
  assert.deepEqual(dataGateFailures([d], { maxRemovedShare: 0.2 }), [
    { name: 'data.gate.max_removed_share', reason: "data/d.csv: 8 of main's 10 rows removed (80%), more than the 20% allowed" },
  ]);
  assert.deepEqual(dataGateFailures([d], { maxRemovedShare: 0.8 }), []);
});

test('lists are bounded: the first rows are named, the rest counted', async () => {
  const many = (n: number, offset: number) => `a,y\n${Array.from({ length: n }, (_, i) => `${i + offset},${i % 2}`).join('\n')}\n`;
  const d = await diff(many(5, 0), many(5, 0).trimEnd() + '\n' + many(500, 1000).split('\n').slice(1).join('\n'));
  assert.equal(d.addedRows, 500);
  assert.equal(d.addedLines.length, 10);
  assert.deepEqual(d.addedLines.slice(0, 2), [7, 8]);
});
