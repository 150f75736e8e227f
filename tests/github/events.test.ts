import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readEvent } from '../../src/github/events.ts';
import { UserError } from '../../src/errors.ts';
import { issueCommentPayload, pullRequestPayload, pushPayload, webhookExample, workflowDispatchPayload, workflowRunPayload } from '../support/payloads.ts';

const base = '1'.repeat(40);
const head = '2'.repeat(40);

test("GitHub's own pull_request examples read as same-repository pull requests", () => {
  for (const action of ['opened', 'synchronize', 'reopened'] as const) {
    const payload = webhookExample('pull_request', (p) => p.action === action);
    const event = readEvent('pull_request', payload);
    assert.equal(event.kind, 'pull_request');
    if (event.kind !== 'pull_request') return;
    assert.equal(event.action, action);
    assert.equal(event.number, payload.number);
    assert.equal(event.headSha, payload.pull_request.head.sha);
    assert.equal(event.baseSha, payload.pull_request.base.sha);
    assert.deepEqual(event.repository, { owner: 'Codertocat', repo: 'Hello-World', fullName: 'Codertocat/Hello-World' });
    assert.equal(event.isFork, false);
  }
});

test('a same-repository pull request, adapted', () => {
  const event = readEvent(
    'pull_request',
    pullRequestPayload({ owner: 'acme', repo: 'models', number: 42, baseSha: base, headSha: head, headRef: 'more-rows' }),
  );
  assert.deepEqual(event, {
    kind: 'pull_request',
    action: 'opened',
    repository: { owner: 'acme', repo: 'models', fullName: 'acme/models' },
    number: 42,
    baseSha: base,
    headSha: head,
    baseRef: 'master',
    headRef: 'more-rows',
    headRepoFullName: 'acme/models',
    isFork: false,
    target: false,
    draft: false,
    sender: { login: 'Codertocat', type: 'User' },
  });
});

test("pull_request_target reads as a pull request that runs with the base repository's token", () => {
  const event = readEvent('pull_request_target', pullRequestPayload({ owner: 'acme', repo: 'models', fork: 'outsider' }));
  assert.ok(event.kind === 'pull_request');
  assert.equal(event.target, true);
  assert.equal(event.isFork, true);
  const plain = readEvent('pull_request', pullRequestPayload({}));
  assert.ok(plain.kind === 'pull_request');
  assert.equal(plain.target, false);
});

test('a pull request from a fork, and from a deleted fork', () => {
  const fork = readEvent('pull_request', pullRequestPayload({ owner: 'acme', repo: 'models', action: 'synchronize', fork: 'outsider' }));
  assert.ok(fork.kind === 'pull_request');
  assert.equal(fork.headRepoFullName, 'outsider/models');
  assert.equal(fork.isFork, true);

  const deleted = readEvent('pull_request', pullRequestPayload({ fork: 'deleted' }));
  assert.ok(deleted.kind === 'pull_request');
  assert.equal(deleted.headRepoFullName, null);
  assert.equal(deleted.isFork, true);
});

test('pull request actions model-ci does not act on are ignored with a reason', () => {
  const event = readEvent('pull_request', pullRequestPayload({ action: 'closed' }));
  assert.equal(event.kind, 'ignored');
  assert.ok(event.kind === 'ignored' && /opened, synchronize, reopened/.test(event.reason));
});

test('a push to a branch and to a tag', () => {
  const push = readEvent('push', pushPayload({ owner: 'acme', repo: 'models', ref: 'refs/heads/main', before: base, after: head }));
  assert.ok(push.kind === 'push');
  assert.equal(push.branch, 'main');
  assert.equal(push.tag, null);
  assert.equal(push.before, base);
  assert.equal(push.after, head);
  assert.equal(push.created, false);
  assert.equal(push.repository.fullName, 'acme/models');

  const tag = readEvent(
    'push',
    webhookExample('push', (p) => p.ref === 'refs/tags/simple-tag' && p.created),
  );
  assert.ok(tag.kind === 'push');
  assert.equal(tag.tag, 'simple-tag');
  assert.equal(tag.branch, null);
  assert.equal(tag.created, true);
});

