/**
 * Bot commands and runner routing end to end: real issue_comment and pull_request payloads replayed
 * through dist/index.js against the contract-checked GitHub server and real git repositories.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { runAction } from '../support/action-runner.ts';
import { GitHubServer } from '../support/github-server.ts';
import { createModelRepo, FAST_PARAMS, type ModelRepo } from '../support/model-repo.ts';
import { issueCommentPayload, pullRequestPayload } from '../support/payloads.ts';

const owner = 'model-ci-test';
const repoName = 'models';
const repository = `${owner}/${repoName}`;

let server: GitHubServer;
let repo: ModelRepo;
let workspace: string;

before(async () => {
  server = await GitHubServer.start();
  repo = await createModelRepo();
  // issue_comment runs check out the default branch.
  workspace = (await repo.checkout('main', 'ws-main')).dir;
});
after(async () => {
  await server.close();
  await repo.sandbox.dispose();
});

async function command(number: number, body: string, author: string, options: { authorType?: 'User' | 'Bot'; onPullRequest?: boolean } = {}) {
  if (options.onPullRequest === false) server.addIssue(owner, repoName, number);
  // The comment exists on the server (reactions go to it) and the payload names it.
  const stored = server.addComment(owner, repoName, number, { body, author, authorType: options.authorType });
  const commentId = stored.id;
  const payload = issueCommentPayload({
    owner,
    repo: repoName,
    number,
    body,
    author,
    authorType: options.authorType,
    commentId,
    createdAt: stored.createdAt,
    onPullRequest: options.onPullRequest ?? true,
  });
  const run = await runAction({ eventName: 'issue_comment', payload, repository, workspace, apiUrl: server.url, sha: repo.mainSha, ref: 'refs/heads/main' });
  return { run, commentId };
}

/** GitHub's timestamps: UTC, whole seconds; `offsetMs` from now. */
const githubTime = (offsetMs: number) => new Date(Date.now() + offsetMs).toISOString().replace(/\.\d{3}Z$/, 'Z');

const replies = (number: number) => server.comments(owner, repoName, number).filter((c) => c.user.login === 'github-actions[bot]');
const reactionsOf = (commentId: number) =>
  server
    .reactions(commentId)
    .map((r) => r.content)
    .sort();

