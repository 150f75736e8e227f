/**
 * "Where main has been" end to end: records on the baselines branch of the remote, a PR run through
 * dist/index.js from a depth-1 checkout (as actions/checkout makes), and the comment charts the records.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { createBaselineStore } from '../../src/baseline/store.ts';
import { RECORD_SCHEMA, type BaselineRecord } from '../../src/domain/record.ts';
import { ACTION_ENTRY, runAction } from '../support/action-runner.ts';
import { GitHubServer } from '../support/github-server.ts';
import { createModelRepo, FAST_PARAMS, type ModelRepo } from '../support/model-repo.ts';
import { pullRequestPayload } from '../support/payloads.ts';

const owner = 'model-ci-test';
const repoName = 'models';

if (!existsSync(ACTION_ENTRY)) throw new Error(`${ACTION_ENTRY} is missing: run \`npm run bundle\` first`);

let server: GitHubServer;
let repo: ModelRepo;
before(async () => {
  server = await GitHubServer.start();
  repo = await createModelRepo();
});
after(async () => {
  await server.close();
  await repo.sandbox.dispose();
});

function record(commit: string, accuracy: number, createdAt: string): BaselineRecord {
  return {
    schema: RECORD_SCHEMA,
    modelCiVersion: '0.1.0',
    model: 'breast-cancer',
    commit,
    createdAt,
    backend: 'wasm',
    metrics: { accuracy, roc_auc: 0.99, precision: 0.97, recall: 0.97, f1: 0.97, log_loss: 0.1 },
    params: {},
    data: {},
    inputsHash: `sha256:${commit.slice(0, 16)}`,
    modelHash: `sha256:${'b'.repeat(64)}`,
  };
}

test("a PR's comment charts each gated metric over main's last records, ending at the PR", async () => {
  // Main gains two commits; each of main's three commits has a record on the baselines branch.
  const main = [repo.mainSha];
  for (const n of [1, 2]) main.push(await repo.source.commit({ 'README.md': `# a model, take ${n}\n` }, `main ${n}`));
  await repo.source.git('push', '--quiet', 'origin', 'main');
  const store = createBaselineStore({ cwd: repo.source.dir });
  const accuracies = [0.912, 0.931, 0.947];
  for (const [i, commit] of main.entries()) await store.write(record(commit, accuracies[i], `2025-01-0${i + 1}T00:00:00.000Z`));

  const head = await repo.openPull(5, 'wider', { 'params.yaml': FAST_PARAMS.replace('hidden_units: [16]', 'hidden_units: [24]') });
  server.addPull(owner, repoName, { number: 5, baseSha: main[2], headRef: 'wider' });
  const workspace = await repo.checkout('wider', 'ws-trend');
  const run = await runAction({
    eventName: 'pull_request',
    payload: pullRequestPayload({ owner, repo: repoName, number: 5, action: 'opened', baseSha: main[2], headSha: head, baseRef: 'main', headRef: 'wider' }),
    repository: `${owner}/${repoName}`,
    workspace: workspace.dir,
    apiUrl: server.url,
    sha: head,
    ref: 'refs/pull/5/merge',
  });
  assert.equal(run.code, 0, run.stdout + run.stderr);
  const [comment] = server.comments(owner, repoName, 5);
  assert.ok(comment, 'a comment was posted');
  assert.match(comment.body, /^<details><summary>Where main has been<\/summary>$/m);
  const accuracy = /```mermaid\n[^`]*title "accuracy \(higher is better\)"[^`]*```/.exec(comment.body)?.[0] ?? '';
  assert.ok(accuracy, comment.body);
  const categories = main.map((sha) => `"${sha.slice(0, 7)}"`).join(', ');
  assert.match(accuracy, new RegExp(`x-axis "last 3 records of main, then this PR" \\[${categories}, "PR"\\]`));
  const [history] = [...accuracy.matchAll(/^ {4}line \[(.*)\]$/gm)].map((match) => match[1].split(', ').map(Number));
  assert.deepEqual(history.slice(0, 3), accuracies);
  const prAccuracy = (JSON.parse(run.outputs.metrics) as Record<string, number>).accuracy;
  assert.equal(history[3], Number(prAccuracy.toPrecision(4)), "the last point is the PR's");
  // The job summary is the same report.
  assert.ok(run.summary.includes(accuracy));
  server.assertNoViolations();
});
