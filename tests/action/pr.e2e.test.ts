/**
 * The pull-request mode end to end: real webhook payloads replayed through dist/index.js, as the
 * runner runs it, against real git repositories and the contract-checked GitHub server.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../src/config/load.ts';
import { loadDataset } from '../../src/data/dataset.ts';
import { rowKeys } from '../../src/data/row-key.ts';
import { after, before, describe, test } from 'node:test';
import { GitHubServer } from '../support/github-server.ts';
import { createModelRepo, FAST_PARAMS, type ModelRepo } from '../support/model-repo.ts';
import { recordModules } from '../support/module-recorder.ts';
import { pullRequestPayload, workflowRunPayload } from '../support/payloads.ts';
import { ACTION_ENTRY, runAction } from '../support/action-runner.ts';

const owner = 'model-ci-test';
const repoName = 'models';
const repository = `${owner}/${repoName}`;
const marker = '<!-- model-ci:breast-cancer -->';

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

async function runPr(
  number: number,
  branch: string,
  headSha: string,
  options: { action?: 'opened' | 'synchronize'; inputs?: Record<string, string>; fork?: string; env?: Record<string, string> } = {},
) {
  const workspace = await repo.checkout(branch, `ws-${number}-${headSha.slice(0, 7)}-${Math.random().toString(36).slice(2, 6)}`);
  const payload = pullRequestPayload({
    owner,
    repo: repoName,
    number,
    action: options.action ?? 'opened',
    baseSha: repo.mainSha,
    headSha,
    baseRef: 'main',
    headRef: branch,
    fork: options.fork,
  });
  return runAction({
    eventName: 'pull_request',
    payload,
    repository,
    workspace: workspace.dir,
    apiUrl: server.url,
    sha: headSha,
    ref: `refs/pull/${number}/merge`,
    inputs: options.inputs,
    env: options.env,
  });
}

const ours = (number: number) => server.comments(owner, repoName, number).filter((c) => c.body.includes(marker));

describe('mode pr', () => {
  test('a PR that changes params gets one report comment, updated in place on the next push', async () => {
    server.addPull(owner, repoName, { number: 1, baseSha: repo.mainSha, headRef: 'wider' });
    const head = await repo.openPull(1, 'wider', { 'params.yaml': FAST_PARAMS.replace('hidden_units: [16]', 'hidden_units: [24]') });
    const first = await runPr(1, 'wider', head);
    // A retrained model can miss a 0.01 gate by a row or two of 114 (noise): the comment is what is checked here.
    const finished = (run: typeof first) => run.code === 0 || run.outputs.verdict === 'gate-failed';
    assert.ok(finished(first), first.stdout + first.stderr);
    assert.equal(first.outputs.retrained, 'true');
    assert.ok(['better', 'worse', 'mixed', 'within-noise', 'unchanged', 'gate-failed'].includes(first.outputs.verdict), first.outputs.verdict);
    const metrics = JSON.parse(first.outputs.metrics) as Record<string, number>;
    assert.ok(metrics.accuracy > 0.85, `accuracy ${metrics.accuracy}`);
    const [comment] = ours(1);
    const firstBody = comment.body;
    assert.equal(ours(1).length, 1);
    assert.equal(comment.user.login, 'github-actions[bot]');
    assert.match(comment.body, /\| accuracy ↑ \|/);
    assert.match(comment.body, /model\.hidden\\_units/, 'the params diff names the changed key');
    assert.match(comment.body, /trained from the base commit|trained .*base/i, 'no record yet: the base was trained in the run');
    assert.equal(first.summary.trim(), (await readFile(first.outputs['report-path'], 'utf8')).trim(), 'the job summary is the report');
    assert.equal(first.outputs['comment-id'], String(comment.id));

    // The next push: a synchronize with changed data; the same comment is updated.
    const rows = repo.csv.trimEnd().split('\n');
    const next = await repo.pushToPull(1, 'wider', { 'data/breast_cancer.csv': `${rows.slice(0, rows.length - 30).join('\n')}\n` });
    // Faults GitHub does throw: the client retries through them.
    server.failNext(1, { status: 502 }, { method: 'GET' });
    server.failNext(1, { status: 403, retryAfter: 1 }, { method: 'PATCH' });
    const second = await runPr(1, 'wider', next, { action: 'synchronize' });
    assert.ok(finished(second), second.stdout + second.stderr);
    assert.equal(ours(1).length, 1, 'still exactly one comment');
    assert.equal(ours(1)[0].id, comment.id, 'updated in place');
    assert.notEqual(ours(1)[0].body, firstBody);
    assert.match(ours(1)[0].body, /breast\\_cancer\.csv \| \*\*modified\*\* \| 569 → 539 \|/, 'the data diff names the file');
    server.assertNoViolations();
  });

  test('a PR that touches no watched path finishes without training or commenting', async () => {
    server.addPull(owner, repoName, { number: 2, baseSha: repo.mainSha, headRef: 'docs' });
    const head = await repo.openPull(2, 'docs', { 'README.md': '# a model\n\nNow with docs.\n' });
    const loaded = join(repo.sandbox.root, 'loaded-modules.txt');
    const run = await runPr(2, 'docs', head, { env: { NODE_OPTIONS: `--import=${recordModules(loaded)}` } });
    assert.equal(run.code, 0, run.stdout + run.stderr);
    assert.equal(run.outputs.retrained, 'false');
    assert.equal(run.outputs.verdict, 'skipped');
    assert.match(run.stdout, /no watched path changed \(1 file changed: README\.md\)/);
    assert.equal(server.comments(owner, repoName, 2).length, 0);
    server.assertNoViolations();

    // What every such PR pays for: the decision loads neither TensorFlow.js, Octokit, Ajv (it reads no
    // artifact nor record), nor the HTTP client @actions/core would import for OIDC tokens (the bundle
    // leaves it out: scripts/bundle.ts).
    const urls = (await readFile(loaded, 'utf8')).split('\n').filter(Boolean);
    const bundleFiles = urls.filter((url) => url.startsWith('file:') && url.includes('/dist/'));
    assert.ok(
      bundleFiles.some((url) => url.endsWith('/dist/index.js')),
      `the recorder saw the bundle load: ${urls.join(', ')}`,
    );
    for (const url of bundleFiles) {
      const source = await readFile(new URL(url), 'utf8');
      for (const heavy of [
        'node_modules/@tensorflow/',
        'node_modules/@octokit/',
        'node_modules/ajv/',
        'node_modules/undici/',
        'node_modules/@actions/http-client/',
      ]) {
        assert.ok(!source.includes(`// ${heavy}`), `${url} bundles ${heavy} and was loaded to decide nothing changed`);
      }
    }
    assert.ok(!urls.includes('node:http'), 'no HTTP client was loaded');
  });

  test('a gated metric that regresses fails the step with an annotation naming it', async () => {
    server.addPull(owner, repoName, { number: 3, baseSha: repo.mainSha, headRef: 'worse' });
    // One epoch at a tiny learning rate: accuracy falls far past its 0.01 tolerance.
    const head = await repo.openPull(3, 'worse', {
      'params.yaml': FAST_PARAMS.replace('epochs: 12', 'epochs: 1').replace('learning_rate: 0.01', 'learning_rate: 0.0001'),
    });
    const run = await runPr(3, 'worse', head);
    assert.equal(run.code, 1, run.stdout);
    assert.equal(run.outputs.verdict, 'gate-failed');
    assert.match(run.stdout, /::error title=model-ci gate%3A accuracy,file=model-ci\.yml::accuracy: fell by/);
    assert.match(ours(3)[0].body, /gate failed/);
    server.assertNoViolations();
  });

  test('a PR that makes the model worse and loosens its own gate still fails: the base decides, the PR proposes', async () => {
    server.addPull(owner, repoName, { number: 7, baseSha: repo.mainSha, headRef: 'loosen' });
    const config = await readFile(join(repo.source.dir, 'model-ci.yml'), 'utf8');
    assert.match(config, /tolerance: 0\.01/);
    const head = await repo.openPull(7, 'loosen', {
      'params.yaml': FAST_PARAMS.replace('epochs: 12', 'epochs: 1').replace('learning_rate: 0.01', 'learning_rate: 0.0001'),
      'model-ci.yml': config.replaceAll('tolerance: 0.01', 'tolerance: 0.5'),
    });
    const run = await runPr(7, 'loosen', head);
    assert.equal(run.code, 1, run.stdout);
    assert.equal(run.outputs.verdict, 'gate-failed');
    assert.match(run.stdout, /::error title=model-ci gate%3A accuracy,.*more than the 0\.01 allowed/, "main's tolerance judged it");
    const body = ours(7)[0].body;
    assert.match(body, /— ❌ gate failed · config changed/);
    assert.match(body, /^\*\*Config\*\* \(model-ci\.yml, 2 keys changed\)/m);
    assert.match(body, /^\| metrics\.accuracy\.gate\.tolerance \| 0\.01 \| 0\.5 \| \*\*applies after merge\*\* \|$/m);
    assert.match(body, /^\| metrics\.roc\\_auc\.gate\.tolerance \| 0\.01 \| 0\.5 \| \*\*applies after merge\*\* \|$/m);
    server.assertNoViolations();
  });

  test("a PR that changes only the split seed is evaluated on the base's split, and the report says the config changed", async () => {
    server.addPull(owner, repoName, { number: 8, baseSha: repo.mainSha, headRef: 'reseed' });
    const config = await readFile(join(repo.source.dir, 'model-ci.yml'), 'utf8');
    assert.match(config, /seed: 42/);
    const head = await repo.openPull(8, 'reseed', { 'model-ci.yml': config.replace('seed: 42', 'seed: 7') });
    const run = await runPr(8, 'reseed', head);
    assert.equal(run.code, 0, run.stdout + run.stderr);
    // Same data, params and backend on the same test rows: the same metrics as the base trained in this run.
    assert.equal(run.outputs.verdict, 'unchanged');
    const body = ours(8)[0].body;
    assert.match(body, /— ➖ unchanged · config changed/);
    assert.match(body, /^\| data\.split\.seed \| 42 \| 7 \| \*\*applies after merge\*\* \|$/m);
    assert.match(body, /^No params changed \(model-ci\.yml did: see \*\*Config\*\*\)\.$/m);
    assert.doesNotMatch(body, /^No params changed\.$/m);
    server.assertNoViolations();
  });

  test('a PR that adds rows is compared with main on the same test rows, and the report says how many are new', async () => {
    server.addPull(owner, repoName, { number: 9, baseSha: repo.mainSha, headRef: 'more-rows' });
    const lines = repo.csv.trimEnd().split('\n');
    // 60 rows that main never had: existing rows with their first feature nudged.
    const added = lines.slice(1, 61).map((line) => line.replace(/^([0-9.]+)/, (value) => String(Number(value) + 0.013)));
    const prCsv = `${[...lines, ...added].join('\n')}\n`;
    const head = await repo.openPull(9, 'more-rows', { 'data/breast_cancer.csv': prCsv });
    const run = await runPr(9, 'more-rows', head);
    // Whether a gate holds is the model's business here (exit 1 then): what is checked is which rows were compared.
    assert.ok(run.code === 0 || run.outputs.verdict === 'gate-failed', run.stdout + run.stderr);
    const body = ours(9)[0].body;
    const said = /Both models scored on the same (\d+) test rows of data\/breast\\_cancer\.csv, (\d+) of them new \(not in main's data\)\./.exec(body);
    assert.ok(said, `the report says which rows both were scored on:\n${body}`);
    const [rows, newRows] = [Number(said[1]), Number(said[2])];
    // Independently: main's own test rows (its split of its file), and which added rows fall in the PR's test split.
    const split = async (csv: string) => {
      const dir = await mkdtemp(join(tmpdir(), 'model-ci-rows-'));
      await writeFile(join(dir, 'data.csv'), csv);
      await writeFile(join(dir, 'model-ci.yml'), (await readFile(join(repo.source.dir, 'model-ci.yml'), 'utf8')).replace('data/breast_cancer.csv', 'data.csv'));
      return loadDataset(await loadConfig(join(dir, 'model-ci.yml')));
    };
    const main = await split(repo.csv);
    const pr = await split(prCsv);
    const mainKeys = new Set(rowKeys(main.train.table));
    const newInTest = rowKeys(pr.test.table, pr.test.rows).filter((key) => !mainKeys.has(key)).length;
    assert.ok(newInTest > 0 && newInTest < 60, `${newInTest} added rows in test`);
    assert.equal(newRows, newInTest);
    assert.equal(rows - newRows, main.test.rows.length, "every one of main's test rows is still a test row");
    server.assertNoViolations();
  });

  test("a PR whose data drops a column main's model reads is reported as not compared on the same rows", async () => {
    server.addPull(owner, repoName, { number: 10, baseSha: repo.mainSha, headRef: 'fewer-columns' });
    const lines = repo.csv.trimEnd().split('\n');
    const dropped = lines.map((line) => line.split(',').slice(1).join(','));
    const head = await repo.openPull(10, 'fewer-columns', { 'data/breast_cancer.csv': `${dropped.join('\n')}\n` });
    const run = await runPr(10, 'fewer-columns', head);
    assert.ok(run.code === 0 || run.outputs.verdict === 'gate-failed', run.stdout + run.stderr);
    const body = ours(10)[0].body;
    assert.match(
      body,
      /^> \[!WARNING\]\n> Not on the same rows: main's model reads column \\`mean\\_radius\\` that the PR's data no longer has\. main's column is measured on main's own test rows\.$/m,
    );
    assert.doesNotMatch(body, /Both models scored/);
    assert.doesNotMatch(body, /\n\s+at /, 'no stack trace');
    server.assertNoViolations();
  });

  test('two runs racing on one PR leave exactly one comment', async () => {
    server.addPull(owner, repoName, { number: 4, baseSha: repo.mainSha, headRef: 'race' });
    const head = await repo.openPull(4, 'race', { 'params.yaml': FAST_PARAMS.replace('dropout: 0', 'dropout: 0.2') });
    // Both listings happen before either creates: each run creates its own comment, then they converge.
    server.holdUntil(2, { method: 'GET', path: `/repos/${repository}/issues/4/comments` });
    const runs = await Promise.all([runPr(4, 'race', head), runPr(4, 'race', head)]);
    for (const run of runs) assert.ok(run.code === 0 || run.outputs.verdict === 'gate-failed', run.stdout + run.stderr);
    assert.equal(ours(4).length, 1);
    server.assertNoViolations();
  });

  test('a PR that deletes the data file gets a comment saying what is wrong, and fails', async () => {
    server.addPull(owner, repoName, { number: 5, baseSha: repo.mainSha, headRef: 'nodata' });
    const head = await repo.openPull(5, 'nodata', { 'data/breast_cancer.csv': null });
    const run = await runPr(5, 'nodata', head);
    assert.equal(run.code, 1);
    assert.match(run.stdout, /::error::.*breast_cancer\.csv/);
    assert.doesNotMatch(run.stdout + run.stderr, /\n\s+at .*\.js:\d+/, 'no stack trace for a user mistake');
    const [comment] = ours(5);
    assert.match(comment.body, /could not evaluate this pull request/);
    assert.match(comment.body, /breast\\?_cancer\.csv/);
    server.assertNoViolations();
  });
});

describe('fork pull requests: the split workflow', () => {
  test('mode pr writes the report files without commenting; mode comment validates and posts them', async () => {
    const head = await repo.openPull(6, 'fork-change', { 'params.yaml': FAST_PARAMS.replace('learning_rate: 0.01', 'learning_rate: 0.02') });
    server.addPull(owner, repoName, { number: 6, baseSha: repo.mainSha, headSha: head, headRef: 'fork-change', forkOwner: 'outsider' });
    server.addToken('ghs_readonly0000000000000000000000000000', 'github-actions[bot]', { type: 'Bot', readOnly: true });
    const pr = await runPr(6, 'fork-change', head, {
      fork: 'outsider',
      inputs: { 'github-token': 'ghs_readonly0000000000000000000000000000', 'report-dir': 'out' },
    });
    assert.equal(pr.code, 0, pr.stdout + pr.stderr);
    assert.equal(ours(6).length, 0, 'a fork run never writes with its read-only token');
    const reportDir = join(pr.outputs['report-path'], '..');
    const artifact = JSON.parse(await readFile(join(reportDir, 'report.json'), 'utf8'));
    assert.equal(artifact.pr, 6);
    assert.equal(artifact.headSha, head);
    server.assertNoViolations();

    const workflowRun = (headSha: string) => workflowRunPayload({ owner, repo: repoName, headSha, fork: 'outsider', headBranch: 'fork-change' });
    const comment = (payload: unknown) =>
      runAction({
        eventName: 'workflow_run',
        payload,
        repository,
        workspace: join(reportDir, '..'),
        apiUrl: server.url,
        inputs: { mode: 'comment', 'report-dir': 'out' },
      });

    // An artifact for another commit than the run built is refused.
    const mismatched = await comment(workflowRun(repo.mainSha));
    assert.equal(mismatched.code, 1, mismatched.stdout);
    assert.match(mismatched.stdout, /::error::.*report artifact is for commit/);
    assert.equal(ours(6).length, 0);

    const posted = await comment(workflowRun(head));
    assert.equal(posted.code, 0, posted.stdout + posted.stderr);
    assert.equal(ours(6).length, 1);
    assert.match(ours(6)[0].body, /\| accuracy ↑ \|/);
    assert.match(ours(6)[0].body, /actions\/runs\//, 'links come from the posting run');
    server.assertNoViolations();
  });
});

describe('pull_request_target, opted into', () => {
  // The run checks out the base with a write token and secrets beside it: the head must be trained from
  // its own commit (a worktree of the pull ref), committed files only, and its comment posted directly.
  const runTarget = async (number: number, branch: string, headSha: string) => {
    const workspace = await repo.checkout('main', `ws-target-${number}-${Math.random().toString(36).slice(2, 6)}`);
    const payload = pullRequestPayload({
      owner,
      repo: repoName,
      number,
      action: 'opened',
      baseSha: repo.mainSha,
      headSha,
      baseRef: 'main',
      headRef: branch,
      fork: 'outsider',
    });
    return runAction({
      eventName: 'pull_request_target',
      payload,
      repository,
      workspace: workspace.dir,
      apiUrl: server.url,
      sha: repo.mainSha,
      ref: 'refs/heads/main',
      // The verdict is not what this test is about: only which commit was trained and where the report went.
      inputs: { 'allow-pull-request-target': 'true', 'fail-on-regression': 'false' },
    });
  };

  test("a fork's PR is trained from its head commit, not the base checkout, and its report is posted", async () => {
    const head = await repo.openPull(40, 'target-wider', { 'params.yaml': FAST_PARAMS.replace('hidden_units: [16]', 'hidden_units: [20]') });
    server.addPull(owner, repoName, { number: 40, baseSha: repo.mainSha, headSha: head, headRef: 'target-wider', forkOwner: 'outsider' });
    const run = await runTarget(40, 'target-wider', head);
    assert.equal(run.code, 0, run.stdout + run.stderr);
    assert.equal(run.outputs.retrained, 'true');
    assert.equal(ours(40).length, 1, "pull_request_target's token can write: the report is posted");
    assert.match(ours(40)[0].body, /model\.hidden\\_units/, "the head's params were trained, not the base checkout's");
    server.assertNoViolations();
  });
});