describe('mode command', () => {
  test('a collaborator’s /model-ci retrain retrains the current head, once per comment', async () => {
    const first = await repo.openPull(10, 'cmd', { 'params.yaml': FAST_PARAMS.replace('hidden_units: [16]', 'hidden_units: [20]') });
    server.addPull(owner, repoName, { number: 10, baseSha: repo.mainSha, headSha: first, headRef: 'cmd' });
    server.addPush(owner, repoName, { branch: 'cmd', after: first, timestamp: githubTime(-120_000) });
    // A second push before the comment was written: the command trains the PR's current head.
    const current = await repo.pushToPull(10, 'cmd', { 'params.yaml': FAST_PARAMS.replace('hidden_units: [16]', 'hidden_units: [28]') });
    server.addPull(owner, repoName, { number: 10, baseSha: repo.mainSha, headSha: current, headRef: 'cmd' });
    server.addPush(owner, repoName, { branch: 'cmd', before: first, after: current, timestamp: githubTime(-60_000) });
    server.setRole(owner, repoName, 'maintainer', 'write');

    const { run, commentId } = await command(10, 'Could you rerun this?\n/model-ci retrain --backend cpu', 'maintainer');
    assert.equal(run.code, 0, run.stdout + run.stderr);
    const reports = replies(10).filter((c) => c.body.includes('<!-- model-ci:breast-cancer -->'));
    assert.equal(reports.length, 1);
    assert.match(reports[0].body, new RegExp(current.slice(0, 7)), 'the report is for the current head');
    assert.match(reports[0].body, /\\\[28\\\]/);
    assert.match(reports[0].body, /backend cpu/);
    assert.deepEqual(reactionsOf(commentId), ['eyes', 'rocket']);
    const [answer] = replies(10).filter((c) => c.body.startsWith('@maintainer '));
    assert.equal(answer.body, `@maintainer retrained \`${current.slice(0, 7)}\` (\`${current}\`), the head of this pull request; the report is updated.`);
    const before = replies(10).length;

    // GitHub redelivers the same webhook: nothing happens twice.
    const payload = issueCommentPayload({ owner, repo: repoName, number: 10, body: '/model-ci retrain', author: 'maintainer', commentId, onPullRequest: true });
    const again = await runAction({
      eventName: 'issue_comment',
      payload,
      repository,
      workspace,
      apiUrl: server.url,
      sha: repo.mainSha,
      ref: 'refs/heads/main',
    });
    assert.equal(again.code, 0);
    assert.match(again.stdout, /already handled/);
    assert.equal(replies(10).length, before);
    assert.deepEqual(reactionsOf(commentId), ['eyes', 'rocket']);
    server.assertNoViolations();
  });

  test('a head pushed after the command was written is not trained: the reply asks to look and run it again', async () => {
    const head = await repo.openPull(13, 'moved', { 'params.yaml': FAST_PARAMS.replace('hidden_units: [16]', 'hidden_units: [24]') });
    server.addPull(owner, repoName, { number: 13, baseSha: repo.mainSha, headSha: head, headRef: 'moved' });
    server.setRole(owner, repoName, 'maintainer', 'write');
    // GitHub recorded the push a minute after the comment (whatever dates the commit itself claims).
    server.addPush(owner, repoName, { branch: 'moved', after: head, timestamp: githubTime(60_000) });

    const { run, commentId } = await command(13, '/model-ci retrain', 'maintainer');
    assert.equal(run.code, 0, run.stdout + run.stderr);
    const all = replies(13);
    assert.equal(all.length, 1, 'one reply, no report: nothing was trained');
    assert.ok(
      all[0].body.startsWith(`@maintainer the head of this pull request moved after your command: \`${head.slice(0, 7)}\` (\`${head}\`) was pushed at `),
      all[0].body,
    );
    assert.match(all[0].body, /Nothing was trained; .* comment `\/model-ci retrain` again/);
    assert.match(run.stdout, /not retraining/);
    assert.doesNotMatch(run.stdout, /sticky comment/);
    assert.deepEqual(reactionsOf(commentId), ['confused', 'eyes']);
    server.assertNoViolations();
  });

  test('on an issue that is not a pull request, someone without write access gets no reply and no reaction', async () => {
    server.setRole(owner, repoName, 'passer-by', 'read');
    const { run, commentId } = await command(14, '/model-ci retrain', 'passer-by', { onPullRequest: false });
    assert.equal(run.code, 0, run.stdout + run.stderr);
    assert.match(run.stdout, /ignoring \/model-ci on issue #14 from passer-by, who has no write access/);
    assert.equal(server.comments(owner, repoName, 14).length, 1, 'only the command itself');
    assert.deepEqual(reactionsOf(commentId), []);
    server.assertNoViolations();
  });

  test('an outsider is refused politely; a bot is ignored; help and mistakes get replies', async () => {
    server.addPull(owner, repoName, { number: 11, baseSha: repo.mainSha, headRef: 'x' });
    server.setRole(owner, repoName, 'stranger', 'read');
    const refused = await command(11, '/model-ci retrain', 'stranger');
    assert.equal(refused.run.code, 0);
    assert.match(replies(11).at(-1)!.body, /^@stranger sorry, model-ci commands can only be run by people with write access/);
    assert.deepEqual(reactionsOf(refused.commentId), ['confused', 'eyes']);

    const fromBot = await command(11, '/model-ci retrain', 'dependabot[bot]', { authorType: 'Bot' });
    assert.equal(fromBot.run.code, 0);
    assert.match(fromBot.run.stdout, /ignoring a comment by the bot dependabot\[bot\]/);
    assert.deepEqual(reactionsOf(fromBot.commentId), []);

    server.setRole(owner, repoName, 'admin-user', 'admin');
    const help = await command(11, '/model-ci help', 'admin-user');
    assert.match(replies(11).at(-1)!.body, /`\/model-ci retrain/);
    assert.deepEqual(reactionsOf(help.commentId), ['eyes', 'rocket']);

    const typo = await command(11, '/model-ci retrian', 'admin-user');
    assert.match(replies(11).at(-1)!.body, /unknown command “retrian” \(did you mean `retrain`\?\)/);
    assert.deepEqual(reactionsOf(typo.commentId), ['confused', 'eyes']);

    const badFlag = await command(11, '/model-ci retrain --gpu', 'admin-user');
    assert.match(replies(11).at(-1)!.body, /unknown flag “--gpu” for `retrain`/);
    assert.deepEqual(reactionsOf(badFlag.commentId), ['confused', 'eyes']);

    const notPr = await command(12, '/model-ci retrain', 'admin-user', { onPullRequest: false });
    assert.match(replies(12).at(-1)!.body, /work on pull requests only/);
    assert.deepEqual(reactionsOf(notPr.commentId), ['confused', 'eyes']);

    const prose = await command(11, 'Thanks, looks good!', 'admin-user');
    assert.match(prose.run.stdout, /holds no \/model-ci command/);
    assert.deepEqual(reactionsOf(prose.commentId), []);
    server.assertNoViolations();
  });
});

describe('mode plan', () => {
  const plan = async (number: number, headSha: string, fork?: string) => {
    const ws = await repo.checkout(`plan-${number}`, `ws-plan-${number}-${fork ?? 'same'}`);
    const payload = pullRequestPayload({ owner, repo: repoName, number, baseSha: repo.mainSha, headSha, baseRef: 'main', headRef: `plan-${number}`, fork });
    return runAction({
      eventName: 'pull_request',
      payload,
      repository,
      workspace: ws.dir,
      apiUrl: server.url,
      inputs: { mode: 'plan', 'gpu-runner-labels': '["self-hosted","linux","gpu"]' },
    });
  };

  test('same-repository PRs go to the GPU runner; fork PRs never reach a self-hosted runner', async () => {
    const head = await repo.openPull(20, 'plan-20', { 'params.yaml': FAST_PARAMS.replace('epochs: 12', 'epochs: 13') });
    const same = await plan(20, head);
    assert.equal(same.code, 0, same.stdout);
    assert.deepEqual(JSON.parse(same.outputs['runs-on']), ['self-hosted', 'linux', 'gpu']);
    assert.equal(same.outputs.backend, 'tensorflow-gpu');
    assert.equal(same.outputs.retrained, 'true');

    const fork = await plan(20, head, 'outsider');
    assert.equal(fork.code, 0, fork.stdout);
    assert.deepEqual(JSON.parse(fork.outputs['runs-on']), ['ubuntu-latest']);
    assert.notEqual(fork.outputs.backend, 'tensorflow-gpu');
    assert.match(fork.stdout, /fork: never routed to a self-hosted runner/);
  });

  test('a GPU label list that is not a JSON list is a clear error', async () => {
    const head = await repo.openPull(21, 'plan-21', { 'README.md': 'docs\n' });
    const ws = await repo.checkout('plan-21', 'ws-plan-21b');
    const payload = pullRequestPayload({ owner, repo: repoName, number: 21, baseSha: repo.mainSha, headSha: head });
    const run = await runAction({
      eventName: 'pull_request',
      payload,
      repository,
      workspace: ws.dir,
      apiUrl: server.url,
      inputs: { mode: 'plan', 'gpu-runner-labels': 'gpu' },
    });
    assert.equal(run.code, 1);
    assert.match(run.stdout, /::error::input `gpu-runner-labels` must be a JSON list such as \["self-hosted","linux","gpu"\]; got "gpu"/);
  });
});
