import { test, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { upsertStickyComment, MAX_COMMENT_LENGTH } from '../../src/github/sticky.ts';
import { commentMarker } from '../../src/report/marker.ts';
import { UserError } from '../../src/errors.ts';
import { startHarness, type Harness } from './harness.ts';

const owner = 'acme';
const repo = 'models';
const issueNumber = 12;
const marker = commentMarker('breast-cancer');
const target = (body: string) => ({ owner, repo, issueNumber, marker, body });

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
  h.server.addPull(owner, repo, { number: issueNumber });
});
afterEach(async () => {
  await h.server.close();
  h.server.assertNoViolations();
});

test('creates the comment, then updates it in place, then leaves it alone when unchanged', async () => {
  const first = await upsertStickyComment(h.gh, target('accuracy 0.91'));
  assert.equal(first.action, 'created');
  const [created] = h.server.comments(owner, repo, issueNumber);
  assert.equal(created.id, first.id);
  assert.equal(created.body, `${marker}\naccuracy 0.91`);
  assert.equal(created.user.login, 'github-actions[bot]');

  const second = await upsertStickyComment(h.gh, target('accuracy 0.93'));
  assert.deepEqual(second, { action: 'updated', id: first.id, deletedDuplicates: 0 });
  assert.equal(h.server.comments(owner, repo, issueNumber).length, 1);
  assert.equal(h.server.comments(owner, repo, issueNumber)[0].body, `${marker}\naccuracy 0.93`);

  const writesBefore = h.server.requests.filter((r) => r.method !== 'GET').length;
  const third = await upsertStickyComment(h.gh, target('accuracy 0.93'));
  assert.deepEqual(third, { action: 'unchanged', id: first.id, deletedDuplicates: 0 });
  assert.equal(h.server.requests.filter((r) => r.method !== 'GET').length, writesBefore, 'an unchanged report writes nothing');
});

test('never touches a comment by someone else that quotes the marker', async () => {
  const quoted = h.server.addComment(owner, repo, issueNumber, { body: `look: ${marker} is in my text`, author: 'mallory' });
  const result = await upsertStickyComment(h.gh, target('report'));
  assert.equal(result.action, 'created');
  const comments = h.server.comments(owner, repo, issueNumber);
  assert.equal(comments.length, 2);
  assert.equal(comments[0].body, `look: ${marker} is in my text`);
  assert.equal(comments[0].updatedAt, quoted.updatedAt);
  assert.ok(!h.server.requests.some((r) => r.path.endsWith(`/comments/${quoted.id}`)), 'no request addressed the other comment');
});

test('the marker counts only as the first line of our own comment: a comment of ours quoting it elsewhere is not touched', async () => {
  // A report whose untrusted text carried another model's marker further down (the old smuggling route).
  const iris = h.server.addComment(owner, repo, issueNumber, { body: `${commentMarker('iris')}\niris report` });
  const smuggled = h.server.addComment(owner, repo, issueNumber, { body: `${commentMarker('other')}\nerror:\n${marker}\n` });
  const indented = h.server.addComment(owner, repo, issueNumber, { body: ` ${marker}\nalmost` });
  const result = await upsertStickyComment(h.gh, target('report'));
  assert.equal(result.action, 'created');
  assert.equal(result.deletedDuplicates, 0);
  const bodies = new Map(h.server.comments(owner, repo, issueNumber).map((c) => [c.id, c.body]));
  assert.equal(bodies.size, 4, 'nothing deleted');
  assert.equal(bodies.get(iris.id), iris.body);
  assert.equal(bodies.get(smuggled.id), smuggled.body);
  assert.equal(bodies.get(indented.id), indented.body);
  assert.equal(bodies.get(result.id), `${marker}\nreport`);
});

test("another model's sticky comment is a different comment", async () => {
  await upsertStickyComment(h.gh, { ...target('iris report'), marker: commentMarker('iris') });
  const result = await upsertStickyComment(h.gh, target('breast-cancer report'));
  assert.equal(result.action, 'created');
  assert.equal(h.server.comments(owner, repo, issueNumber).length, 2);
});

test('finds its comment beyond the first page of a long conversation', async () => {
  for (let i = 0; i < 130; i++) h.server.addComment(owner, repo, issueNumber, { body: `comment ${i}`, author: `user${i % 7}` });
  const ours = h.server.addComment(owner, repo, issueNumber, { body: `${marker}\nold report` });
  for (let i = 0; i < 120; i++) h.server.addComment(owner, repo, issueNumber, { body: `later ${i}`, author: 'someone' });

  const result = await upsertStickyComment(h.gh, target('new report'));
  assert.deepEqual(result, { action: 'updated', id: ours.id, deletedDuplicates: 0 });
  const pages = h.server.requests.filter((r) => r.method === 'GET' && r.path.endsWith(`/issues/${issueNumber}/comments`));
  assert.deepEqual(
    pages.map((r) => r.query.page ?? '1'),
    ['1', '2', '3'],
  );
  assert.equal(h.server.comments(owner, repo, issueNumber).length, 251);
});