test('a comment on a pull request and on a plain issue', () => {
  const onPull = readEvent(
    'issue_comment',
    issueCommentPayload({ body: '/model-ci retrain --backend wasm', author: 'alice', number: 7, commentId: 99, createdAt: '2026-03-04T05:06:07Z' }),
  );
  assert.ok(onPull.kind === 'issue_comment');
  assert.equal(onPull.isPullRequest, true);
  assert.equal(onPull.issueNumber, 7);
  assert.deepEqual(onPull.comment, {
    id: 99,
    body: '/model-ci retrain --backend wasm',
    author: { login: 'alice', type: 'User' },
    authorAssociation: 'OWNER',
    createdAt: '2026-03-04T05:06:07Z',
  });
  assert.equal(onPull.sender.login, 'alice');

  const onIssue = readEvent('issue_comment', issueCommentPayload({ body: '/model-ci help', onPullRequest: false }));
  assert.ok(onIssue.kind === 'issue_comment');
  assert.equal(onIssue.isPullRequest, false);

  const byBot = readEvent('issue_comment', issueCommentPayload({ body: '/model-ci retrain', author: 'dependabot[bot]' }));
  assert.ok(byBot.kind === 'issue_comment');
  assert.deepEqual(byBot.comment.author, { login: 'dependabot[bot]', type: 'Bot' });

  const edited = readEvent(
    'issue_comment',
    webhookExample('issue_comment', (p) => p.action === 'edited'),
  );
  assert.equal(edited.kind, 'ignored');
});

test('a completed workflow_run of a same-repository pull request', () => {
  const event = readEvent(
    'workflow_run',
    workflowRunPayload({ owner: 'acme', repo: 'models', headSha: head, pullRequests: [{ number: 4, headSha: head, baseSha: base }] }),
  );
  assert.ok(event.kind === 'workflow_run');
  assert.equal(event.event, 'pull_request');
  assert.equal(event.conclusion, 'success');
  assert.equal(event.headSha, head);
  assert.equal(event.isFork, false);
  assert.equal(event.headRepoFullName, 'acme/models');
  assert.deepEqual(event.pullRequests, [{ number: 4, headSha: head, baseSha: base, headRef: 'master', baseRef: 'main' }]);
});

test("a fork's workflow_run: untrusted, and GitHub lists no pull requests", () => {
  const event = readEvent('workflow_run', workflowRunPayload({ owner: 'acme', repo: 'models', headSha: head, fork: 'outsider' }));
  assert.ok(event.kind === 'workflow_run');
  assert.equal(event.isFork, true);
  assert.equal(event.headRepoFullName, 'outsider/models');
  assert.deepEqual(event.pullRequests, []);
});

test('a workflow_run that only started is ignored', () => {
  const event = readEvent(
    'workflow_run',
    webhookExample('workflow_run', (p) => p.action === 'requested'),
  );
  assert.equal(event.kind, 'ignored');
});

test('workflow_dispatch with inputs', () => {
  const event = readEvent('workflow_dispatch', workflowDispatchPayload({ ref: 'refs/heads/main', inputs: { backend: 'wasm', force: true } }));
  assert.ok(event.kind === 'workflow_dispatch');
  assert.equal(event.branch, 'main');
  assert.deepEqual(event.inputs, { backend: 'wasm', force: true });
  assert.equal(event.workflow, '.github/workflows/hello-world-workflow.yml');
});

test('an event model-ci does not handle is ignored, naming those it does', () => {
  const event = readEvent('schedule', { schedule: '0 0 * * *' });
  assert.ok(event.kind === 'ignored');
  assert.match(event.reason, /pull_request, pull_request_target, push, issue_comment, workflow_run, workflow_dispatch/);
});

test('a malformed payload is a UserError naming the field and the file', () => {
  const payload = pullRequestPayload();
  payload.pull_request.head.sha = 'not-a-sha';
  assert.throws(
    () => readEvent('pull_request', payload, { file: '/tmp/event.json' }),
    (error: unknown) => {
      assert.ok(error instanceof UserError);
      assert.equal(error.location.field, 'pull_request.head.sha');
      assert.equal(error.location.file, '/tmp/event.json');
      assert.match(error.describe(), /^\/tmp\/event\.json: event payload field "pull_request\.head\.sha": expected a full commit SHA, got "not-a-sha"$/);
      return true;
    },
  );

  const noNumber = issueCommentPayload({ body: 'x' });
  delete noNumber.issue.number;
  assert.throws(() => readEvent('issue_comment', noNumber), /"issue\.number": expected a positive integer, got nothing/);

  const badRepo = pushPayload();
  badRepo.repository.full_name = 'no-slash';
  assert.throws(() => readEvent('push', badRepo), /"repository\.full_name": expected "owner\/repo"/);

  const badPull = workflowRunPayload({ pullRequests: [{ number: 1, headSha: head, baseSha: base }] });
  badPull.workflow_run.pull_requests[0].base.sha = 7;
  assert.throws(() => readEvent('workflow_run', badPull), /"workflow_run\.pull_requests\[0\]\.base\.sha"/);

  assert.throws(() => readEvent('push', 'not json object'), /"\(payload\)": expected an object, got "not json object"/);
});
