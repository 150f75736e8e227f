/**
 * What changed in the data, in a pull request's run on a real repository: main's file read from the base
 * commit's objects, the PR's as it trained; the base's data gate fails the check; PR-controlled names are
 * escaped in the comment.
 */
import assert from 'node:assert/strict';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { renderDataChanges } from '../../../src/report/data-changes.ts';
import { renderReport } from '../../../src/report/report.ts';
import { trainModel } from '../../../src/train/pipeline.ts';
import { prRun } from './pr-run.ts';
import { createModelRepo, type ModelRepo } from '../../support/model-repo.ts';

const FIXTURES = join(import.meta.dirname, '..', '..', '..', 'fixtures');
const fixtureConfig = await readFile(join(FIXTURES, 'breast-cancer', 'model-ci.yml'), 'utf8');
const GATED = fixtureConfig.replace('  target: target\n', '  target: target\n  gate: { max_removed_share: 0.2 }\n');
const LOOSENED = fixtureConfig.replace('  target: target\n', '  target: target\n  gate: { max_removed_share: 1 }\n');

let repo: ModelRepo;
before(async () => {
  repo = await createModelRepo();
  assert.notEqual(GATED, fixtureConfig);
  await repo.source.commit({ 'model-ci.yml': GATED }, 'gate the data');
  await repo.source.git('push', '--quiet', 'origin', 'main');
});
after(() => repo.sandbox.dispose());

test("a PR that removes most rows fails the base's data gate, even when it loosens the gate in its own config", async () => {
  const lines = repo.csv.split(/\r?\n/).filter((line) => line !== '');
  const kept = `${lines.slice(0, 121).join('\r\n')}\r\n`;
  const result = await prRun(repo, 1, { 'data/breast_cancer.csv': kept, 'model-ci.yml': LOOSENED });
  const [diff] = result.report.dataChanges!.diffs;
  assert.equal(diff.file, 'data/breast_cancer.csv');
  assert.equal(diff.baseRows, 569);
  assert.equal(diff.headRows, 120);
  assert.equal(diff.removedRows, 449);
  assert.equal(diff.unchangedRows, 120);
  assert.deepEqual(diff.removedLines.slice(0, 2), [122, 123]);
  assert.equal(result.comparison.verdict, 'gate-failed');
  const failed = result.comparison.failedGates.find((row) => row.name === 'data.gate.max_removed_share');
  assert.equal(failed?.gateReason, "data/breast_cancer.csv: 449 of main's 569 rows removed (78.9%), more than the 20% allowed");
  const markdown = renderReport(result.report);
  assert.match(
    markdown,
    /<details open><summary>Data changes in data\/breast\\_cancer\.csv: 569 → 120 rows \(\+0, −449, 0 modified\) · ⚠️ removes 78\.9% of main's rows( · [^<]*)?<\/summary>/,
  );
  assert.match(markdown, /- removed: main's lines 122, 123, .*, and 439 more/);
  assert.match(markdown, /- data\.gate\.max\\_removed\\_share: data\/breast\\_cancer\.csv: 449 of main's 569 rows removed/);
  assert.match(markdown, /\| data\.gate\.max\\_removed\\_share \| 0\.2 \| 1 \| \*\*applies after merge\*\* \|/);
});

test('a PR that adds a column (with a hostile name) and shifts a feature: said, escaped, flagged', async () => {
  const lines = repo.csv.split(/\r?\n/).filter((line) => line !== '');
  const header = lines[0].split(',');
  const radius = header.indexOf('mean_radius');
  const shifted = lines.slice(1).map((line) => {
    const cells = line.split(',');
    cells[radius] = String(Number(cells[radius]) * 3);
    return `${cells.join(',')},1`;
  });
  const name = '<img src=x onerror=alert(1)>@org/team';
  const csv = `${[`${lines[0]},"${name}"`, ...shifted].join('\r\n')}\r\n`;
  const result = await prRun(repo, 2, { 'data/breast_cancer.csv': csv });
  const [diff] = result.report.dataChanges!.diffs;
  assert.deepEqual(diff.columnsAdded, [name]);
  // Compared on the shared columns: every row's mean_radius changed in place.
  assert.equal(diff.modifiedRows, 569);
  assert.deepEqual(diff.modified[0].columns, ['mean_radius']);
  assert.equal(diff.shift[0].column, 'mean_radius');
  assert.ok(diff.shift[0].psi > 0.25, `psi ${diff.shift[0].psi}`);
  const markdown = renderReport(result.report);
  assert.match(markdown, /1 column added · ⚠️ shift in mean\\_radius<\/summary>/);
  assert.match(markdown, /- added: &lt;img src=x onerror=alert\(1\)&gt;@&#8203;org\/team/);
  assert.doesNotMatch(markdown, /<img/);
  assert.match(markdown, /\| mean\\_radius \| \d+\.\d{3} \| ⚠️ major \|/);
});

test('a split that leaves a class out of the test rows is said in the report', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'absent-class-'));
  try {
    await cp(join(FIXTURES, 'iris'), dir, { recursive: true });
    const csvFile = join(dir, 'data', 'iris.csv');
    // One row of a fourth class: the stratified split keeps it for training, so no test row has it.
    const csv = await readFile(csvFile, 'utf8');
    await writeFile(csvFile, `${csv.trimEnd()}\n6.0,3.0,4.8,1.8,3\n`);
    const run = await trainModel(join(dir, 'model-ci.yml'), { out: join(dir, 'out'), backend: 'cpu' });
    assert.equal(run.evaluation.classes?.length, 4);
    assert.match(renderDataChanges(undefined, run.evaluation), /> \[!WARNING\]\n> Class 3 has no rows in this PR's test split: its recall is not measured/);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
