/** The contract server itself: its checks must be able to fail, or passing tests prove nothing. */
import { test, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { GitHubServer, TEST_TOKEN } from '../support/github-server.ts';

let server: GitHubServer;
beforeEach(async () => {
  server = await GitHubServer.start();
  server.addPull('acme', 'models', { number: 1 });
});
afterEach(() => server.close());

const call = (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
  fetch(`${server.url}${path}`, {
    method,
    headers: { authorization: `token ${TEST_TOKEN}`, 'user-agent': 'contract-test', 'content-type': 'application/json', ...headers },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });

test('a well-formed request passes and is answered in GitHub shape', async () => {
  const response = await call('POST', '/repos/acme/models/issues/1/comments', { body: 'hello' });
  assert.equal(response.status, 201);
  const json = (await response.json()) as { body: string; user: { login: string; type: string }; url: string };
  assert.equal(json.body, 'hello');
  assert.deepEqual([json.user.login, json.user.type], ['github-actions[bot]', 'Bot']);
  assert.equal(response.headers.get('location'), json.url);
  assert.deepEqual(server.violations, []);
  server.assertNoViolations();
});

test('a body that breaks the schema is rejected with 422 and recorded', async () => {
  const response = await call('POST', '/repos/acme/models/issues/1/comments', { body: 42 });
  assert.equal(response.status, 422);
  assert.equal(server.violations.length, 1);
  assert.equal(server.violations[0].where, 'request');
  assert.match(server.violations[0].problem, /body\/body must be string/);
  assert.throws(() => server.assertNoViolations(), /GitHub contract violations:\n {2}POST \/repos\/acme\/models\/issues\/1\/comments \[request\]/);
  assert.equal(server.comments('acme', 'models', 1).length, 0);
});

test('a missing required field, an unknown field and an unknown enum value are each violations', async () => {
  await call('POST', '/repos/acme/models/issues/1/comments', { text: 'typo of body' });
  const comment = server.addComment('acme', 'models', 1, { body: 'x' });
  await call('POST', `/repos/acme/models/issues/comments/${comment.id}/reactions`, { content: 'party' });
  const problems = server.violations.map((v) => v.problem).join('\n');
  assert.match(problems, /must have required property 'body'/);
  assert.match(problems, /body field "text" is not documented for issues\/create-comment/);
  assert.match(problems, /body\/content must be equal to one of the allowed values/);
});

test('path and query parameters are checked against their schemas', async () => {
  await call('GET', '/repos/acme/models/issues/comments/not-a-number');
  await call('GET', '/repos/acme/models/issues/1/comments?per_page=abc');
  await call('GET', '/repos/acme/models/issues/1/comments?perpage=100');
  const problems = server.violations.map((v) => v.problem);
  assert.match(problems[0], /path parameter "comment_id" must be integer/);
  assert.match(problems[1], /query parameter "per_page" must be integer/);
  assert.match(problems[2], /query parameter "perpage" is not documented for issues\/list-comments/);
});

test('a request without a User-Agent is a violation, as GitHub refuses it', async () => {
  // fetch always sends one; node:http does not have to.
  const { request } = await import('node:http');
  const url = new URL(`${server.url}/repos/acme/models/pulls/1`);
  const status = await new Promise<number>((resolve, reject) => {
    request(url, { headers: { authorization: `token ${TEST_TOKEN}` } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    })
      .on('error', reject)
      .end();
  });
  assert.equal(status, 422);
  assert.match(server.violations[0].problem, /no User-Agent header/);
});

test('routes GitHub has but the server lacks, and routes GitHub does not have, are violations', async () => {
  await call('GET', '/repos/acme/models/issues/1');
  await call('GET', '/repos/acme/models/not-a-thing');
  assert.deepEqual(
    server.violations.map((v) => v.problem),
    ["GET /repos/{owner}/{repo}/issues/{issue_number} is GitHub's but not implemented by this server", 'no such GitHub API route'],
  );
});

test('a response that breaks the schema is recorded as a violation', async () => {
  // Seed a comment whose body is not a string: the server's own answer is then wrong.
  server.addComment('acme', 'models', 1, { body: 7 as unknown as string });
  const response = await call('GET', '/repos/acme/models/issues/1/comments');
  assert.equal(response.status, 200);
  assert.equal(server.violations.length, 1);
  assert.equal(server.violations[0].where, 'response');
  assert.match(server.violations[0].problem, /200 body\/0\/body must be string/);
});

test('bad or missing credentials get 401', async () => {
  assert.equal((await call('GET', '/repos/acme/models/pulls/1', undefined, { authorization: 'token wrong' })).status, 401);
  assert.equal((await call('GET', '/repos/acme/models/pulls/1', undefined, { authorization: '' })).status, 401);
  server.assertNoViolations();
});

test('pagination follows GitHub: per_page capped at 100 and Link relations', async () => {
  for (let i = 0; i < 250; i++) server.addComment('acme', 'models', 1, { body: `c${i}`, author: 'alice' });
  const first = await call('GET', '/repos/acme/models/issues/1/comments?per_page=500');
  assert.equal(((await first.json()) as unknown[]).length, 100);
  assert.equal(
    first.headers.get('link'),
    `<${server.url}/repos/acme/models/issues/1/comments?per_page=100&page=2>; rel="next", <${server.url}/repos/acme/models/issues/1/comments?per_page=100&page=3>; rel="last"`,
  );
  const last = await call('GET', '/repos/acme/models/issues/1/comments?per_page=100&page=3');
  assert.equal(((await last.json()) as unknown[]).length, 50);
  assert.match(last.headers.get('link') ?? '', /rel="first".*rel="prev"/);
  assert.doesNotMatch(last.headers.get('link') ?? '', /rel="next"/);
  server.assertNoViolations();
});

test('comment bodies over 65,536 characters get the 422 GitHub sends', async () => {
  const response = await call('POST', '/repos/acme/models/issues/1/comments', { body: 'x'.repeat(65_537) });
  assert.equal(response.status, 422);
  const json = (await response.json()) as { errors: Array<{ message: string }> };
  assert.match(json.errors[0].message, /body is too long \(maximum is 65536 characters\)/);
  server.assertNoViolations();
});

test('faults apply only to matching requests, then stop', async () => {
  server.failNext(1, { status: 500 }, { method: 'POST' });
  assert.equal((await call('GET', '/repos/acme/models/pulls/1')).status, 200);
  assert.equal((await call('POST', '/repos/acme/models/issues/1/comments', { body: 'a' })).status, 500);
  assert.equal((await call('POST', '/repos/acme/models/issues/1/comments', { body: 'b' })).status, 201);
  server.assertNoViolations();
});
