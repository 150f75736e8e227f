/**
 * Mode `monitor` through dist/index.js, as a scheduled workflow runs it: a real model server fed
 * shifted data, GitHub's contract server. Drift fails the step, names the drifted features in the
 * outputs and keeps ONE issue per model (found by its marker and author); no drift, no issue.
 */
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { createModelServer, type ModelServer } from '../../src/serve/server.ts';
import { runAction } from '../support/action-runner.ts';
import { GitHubServer } from '../support/github-server.ts';
import { HOSTILE_FEATURE, syntheticRows, trainSyntheticModel } from '../support/trained-model.ts';

const owner = 'model-ci-test';
const repoName = 'models';
const repository = `${owner}/${repoName}`;
const MARKER = '<!-- model-ci-drift:synthetic -->';

let github: GitHubServer;
let root: string;
let workspace: string;
let shifted: ModelServer;
let steady: ModelServer;

async function feed(server: ModelServer, rows: unknown[]): Promise<void> {
  const res = await fetch(`${server.url}/v1/models/synthetic:predict`, { method: 'POST', body: JSON.stringify({ instances: rows }) });
  assert.equal(res.status, 200);
}

before(async () => {
  github = await GitHubServer.start();
  root = await mkdtemp(join(tmpdir(), 'model-ci-monitor-mode-'));
  workspace = join(root, 'repo');
  const run = await trainSyntheticModel(workspace, 'synthetic');
  [shifted, steady] = await Promise.all([0, 1].map(() => createModelServer({ model: run.out, port: 0, backend: 'cpu' })));
  await Promise.all([shifted.ready, steady.ready]);
  await feed(
    shifted,
    syntheticRows(300, 21).map((row) => ({ ...row, income: row.income + 6000 })),
  );
  await feed(steady, syntheticRows(300, 22));
});
after(async () => {
  await Promise.all([shifted.close(), steady.close(), github.close()]);
  await rm(root, { recursive: true, force: true });
});

const monitor = (inputs: Record<string, string>) =>
  runAction({ eventName: 'schedule', payload: { schedule: '17 6 * * *' }, repository, workspace, apiUrl: github.url, inputs: { mode: 'monitor', ...inputs } });

describe('mode monitor', () => {
  test('drift fails the step, names the drifted features and keeps one issue up to date', async () => {
    // A person's issue quoting the marker is not ours to update.
    github.addOpenedIssue(owner, repoName, { title: 'quoting the bot', body: `${MARKER}\nsee above`, author: 'octocat' });
    const first = await monitor({ 'monitor-url': shifted.url });
    assert.equal(first.code, 1, first.stdout + first.stderr);
    assert.deepEqual(JSON.parse(first.outputs['drifted-features']), ['income']);
    assert.ok(Number(first.outputs['max-psi']) >= 0.25);
    assert.match(first.stdout, /::error::input drift: 1 feature at PSI ≥ 0\.25; retrain and redeploy/);
    assert.match(first.summary, /\| income \| 300 \| \d+\.\d{3} \| DRIFT \|/);
    assert.match(first.summary, /\| age \| 300 \| \d+\.\d{3} \| stable \|/);
    assert.ok(first.summary.includes('&lt;img src=x onerror=alert(1)&gt;') && !first.summary.includes(HOSTILE_FEATURE));

    const ours = () => github.openedIssues(owner, repoName).filter((i) => i.user.login === 'github-actions[bot]');
    assert.equal(ours().length, 1);
    const [issue] = ours();
    assert.equal(first.outputs['drift-issue'], String(issue.number));
    assert.equal(issue.title, 'Input drift: synthetic');
    assert.ok(issue.body.startsWith(`${MARKER}\n`));

    // More shifted traffic, a second scheduled run: the same issue, updated.
    await feed(
      shifted,
      syntheticRows(300, 23).map((row) => ({ ...row, age: row.age + 40 })),
    );
    const second = await monitor({ 'monitor-url': `${shifted.url}/metrics` });
    assert.equal(second.code, 1);
    assert.deepEqual(JSON.parse(second.outputs['drifted-features']).sort(), ['age', 'income']);
    assert.equal(ours().length, 1);
    assert.equal(second.outputs['drift-issue'], String(issue.number));
    assert.match(ours()[0].body, /2 of 4 features drifted/);
    assert.equal(github.openedIssues(owner, repoName).find((i) => i.user.login === 'octocat')?.body, `${MARKER}\nsee above`);
    github.assertNoViolations();
  });

  test('no drift: the step passes, outputs say so, no issue', async () => {
    const before = github.openedIssues(owner, repoName).length;
    const run = await monitor({ 'monitor-url': steady.url, 'drift-issue': 'true' });
    assert.equal(run.code, 0, run.stdout + run.stderr);
    assert.equal(run.outputs['drifted-features'], '[]');
    assert.match(run.summary, /no feature drifted \(4 checked\)/);
    assert.equal(github.openedIssues(owner, repoName).length, before);
    github.assertNoViolations();
  });

  test('bad input fails with a clear error: no monitor-url, a bad threshold, another model', async () => {
    const missing = await monitor({});
    assert.equal(missing.code, 1);
    assert.match(missing.stdout, /mode `monitor` needs `monitor-url`/);
    const threshold = await monitor({ 'monitor-url': steady.url, 'drift-threshold': 'high' });
    assert.match(threshold.stdout, /input `drift-threshold` must be a number above 0; got "high"/);
    const other = await createModelServer({ model: join(workspace, 'model'), name: 'iris', port: 0, backend: 'cpu' });
    try {
      await other.ready;
      const wrong = await monitor({ 'monitor-url': other.url });
      assert.equal(wrong.code, 1);
      assert.match(wrong.stdout, /comes from a server of model "iris" version "[0-9a-f]{12}", not of "synthetic"/);
      assert.doesNotMatch(wrong.stdout, /\n\s+at /);
    } finally {
      await other.close();
    }
  });
});
