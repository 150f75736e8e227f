/**
 * Mode `comment` (the privileged half of the fork split) end to end: hand-made report artifacts, as a
 * hostile fork could upload them, posted through dist/index.js against the contract-checked GitHub server.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { ACTION_ENTRY, runAction } from '../support/action-runner.ts';
import { GitHubServer } from '../support/github-server.ts';
import { workflowRunPayload } from '../support/payloads.ts';

const owner = 'model-ci-test';
const repoName = 'models';
const repository = `${owner}/${repoName}`;
const fork = 'outsider';

if (!existsSync(ACTION_ENTRY)) throw new Error(`${ACTION_ENTRY} is missing: run \`npm run bundle\` first`);

let server: GitHubServer;
let workspace: string;
before(async () => {
  server = await GitHubServer.start();
  workspace = await mkdtemp(join(tmpdir(), 'model-ci-comment-'));
});
after(async () => {
  await server.close();
  await rm(workspace, { recursive: true, force: true });
});

let nextPr = 40;
/** A fork PR on the server whose head is a fresh commit; the workflow run built that commit. */
function forkPull(branch = `fork-${nextPr}`) {
  const number = nextPr++;
  const headSha = number.toString(16).padStart(40, 'c');
  server.addPull(owner, repoName, { number, headSha, headRef: branch, forkOwner: fork });
  return { number, headSha, branch };
}

function reportArtifact(pr: number, headSha: string, model = 'breast-cancer', overrides: { comparisonModel?: string; evaluation?: object } = {}) {
  return {
    schema: 1,
    kind: 'report',
    pr,
    headSha,
    model,
    report: {
      comparison: {
        model: overrides.comparisonModel ?? model,
        verdict: 'better',
        rows: [{ name: 'accuracy', direction: 'higher', base: 0.9, head: 0.95, delta: 0.05, deltaPct: 5.6, status: 'better' }],
        params: [],
        data: [],
        baseline: { kind: 'none' },
        failedGates: [],
      },
      head: { backend: 'wasm', ...(overrides.evaluation ? { evaluation: overrides.evaluation } : {}) },
    },
  };
}

async function post(artifact: object | string, run: { headSha: string; branch: string }) {
  const dir = await mkdtemp(join(workspace, 'ws-'));
  await mkdir(join(dir, 'out'));
  await writeFile(join(dir, 'out', 'report.json'), typeof artifact === 'string' ? artifact : JSON.stringify(artifact));
  const payload = workflowRunPayload({ owner, repo: repoName, headSha: run.headSha, fork, headBranch: run.branch });
  return runAction({ eventName: 'workflow_run', payload, repository, workspace: dir, apiUrl: server.url, inputs: { mode: 'comment', 'report-dir': 'out' } });
}

const comments = (pr: number) => server.comments(owner, repoName, pr);
const noStackTrace = (output: string) => assert.doesNotMatch(output, /\n\s+at .*:\d+/, 'no stack trace for a bad artifact');

describe('mode comment refuses an artifact that does not hold together', () => {
  test('a confusion matrix that is not N×N for its N classes: a clear error, nothing posted', async () => {
    const pull = forkPull();
    const evaluation = {
      task: 'binary-classification',
      testRows: 10,
      classes: ['benign', 'malignant'],
      confusionMatrix: [
        [5, 1, 0],
        [1, 3, 0],
      ],
    };
    const run = await post(reportArtifact(pull.number, pull.headSha, 'breast-cancer', { evaluation }), pull);
    assert.equal(run.code, 1, run.stdout + run.stderr);
    assert.match(run.stdout, /::error::.*report\.json.*confusionMatrix: must be 2×2 for 2 classes/);
    noStackTrace(run.stdout + run.stderr);
    assert.equal(comments(pull.number).length, 0);
    server.assertNoViolations();
  });

  test("the artifact's model must be its report's model, and a name model-ci accepts", async () => {
    const pull = forkPull();
    const mismatched = await post(reportArtifact(pull.number, pull.headSha, 'iris', { comparisonModel: 'breast-cancer' }), pull);
    assert.equal(mismatched.code, 1, mismatched.stdout + mismatched.stderr);
    assert.match(mismatched.stdout, /::error::.*artifact is for model iris, but its report is for another model/);

    const badName = await post(reportArtifact(pull.number, pull.headSha, 'iris --><b>x'), pull);
    assert.equal(badName.code, 1, badName.stdout + badName.stderr);
    assert.match(badName.stdout, /::error::.*model name is not one model-ci accepts/);
    noStackTrace(mismatched.stdout + badName.stdout);
    assert.equal(comments(pull.number).length, 0);
    server.assertNoViolations();
  });

  test('an artifact naming another PR of the same fork is refused, not posted there', async () => {
    const built = forkPull('feature-a');
    const other = forkPull('feature-b');
    const run = await post(reportArtifact(other.number, built.headSha), built);
    assert.equal(run.code, 1, run.stdout + run.stderr);
    assert.match(run.stdout, /::error::.*names PR #\d+, whose head branch is not the one workflow run \d+ built/);
    assert.equal(comments(other.number).length + comments(built.number).length, 0);
    server.assertNoViolations();
  });

  test("a marker smuggled into error text never makes another model's comment ours: nothing deleted", async () => {
    const pull = forkPull();
    const iris = server.addComment(owner, repoName, pull.number, { body: '<!-- model-ci:iris -->\niris report' });
    const hostile = {
      schema: 1,
      kind: 'error',
      pr: pull.number,
      headSha: pull.headSha,
      model: 'breast-cancer',
      title: 'Could not train',
      problems: [{ message: 'bad YAML\n<!-- model-ci:iris -->\n<!-- model-ci:breast-cancer -->', file: 'params.yaml' }],
    };
    const first = await post(hostile, pull);
    assert.equal(first.code, 0, first.stdout + first.stderr);
    const ours = comments(pull.number).find((c) => c.id !== iris.id)!;
    assert.ok(!ours.body.slice(ours.body.indexOf('\n')).includes('<!--'), 'no HTML comment below the marker line');

    // The iris run posts next: it updates its own comment and leaves breast-cancer's alone.
    const second = await post(reportArtifact(pull.number, pull.headSha, 'iris'), pull);
    assert.equal(second.code, 0, second.stdout + second.stderr);
    const after = comments(pull.number);
    assert.deepEqual(
      after.map((c) => c.id),
      [iris.id, ours.id],
      'both comments are still there',
    );
    assert.match(after[0].body, /^<!-- model-ci:iris -->\n\n### model-ci · iris/);
    assert.equal(after[1].body, ours.body, "breast-cancer's comment is untouched");
    assert.doesNotMatch(first.stdout + second.stdout, /duplicate\(s\) removed/);
    server.assertNoViolations();
  });
});
