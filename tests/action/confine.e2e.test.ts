/**
 * A fork's pull request names files of the runner in its config; a writer comments `/model-ci retrain`;
 * the privileged issue_comment run (mode `command`) must refuse, naming the key, and no byte of the
 * runner's secrets may reach a comment, a log line, the job summary or an output. A deploy (registry
 * credentials) trains regular files of the pushed commit only. Through dist/index.js
 * against the contract-checked GitHub server and real git repositories.
 */
import assert from 'node:assert/strict';
import { mkdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { git } from '../../src/git/git.ts';
import { runAction, type ActionRun } from '../support/action-runner.ts';
import { dockerEnv, type DockerEnv } from '../support/docker-env.ts';
import { GitHubServer } from '../support/github-server.ts';
import { createModelRepo, type ModelRepo } from '../support/model-repo.ts';
import { issueCommentPayload, pullRequestPayload, pushPayload } from '../support/payloads.ts';

const owner = 'model-ci-test';
const repoName = 'models';
const SECRET = 'FAKE_SECRET_123';

const config = await readFile(join(import.meta.dirname, '..', '..', 'fixtures', 'breast-cancer', 'model-ci.yml'), 'utf8');

let server: GitHubServer;
let repo: ModelRepo;
let workspace: string;

/** A PR from a fork whose head commit is made by `prepare` in the source repository (symlinks included). */
async function forkPull(number: number, prepare: (dir: string) => Promise<void>): Promise<string> {
  const { source } = repo;
  const branch = `fork-${number}`;
  await source.git('switch', '--quiet', '-C', branch, 'main');
  await prepare(source.dir);
  await source.git('add', '--all');
  await source.git('commit', '--quiet', '-m', `PR #${number}`);
  await source.git('switch', '--quiet', '--force', 'main');
  await source.git('push', '--quiet', '--force', 'origin', `${branch}:refs/heads/${branch}`, `${branch}:refs/pull/${number}/head`);
  const head = await source.sha(branch);
  server.addPull(owner, repoName, { number, baseSha: repo.mainSha, headSha: head, headRef: branch, forkOwner: 'outsider', author: 'outsider' });
  return head;
}

async function retrain(number: number, env: Record<string, string> = {}): Promise<ActionRun> {
  server.setRole(owner, repoName, 'maintainer', 'write');
  const body = '/model-ci retrain --backend cpu';
  const commentId = server.addComment(owner, repoName, number, { body, author: 'maintainer' }).id;
  const payload = issueCommentPayload({ owner, repo: repoName, number, body, author: 'maintainer', commentId, onPullRequest: true });
  return runAction({
    eventName: 'issue_comment',
    payload,
    repository: `${owner}/${repoName}`,
    workspace,
    apiUrl: server.url,
    sha: repo.mainSha,
    ref: 'refs/heads/main',
    env,
  });
}

/** The run failed with a reply naming `key`, and the secret is nowhere the public (or the log) can see. */
function assertRefusedWithoutLeak(run: ActionRun, number: number, key: RegExp): void {
  assert.equal(run.code, 1, run.stdout + run.stderr);
  const reply = server
    .comments(owner, repoName, number)
    .filter((c) => c.user.login === 'github-actions[bot]')
    .at(-1);
  assert.ok(reply, 'the writer gets a reply');
  assert.match(reply.body, /^@maintainer model-ci could not do that: /);
  assert.match(reply.body.replaceAll('\\', ''), key, 'the reply names the key (markdown escapes aside)');
  assert.match(run.stdout, key);
  const seen = {
    'a request body sent to GitHub': JSON.stringify(server.requests.map((r) => r.body)),
    'a stored comment': JSON.stringify(server.comments(owner, repoName, number).map((c) => c.body)),
    stdout: run.stdout,
    stderr: run.stderr,
    'the job summary': run.summary,
    'an output': JSON.stringify(run.outputs),
  };
  for (const [where, text] of Object.entries(seen)) assert.ok(!text.includes(SECRET), `the secret reached ${where}`);
  server.assertNoViolations();
}

describe('mode command: a config naming files of the runner', () => {
  before(async () => {
    server = await GitHubServer.start();
    repo = await createModelRepo();
    workspace = (await repo.checkout('main', 'ws-main')).dir;
    // What actions/checkout leaves in the workspace: the token in an extraheader.
    await git(['config', 'http.https://github.com/.extraheader', `AUTHORIZATION: basic ${SECRET}`], { cwd: workspace });
  });
  after(async () => {
    await server.close();
    await repo.sandbox.dispose();
  });

  test('params.yaml committed as a symlink to a file outside the repository', async () => {
    const home = join(repo.sandbox.root, 'runner-home', '.docker');
    await mkdir(home, { recursive: true });
    // Reads as a params file: on the old code its key and value went into the report's Params table.
    await writeFile(join(home, 'config.json'), `auths_token: ${SECRET}\n`);
    await forkPull(30, async (dir) => {
      await rm(join(dir, 'params.yaml'));
      await symlink(join(home, 'config.json'), join(dir, 'params.yaml'));
    });
    const run = await retrain(30);
    assertRefusedWithoutLeak(run, 30, /`params` names "params\.yaml", which is a symlink leading out of the repository/);
  });

  test('params: /proc/self/environ while the job environment holds a secret', async () => {
    await forkPull(31, (dir) => writeFile(join(dir, 'model-ci.yml'), config.replace(/^params: .*$/m, 'params: /proc/self/environ')));
    const run = await retrain(31, { REGISTRY_PASSWORD: SECRET });
    assertRefusedWithoutLeak(run, 31, /`params` must be a relative path inside the repository; got the absolute path/);
  });

  test('data.train pointing at the checkout’s .git/config, where the token is', async () => {
    await forkPull(32, (dir) => writeFile(join(dir, 'model-ci.yml'), config.replace(/train: .*$/m, `train: ${join(workspace, '.git', 'config')}`)));
    const absolute = await retrain(32);
    assertRefusedWithoutLeak(absolute, 32, /`data\.train` must be a relative path inside the repository/);

    await forkPull(33, (dir) => writeFile(join(dir, 'model-ci.yml'), config.replace(/train: .*$/m, 'train: .git/config')));
    const relative = await retrain(33);
    assertRefusedWithoutLeak(relative, 33, /`data\.train` may not name git's own files/);
  });

  test('a symlink that stays inside the repository: the privileged run trains the commit’s files only', async () => {
    await forkPull(34, async (dir) => {
      await symlink('breast_cancer.csv', join(dir, 'data', 'alias.csv'));
      await writeFile(join(dir, 'model-ci.yml'), config.replace(/train: .*$/m, 'train: data/alias.csv'));
    });
    const run = await retrain(34);
    assertRefusedWithoutLeak(run, 34, /`data\.train` names "data\/alias\.csv", a symlink; a run that holds secrets trains regular files of the commit only/);
    assert.doesNotMatch(run.stdout, /epoch \d+\//, 'nothing trained');
  });

  test('pull_request_target (opted into) holds secrets too: the same symlink is refused, nothing trained', async () => {
    const head = await forkPull(35, async (dir) => {
      await symlink('breast_cancer.csv', join(dir, 'data', 'alias.csv'));
      await writeFile(join(dir, 'model-ci.yml'), config.replace(/train: .*$/m, 'train: data/alias.csv'));
    });
    const payload = pullRequestPayload({
      owner,
      repo: repoName,
      number: 35,
      action: 'opened',
      baseSha: repo.mainSha,
      headSha: head,
      baseRef: 'main',
      headRef: 'fork-35',
      fork: 'outsider',
    });
    const run = await runAction({
      eventName: 'pull_request_target',
      payload,
      repository: `${owner}/${repoName}`,
      workspace,
      apiUrl: server.url,
      sha: repo.mainSha,
      ref: 'refs/heads/main',
      inputs: { 'allow-pull-request-target': 'true' },
      env: { REGISTRY_PASSWORD: SECRET },
    });
    assert.equal(run.code, 1, run.stdout + run.stderr);
    assert.match(run.stdout, /`data\.train` names "data\/alias\.csv", a symlink; a run that holds secrets trains regular files of the commit only/);
    assert.doesNotMatch(run.stdout, /epoch \d+\//, 'nothing trained');
    assert.ok(!(run.stdout + run.stderr + run.summary).includes(SECRET));
  });
});

// Deploy asks the engine before it trains; nothing reaches the registry here.
const docker = await dockerEnv();

describe('mode deploy: training inputs are regular files of the commit', { skip: 'skip' in docker ? docker.skip : false }, () => {
  let deployRepo: ModelRepo;
  before(async () => {
    deployRepo = await createModelRepo();
  });
  after(async () => deployRepo.sandbox.dispose());

  /** A push to main of what `prepare` commits; the workspace is checked out, then `dirty` may add files. */
  async function deployCommit(name: string, prepare: (dir: string) => Promise<void>, dirty?: (dir: string) => Promise<void>): Promise<ActionRun> {
    const { source } = deployRepo;
    await prepare(source.dir);
    await source.git('add', '--all');
    await source.git('commit', '--quiet', '-m', name);
    await source.git('push', '--quiet', 'origin', 'main');
    const sha = await source.sha();
    const ws = await deployRepo.checkout('main', `ws-deploy-${name}`);
    await dirty?.(ws.dir);
    const payload = pushPayload({ ref: 'refs/heads/main', after: sha });
    payload.repository.default_branch = 'main';
    return runAction({
      eventName: 'push',
      payload,
      repository: `${owner}/${repoName}`,
      workspace: ws.dir,
      apiUrl: 'http://127.0.0.1:9',
      sha,
      ref: 'refs/heads/main',
      inputs: { image: 'registry.invalid/model-ci-e2e/breast-cancer', 'registry-username': 'user', 'registry-password': SECRET },
      env: { DOCKER_HOST: (docker as DockerEnv).host },
    });
  }

  test('a merged symlink and an ignored file of the runner’s disk are refused before anything is trained', async () => {
    const linked = await deployCommit('symlink', async (dir) => {
      await symlink('breast_cancer.csv', join(dir, 'data', 'alias.csv'));
      await writeFile(join(dir, 'model-ci.yml'), config.replace(/train: .*$/m, 'train: data/alias.csv'));
    });
    assert.equal(linked.code, 1, linked.stdout + linked.stderr);
    assert.match(linked.stdout, /`data\.train` names "data\/alias\.csv", a symlink; a run that holds secrets trains regular files of the commit only/);
    assert.doesNotMatch(linked.stdout, /epoch \d+\//, 'nothing trained');

    const ignored = await deployCommit(
      'ignored',
      async (dir) => {
        await writeFile(join(dir, '.gitignore'), 'data/generated.csv\n');
        await writeFile(join(dir, 'model-ci.yml'), config.replace(/train: .*$/m, 'train: data/generated.csv'));
      },
      (dir) => writeFile(join(dir, 'data', 'generated.csv'), deployRepo.csv),
    );
    assert.equal(ignored.code, 1, ignored.stdout + ignored.stderr);
    assert.match(ignored.stdout, /`data\.train` names "data\/generated\.csv", which is not a file committed in [0-9a-f]{7}/);
    assert.doesNotMatch(ignored.stdout, /epoch \d+\//, 'nothing trained');
  });
});
