/**
 * KServe V1 and the Open Inference Protocol (v2) on the model server. Every v2 exchange goes through
 * OipClient, which validates request and response against the protocol's own OpenAPI description.
 */
import assert from 'node:assert/strict';
import { mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { loadModel, type LoadedModel } from '../../src/model/predictor.ts';
import { createModelServer, type ModelServer } from '../../src/serve/server.ts';
import { OipClient, type OipTensor } from '../support/oip-client.ts';
import { OipContract } from '../support/oip-contract.ts';
import { writeTinyModel, type TinyModel } from '../support/tiny-model.ts';

let root: string;
const servers: Record<'binary' | 'multiclass' | 'regression', { server: ModelServer; tiny: TinyModel; oip: OipClient }> = {} as never;
const NAMES = { binary: 'cancer', multiclass: 'iris', regression: 'houses' } as const;

before(async () => {
  root = await mkdtemp(join(tmpdir(), 'model-ci-oip-'));
  for (const variant of ['binary', 'multiclass', 'regression'] as const) {
    const tiny = await writeTinyModel(join(root, variant), variant, { withRun: true, hiddenUnits: [6] });
    const server = await createModelServer({ model: tiny.dir, name: NAMES[variant], port: 0, backend: 'cpu', maxBatch: 8 });
    await server.ready;
    servers[variant] = { server, tiny, oip: new OipClient(server.url) };
  }
});
after(async () => {
  await Promise.all(Object.values(servers).map(({ server }) => server.close()));
  await rm(root, { recursive: true, force: true });
});

async function v1Predict(url: string, name: string, instances: unknown[]): Promise<any[]> {
  const res = await fetch(`${url}/v1/models/${name}:predict`, { method: 'POST', body: JSON.stringify({ instances }) });
  assert.equal(res.status, 200);
  return ((await res.json()) as { predictions: any[] }).predictions;
}

const cancerRows = [
  [14.2, 20.1, 'east', 820],
  [19.9, 25, 'west', 1500],
  [8, 10, 'north', 200],
];
/** The rows above as one tensor per feature, the way KServe's tabular clients send a DataFrame. */
const cancerTensors: OipTensor[] = [
  { name: 'mean_radius', datatype: 'FP32', shape: [3], data: [14.2, 19.9, 8] },
  { name: 'mean_texture', datatype: 'FP64', shape: [3, 1], data: [[20.1], [25], [10]] },
  { name: 'clinic', datatype: 'BYTES', shape: [3], data: ['east', 'west', 'north'] },
  { name: 'worst_area', datatype: 'INT32', shape: [3], data: [820, 1500, 200] },
];

describe('the Open Inference Protocol description used by the tests', () => {
  test('has teeth: it refuses a malformed request and responses the protocol does not allow', () => {
    const contract = new OipContract();
    const path = '/v2/models/m/infer';
    assert.deepEqual(contract.checkRequest('POST', path, { inputs: cancerTensors }), []);
    assert.ok(contract.checkRequest('POST', path, { inputs: [{ name: 'x', datatype: 'FP32', shape: [1] }] }).some((p) => /data/.test(p)));
    assert.ok(contract.checkRequest('POST', path, { inputs: [{ name: 'x', datatype: 'FP32', shape: ['1'], data: [1] }] }).length > 0);
    const good = { model_name: 'm', outputs: [{ name: 'predictions', datatype: 'BYTES', shape: [1], data: ['a'] }] };
    assert.deepEqual(contract.checkResponse('POST', path, 200, 'application/json', good), []);
    assert.ok(contract.checkResponse('POST', path, 200, 'application/json', { outputs: good.outputs }).some((p) => /model_name/.test(p)));
    assert.ok(contract.checkResponse('POST', path, 200, 'application/json', { model_name: 'm', outputs: [{ name: 'p', data: [1] }] }).length > 0);
    assert.ok(contract.checkResponse('POST', path, 404, 'application/json', { message: 'nope' }).some((p) => /error/.test(p)));
    assert.ok(contract.checkResponse('GET', '/v2', 200, 'application/json', { name: 'x', version: '1' }).some((p) => /extensions/.test(p)));
    assert.ok(contract.checkResponse('GET', '/v2/models/m', 200, 'application/json', { name: 'm' }).some((p) => /platform/.test(p)));
  });
});

describe('KServe V1 beside TF Serving', () => {
  test('the status carries name and ready, and /v1/models lists the model', async () => {
    const { server } = servers.binary;
    const status: any = await (await fetch(`${server.url}/v1/models/cancer`)).json();
    assert.equal(status.name, 'cancer');
    assert.equal(status.ready, true);
    assert.equal(status.model_version_status[0].state, 'AVAILABLE');
    const list = await fetch(`${server.url}/v1/models`);
    assert.equal(list.status, 200);
    assert.deepEqual(await list.json(), { models: ['cancer'] });
  });

  test('while the model loads: V1 says ready false (200, TF Serving state LOADING), v2 readiness is 503, liveness 200', async () => {
    const model = await loadModel(servers.multiclass.tiny.dir, { backend: 'cpu' });
    let finish!: (model: LoadedModel) => void;
    const server = await createModelServer({ model: new Promise<LoadedModel>((resolve) => (finish = resolve)), name: 'iris', port: 0 });
    try {
      const status: any = await (await fetch(`${server.url}/v1/models/iris`)).json();
      assert.equal(status.name, 'iris');
      assert.equal(status.ready, false);
      assert.equal(status.model_version_status[0].state, 'LOADING');
      const oip = new OipClient(server.url);
      assert.equal((await oip.live()).status, 200);
      const ready = await oip.ready();
      assert.equal(ready.status, 503);
      assert.match(ready.body.error, /not ready \(loading\)/);
      assert.equal((await oip.modelReady('iris')).status, 503);
      const infer = await oip.infer('iris', { inputs: [{ name: 'input-0', datatype: 'FP32', shape: [1, 4], data: [1, 2, 3, 4] }] });
      assert.equal(infer.status, 503);
      assert.match(infer.body.error, /model is loading/);
      finish(model);
      await server.ready;
      assert.deepEqual((await oip.ready()).body, { ready: true });
      assert.equal(((await (await fetch(`${server.url}/v1/models/iris`)).json()) as any).ready, true);
    } finally {
      // close() waits for the load: end it even when an assertion failed first.
      finish(model);
      await server.close();
    }
  });
});

describe('Open Inference Protocol v2', () => {
  test('health, server metadata, model metadata and model readiness, with and without the version', async () => {
    const { oip, server } = servers.binary;
    const exchanges = oip.exchanges.length;
    assert.deepEqual((await oip.live()).body, { live: true });
    assert.deepEqual((await oip.ready()).body, { ready: true });
    const meta = await oip.server();
    assert.equal(meta.body.name, 'model-ci');
    assert.deepEqual(meta.body.extensions, []);
    assert.deepEqual((await oip.call('GET', '/v2/')).body, meta.body);
    for (const version of [undefined, 'abcdef012345']) {
      const model = await oip.model('cancer', version);
      assert.equal(model.status, 200);
      assert.equal(model.body.name, 'cancer');
      assert.deepEqual(model.body.versions, ['abcdef012345']);
      assert.deepEqual(model.body.inputs, [
        { name: 'mean_radius', datatype: 'FP32', shape: [-1] },
        { name: 'mean_texture', datatype: 'FP32', shape: [-1] },
        { name: 'clinic', datatype: 'BYTES', shape: [-1] },
        { name: 'worst_area', datatype: 'FP32', shape: [-1] },
      ]);
      assert.deepEqual(model.body.outputs, [
        { name: 'predictions', datatype: 'BYTES', shape: [-1] },
        { name: 'probabilities', datatype: 'FP32', shape: [-1, 2] },
      ]);
      assert.deepEqual((await oip.modelReady('cancer', version)).body, { name: 'cancer', ready: true });
    }
    // Every exchange above went through the contract.
    assert.equal(oip.exchanges.length - exchanges, 8);
    assert.equal(server.name, 'cancer');
  });

  test('infer with one tensor per feature answers what v1 :predict answers for the same rows', async () => {
    const { oip, server } = servers.binary;
    const v1 = await v1Predict(server.url, 'cancer', cancerRows);
    const v2 = await oip.infer('cancer', { id: 'req-7', parameters: { content_type: 'pd' }, inputs: cancerTensors });
    assert.equal(v2.status, 200);
    assert.equal(v2.body.model_name, 'cancer');
    assert.equal(v2.body.model_version, 'abcdef012345');
    assert.equal(v2.body.id, 'req-7');
    assert.deepEqual(v2.body.outputs, [
      { name: 'predictions', datatype: 'BYTES', shape: [3], data: v1.map((p) => p.label) },
      { name: 'probabilities', datatype: 'FP32', shape: [3, 2], data: v1.flatMap((p) => p.probabilities) },
    ]);
    // The rows really differ, so equal answers mean the same rows went through the same model.
    assert.notDeepEqual(v1[0].probabilities, v1[2].probabilities);
    // Versioned path, and only the output asked for.
    const picked = await oip.infer('cancer', { inputs: cancerTensors, outputs: [{ name: 'probabilities' }] }, { version: 'abcdef012345' });
    assert.deepEqual(
      picked.body.outputs.map((o: { name: string }) => o.name),
      ['probabilities'],
    );
    assert.deepEqual(picked.body.outputs[0].data, v2.body.outputs[1].data);
    assert.equal(picked.body.id, undefined);
  });

  test('infer with one [rows, features] tensor (all-numeric model), flat or nested, answers what v1 answers', async () => {
    const { oip, server } = servers.multiclass;
    const rows = [
      [5.1, 3.5, 1.4, 0.2],
      [6.7, 3.0, 5.2, 2.3],
    ];
    const v1 = await v1Predict(server.url, 'iris', rows);
    for (const data of [rows.flat(), rows]) {
      const v2 = await oip.infer('iris', { inputs: [{ name: 'input-0', datatype: 'FP32', shape: [2, 4], data }] });
      assert.equal(v2.status, 200);
      assert.deepEqual(v2.body.outputs[0], { name: 'predictions', datatype: 'BYTES', shape: [2], data: v1.map((p) => p.label) });
      assert.deepEqual(v2.body.outputs[1], { name: 'probabilities', datatype: 'FP32', shape: [2, 3], data: v1.flatMap((p) => p.probabilities) });
    }
  });

  test('a regressor answers FP64 predictions in the target units, equal to v1', async () => {
    const { oip, server } = servers.regression;
    const v1 = await v1Predict(server.url, 'houses', [
      [6.5, 'b', 40],
      [4.1, 'a', 98],
    ]);
    const v2 = await oip.infer('houses', {
      inputs: [
        { name: 'rooms', datatype: 'FP32', shape: [2], data: [6.5, 4.1] },
        { name: 'zone', datatype: 'BYTES', shape: [2], data: ['b', 'a'] },
        { name: 'age', datatype: 'UINT8', shape: [2], data: [40, 98] },
      ],
    });
    assert.deepEqual(v2.body.outputs, [{ name: 'predictions', datatype: 'FP64', shape: [2], data: v1 }]);
    assert.notEqual(v1[0], v1[1]);
  });

  test('malformed tensors get a 400 {"error"} that says what is wrong', async () => {
    const { oip } = servers.binary;
    const replace = (name: string, over: Partial<OipTensor>) => cancerTensors.map((t) => (t.name === name ? { ...t, ...over } : t));
    const cases: [string, unknown, RegExp, boolean?][] = [
      [
        'unknown datatype',
        { inputs: replace('mean_radius', { datatype: 'FLOAT' }) },
        /^inputs\[0\] \("mean_radius"\): "datatype" must be one of the protocol's types \(BOOL, INT8, .*BYTES\), got "FLOAT"$/,
      ],
      [
        'numeric feature sent as BYTES',
        { inputs: replace('mean_radius', { datatype: 'BYTES', data: ['1', '2', '3'] }) },
        /^inputs\[0\] \("mean_radius"\): feature "mean_radius" is numeric: send it as FP32, FP64, FP16 or an integer type, got BYTES$/,
      ],
      [
        'categorical feature sent as numbers',
        { inputs: replace('clinic', { datatype: 'INT32', data: [1, 2, 3] }) },
        /^inputs\[2\] \("clinic"\): feature "clinic" is categorical: send it as BYTES \(strings\), got INT32$/,
      ],
      [
        'shape that does not match the data',
        { inputs: replace('worst_area', { shape: [4] }) },
        /^inputs\[3\] \("worst_area"\): shape \[4\] holds 4 elements but "data" has 3$/,
      ],
      [
        'rows that differ between inputs',
        { inputs: replace('worst_area', { shape: [2], data: [1, 2] }) },
        /^inputs\[3\] \("worst_area"\) has 2 rows but inputs\[0\] \("mean_radius"\) has 3; every input needs one value per row$/,
      ],
      [
        'integer type holding a fraction',
        { inputs: replace('worst_area', { data: [1, 2.5, 3] }) },
        /^inputs\[3\] \("worst_area"\): INT32 data\[1\] must be an integer from -2147483648 to 2147483647, got 2\.5$/,
      ],
      [
        'a string in a float tensor',
        { inputs: replace('mean_radius', { data: [1, 'x', 3] }) },
        /^inputs\[0\] \("mean_radius"\): FP32 data\[1\] must be a number, got "x"$/,
      ],
      ['missing input', { inputs: cancerTensors.slice(0, 3) }, /^missing input worst_area: every feature needs a tensor$/],
      [
        'unknown input name',
        { inputs: [...cancerTensors, { name: 'area', datatype: 'FP32', shape: [3], data: [1, 2, 3] }] },
        /^inputs\[4\] \("area"\): unknown input "area"; inputs are one tensor per feature, named mean_radius, mean_texture, clinic, worst_area$/,
      ],
      ['input given twice', { inputs: [...cancerTensors, cancerTensors[0]] }, /^inputs\[4\] \("mean_radius"\): input "mean_radius" is given twice$/],
      [
        'a matrix for a model with categorical features',
        { inputs: [{ name: 'input-0', datatype: 'FP32', shape: [1, 4], data: [1, 2, 3, 4] }] },
        /^unknown input "input-0": this model has categorical features \(clinic\), so it takes one tensor per feature/,
      ],
      [
        'too many rows',
        { inputs: cancerTensors.map((t) => ({ ...t, shape: [9], data: Array(9).fill(t.datatype === 'BYTES' ? 'east' : 1) })) },
        /has 9 rows, more than the limit of 8 per request; split the batch$/,
      ],
      [
        'unknown output',
        { inputs: cancerTensors, outputs: [{ name: 'logits' }] },
        /^outputs\[0\]: unknown output "logits"; this model's outputs are predictions, probabilities$/,
      ],
      [
        'data nested deeper than the shape',
        { inputs: replace('mean_radius', { data: [[[1]], [[2]], [[3]]] }) },
        /^inputs\[0\] \("mean_radius"\): "data" is nested deeper than its shape has dimensions$/,
      ],
      ['a typo in a top-level key', { input: cancerTensors }, /^unknown key "input"; an inference request has id, parameters, inputs, outputs$/, true],
      [
        'a tensor without data',
        { inputs: [{ name: 'mean_radius', datatype: 'FP32', shape: [1] }] },
        /^inputs\[0\] \("mean_radius"\): "data" must be an array/,
        true,
      ],
      ['not JSON', '{"inputs": [', /^request body is not JSON/, true],
      [
        'a hostile name is escaped and cut short',
        { inputs: [...cancerTensors.slice(0, 3), { ...cancerTensors[3], name: `\u202e${'n'.repeat(5000)}` }] },
        /^inputs\[3\] \("\\u202en{38}…"\): unknown input "\\u202en{38}…"/,
      ],
    ];
    for (const [what, body, message, invalidRequest] of cases) {
      const res = await oip.infer('cancer', body, { invalidRequest });
      assert.equal(res.status, 400, what);
      assert.match(res.body.error, message, what);
    }
  });

  test('an unseen category is a 400 naming the feature, the value and the known categories (v2 and v1)', async () => {
    const { oip, server } = servers.binary;
    const res = await oip.infer('cancer', { inputs: cancerTensors.map((t) => (t.name === 'clinic' ? { ...t, data: ['east', 'south', 'north'] } : t)) });
    assert.equal(res.status, 400);
    assert.equal(
      res.body.error,
      'rows[1].clinic: category "south" of feature "clinic" was not seen in training, so the model cannot predict it; known categories (3): "east", "north", "west"',
    );
    const v1 = await fetch(`${server.url}/v1/models/cancer:predict`, { method: 'POST', body: JSON.stringify({ instances: [[1, 2, 'south', 3]] }) });
    assert.equal(v1.status, 400);
    assert.match(((await v1.json()) as any).error, /^instances\[0\]\.clinic: category "south" of feature "clinic" was not seen in training/);
  });

  test('wrong model name or version is a 404, a wrong method a 405, each in the protocol error shape', async () => {
    const { oip } = servers.binary;
    const cases: [() => ReturnType<OipClient['call']>, number, RegExp][] = [
      [() => oip.model('other'), 404, /^model "other" is not served here; this server serves "cancer"$/],
      [() => oip.modelReady('cancer', '7'), 404, /^model "cancer" has no version "7"; the served version is "abcdef012345"$/],
      [() => oip.infer('other', { inputs: cancerTensors }), 404, /model "other" is not served here/],
      [() => oip.infer('cancer', { inputs: cancerTensors }, { version: '2' }), 404, /has no version "2"/],
      [() => oip.call('GET', '/v2/models/cancer/infer'), 405, /^use POST for \/infer, not GET$/],
    ];
    for (const [call, status, message] of cases) {
      const res = await call();
      assert.equal(res.status, status);
      assert.match(res.body.error, message);
    }
    const unknown = await fetch(`${servers.binary.server.url}/v2/models/cancer/explain`);
    assert.equal(unknown.status, 404);
    assert.match(((await unknown.json()) as any).error, /^no route for \/v2\/models\/cancer\/explain; try POST \/v2\/models\/<name>\/infer$/);
  });

  test('/metrics counts v2 inference by its own route label', async () => {
    const { oip, server } = servers.binary;
    const count = async () => {
      const text = await (await fetch(`${server.url}/metrics`)).text();
      return Number(/^model_ci_requests_total\{route="v2_infer",code="200"\} (\d+)$/m.exec(text)?.[1] ?? 0);
    };
    const before = await count();
    await oip.infer('cancer', { inputs: cancerTensors });
    assert.equal(await count(), before + 1);
  });
});

describe('model card', () => {
  test('GET /v1/models/<name>/card serves card.md as markdown; without one, a 404 that says so', async () => {
    const { server, tiny } = servers.regression;
    const missing = await fetch(`${server.url}/v1/models/houses/card`);
    assert.equal(missing.status, 404);
    assert.equal(missing.headers.get('content-type'), 'application/json');
    assert.deepEqual(await missing.json(), { error: 'model "houses" has no model card: its folder holds no card.md' });

    const card = '---\nmodel-index:\n- name: houses\n---\n# houses\n\nRMSE 0.3 ± 0.1\n';
    await writeFile(join(tiny.dir, 'card.md'), card);
    const res = await fetch(`${server.url}/v1/models/houses/card`);
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'text/markdown; charset=utf-8');
    assert.equal(await res.text(), card);
    assert.equal((await fetch(`${server.url}/v1/models/other/card`)).status, 404);
    assert.equal((await fetch(`${server.url}/v1/models/houses/card`, { method: 'POST' })).status, 405);
  });

  test('a card.md that is a symlink is not followed out of the model folder', async () => {
    const { tiny } = servers.binary;
    await writeFile(join(root, 'secret.txt'), 'not for clients');
    await symlink(join(root, 'secret.txt'), join(tiny.dir, 'card.md'));
    const res = await fetch(`${servers.binary.server.url}/v1/models/cancer/card`);
    assert.equal(res.status, 500);
    assert.doesNotMatch(await res.text(), /not for clients/);
  });
});
