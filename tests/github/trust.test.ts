import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { codeTrust } from '../../src/github/trust.ts';
import {
  DEFAULT_OWNER,
  DEFAULT_REPO,
  issueCommentPayload,
  pullRequestPayload,
  pushPayload,
  webhookExample,
  workflowDispatchPayload,
  workflowRunPayload,
} from '../support/payloads.ts';

const repository = `${DEFAULT_OWNER}/${DEFAULT_REPO}`;
const judge = (eventName: string, payload: unknown, pull?: { headRepoFullName: string | null }) => codeTrust({ eventName, payload, repository, pull });

describe('codeTrust: same repository only when the payload proves it', () => {
  test('pull_request and pull_request_target: the head repository decides', () => {
    for (const eventName of ['pull_request', 'pull_request_target']) {
      assert.deepEqual(judge(eventName, pullRequestPayload()), { trusted: true, reason: `${eventName}: pull_request.head.repo.full_name is ${repository}` });
      const fork = judge(eventName, pullRequestPayload({ fork: 'outsider' }));
      assert.equal(fork.trusted, false);
      assert.equal(fork.reason, `${eventName}: pull_request.head.repo.full_name is "outsider/models", not ${repository}: treated as a fork`);
      const deleted = judge(eventName, pullRequestPayload({ fork: 'deleted' }));
      assert.equal(deleted.trusted, false);
      assert.match(deleted.reason, /head\.repo\.full_name is null \(a deleted fork\): treated as a fork/);
    }
    // Any action, not only the ones model-ci trains on: a labeled fork PR is still a fork.
    const labeled = webhookExample('pull_request', (p) => p.action === 'labeled');
    labeled.pull_request.head.repo.full_name = 'outsider/Hello-World';
    assert.equal(codeTrust({ eventName: 'pull_request', payload: labeled, repository: labeled.repository.full_name }).trusted, false);
  });

  test('hand-edited pull_request payloads that prove nothing are forks', () => {
    const missingHead = pullRequestPayload();
    delete missingHead.pull_request.head.repo.full_name;
    assert.match(judge('pull_request', missingHead).reason, /head\.repo\.full_name is missing: treated as a fork/);
    const numeric = pullRequestPayload();
    numeric.pull_request.head.repo.full_name = 42;
    assert.equal(judge('pull_request', numeric).trusted, false);
    // A head equal to a base that is not this repository proves nothing about this repository.
    const elsewhere = pullRequestPayload({ owner: 'someone', repo: 'else' });
    assert.equal(judge('pull_request', elsewhere).trusted, false);
    assert.equal(judge('pull_request', null).trusted, false);
    assert.equal(judge('pull_request', { pull_request: [] }).trusted, false);
  });

  test('workflow_run: head_repository decides, and only for events whose head is the code that ran', () => {
    assert.equal(judge('workflow_run', workflowRunPayload()).trusted, true);
    assert.equal(judge('workflow_run', workflowRunPayload({ event: 'push' })).trusted, true);
    const fork = judge('workflow_run', workflowRunPayload({ fork: 'outsider' }));
    assert.equal(fork.trusted, false);
    assert.match(fork.reason, /head_repository\.full_name is "outsider\/models"/);
    const target = judge('workflow_run', workflowRunPayload({ event: 'pull_request_target' }));
    assert.equal(target.trusted, false);
    assert.match(target.reason, /workflow_run of a "pull_request_target" event, whose head_repository does not name the code that ran/);
    const noHead = workflowRunPayload();
    noHead.workflow_run.head_repository = null;
    assert.equal(judge('workflow_run', noHead).trusted, false);
  });

  test('issue_comment: only the pull request looked up from the API decides', () => {
    const payload = issueCommentPayload({ body: '/model-ci retrain' });
    assert.equal(judge('issue_comment', payload).trusted, false, 'not looked up: a fork');
    assert.equal(judge('issue_comment', payload, { headRepoFullName: repository }).trusted, true);
    assert.equal(judge('issue_comment', payload, { headRepoFullName: 'outsider/models' }).trusted, false);
    assert.equal(judge('issue_comment', payload, { headRepoFullName: null }).trusted, false);
    const onIssue = judge('issue_comment', issueCommentPayload({ body: 'x', onPullRequest: false }), { headRepoFullName: repository });
    assert.deepEqual(onIssue, { trusted: false, reason: 'issue_comment on an issue, not a pull request: treated as a fork' });
  });

  test('push, workflow_dispatch and schedule run the repository’s own code; any other event is a fork', () => {
    assert.equal(judge('push', pushPayload()).trusted, true);
    assert.equal(judge('workflow_dispatch', workflowDispatchPayload()).trusted, true);
    assert.equal(judge('schedule', { schedule: '0 3 * * *' }).trusted, true);
    for (const eventName of ['merge_group', 'repository_dispatch', 'release', 'some_future_event', '']) {
      const verdict = judge(eventName, webhookExample('merge_group'));
      assert.equal(verdict.trusted, false, eventName);
      assert.match(verdict.reason, /model-ci cannot tell whose code it runs: treated as a fork$/);
    }
  });
});
