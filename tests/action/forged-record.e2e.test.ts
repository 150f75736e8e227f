/**
 * A baseline record is data that anyone who can push the baselines branch may write. A forged record that
 * points the image at another registry must not receive the deploy's registry credentials: the reuse path
 * of mode `deploy` and mode `rollback` refuse it before any request, through the bundled action, with
 * real credentials configured for the real registry and a second "registry" on another port of 127.0.0.1
 * that records every request it gets.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { RECORD_SCHEMA, type BaselineRecord } from '../../src/domain/record.ts';
import { createBaselineStore } from '../../src/baseline/store.ts';
import { parseImageName } from '../../src/docker/reference.ts';
import { registryClient } from '../../src/docker/registry.ts';
import { plannedInputs } from '../../src/train/planned-inputs.ts';
import { VERSION } from '../../src/version.ts';
import type { ActionRun } from '../support/action-runner.ts';
import { dockerEnv, freePort, type DockerEnv } from '../support/docker-env.ts';
import { createModelRepo, type ModelRepo } from '../support/model-repo.ts';
import { dispatchRollback, pushToMain } from '../support/deploy-runs.ts';

const env = await dockerEnv();
const skip = 'skip' in env ? env.skip : false;

interface Received {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
}

/**
 * Speaks just enough of the Registry v2 API to make a client authenticate: every request gets 401 with a
 * Bearer challenge whose token realm is this server too, so credentials would arrive either as Basic auth
 * on the token request or on a retry. Every request is kept.
 */
