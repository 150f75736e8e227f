import assert from 'node:assert/strict';
import { request } from 'node:http';
import { connect } from 'node:net';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import * as tf from '@tensorflow/tfjs';
import { encodeInstances } from '../../src/data/encode.ts';
import { createModelServer, type ModelServer } from '../../src/serve/server.ts';
import { writeTinyModel, type TinyModel } from '../support/tiny-model.ts';

let root: string;
let tiny: TinyModel;
let server: ModelServer;
const logged: Record<string, unknown>[] = [];
const NAME = 'cancer';

before(async () => {
  root = await mkdtemp(join(tmpdir(), 'model-ci-serve-http-'));
  tiny = await writeTinyModel(join(root, 'binary'), 'binary', { withRun: true, hiddenUnits: [6] });
  server = await createModelServer({ model: tiny.dir, name: NAME, port: 0, backend: 'cpu', maxBatch: 8, maxBodyBytes: 64 * 1024, log: (e) => logged.push(e) });
  await server.ready;
});
after(async () => {
  await server.close();
  await rm(root, { recursive: true, force: true });
});

const predictUrl = () => `${server.url}/v1/models/${NAME}:predict`;

async function post(url: string, body: string | Uint8Array): Promise<{ status: number; json: any }> {
  const res = await fetch(url, { method: 'POST', body, headers: { 'content-type': 'application/json' } });
  return { status: res.status, json: await res.json() };
}

/** Sends a body of `size` bytes in chunks with a raw client; resolves with the status once the server answers. */
function sendLarge(size: number, { chunked }: { chunked: boolean }): Promise<number> {
  return new Promise((resolve, reject) => {
    const url = new URL(predictUrl());
    const req = request(
      { host: url.hostname, port: url.port, path: url.pathname, method: 'POST', headers: chunked ? {} : { 'content-length': size } },
      (res) => {
        res.resume();
        resolve(res.statusCode!);
      },
    );
    // The server may close the connection while we are still writing: that is the point.
    req.on('error', (error) => (error.message.match(/EPIPE|ECONNRESET|socket hang up/) ? undefined : reject(error)));
    const chunk = Buffer.alloc(16 * 1024, 0x20);
    let sent = 0;
    const pump = () => {
      while (sent < size) {
        sent += chunk.length;
        if (!req.write(chunk)) return req.once('drain', pump);
      }
      req.end();
    };
    pump();
  });
}

function rawHttp(text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const url = new URL(server.url);
    const socket = connect(Number(url.port), url.hostname, () => socket.write(text));
    let answer = '';
    socket.on('data', (d) => (answer += d));
    socket.on('end', () => resolve(answer));
    socket.on('error', reject);
  });
}

function reference(instances: unknown[]): number[] {
  return tf.tidy(() =>
    Array.from((tiny.model.predict(tf.tensor2d(encodeInstances(tiny.preprocessing, instances), [instances.length, 6])) as tf.Tensor).dataSync()),
  );
}

