/**
 * Mode `plan` routing end to end through dist/index.js: a self-hosted GPU runner only for code the event
 * proves is this repository's own; every fork, unknown event or payload that proves nothing goes hosted.
 * Also: modes auto/pr refuse pull_request_target unless the workflow opts in.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { runAction } from '../support/action-runner.ts';
import { GitHubServer } from '../support/github-server.ts';
import { createModelRepo, FAST_PARAMS, type ModelRepo } from '../support/model-repo.ts';
import { issueCommentPayload, type Payload, pullRequestPayload, webhookExample, workflowRunPayload, retarget } from '../support/payloads.ts';

const owner = 'model-ci-test';
const repoName = 'models';
const repository = `${owner}/${repoName}`;
const GPU = ['self-hosted', 'linux', 'gpu'];
const HOSTED = ['ubuntu-latest'];

let server: GitHubServer;
let repo: ModelRepo;
let workspace: string;
let head: string;

before(async () => {
  server = await GitHubServer.start();
  repo = await createModelRepo();
  head = await repo.openPull(30, 'route-30', { 'params.yaml': FAST_PARAMS.replace('epochs: 12', 'epochs: 13') });
  workspace = (await repo.checkout('route-30', 'ws-route')).dir;
});
after(async () => {
  await server.close();
  await repo.sandbox.dispose();
});

const plan = (eventName: string, payload: Payload, inputs: Record<string, string> = {}) =>
  runAction({ eventName, payload, repository, workspace, apiUrl: server.url, inputs: { mode: 'plan', 'gpu-runner-labels': JSON.stringify(GPU), ...inputs } });

const pull = (fork?: string) =>
  pullRequestPayload({ owner, repo: repoName, number: 30, baseSha: repo.mainSha, headSha: head, baseRef: 'main', headRef: 'route-30', fork });

async function assertRoute(eventName: string, payload: Payload, expected: string[], reason: RegExp): Promise<void> {
  const run = await plan(eventName, payload);
  assert.equal(run.code, 0, run.stdout + run.stderr);
  assert.deepEqual(JSON.parse(run.outputs['runs-on']), expected, `${eventName}: ${run.stdout}`);
  if (expected === HOSTED) assert.notEqual(run.outputs.backend, 'tensorflow-gpu');
  assert.match(run.stdout, reason);
}

describe('mode plan routes only proven same-repository code to the GPU runner', () => {
  test('workflow_run: a fork’s run goes hosted, a same-repository run to the GPU', async () => {
    const fromFork = workflowRunPayload({ owner, repo: repoName, headSha: head, fork: 'outsider' });
    await assertRoute(
      'workflow_run',
      fromFork,
      HOSTED,
      /workflow_run\.head_repository\.full_name is "outsider\/models", not model-ci-test\/models: treated as a fork: never routed to a self-hosted runner/,
    );
    await assertRoute('workflow_run', workflowRunPayload({ owner, repo: repoName, headSha: head }), GPU, /head_repository\.full_name is model-ci-test\/models/);
  });

  test('pull_request_target: a fork’s PR goes hosted even with the opt-in, a same-repository PR to the GPU', async () => {
    await assertRoute('pull_request_target', pull('outsider'), HOSTED, /pull_request_target: pull_request\.head\.repo\.full_name is "outsider\/models"/);
    const optedIn = await plan('pull_request_target', pull('outsider'), { 'allow-pull-request-target': 'true' });
    assert.deepEqual(JSON.parse(optedIn.outputs['runs-on']), HOSTED, optedIn.stdout);
    await assertRoute('pull_request_target', pull(), GPU, /code is this repository's own/);
  });

  test('an unknown event goes hosted, with the reason in the log', async () => {
    const mergeGroup = retarget(webhookExample('merge_group'), owner, repoName);
    await assertRoute('merge_group', mergeGroup, HOSTED, /merge_group event: model-ci cannot tell whose code it runs: treated as a fork/);
  });

  test('a pull_request whose head repository is null (deleted fork) goes hosted; a same-repository one to the GPU', async () => {
    await assertRoute('pull_request', pull('deleted'), HOSTED, /head\.repo\.full_name is null \(a deleted fork\)/);
    // An action model-ci does not train on still routes by the head, not by "same repository" by default.
    const labeled = pull('outsider');
    labeled.action = 'labeled';
    await assertRoute('pull_request', labeled, HOSTED, /treated as a fork/);
    await assertRoute('pull_request', pull(), GPU, /code is this repository's own/);
  });

  test('issue_comment: the pull request fetched from the API decides', async () => {
    server.addPull(owner, repoName, { number: 31, baseSha: repo.mainSha, headSha: head, headRef: 'route-30', forkOwner: 'outsider' });
    server.addPull(owner, repoName, { number: 32, baseSha: repo.mainSha, headSha: head, headRef: 'route-30' });
    const comment = (number: number) =>
      issueCommentPayload({ owner, repo: repoName, number, body: '/model-ci retrain', author: 'maintainer', onPullRequest: true });
    await assertRoute('issue_comment', comment(31), HOSTED, /the pull request's head\.repo\.full_name is "outsider\/models"/);
    await assertRoute('issue_comment', comment(32), GPU, /code is this repository's own/);
    server.assertNoViolations();
  });
});

describe('pull_request_target needs an explicit opt-in', () => {
  test('modes auto and pr fail with the reason; plan and the opt-in pass', async () => {
    for (const mode of ['auto', 'pr']) {
      const run = await runAction({ eventName: 'pull_request_target', payload: pull('outsider'), repository, workspace, apiUrl: server.url, inputs: { mode } });
      assert.equal(run.code, 1, run.stdout);
      assert.match(
        run.stdout,
        new RegExp(
          `::error::mode \`${mode}\` refuses the pull_request_target event: it runs with a write token and the repository's secrets.*set \`allow-pull-request-target: true\``,
        ),
      );
      assert.doesNotMatch(run.stdout + run.stderr, /\n\s+at /, 'no stack trace for a user mistake');
    }
    const optedIn = await runAction({
      eventName: 'pull_request_target',
      payload: pull('outsider'),
      repository,
      workspace,
      apiUrl: server.url,
      inputs: { mode: 'auto', 'allow-pull-request-target': 'true' },
    });
    // Past the refusal, mode pr goes on to train the head (tests/action/pr.e2e.test.ts follows it there).
    assert.match(optedIn.stdout, /model-ci: mode pr on pull_request_target/);
    assert.doesNotMatch(optedIn.stdout, /refuses the pull_request_target event/);
  });
});
