import { test, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { createGitHubClient, httpStatus } from '../../src/github/client.ts';
import { upsertStickyComment } from '../../src/github/sticky.ts';
import { commentMarker } from '../../src/report/marker.ts';
import { getPull } from '../../src/github/pulls.ts';
import { TEST_TOKEN } from '../support/github-server.ts';
import { startHarness, type Harness } from './harness.ts';

const owner = 'acme';
const repo = 'models';
const target = { owner, repo, issueNumber: 3, marker: commentMarker('iris'), body: 'report' };

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
  h.server.addPull(owner, repo, { number: 3, headSha: 'c'.repeat(40) });
});
afterEach(async () => {
  await h.server.close();
  h.server.assertNoViolations();
});

/** Status of every attempt at `method`, in order. */
const attempts = (method: string) => h.server.requests.filter((r) => r.method === method).map((r) => r.status);

for (const status of [500, 502] as const) {
  test(`retries a ${status} and succeeds`, async () => {
    h.server.failNext(2, { status }, { method: 'POST' });
    const result = await upsertStickyComment(h.gh, target);
    assert.equal(result.action, 'created');
    assert.deepEqual(attempts('POST'), [status, status, 201]);
    assert.equal(h.server.comments(owner, repo, 3).length, 1);
  });
}

test('gives up after the configured retries with the last status', async () => {
  h.server.failNext(10, { status: 500 }, { method: 'GET' });
  const gh = h.client({ retries: 2 });
  await assert.rejects(getPull(gh, owner, repo, 3), (error: unknown) => {
    assert.equal(httpStatus(error), 500);
    return true;
  });
  assert.deepEqual(attempts('GET'), [500, 500, 500]);
});

test('waits out a secondary rate limit (403 with retry-after) and logs it', async () => {
  h.server.failNext(1, { status: 403, retryAfter: 1 }, { method: 'POST' });
  const result = await upsertStickyComment(h.gh, target);
  assert.equal(result.action, 'created');
  assert.deepEqual(attempts('POST'), [403, 201]);
  assert.ok(
    h.warnings.some((w) => /secondary rate limit on POST \/repos\/\{owner\}\/\{repo\}\/issues\/\{issue_number\}\/comments: retrying in 1 s/.test(w)),
    `warnings: ${h.warnings.join(' | ')}`,
  );
});

test('a secondary rate limit that does not lift fails after bounded retries', async () => {
  h.server.failNext(10, { status: 403, retryAfter: 1 }, { method: 'GET' });
  await assert.rejects(getPull(h.client({ retries: 2 }), owner, repo, 3), (error: unknown) => httpStatus(error) === 403);
  assert.deepEqual(attempts('GET'), [403, 403, 403]);
  assert.ok(h.warnings.some((w) => /giving up after 2 retries/.test(w)));
});

test('survives a 429 primary rate limit', async () => {
  h.server.failNext(1, { status: 429, retryAfter: 1 }, { method: 'GET' });
  const pull = await getPull(h.gh, owner, repo, 3);
  assert.equal(pull.headSha, 'c'.repeat(40));
  assert.deepEqual(attempts('GET'), [429, 200]);
});

test('does not wait for a rate limit that resets far in the future', async () => {
  h.server.failNext(5, { status: 403, retryAfter: 3600 }, { method: 'GET' });
  await assert.rejects(getPull(h.client({ maxRateLimitWaitSeconds: 60 }), owner, repo, 3), (error: unknown) => httpStatus(error) === 403);
  assert.deepEqual(attempts('GET'), [403]);
  assert.ok(h.warnings.some((w) => /3600 s away/.test(w)));
});

test('abandons a hung request after the timeout and retries it', async () => {
  h.server.hangNext(1, { method: 'GET' });
  const pull = await getPull(h.client({ timeoutMs: 200 }), owner, repo, 3);
  assert.equal(pull.number, 3);
  assert.deepEqual(attempts('GET'), [0, 200], 'the first attempt was never answered');
});

test('a server that never answers fails with a timeout message instead of hanging the job', async () => {
  h.server.hangNext(10, { method: 'GET' });
  await assert.rejects(getPull(h.client({ timeoutMs: 100, retries: 1 }), owner, repo, 3), /did not answer within 100 ms/);
  assert.equal(attempts('GET').length, 2);
});

test('sends the token, a model-ci user agent and no trailing slash in URLs', async () => {
  const gh = createGitHubClient({ token: TEST_TOKEN, baseUrl: `${h.server.url}/`, paceWrites: false });
  await getPull(gh, owner, repo, 3);
  const [request] = h.server.requests;
  assert.equal(request.token, TEST_TOKEN);
  assert.match(request.userAgent ?? '', /^model-ci\/\d+\.\d+\.\d+ /);
  assert.equal(request.path, `/repos/${owner}/${repo}/pulls/3`);
});

test('refuses to build a client without a token', () => {
  assert.throws(() => createGitHubClient({ token: '' }), /token is required/);
});
