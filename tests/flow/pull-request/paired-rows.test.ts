/**
 * Both models on the same rows, through the PR flow: main's model read back from its record (stored with
 * it), or, when the stored model is forged or absent, the base trained in a worktree; main's column is main's
 * model on the PR's test rows, and the record's own numbers are kept as a note.
 */
import assert from 'node:assert/strict';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { recordFromRun } from '../../../src/baseline/derive.ts';
import { createBaselineStore } from '../../../src/baseline/store.ts';
import { bundleModel, storedModelPath } from '../../../src/baseline/stored-model.ts';
import { runPullRequest, type PullRequestResult } from '../../../src/flow/pull-request/decide.ts';
import { git } from '../../../src/git/git.ts';
import { consoleLogger } from '../../../src/logger.ts';
import { renderReport } from '../../../src/report/report.ts';
import { trainModel } from '../../../src/train/pipeline.ts';
import { createModelRepo, type ModelRepo } from '../../support/model-repo.ts';

let repo: ModelRepo;
before(async () => {
  repo = await createModelRepo();
});
after(() => repo.sandbox.dispose());

/** The PR as a runner has it: its head checked out. */
async function pullRequest(head: string, lines: string[]): Promise<Extract<PullRequestResult, { kind: 'compared' }>> {
  await repo.source.git('switch', '--quiet', '--detach', head);
  const result = await runPullRequest({
    repoRoot: repo.source.dir,
    configPath: 'model-ci.yml',
    base: repo.mainSha,
    head,
    artifactsDir: await mkdtemp(join(tmpdir(), 'model-ci-artifacts-')),
    store: createBaselineStore({ cwd: repo.source.dir, remote: 'none' }),
    log: consoleLogger((line) => lines.push(line)),
    fetch: false,
  }).finally(() => repo.source.git('switch', '--quiet', 'main'));
  assert.equal(result.kind, 'compared');
  return result as Extract<PullRequestResult, { kind: 'compared' }>;
}

describe("main's model on the PR's rows", () => {
  let head: string;
  let modelHash: string;

  before(async () => {
    // main's record, with its model stored beside it, as the deploy writes it.
    const mainRun = await trainModel(join(repo.source.dir, 'model-ci.yml'), { out: await mkdtemp(join(tmpdir(), 'model-ci-main-')), log: () => {} });
    const bundle = await bundleModel(mainRun.out);
    assert.ok('stored' in bundle);
    modelHash = bundle.stored.hash;
    await createBaselineStore({ cwd: repo.source.dir, remote: 'none' }).write(recordFromRun(mainRun, repo.mainSha, { storedModel: bundle.stored }), {
      model: bundle,
    });
    const lines = repo.csv.trimEnd().split('\n');
    const added = lines.slice(1, 41).map((line) => line.replace(/^([0-9.]+)/, (value) => String(Number(value) + 0.021)));
    head = await repo.openPull(1, 'more', { 'data/breast_cancer.csv': `${[...lines, ...added].join('\n')}\n` });
  });

  test("uses the stored model: no base training, main's column measured on the PR's rows, the record's numbers a note", async () => {
    const log: string[] = [];
    const result = await pullRequest(head, log);
    assert.equal(result.comparison.baseline.kind, 'record');
    assert.equal(result.baseRun, undefined, 'the base was not trained');
    const paired = result.paired;
    assert.ok(paired, log.join('\n'));
    const info = result.comparison.paired!;
    assert.equal(info.unavailable, undefined);
    assert.equal(info.rows, paired.rows);
    assert.equal(info.rows, result.headRun.manifest.testRows);
    assert.ok(info.newRows > 0 && info.newRows <= 40, `${info.newRows} new rows`);
    assert.equal(
      info.newRows,
      paired.isNew.reduce((a, b) => a + b, 0),
    );
    assert.equal(info.seenInTraining, 0, "main's split and the PR's agree on every old row");
    assert.equal(paired.lines.length, paired.rows);
    assert.ok(paired.lines.every((line) => line >= 2 && line <= 610));
    // Rows added at the end of the file are the new ones, and only they.
    for (let i = 0; i < paired.rows; i++) assert.equal(paired.isNew[i], paired.lines[i] > 570 ? 1 : 0, `line ${paired.lines[i]}`);
    assert.deepEqual(paired.classes, ['0', '1']);
    assert.equal(paired.base.label?.length, paired.rows);
    assert.equal(paired.head.probabilities?.length, paired.rows * 2);
    // Main's accuracy in the table is its model's on these rows, counted from the paired labels.
    const truth = paired.truth as Int32Array;
    const hits = (labels: Int32Array) => labels.reduce((n, label, i) => n + (label === truth[i] ? 1 : 0), 0) / paired.rows;
    const row = (name: string) => result.comparison.rows.find((r) => r.name === name)!;
    assert.equal(row('accuracy').base, hits(paired.base.label!));
    assert.equal(row('accuracy').head, hits(paired.head.label!));
    assert.ok(info.recorded && typeof info.recorded.accuracy === 'number');
    const body = renderReport(result.report);
    assert.match(body, new RegExp(`Both models scored on the same ${info.rows} test rows of data/breast\\\\_cancer\\.csv, ${info.newRows} of them new`));
    assert.match(body, /\(main's record, on its own test rows: accuracy 0\.\d+/);
  });

  test('a forged stored model is refused with the reason, and the base is trained instead', async () => {
    const env = { GIT_INDEX_FILE: join(repo.source.dir, '.git', 'forge-index') };
    const branch = 'refs/heads/model-ci/baselines';
    const tip = (await git(['rev-parse', branch], { cwd: repo.source.dir })).trim();
    await git(['read-tree', tip], { cwd: repo.source.dir, env });
    const blob = (await git(['hash-object', '-w', '--stdin'], { cwd: repo.source.dir, input: Buffer.alloc(64, 1) })).trim();
    await git(['update-index', '--add', '--cacheinfo', `100644,${blob},${storedModelPath(modelHash, 'weights.bin')}`], { cwd: repo.source.dir, env });
    const tree = (await git(['write-tree'], { cwd: repo.source.dir, env })).trim();
    const forged = (await git(['commit-tree', tree, '-p', tip, '-m', 'forged'], { cwd: repo.source.dir })).trim();
    await git(['update-ref', branch, forged], { cwd: repo.source.dir });

    const log: string[] = [];
    const result = await pullRequest(head, log);
    assert.match(log.join('\n'), /main's stored model was refused \(its files hold \d+ bytes, the record says \d+\): training the base commit/);
    assert.equal(result.comparison.baseline.kind, 'trained');
    assert.ok(result.baseRun, 'the base was trained');
    assert.ok(result.paired);
    assert.ok(result.comparison.paired!.newRows > 0);
  });
});
