import assert from 'node:assert/strict';
import { request } from 'node:http';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { loadModel, type LoadedModel } from '../../src/model/predictor.ts';
import { createModelServer } from '../../src/serve/server.ts';
import { writeTinyModel, type TinyModel } from '../support/tiny-model.ts';

let root: string;
let tiny: TinyModel;
before(async () => {
  root = await mkdtemp(join(tmpdir(), 'model-ci-serve-life-'));
  tiny = await writeTinyModel(join(root, 'multi'), 'multiclass', { withRun: true, name: 'iris' });
});
after(async () => {
  await rm(root, { recursive: true, force: true });
});

async function scrape(url: string, series: string): Promise<number> {
  const text = await (await fetch(`${url}/metrics`)).text();
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return Number(line?.split(' ')[1]);
}

test('503 while loading, then AVAILABLE; the name defaults to run.json', async () => {
  let finish!: (model: LoadedModel) => void;
  const server = await createModelServer({ model: new Promise<LoadedModel>((resolve) => (finish = resolve)), port: 0 });
  try {
    const health = await fetch(`${server.url}/healthz`);
    assert.equal(health.status, 503);
    assert.equal(await health.text(), 'loading\n');
    const status: any = await (await fetch(`${server.url}/v1/models/iris`)).json();
    assert.equal(status.model_version_status[0].state, 'LOADING');
    const predict = await fetch(`${server.url}/v1/models/iris:predict`, { method: 'POST', body: '{"instances":[[1,2,3,4]]}' });
    assert.equal(predict.status, 503);
    assert.match(((await predict.json()) as any).error, /model is loading/);

    finish(await loadModel(tiny.dir, { backend: 'cpu' }));
    await server.ready;
    assert.equal((await fetch(`${server.url}/healthz`)).status, 200);
    const ok = await fetch(`${server.url}/v1/models/iris:predict`, { method: 'POST', body: '{"instances":[[5.1,3.5,1.4,0.2]]}' });
    assert.equal(ok.status, 200);
    assert.deepEqual(Object.keys(((await ok.json()) as any).predictions[0]), ['label', 'probabilities']);
  } finally {
    await server.close();
  }
});

test('a model that fails to load: ready rejects with the file, status says END, health stays 503', async () => {
  const broken = await writeTinyModel(join(root, 'broken'), 'binary');
  await rm(join(broken.dir, 'weights.bin'));
  const server = await createModelServer({ model: broken.dir, name: 'broken', port: 0, backend: 'cpu' });
  try {
    await assert.rejects(server.ready, /weights\.bin is missing/);
    assert.equal((await fetch(`${server.url}/healthz`)).status, 503);
    const status: any = await (await fetch(`${server.url}/v1/models/broken`)).json();
    assert.equal(status.model_version_status[0].state, 'END');
    assert.match(status.model_version_status[0].status.error_message, /weights\.bin/);
    const predict = await fetch(`${server.url}/v1/models/broken:predict`, { method: 'POST', body: '{}' });
    assert.equal(predict.status, 503);
    assert.match(((await predict.json()) as any).error, /model failed to load: .*weights\.bin/);
  } finally {
    await server.close();
  }
});

test('close() stops accepting, finishes the in-flight request, then resolves', async () => {
  const server = await createModelServer({ model: tiny.dir, port: 0, backend: 'cpu' });
  await server.ready;
  const body = JSON.stringify({ instances: [[5.1, 3.5, 1.4, 0.2]] });
  const url = new URL(`${server.url}/v1/models/iris:predict`);
  let inFlightRequest!: ReturnType<typeof request>;
  const response = new Promise<{ status: number; connection: string | undefined; body: string }>((resolve, reject) => {
    const req = request(
      { host: url.hostname, port: url.port, path: url.pathname, method: 'POST', headers: { 'content-length': Buffer.byteLength(body) } },
      (res) => {
        let text = '';
        res.on('data', (d) => (text += d));
        res.on('end', () => resolve({ status: res.statusCode!, connection: res.headers.connection, body: text }));
      },
    );
    req.on('error', reject);
    // Half the body now: the request is in flight until the rest arrives.
    req.write(body.slice(0, 10));
    inFlightRequest = req;
  });

  // The scrape itself is one request in flight; the half-sent predict is the other.
  for (let i = 0; i < 1000 && (await scrape(server.url, 'model_ci_requests_in_flight')) < 2; i++) await new Promise((r) => setTimeout(r, 10));
  assert.equal(await scrape(server.url, 'model_ci_requests_in_flight'), 2);

  let closed = false;
  const closing = server.close().then(() => (closed = true));
  await assert.rejects(fetch(`${server.url}/healthz`), 'no new connections once closing');
  assert.equal(closed, false, 'close() waits for the in-flight request');

  inFlightRequest.end(body.slice(10));
  const answer = await response;
  assert.equal(answer.status, 200);
  assert.equal(answer.connection, 'close');
  assert.equal(JSON.parse(answer.body).predictions.length, 1);
  await closing;
  assert.equal(closed, true);
});
