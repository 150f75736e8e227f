/**
 * The built image speaks KServe V1 and the Open Inference Protocol: our OIP client replays the same
 * requests against a container of the image (real engine, real dist/server.js bundle, real model)
 * and against the server run from source; every exchange is validated against the protocol's
 * OpenAPI description and both must answer alike. Needs `npm run bundle` (dist/server.js).
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe } from 'node:test';
import type Docker from 'dockerode';
import { buildModelImage } from '../../src/docker/build-and-push.ts';
import { serverBundleFiles } from '../../src/docker/build-context.ts';
import { createModelServer, type ModelServer } from '../../src/serve/server.ts';
import { dockerEnv, freePort, type DockerEnv } from '../support/docker-env.ts';
import { OipClient, type OipExchange } from '../support/oip-client.ts';
import { skippable } from '../support/skippable.ts';
import { writeTinyModel } from '../support/tiny-model.ts';

const env = await dockerEnv();
const skip = 'skip' in env ? env.skip : false;
const root = mkdtempSync(join(tmpdir(), 'model-ci-oip-replay-'));
const NAME = 'cancer';

const tensors = [
  { name: 'mean_radius', datatype: 'FP32', shape: [2], data: [14.2, 8] },
  { name: 'mean_texture', datatype: 'FP64', shape: [2, 1], data: [[20.1], [10]] },
  { name: 'clinic', datatype: 'BYTES', shape: [2], data: ['east', 'north'] },
  { name: 'worst_area', datatype: 'INT32', shape: [2], data: [820, 200] },
];

/** What is replayed: every v2 route, answers and refusals. `version` is filled in once known. */
function replay(oip: OipClient, version: string): [string, () => Promise<OipExchange>][] {
  return [
    ['live', () => oip.live()],
    ['ready', () => oip.ready()],
    ['server metadata', () => oip.server()],
    ['model metadata', () => oip.model(NAME)],
    ['model metadata, versioned', () => oip.model(NAME, version)],
    ['model ready', () => oip.modelReady(NAME)],
    ['infer', () => oip.infer(NAME, { id: 'replay-1', inputs: tensors })],
    ['infer, versioned, one output', () => oip.infer(NAME, { inputs: tensors, outputs: [{ name: 'probabilities' }] }, { version })],
    ['wrong datatype', () => oip.infer(NAME, { inputs: tensors.map((t) => (t.name === 'clinic' ? { ...t, datatype: 'FP32', data: [1, 2] } : t)) })],
    ['shape not matching data', () => oip.infer(NAME, { inputs: tensors.map((t) => (t.name === 'worst_area' ? { ...t, shape: [3] } : t)) })],
    ['missing input', () => oip.infer(NAME, { inputs: tensors.slice(1) })],
    ['unseen category', () => oip.infer(NAME, { inputs: tensors.map((t) => (t.name === 'clinic' ? { ...t, data: ['east', 'south'] } : t)) })],
    ['unknown model', () => oip.infer('other', { inputs: tensors })],
    ['unknown version', () => oip.modelReady(NAME, '0')],
  ];
}

describe('the built image answers KServe V1 and OIP clients', () => {
  const { test, before, after: afterSuite } = skippable(skip);
  const e = env as DockerEnv;
  let imageId: string;
  let tags: string[] = [];
  let container: Docker.Container | undefined;
  let image: OipClient;
  let imageUrl: string;
  let source: ModelServer;

  before(async () => {
    const tiny = await writeTinyModel(join(root, 'model'), 'binary', { withRun: true, name: NAME, hiddenUnits: [6] });
    const built = await buildModelImage(e.docker, {
      modelDir: tiny.dir,
      serverFiles: await serverBundleFiles(join(import.meta.dirname, '..', '..', 'dist')),
      baseImage: e.baseImage,
      target: { image: `model-ci-test/oip-${process.pid}`, sha: 'c'.repeat(40), ref: 'refs/heads/main', defaultBranch: 'main', gatesPassed: true },
      labels: { model: NAME, created: '2026-01-01T00:00:00.000Z', metrics: tiny.metrics, hashes: tiny.run!.hashes, backend: 'cpu' },
    });
    ({ imageId, tags } = built);
    const port = await freePort();
    container = await e.docker.createContainer({ Image: imageId, Env: [`PORT=${port}`, 'BACKEND=cpu'], HostConfig: { NetworkMode: 'host' } });
    await container.start();
    imageUrl = `http://127.0.0.1:${port}`;
    await waitReady(imageUrl, container);
    image = new OipClient(imageUrl);
    source = await createModelServer({ model: tiny.dir, port: 0, backend: 'cpu' });
    await source.ready;
  });
  afterSuite(async () => {
    await container?.remove({ force: true }).catch(() => {});
    await source?.close();
    for (const tag of tags)
      await e.docker
        .getImage(tag)
        .remove({ force: true })
        .catch(() => {});
  });

  test('every replayed request gets the protocol-valid answer the source server gives', async () => {
    const version = (await image.model(NAME)).body.versions[0];
    assert.match(version, /^[0-9a-f]{12}$/);
    const fromSource = new OipClient(source.url);
    const theirs = replay(image, version);
    const ours = replay(fromSource, version);
    const statuses: string[] = [];
    for (let k = 0; k < theirs.length; k++) {
      const [what, call] = theirs[k];
      const answer = await call();
      const expected = await ours[k][1]();
      assert.equal(answer.status, expected.status, what);
      assert.deepEqual(answer.body, expected.body, what);
      statuses.push(`${what}: ${answer.status}`);
    }
    // The replay covers answers and refusals, not only what succeeds.
    assert.deepEqual(
      statuses.map((s) => s.split(': ')[1]),
      ['200', '200', '200', '200', '200', '200', '200', '200', '400', '400', '400', '400', '404', '404'],
    );
    const inferred = (await image.infer(NAME, { inputs: tensors })).body;
    assert.deepEqual(inferred.outputs[0], { name: 'predictions', datatype: 'BYTES', shape: [2], data: inferred.outputs[0].data });
    assert.equal(inferred.outputs[1].shape.join(), '2,2');
  });

  test('KServe V1: status with name and ready, the model list, and the card route', async () => {
    const status = (await (await fetch(`${imageUrl}/v1/models/${NAME}`)).json()) as any;
    assert.equal(status.name, NAME);
    assert.equal(status.ready, true);
    assert.equal(status.model_version_status[0].state, 'AVAILABLE');
    assert.deepEqual(await (await fetch(`${imageUrl}/v1/models`)).json(), { models: [NAME] });
    // This fixture folder has no card.md (a deploy writes one, tests/action/deploy.e2e.test.ts): a clear JSON 404.
    const card = await fetch(`${imageUrl}/v1/models/${NAME}/card`);
    assert.equal(card.status, 404);
    assert.deepEqual(await card.json(), { error: `model "${NAME}" has no model card: its folder holds no card.md` });
  });
});

after(() => rmSync(root, { recursive: true, force: true }));

async function waitReady(url: string, container: Docker.Container): Promise<void> {
  const started = Date.now();
  for (;;) {
    const status = await fetch(`${url}/v2/health/ready`).then(
      (r) => r.status,
      () => 0,
    );
    if (status === 200) return;
    if (Date.now() - started > 60_000) {
      const logs = await container.logs({ stdout: true, stderr: true });
      throw new Error(`the container was not ready within 60 s; its log:\n${logs.toString()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