async function recordingRegistry(): Promise<{ address: string; received: Received[]; close(): Promise<void> }> {
  const port = await freePort();
  const address = `127.0.0.1:${port}`;
  const received: Received[] = [];
  const server: Server = createServer((request, response) => {
    received.push({ method: request.method ?? '', url: request.url ?? '', headers: request.headers });
    request.resume();
    response.writeHead(401, {
      'content-type': 'application/json',
      'docker-distribution-api-version': 'registry/2.0',
      'www-authenticate': `Bearer realm="http://${address}/token",service="${address}"`,
    });
    response.end('{"errors":[{"code":"UNAUTHORIZED","message":"authentication required"}]}');
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return { address, received, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

describe('a forged baseline record cannot redirect the registry credentials', { skip }, () => {
  const docker = env as DockerEnv;
  const image = `${docker.registry?.address}/model-ci-forged/breast-cancer-${process.pid}`;
  let repo: ModelRepo;
  let evil: Awaited<ReturnType<typeof recordingRegistry>>;
  const tagsOnTheRealRegistry = () => registryClient(docker.registry.address, docker.registry).listTags(parseImageName(image).path);

  before(async () => {
    repo = await createModelRepo();
    evil = await recordingRegistry();
  });
  after(async () => {
    await evil?.close();
    await repo?.sandbox.dispose();
  });

  /** A well-formed record of main's first commit, as model-ci would write it, but for an image elsewhere. */
  const forge = async (inputsHash: string, elsewhere = { name: `${evil.address}/stolen/breast-cancer`, digest: `sha256:${'e'.repeat(64)}` }) => {
    const forged: BaselineRecord = {
      schema: RECORD_SCHEMA,
      modelCiVersion: VERSION,
      model: 'breast-cancer',
      commit: repo.mainSha,
      createdAt: new Date().toISOString(),
      backend: 'wasm',
      metrics: { accuracy: 0.99, roc_auc: 0.99, f1: 0.99 },
      params: {},
      data: {},
      inputsHash,
      modelHash: `sha256:${'1'.repeat(64)}`,
      image: { ...elsewhere, tags: [`${elsewhere.name}:latest`] },
    };
    await createBaselineStore({ cwd: repo.source.dir }).write(forged, { replace: true });
  };

  const rollback = async (workspaceName: string) => {
    const workspace = await repo.checkout('main', workspaceName);
    return dispatchRollback({ workspace: workspace.dir, head: await repo.source.sha(), to: repo.mainSha, inputs: inputs(), env: { DOCKER_HOST: docker.host } });
  };

  const inputs = () => ({
    image,
    'registry-username': docker.registry.username,
    'registry-password': docker.registry.password,
    'base-image': docker.baseImage,
  });

  const refusedWithoutSendingAnything = async (run: ActionRun, tagsBefore: string[]) => {
    const output = run.stdout + run.stderr;
    const withCredentials = evil.received.filter((r) => r.headers.authorization !== undefined);
    assert.deepEqual(withCredentials, [], 'no credentials reached the recording server');
    assert.deepEqual(evil.received, [], 'no request at all reached the recording server');
    assert.notEqual(run.code, 0, output);
    assert.match(run.stdout, /::error::.*names the image "127\.0\.0\.1:\d+\/stolen\/breast-cancer"/, output);
    assert.match(run.stdout, new RegExp(`only read, push and retag inside the configured image ${image.replace(/[.]/g, '\\.')}`), output);
    assert.doesNotMatch(run.stdout, /\n\s+at /, 'no stack trace');
    const logged = output.split('\n').filter((line) => !line.startsWith('::add-mask::'));
    assert.ok(!logged.some((line) => line.includes(docker.registry.password)), 'the password is not in the log, except to mask it');
    assert.deepEqual(await tagsOnTheRealRegistry(), tagsBefore, 'nothing was tagged or pushed on the real registry');
  };

  test('deploy: an unchanged input whose previous record is forged is refused, and nothing is sent', async () => {
    // A docs-only commit on main: its inputs hash to what the forged record of its parent claims.
    await repo.source.commit({ 'README.md': '# a model\n\nDocs only.\n' }, 'docs only');
    await repo.source.git('push', '--quiet', 'origin', 'main');
    const head = await repo.source.sha();
    const workspace = await repo.checkout('main', 'ws-forged-deploy');
    await forge((await plannedInputs(join(workspace.dir, 'model-ci.yml'), undefined, workspace.dir)).inputs);
    const tagsBefore = await tagsOnTheRealRegistry();

    const run = await pushToMain({ workspace: workspace.dir, sha: head, inputs: inputs(), env: { DOCKER_HOST: docker.host } });
    await refusedWithoutSendingAnything(run, tagsBefore);
    assert.doesNotMatch(run.stdout, /epoch \d+\/|building /, 'the refusal is not a fallback to training and building');
    const store = createBaselineStore({ cwd: repo.source.dir });
    await store.fetch();
    assert.equal(await store.read('breast-cancer', head), null, 'nothing was recorded for the deployed commit');
  });

  test('rollback: a forged record of the target commit is refused, and nothing is sent', async () => {
    await forge(`sha256:${'2'.repeat(64)}`);
    const tagsBefore = await tagsOnTheRealRegistry();
    await refusedWithoutSendingAnything(await rollback('ws-forged-rollback'), tagsBefore);
  });

  test('rollback: a forged record naming another repository of the same registry is refused, and that repository is left alone', async () => {
    // Another team's repository on the registry our credentials open, holding one (empty) index under `seed`.
    const other = registryClient(docker.registry.address, docker.registry);
    const otherPath = `model-ci-forged/other-${process.pid}`;
    const body = Buffer.from(JSON.stringify({ schemaVersion: 2, mediaType: 'application/vnd.oci.image.index.v1+json', manifests: [] }));
    const digest = `sha256:${createHash('sha256').update(body).digest('hex')}`;
    await other.putManifest(otherPath, 'seed', { digest, mediaType: 'application/vnd.oci.image.index.v1+json', body });
    await forge(`sha256:${'3'.repeat(64)}`, { name: `${docker.registry.address}/${otherPath}`, digest });
    const tagsBefore = await tagsOnTheRealRegistry();

    const run = await rollback('ws-forged-other-repository');
    const output = run.stdout + run.stderr;
    assert.notEqual(run.code, 0, output);
    assert.match(run.stdout, new RegExp(`::error::.*whose repository "${otherPath}" is not model-ci-forged/breast-cancer-${process.pid}`), output);
    assert.deepEqual(await other.listTags(otherPath), ['seed'], 'no `latest` was pushed into the other repository');
    assert.deepEqual(await tagsOnTheRealRegistry(), tagsBefore);
  });
});
