import { test, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { getPull, headPushedAt, listPullFiles, MAX_LISTED_PULL_FILES } from '../../src/github/pulls.ts';
import { react, removeReaction } from '../../src/github/reactions.ts';
import { UserError } from '../../src/errors.ts';
import { startHarness, type Harness } from './harness.ts';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await h.server.close();
  h.server.assertNoViolations();
});

test('a same-repository pull request', async () => {
  h.server.addPull('acme', 'models', { number: 5, headSha: '1'.repeat(40), baseSha: '2'.repeat(40), headRef: 'more-data', baseRef: 'main', author: 'alice' });
  const pull = await getPull(h.gh, 'acme', 'models', 5);
  assert.equal(pull.number, 5);
  assert.equal(pull.headSha, '1'.repeat(40));
  assert.equal(pull.baseSha, '2'.repeat(40));
  assert.equal(pull.headRef, 'more-data');
  assert.equal(pull.baseRef, 'main');
  assert.equal(pull.headRepoFullName, 'acme/models');
  assert.equal(pull.isFork, false);
  assert.equal(pull.author, 'alice');
  assert.equal(pull.htmlUrl, 'https://github.com/acme/models/pull/5');
});

test('a pull request from a fork', async () => {
  h.server.addPull('acme', 'models', { number: 6, forkOwner: 'contributor' });
  const pull = await getPull(h.gh, 'acme', 'models', 6);
  assert.equal(pull.headRepoFullName, 'contributor/models');
  assert.equal(pull.baseRepoFullName, 'acme/models');
  assert.equal(pull.isFork, true);
});

test("headPushedAt: GitHub's time of the latest push that made the head the branch's tip, in the head's repository", async () => {
  const head = '1'.repeat(40);
  h.server.addPull('acme', 'models', { number: 7, headSha: head, headRef: 'more-data', forkOwner: 'contributor' });
  const pull = await getPull(h.gh, 'acme', 'models', 7);
  assert.equal(await headPushedAt(h.gh, pull), null, 'a fork repository GitHub does not show: unknown');

  h.server.addPush('contributor', 'models', { branch: 'more-data', after: head, timestamp: '2026-01-02T03:04:05Z' });
  h.server.addPush('contributor', 'models', { branch: 'more-data', after: '3'.repeat(40), before: head, timestamp: '2026-01-02T04:00:00Z' });
  h.server.addPush('contributor', 'models', {
    branch: 'more-data',
    after: head,
    before: '3'.repeat(40),
    timestamp: '2026-01-02T05:00:00Z',
    type: 'force_push',
  });
  h.server.addPush('contributor', 'models', { branch: 'other', after: head, timestamp: '2026-01-03T00:00:00Z' });
  h.server.addPush('acme', 'models', { branch: 'more-data', after: head, timestamp: '2026-01-04T00:00:00Z' });
  assert.equal((await headPushedAt(h.gh, pull))?.toISOString(), '2026-01-02T05:00:00.000Z');
});

test('a missing pull request is a UserError', async () => {
  await assert.rejects(getPull(h.gh, 'acme', 'models', 404), UserError);
});

test('lists every changed file across pages, renames included', async () => {
  const files = Array.from({ length: 250 }, (_, i) => `data/part-${i}.csv`);
  h.server.addPull('acme', 'models', { number: 7, files: [...files, { filename: 'params.yaml', status: 'renamed', previousFilename: 'params.yml' }] });
  const listed = await listPullFiles(h.gh, 'acme', 'models', 7);
  assert.equal(listed.truncated, false);
  assert.equal(listed.files.length, 251);
  assert.deepEqual(listed.files.at(-1), { filename: 'params.yaml', status: 'renamed', previousFilename: 'params.yml' });
  assert.equal(h.server.requests.length, 3);
});

test('says so when GitHub stops listing at 3000 files', async () => {
  h.server.addPull('acme', 'models', { number: 8, files: Array.from({ length: 3200 }, (_, i) => `f${i}`) });
  const listed = await listPullFiles(h.gh, 'acme', 'models', 8);
  assert.equal(listed.files.length, MAX_LISTED_PULL_FILES);
  assert.equal(listed.truncated, true);
});

test('reacts once per content, recognises a repeated reaction, and removes it', async () => {
  h.server.addPull('acme', 'models', { number: 9 });
  const command = h.server.addComment('acme', 'models', 9, { body: '/model-ci retrain', author: 'alice' });
  const eyes = await react(h.gh, 'acme', 'models', command.id, 'eyes');
  assert.equal(eyes.created, true);
  const again = await react(h.gh, 'acme', 'models', command.id, 'eyes');
  assert.deepEqual(again, { id: eyes.id, created: false });
  const rocket = await react(h.gh, 'acme', 'models', command.id, 'rocket');
  assert.deepEqual(
    h.server.reactions(command.id).map((r) => [r.content, r.user.login]),
    [
      ['eyes', 'github-actions[bot]'],
      ['rocket', 'github-actions[bot]'],
    ],
  );

  await removeReaction(h.gh, 'acme', 'models', command.id, eyes.id);
  await removeReaction(h.gh, 'acme', 'models', command.id, eyes.id); // already gone: not an error
  assert.deepEqual(
    h.server.reactions(command.id).map((r) => r.id),
    [rocket.id],
  );
});
