/** The README's main-job command (`model-ci example`) and `model-ci report`, run as a user runs them. */
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { dockerEnv, dockerEnvFile, readEnvFile } from '../support/docker-env.ts';
import { createModelRepo, FAST_PARAMS, type ModelRepo } from '../support/model-repo.ts';
import { runCli } from './helpers.ts';

const env = await dockerEnv();

describe('model-ci example', () => {
  test('without a Docker engine: prints the PR comment, then says plainly how to get an engine', async () => {
    const run = await runCli(['example'], { env: { ...process.env, DOCKER_HOST: 'unix:///nonexistent/docker.sock' } });
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /^<!-- model-ci:breast-cancer -->\n\n### model-ci · breast-cancer — /);
    assert.match(run.stdout, /Baseline: the record of main@/, 'main was trained and recorded first');
    assert.match(run.stdout, /\| model\.hidden\\_units \| \\\[16\\\] \| \\\[32\\\] \|/);
    assert.match(run.stdout, /\| data\/breast\\_cancer\.csv \| \*\*modified\*\* \| 529 → 569 \|/);
    assert.match(run.stderr, /no Docker engine answers at unix:\/\/\/nonexistent\/docker\.sock/);
    assert.match(run.stderr, /bash \.ci\/docker\.sh start/);
    // The env file names the engine and the local base image; exported, the deploy half runs without Docker Hub.
    assert.match(run.stderr, /`set -a; \. \/tmp\/model-ci-docker\/env; set \+a`/);
  });

  test('with a Docker engine: merges, builds the image, starts it and gets a prediction', { skip: 'skip' in env ? env.skip : false }, async () => {
    if ('skip' in env) return;
    // As the hint says: the env file `.ci/docker.sh start` writes, exported, is all the example needs (no
    // Docker Hub here: without its base image the build would pull node:24-slim and fail).
    const { MODEL_CI_BASE_IMAGE: _, DOCKER_HOST: __, ...user } = process.env;
    const run = await runCli(['example'], { env: { ...user, ...readEnvFile(dockerEnvFile()) } });
    assert.equal(run.code, 0, run.stderr);
    assert.match(
      run.stdout,
      /POST http:\/\/127\.0\.0\.1:\d+\/v1\/models\/breast-cancer:predict \(first row of the data, label 0\)\n→ 200 \{"predictions":\[\{"label":"0","probabilities":\[0\.9\d*,/,
    );
  });
});

describe('model-ci report', () => {
  let repo: ModelRepo;
  before(async () => {
    repo = await createModelRepo();
  });
  after(() => repo.sandbox.dispose());

  test('prints the report of the working tree against a ref, and exits 3 when a gate fails', async () => {
    await repo.source.git('switch', '--quiet', '-c', 'local-change');
    // A DVC section another stage reads: diffed, but the model is the same, so nothing regresses.
    await repo.source.commit({ 'params.yaml': `${FAST_PARAMS}featurize:\n  max_features: 100\n` }, 'featurize params');
    await repo.source.git('tag', 'release-1', 'main');
    const fine = await runCli(['report', '--base', 'release-1', '--out', `${repo.sandbox.root}/out-a`], { cwd: repo.source.dir });
    assert.equal(fine.code, 0, fine.stderr);
    // The report names the ref it compared against, as the comment names the PR's base branch.
    assert.match(fine.stdout, /^Compared release-1 `[0-9a-f]{7}` → PR /m);
    assert.match(fine.stdout, /^\| metric \| release-1 \| PR \|/m);
    assert.match(fine.stdout, /trained from the base commit/);
    assert.match(fine.stdout, /— ➖ unchanged/);
    assert.match(fine.stdout, /\| featurize\.max\\_features \| — \| 100 \|/);

    await repo.source.commit(
      { 'params.yaml': FAST_PARAMS.replace('epochs: 12', 'epochs: 1').replace('learning_rate: 0.01', 'learning_rate: 0.0001') },
      'worse',
    );
    const gated = await runCli(['report', '--base', 'main', '--out', `${repo.sandbox.root}/out-b`], { cwd: repo.source.dir });
    assert.equal(gated.code, 3, gated.stderr);
    assert.match(gated.stdout, /gate failed/);
    // stderr says which gates failed, one line per metric, the same as the report's list.
    const block = /failed:\*\*\n((?:- .+\n?)+)/.exec(gated.stdout)?.[1] ?? '';
    const listed = [...block.matchAll(/^- (\S+?): (.+)$/gm)].map(
      ([, name, reason]) => `model-ci: gate failed: ${name.replaceAll('\\', '')}: ${reason.replaceAll('\\', '')}`,
    );
    const said = gated.stderr.split('\n').filter((line) => line.startsWith('model-ci: gate failed: '));
    assert.ok(said.length > 0, gated.stderr);
    assert.deepEqual(said, listed);

    const noBase = await runCli(['report'], { cwd: repo.source.dir });
    assert.equal(noBase.code, 2);
    assert.match(noBase.stderr, /needs --base <ref>/);
  });
});

describe('model-ci build', () => {
  test('builds the server image of a trained model folder; a folder that is not one is a clear error', { skip: 'skip' in env ? env.skip : false }, async () => {
    if ('skip' in env) return;
    const out = await mkdtemp(join(tmpdir(), 'model-ci-build-'));
    after(() => rm(out, { recursive: true, force: true }));
    const trained = await runCli(['train', '--config', 'fixtures/iris/model-ci.yml', '--out', out, '--quiet']);
    assert.equal(trained.code, 0, trained.stderr);
    const dockerHost = { ...process.env, DOCKER_HOST: env.host };
    const built = await runCli(['build', '--model', out, '--image', 'model-ci-test/iris-cli', '--base-image', env.baseImage], { env: dockerHost });
    assert.equal(built.code, 0, built.stderr);
    assert.match(built.stdout, /^model-ci-test\/iris-cli:sha-[0-9a-f]{7}\n$/);
    const labels = (await env.docker.getImage(built.stdout.trim()).inspect()).Config.Labels;
    assert.equal(labels['org.opencontainers.image.title'], 'iris');
    assert.ok(JSON.parse(labels['dev.model-ci.metrics']).accuracy > 0.8);

    const notModel = await runCli(['build', '--model', 'fixtures', '--image', 'model-ci-test/x'], { env: dockerHost });
    assert.equal(notModel.code, 2);
    assert.match(notModel.stderr, /fixtures\/run\.json: not a trained model folder/);
  });
});
