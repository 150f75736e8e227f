/**
 * A hyperparameter sweep end to end through dist/index.js: plan → one candidate job per matrix entry →
 * the sweep job's single comment comparing every candidate with main and naming the best.
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { runAction } from '../support/action-runner.ts';
import { GitHubServer } from '../support/github-server.ts';
import { createModelRepo, type ModelRepo } from '../support/model-repo.ts';
import { pullRequestPayload } from '../support/payloads.ts';

const owner = 'model-ci-test';
const repoName = 'models';

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

test('plan makes the matrix, each candidate trains, and one comment ranks them against main', async () => {
  const config = await readFile(join(repo.source.dir, 'model-ci.yml'), 'utf8');
  // The PR also drops the gated roc_auc from its metrics: main's metrics still measure and gate the candidates.
  const withoutRocAuc = config.replace('  - name: roc_auc\n    gate: { tolerance: 0.01 }\n', '');
  assert.notEqual(withoutRocAuc, config);
  const head = await repo.openPull(30, 'sweep', {
    'model-ci.yml': `${withoutRocAuc}sweep:\n  train.learning_rate: [0.01, 0.03]\n  model.hidden_units: [[8], [16]]\n`,
  });
  server.addPull(owner, repoName, { number: 30, baseSha: repo.mainSha, headSha: head, headRef: 'sweep' });
  const workspace = (await repo.checkout('sweep', 'ws-sweep')).dir;
  const payload = pullRequestPayload({ owner, repo: repoName, number: 30, baseSha: repo.mainSha, headSha: head, baseRef: 'main', headRef: 'sweep' });
  const step = (inputs: Record<string, string>) =>
    runAction({ eventName: 'pull_request', payload, repository: `${owner}/${repoName}`, workspace, apiUrl: server.url, sha: head, inputs });

  const plan = await step({ mode: 'plan' });
  assert.equal(plan.code, 0, plan.stdout);
  const matrix = JSON.parse(plan.outputs.matrix) as { candidate: string[] };
  assert.deepEqual(matrix, { candidate: ['c1', 'c2', 'c3', 'c4'] });

  for (const id of matrix.candidate) {
    const candidate = await step({ mode: 'candidate', candidate: id });
    assert.equal(candidate.code, 0, candidate.stdout);
    assert.match(candidate.outputs['report-path'], new RegExp(`candidate-${id}\\.json$`));
  }

  const sweep = await step({ mode: 'sweep' });
  assert.equal(sweep.code, 0, sweep.stdout + sweep.stderr);
  const comments = server.comments(owner, repoName, 30).filter((c) => c.body.includes('<!-- model-ci:breast-cancer -->'));
  assert.equal(comments.length, 1);
  const body = comments[0].body;
  assert.match(body, /sweep of 4 candidates/);
  assert.match(body, new RegExp(`\\*\\*${sweep.outputs['best-candidate']} [^*]+\\*\\* \\(best\\)`), 'the best candidate is named in the table');
  for (const name of ['c1 learning\\\\_rate=0\\.01 hidden\\\\_units=\\\\\\[8\\\\\\]', 'c4 learning\\\\_rate=0\\.03 hidden\\\\_units=\\\\\\[16\\\\\\]'])
    assert.match(body, new RegExp(name));
  assert.match(body, /\| main \|/, 'main is the first row');
  assert.match(body, /^\| candidate \| params \| accuracy \| roc\\_auc \|/m, "main's metrics rank the candidates, gated roc_auc included");
  server.assertNoViolations();

  // A candidate id the config's sweep does not have is refused.
  const unknown = await step({ mode: 'candidate', candidate: 'c9' });
  assert.equal(unknown.code, 1);
  assert.match(unknown.stdout, /no sweep candidate "c9": the sweep has c1…c4/);
});