describe('model server over HTTP', () => {
  test('predicts array and object instances exactly as the model does', async () => {
    const instances = [[14.2, 20.1, 'east', 820], { mean_radius: 19.9, mean_texture: 25, clinic: 'west', worst_area: 1500 }, [8, 10, 'north', 200]];
    const { status, json } = await post(predictUrl(), JSON.stringify({ instances }));
    assert.equal(status, 200);
    const p = reference(instances);
    assert.deepEqual(
      json.predictions.map((o: { label: string }) => o.label),
      p.map((q) => (q >= 0.5 ? 'malignant' : 'benign')),
    );
    json.predictions.forEach((o: { probabilities: number[] }, i: number) => {
      assert.ok(Math.abs(o.probabilities[1] - p[i]) < 1e-6 && Math.abs(o.probabilities[0] - (1 - p[i])) < 1e-6, `${o.probabilities} vs ${p[i]}`);
    });
  });

  test('columnar "inputs" answer "outputs" with the same values', async () => {
    const { status, json } = await post(
      predictUrl(),
      JSON.stringify({ inputs: { mean_radius: [14.2, 8], mean_texture: [20.1, 10], clinic: ['east', 'north'], worst_area: [820, 200] } }),
    );
    assert.equal(status, 200);
    const p = reference([
      [14.2, 20.1, 'east', 820],
      [8, 10, 'north', 200],
    ]);
    json.outputs.forEach((o: { probabilities: number[] }, i: number) => {
      assert.ok(Math.abs(o.probabilities[1] - p[i]) < 1e-6);
    });
    assert.equal(json.outputs.length, 2);
  });

  test('the versioned predict route serves the current version', async () => {
    const { status, json } = await post(
      `${server.url}/v1/models/${NAME}/versions/abcdef012345:predict`,
      JSON.stringify({ instances: [[1, 2, 'east', 3]], signature_name: 'serving_default' }),
    );
    assert.equal(status, 200);
    assert.equal(json.predictions.length, 1);
  });

  test('status, metadata and healthz', async () => {
    const status: any = await (await fetch(`${server.url}/v1/models/${NAME}`)).json();
    // TF Serving's status with KServe V1's name and ready merged in: clients of either read it.
    assert.deepEqual(status, {
      name: NAME,
      ready: true,
      model_version_status: [{ version: 'abcdef012345', state: 'AVAILABLE', status: { error_code: 'OK', error_message: '' } }],
    });
    assert.deepEqual(await (await fetch(`${server.url}/v1/models`)).json(), { models: [NAME] });

    const meta: any = await (await fetch(`${server.url}/v1/models/${NAME}/metadata`)).json();
    assert.deepEqual(meta.model_spec, { name: NAME, signature_name: 'serving_default', version: 'abcdef012345' });
    assert.equal(meta.metadata.task, 'binary-classification');
    assert.deepEqual(
      meta.metadata.features.map((f: { name: string }) => f.name),
      ['mean_radius', 'mean_texture', 'clinic', 'worst_area'],
    );
    assert.deepEqual(meta.metadata.classes, ['benign', 'malignant']);
    assert.deepEqual(meta.metadata.metrics, tiny.metrics);
    assert.equal(meta.metadata.commit, tiny.run!.commit);
    assert.equal(meta.metadata.hashes.data, tiny.run!.hashes.data);
    assert.equal(meta.metadata.hashes.params, tiny.run!.hashes.params);
    assert.equal(meta.metadata.hashes.model, tiny.run!.hashes.model);
    assert.equal(meta.metadata.servingBackend, 'cpu');

    const health = await fetch(`${server.url}/healthz`);
    assert.equal(health.status, 200);
    assert.equal(await health.text(), 'ok\n');
  });

  const instance = [14, 20, 'east', 800];
  const badBodies: [string, string | Uint8Array, RegExp][] = [
    ['not JSON', '{"instances": [', /not JSON/],
    ['invalid UTF-8', new Uint8Array([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d]), /not valid UTF-8/],
    ['JSON null', 'null', /expected a JSON object/],
    ['a JSON string', '"instances"', /expected a JSON object/],
    ['missing instances', '{}', /missing "instances"/],
    ['a misspelt key', '{"instance": [[1,2,"east",3]]}', /unknown key "instance"/],
    ['instances not an array', '{"instances": {"a": 1}}', /"instances" must be an array/],
    ['empty batch', '{"instances": []}', /"instances" is empty/],
    ['too many instances', JSON.stringify({ instances: Array(9).fill(instance) }), /9 rows, more than the limit of 8/],
    ['wrong feature count', '{"instances": [[1,2,"east",3],[1,2,3]]}', /instances\[1\]: expected 4 values/],
    [
      'unknown feature name',
      '{"instances": [{"mean_radius":1,"mean_texture":2,"clinic":"east","worst_area":3,"area":4}]}',
      /instances\[0\]: unknown feature "area"/,
    ],
    ['missing feature', '{"instances": [{"mean_radius":1,"mean_texture":2,"clinic":"east"}]}', /instances\[0\]: missing feature worst_area/],
    ['a string for a number', '{"instances": [[1,2,"east",3],["1",2,"east",3]]}', /instances\[1\]\.mean_radius: expected a finite number, got the string "1"/],
    ['null for a number', '{"instances": [[1,null,"east",3]]}', /instances\[0\]\.mean_texture: expected a finite number, got null/],
    ['a row that is null', '{"instances": [null]}', /instances\[0\]: expected an array of 4 values/],
    [
      'a number beyond double range',
      '{"instances": [[1,2,"east",3],[1e400,2,"east",3]]}',
      /^instances\[1\]\.mean_radius: expected a finite number, got one beyond the range of a 64-bit float/,
    ],
    [
      'a negative number beyond double range, by name',
      '{"instances": [{"mean_radius":1,"mean_texture":-1e400,"clinic":"east","worst_area":3}]}',
      /^instances\[0\]\.mean_texture: expected a finite number, got one beyond the range/,
    ],
    [
      'a column beyond double range',
      '{"inputs": {"mean_radius":[1],"mean_texture":[2],"clinic":["east"],"worst_area":[1e999]}}',
      /^inputs\[0\]\.worst_area: expected a finite number, got one beyond the range/,
    ],
    ['a number beyond float32 range', '{"instances": [[1e300,2,"east",3]]}', /instances\[0\]\.mean_radius: expected a number within float32 range/],
    [
      'deeply nested JSON',
      `{"instances": [[${'['.repeat(20000)}${']'.repeat(20000)},2,"east",3]]}`,
      /instances\[0\]\.mean_radius: expected a single value, got an array/,
    ],
    ['deeply nested rows', `{"instances": ${'['.repeat(20000)}${']'.repeat(20000)}}`, /instances\[0\]: expected 4 values/],
    ['an unknown signature', '{"instances": [[1,2,"east",3]], "signature_name": "classify"}', /unknown signature_name "classify"/],
    ['ragged columns', '{"inputs": {"mean_radius": [1, 2], "mean_texture": [1]}}', /inputs\.mean_texture has 1 values but inputs\.mean_radius has 2/],
  ];
  for (const [what, body, message] of badBodies) {
    test(`400 for ${what}`, async () => {
      const { status, json } = await post(predictUrl(), body);
      assert.equal(status, 400);
      assert.match(json.error, message);
    });
  }

  test('an over-long error echo is cut short', async () => {
    const { status, json } = await post(predictUrl(), JSON.stringify({ instances: [{ ['x'.repeat(5000)]: 1 }] }));
    assert.equal(status, 400);
    assert.ok(json.error.length <= 501, `error is ${json.error.length} characters`);
  });

  test('413 for a body over the limit, announced or chunked', async () => {
    assert.equal(await sendLarge(10 * 1024 * 1024, { chunked: false }), 413);
    assert.equal(await sendLarge(10 * 1024 * 1024, { chunked: true }), 413);
    const expectContinue = await new Promise<number>((resolve, reject) => {
      const url = new URL(predictUrl());
      const req = request(
        { host: url.hostname, port: url.port, path: url.pathname, method: 'POST', headers: { 'content-length': 1e7, expect: '100-continue' } },
        (res) => {
          res.resume();
          resolve(res.statusCode!);
        },
      );
      req.on('continue', () => reject(new Error('server asked for a body it will refuse')));
      req.on('error', reject);
      req.flushHeaders();
    });
    assert.equal(expectContinue, 413);
  });

  test('404 for unknown routes, models, versions and verbs; 405 for wrong methods', async () => {
    const cases: [string, string, number, RegExp][] = [
      ['GET', '/nope', 404, /no route for \/nope/],
      ['POST', '/v1/models/other:predict', 404, /model "other" is not served here; this server serves "cancer"/],
      ['GET', '/v1/models/other', 404, /model "other" is not served here/],
      ['GET', `/v1/models/${NAME}/versions/7`, 404, /no version "7"; the served version is "abcdef012345"/],
      ['POST', `/v1/models/${NAME}:classify`, 404, /unknown method ":classify"/],
      ['GET', `/v1/models/${NAME}/%E0%A4%A`, 404, /no route/],
      ['GET', `/v1/models/%E0%A4%A:predict`, 404, /malformed percent-encoding/],
      ['GET', `/v1/models/${NAME}:predict`, 405, /use POST for :predict, not GET/],
      ['POST', '/healthz', 405, /use GET/],
      ['DELETE', `/v1/models/${NAME}`, 405, /use GET for this route, not DELETE/],
    ];
    for (const [method, path, code, message] of cases) {
      const res = await fetch(`${server.url}${path}`, { method, body: method === 'POST' ? '{}' : undefined });
      assert.equal(res.status, code, `${method} ${path}`);
      assert.match(((await res.json()) as any).error, message, `${method} ${path}`);
      if (code === 405) assert.ok(res.headers.get('allow'), 'a 405 says which methods are allowed');
    }
  });

  test('malformed HTTP gets a 400 and the server keeps serving', async () => {
    assert.match(await rawHttp('THIS IS NOT HTTP\r\n\r\n'), /^HTTP\/1\.1 400 Bad Request/);
    assert.equal((await fetch(`${server.url}/healthz`)).status, 200);
  });

  test('/metrics counts requests, errors, latency and batch sizes', async () => {
    const before = parseExposition(await (await fetch(`${server.url}/metrics`)).text());
    await post(predictUrl(), JSON.stringify({ instances: [instance, instance, instance] }));
    await post(predictUrl(), JSON.stringify({ instances: [instance] }));
    await post(predictUrl(), 'garbage');
    await fetch(`${server.url}/nope`);
    const res = await fetch(`${server.url}/metrics`);
    assert.equal(res.headers.get('content-type'), 'text/plain; version=0.0.4; charset=utf-8');
    const now = parseExposition(await res.text());
    const delta = (key: string) => (now.get(key) ?? 0) - (before.get(key) ?? 0);
    assert.equal(delta('model_ci_requests_total{route="predict",code="200"}'), 2);
    assert.equal(delta('model_ci_requests_total{route="predict",code="400"}'), 1);
    assert.equal(delta('model_ci_requests_total{route="unknown",code="404"}'), 1);
    assert.equal(delta('model_ci_request_errors_total{route="predict",reason="not_json"}'), 1);
    assert.equal(delta('model_ci_request_errors_total{route="unknown",reason="not_found"}'), 1);
    assert.equal(delta('model_ci_batch_size_count'), 2);
    assert.equal(delta('model_ci_batch_size_sum'), 4);
    assert.equal(delta('model_ci_batch_size_bucket{le="2"}'), 1);
    assert.equal(delta('model_ci_batch_size_bucket{le="4"}'), 2);
    assert.equal(delta('model_ci_request_duration_seconds_count{route="predict"}'), 3);
    assert.ok(delta('model_ci_request_duration_seconds_sum{route="predict"}') > 0);
    assert.equal(delta('model_ci_request_duration_seconds_bucket{route="predict",le="+Inf"}'), 3);
    assert.equal(
      now.get(
        `model_ci_model_info{name="${NAME}",version="abcdef012345",task="binary-classification",backend="cpu",commit="${tiny.run!.commit}",model_ci_version="0.1.0"}`,
      ),
      1,
    );
    assert.ok(now.get('process_resident_memory_bytes')! > 0);
    // Every line of the exposition is a comment or `series value`.
    assert.ok(now.size > 40);
  });

  test('garbage never produced a 500 or a logged server error', async () => {
    const metrics = parseExposition(await (await fetch(`${server.url}/metrics`)).text());
    assert.equal([...metrics.keys()].filter((k) => k.includes('code="500"')).length, 0);
    assert.deepEqual(
      logged.filter((e) => e.event === 'error'),
      [],
    );
  });
});

/** Parses Prometheus text exposition into `series → value`, failing on any malformed line. */
function parseExposition(text: string): Map<string, number> {
  const series = new Map<string, number>();
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('# HELP ') || line.startsWith('# TYPE ')) continue;
    const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*(?:\{(?:[a-zA-Z_][a-zA-Z0-9_]*="(?:[^"\\]|\\.)*",?)*\})?) (\S+)$/.exec(line);
    assert.ok(match, `malformed exposition line: ${line}`);
    const value = match[2] === '+Inf' ? Infinity : Number(match[2]);
    assert.ok(!Number.isNaN(value), `bad value in ${line}`);
    series.set(match[1], value);
  }
  return series;
}
