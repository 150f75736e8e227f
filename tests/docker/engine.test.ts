/**
 * Build, push, pull and run against the real engine and registry that `.ci/docker.sh` starts.
 * Skips loudly without an engine; fails under CI=true.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe } from 'node:test';
import { createHash, randomBytes } from 'node:crypto';
import { buildImage } from '../../src/docker/build.ts';
import { buildContext } from '../../src/docker/build-context.ts';
import { buildModelImage, deployImage, type DeployInput } from '../../src/docker/build-and-push.ts';
import { renderDockerfile } from '../../src/docker/dockerfile.ts';
import { followProgress } from '../../src/docker/progress.ts';
import { registryClient, retagRemote } from '../../src/docker/registry.ts';
import { UserError } from '../../src/errors.ts';
import { dockerEnv, ownRegistry, type DockerEnv } from '../support/docker-env.ts';
import { skippable } from '../support/skippable.ts';
import { TEST_SERVER, writeModelDir } from './model-fixture.ts';

const env = await dockerEnv();
const skip = 'skip' in env ? env.skip : false;
const root = mkdtempSync(join(tmpdir(), 'model-ci-engine-'));
const run = `${process.pid}`;
const SHA_A = 'aaaaaaa1111111111111111111111111111111111'.slice(0, 40);
const SHA_B = 'bbbbbbb2222222222222222222222222222222222'.slice(0, 40);
const created = new Set<string>();

after(async () => {
  rmSync(root, { recursive: true, force: true });
  if ('skip' in env) return;
  for (const ref of created)
    await env.docker
      .getImage(ref)
      .remove({ force: true })
      .catch(() => {});
});

function input(e: DockerEnv, over: Partial<DeployInput> & { image: string; sha: string; modelDir: string }): DeployInput {
  const { image, sha, ...rest } = over;
  return {
    serverFiles: [{ name: 'server.js', content: TEST_SERVER }],
    baseImage: e.baseImage,
    target: { image, sha, ref: 'refs/heads/main', defaultBranch: 'main', gatesPassed: true },
    labels: {
      model: 'tiny',
      description: 'a "quoted" $HOME \\ value\non two lines, ü',
      created: '2026-01-01T00:00:00.000Z',
      metrics: { accuracy: 0.9 },
      hashes: { data: 'sha256:d', params: 'sha256:p', model: 'sha256:m' },
      backend: 'cpu',
    },
    auth: { username: e.registry.username, password: e.registry.password },
    retries: 0,
    ...rest,
  };
}

async function remember<T extends { tags: string[] }>(result: Promise<T>): Promise<T> {
  const value = await result;
  for (const tag of value.tags) created.add(tag);
  return value;
}

describe('model image on a real engine and registry', () => {
  const { test, before } = skippable(skip);
  const e = env as DockerEnv;
  const image = () => `${e.registry.address}/model-ci-test/tiny-${run}`;
  // Random per run: the shared registry may hold an earlier run's layers, and would mount them instead of an upload.
  const weightsA = randomBytes(200_000);
  const weightsB = randomBytes(200_000);
  let first: Awaited<ReturnType<typeof deployImage>>;

  before(async () => {
    first = await remember(deployImage(e.docker, input(e, { image: image(), sha: SHA_A, modelDir: writeModelDir(join(root, 'a'), { weights: weightsA }) })));
  });

  test('push with auth: every tag is served at the verified digest', async () => {
    assert.match(first.digest, /^sha256:[0-9a-f]{64}$/);
    assert.deepEqual(first.tags, [`${image()}:sha-aaaaaaa`, `${image()}:main`, `${image()}:latest`]);
    const client = registryClient(e.registry.address, e.registry);
    const path = `model-ci-test/tiny-${run}`;
    assert.deepEqual((await client.listTags(path)).sort(), ['latest', 'main', 'sha-aaaaaaa']);
    assert.equal((await client.getManifest(path, 'latest')).digest, first.digest);
  });

  test('pulled by digest, the image carries its labels and serves the model as uid 1000', async () => {
    for (const tag of first.tags) await e.docker.getImage(tag).remove();
    const byDigest = `${image()}@${first.digest}`;
    await followProgress(
      await e.docker.pull(byDigest, { authconfig: { username: e.registry.username, password: e.registry.password, serveraddress: e.registry.address } }),
      { timeoutMs: 120_000 },
    );
    created.add(byDigest);
    const info = await e.docker.getImage(byDigest).inspect();
    assert.equal(info.Id, first.imageId);
    assert.equal(info.Config.Labels['org.opencontainers.image.revision'], SHA_A);
    assert.equal(info.Config.Labels['dev.model-ci.metrics'], '{"accuracy":0.9}');
    assert.equal(info.Config.Labels['org.opencontainers.image.description'], 'a "quoted" $HOME \\ value on two lines, ü');
    assert.equal(info.Config.User, '1000');
    assert.ok(info.Config.Healthcheck?.Test?.includes('node'));

    const port = 20000 + (process.pid % 20000);
    const container = await e.docker.createContainer({ Image: byDigest, Env: [`PORT=${port}`], HostConfig: { NetworkMode: 'host' } });
    try {
      await container.start();
      const body = await waitForJson(`http://127.0.0.1:${port}/model`, 30_000);
      assert.deepEqual(body, { uid: 1000, cwd: '/srv', weightsSha256: createHash('sha256').update(weightsA).digest('hex') });
    } finally {
      await container.remove({ force: true });
    }
  });

  // The first image was removed and pulled back above, so this build has no cache for it:
  // the server layer is equal because its bytes are deterministic, not because of a cache hit.
  test('a model-only rebuild changes only the last layer and uploads only it', async () => {
    const second = await remember(
      deployImage(e.docker, input(e, { image: image(), sha: SHA_B, modelDir: writeModelDir(join(root, 'b'), { weights: weightsB }) })),
    );
    const layersA = (await e.docker.getImage(`${image()}@${first.digest}`).inspect()).RootFS.Layers!;
    const layersB = (await e.docker.getImage(second.imageId).inspect()).RootFS.Layers!;
    assert.equal(layersA.length, layersB.length);
    assert.deepEqual(layersA.slice(0, -1), layersB.slice(0, -1));
    assert.notEqual(layersA.at(-1), layersB.at(-1));
    assert.equal(second.layersPushed, 1);
    assert.notEqual(second.digest, first.digest);

    // Rollback: latest goes back to the first digest without a rebuild.
    const { digest } = await retagRemote({ image: image(), from: first.digest, to: 'latest', credentials: e.registry });
    assert.equal(digest, first.digest);
    assert.equal((await registryClient(e.registry.address, e.registry).getManifest(`model-ci-test/tiny-${run}`, 'latest')).digest, first.digest);
  });

  test('a wrong registry password is a clear error and pushes nothing', async () => {
    const name = `${e.registry.address}/model-ci-test/denied-${run}`;
    const attempt = input(e, { image: name, sha: SHA_A, modelDir: writeModelDir(join(root, 'denied')) });
    attempt.auth = { username: e.registry.username, password: 'wrong' };
    await assert.rejects(remember(deployImage(e.docker, attempt)), (error: unknown) => {
      assert.ok(error instanceof UserError);
      assert.match(error.message, new RegExp(`registry refused credentials for ${e.registry.address.replace('.', '\\.')}`));
      return true;
    });
    for (const tag of ['sha-aaaaaaa', 'main', 'latest']) created.add(`${name}:${tag}`);
    assert.deepEqual(await registryClient(e.registry.address, e.registry).listTags(`model-ci-test/denied-${run}`), []);
    await assert.rejects(
      retagRemote({ image: image(), from: first.digest, to: 'x', credentials: { username: e.registry.username, password: 'wrong' } }),
      /registry refused credentials/,
    );
  });

  test('a base image that does not exist is a clear error', async () => {
    const attempt = input(e, { image: image(), sha: SHA_A, modelDir: writeModelDir(join(root, 'nobase')), baseImage: 'model-ci-test/no-such-base:1' });
    await assert.rejects(buildModelImage(e.docker, attempt), (error: unknown) => {
      assert.ok(error instanceof UserError);
      assert.match(error.message, /^base image model-ci-test\/no-such-base:1 not found: /);
      return true;
    });
  });

  test('a build that outlives its timeout is stopped with a clear error', async () => {
    const context = await buildContext({
      dockerfile: renderDockerfile({ baseImage: e.baseImage }),
      serverFiles: [{ name: 'server.js', content: TEST_SERVER }],
      modelDir: writeModelDir(join(root, 'slow')),
    });
    await assert.rejects(
      buildImage(e.docker, { context, tags: [`${image()}:slow`], noCache: true, timeoutMs: 300 }),
      /^Error: docker build did not finish within 0 s \(at step: /,
    );
    created.add(`${image()}:slow`);
  });

  // Other test files build on the same engine at the same time, so the engine's image count says nothing
  // here: the real engine is wrapped to record which of its calls the deploy made.
  test('a model folder without weights.bin fails before the engine builds anything', async () => {
    const calls: string[] = [];
    const watched = new Proxy(e.docker, {
      get(target, key, receiver) {
        const value = Reflect.get(target, key, receiver);
        if (typeof value !== 'function') return value;
        return (...args: unknown[]) => {
          calls.push(String(key));
          return value.apply(target, args);
        };
      },
    });
    const name = `${image()}-broken`;
    const attempt = input(e, { image: name, sha: SHA_A, modelDir: writeModelDir(join(root, 'broken'), { omit: ['weights.bin'] }) });
    await assert.rejects(deployImage(watched, attempt), (error: unknown) => error instanceof UserError && /missing weights\.bin/.test(error.message));
    assert.deepEqual(
      calls.filter((call) => call === 'buildImage'),
      [],
    );
    assert.deepEqual(await e.docker.listImages({ filters: { reference: [name] } }), []);
  });

  // The engine itself retries a failed upload for about a minute; the push timeout bounds that wait.
  test('the registry dying mid-push is an error, not a hang or a success', async () => {
    const own = await ownRegistry();
    try {
      const name = `${own.address}/model-ci-test/dies`;
      const attempt = input(e, { image: name, sha: SHA_A, modelDir: writeModelDir(join(root, 'dies')), pushTimeoutMs: 15_000 });
      attempt.auth = { username: own.username, password: own.password };
      let killed: Promise<void> | undefined;
      attempt.log = (line) => {
        if (!killed && /: Pushed$/.test(line)) killed = own.kill();
      };
      await assert.rejects(
        remember(deployImage(e.docker, attempt)),
        /push of .*model-ci-test\/dies:sha-aaaaaaa did not finish within 15 s \(.*the engine last said: \w+: (Retrying in|Pushed)/,
      );
      for (const tag of ['sha-aaaaaaa', 'main', 'latest']) created.add(`${name}:${tag}`);
      assert.ok(killed, 'the registry was killed during the push');
      await own.start();
      assert.deepEqual(await registryClient(own.address, own).listTags('model-ci-test/dies'), []);
    } finally {
      await own.dispose();
    }
  });
});

async function waitForJson(url: string, timeoutMs: number): Promise<unknown> {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url);
      if (response.ok) return await response.json();
      last = `HTTP ${response.status}`;
    } catch (error) {
      last = (error as Error).message;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms (last: ${last})`);
}