test('two concurrent runs leave exactly one comment, the oldest', async () => {
  // Both runs list (finding nothing) before either creates: the worst interleaving.
  h.server.holdUntil(2, { method: 'POST', path: `/repos/${owner}/${repo}/issues/${issueNumber}/comments` });
  const twin = h.client();
  const [a, b] = await Promise.all([upsertStickyComment(h.gh, target('run A')), upsertStickyComment(twin, target('run B'))]);

  const comments = h.server.comments(owner, repo, issueNumber);
  assert.equal(comments.length, 1);
  assert.equal(a.id, comments[0].id);
  assert.equal(b.id, comments[0].id);
  assert.equal(h.server.requests.filter((r) => r.method === 'POST').length, 2, 'both runs did create a comment');
  assert.equal(a.deletedDuplicates + b.deletedDuplicates, 1);
  assert.match(comments[0].body, /run [AB]$/);
});

test('duplicates left behind by an earlier race are cleaned up on the next run', async () => {
  const oldest = h.server.addComment(owner, repo, issueNumber, { body: `${marker}\nrun 1` });
  h.server.addComment(owner, repo, issueNumber, { body: `${marker}\nrun 2` });
  const result = await upsertStickyComment(h.gh, target('run 3'));
  assert.deepEqual(result, { action: 'updated', id: oldest.id, deletedDuplicates: 1 });
  assert.deepEqual(
    h.server.comments(owner, repo, issueNumber).map((c) => c.body),
    [`${marker}\nrun 3`],
  );
});

test('an explicit botLogin (a personal access token) is the only author that counts', async () => {
  h.server.addToken('ghp_release_bot', 'release-bot');
  const gh = h.client({ token: 'ghp_release_bot' });
  const first = await upsertStickyComment(gh, { ...target('v1'), botLogin: 'release-bot' });
  // A Bot's comment with the same marker is not ours when an explicit login is configured.
  h.server.addComment(owner, repo, issueNumber, { body: `${marker}\nfrom another app`, author: 'other-app[bot]' });
  const second = await upsertStickyComment(gh, { ...target('v2'), botLogin: 'release-bot' });
  assert.deepEqual(second, { action: 'updated', id: first.id, deletedDuplicates: 0 });
  assert.equal(h.server.comments(owner, repo, issueNumber).length, 2);
});

test('a GitHub App installation token is recognised by its Bot account', async () => {
  h.server.addToken('ghs_app', 'model-ci-app[bot]', { type: 'Bot' });
  const gh = h.client({ token: 'ghs_app' });
  const first = await upsertStickyComment(gh, target('v1'));
  const second = await upsertStickyComment(gh, target('v2'));
  assert.equal(second.action, 'updated');
  assert.equal(second.id, first.id);
});

test('a 422 from GitHub becomes a clear error', async () => {
  h.server.failNext(1, { status: 422 }, { method: 'POST' });
  await assert.rejects(upsertStickyComment(h.gh, target('report')), (error: Error) => {
    assert.match(error.message, /GitHub rejected the comment on acme\/models#12 \(422\): Validation Failed: body is too long/);
    return true;
  });
  assert.equal(h.server.comments(owner, repo, issueNumber).length, 0);
});

test('a body over the limit is refused before any request', async () => {
  const body = 'x'.repeat(MAX_COMMENT_LENGTH);
  await assert.rejects(upsertStickyComment(h.gh, target(body)), /65\d{3} characters, over GitHub's limit of 65536: the report must be truncated/);
  assert.equal(h.server.requests.length, 0);
});

test('a read-only token (fork pull request) gets a UserError that says which permission is missing', async () => {
  h.server.addToken('ghs_readonly', 'github-actions[bot]', { readOnly: true });
  const gh = h.client({ token: 'ghs_readonly' });
  await assert.rejects(upsertStickyComment(gh, target('report')), (error: unknown) => {
    assert.ok(error instanceof UserError);
    assert.match(error.message, /pull-requests: write/);
    assert.match(error.message, /workflow_run/);
    return true;
  });
});

test('a pull request that does not exist is a UserError naming it', async () => {
  await assert.rejects(upsertStickyComment(h.gh, { ...target('report'), issueNumber: 999 }), (error: unknown) => {
    assert.ok(error instanceof UserError);
    assert.match(error.message, /acme\/models#999 not found/);
    return true;
  });
  // GitHub documents this 404; the server answered it within the contract.
  assert.equal(h.server.requests.at(-1)?.status, 404);
});
