/**
 * The server counts inputs into the training drift bins and exports them on /metrics: a real server
 * on a model trained for real (tests/support/trained-model.ts) and one on a preprocessing.json
 * written before drift bins.
 */
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { numericBin } from '../../src/data/drift-bins.ts';
import type { NumericFeature } from '../../src/data/preprocessing.ts';
import { createModelServer, type ModelServer } from '../../src/serve/server.ts';
import type { TrainRun } from '../../src/train/pipeline.ts';
import { writeTinyModel } from '../support/tiny-model.ts';
import { HOSTILE_CATEGORY, HOSTILE_FEATURE, trainSyntheticModel } from '../support/trained-model.ts';

let root: string;
let run: TrainRun;
let server: ModelServer;

before(async () => {
  root = await mkdtemp(join(tmpdir(), 'model-ci-drift-counters-'));
  run = await trainSyntheticModel(join(root, 'trained'), 'synthetic');
  server = await createModelServer({ model: run.out, port: 0, backend: 'cpu' });
  await server.ready;
});
after(async () => {
  await server.close();
  await rm(root, { recursive: true, force: true });
});

async function predict(instances: unknown[]): Promise<number> {
  const res = await fetch(`${server.url}/v1/models/synthetic:predict`, { method: 'POST', body: JSON.stringify({ instances }) });
  await res.arrayBuffer();
  return res.status;
}

/** Samples of /metrics whose name is `name`, as `labels → value`. */
async function samples(url: string, name: string): Promise<Map<string, number>> {
  const text = await (await fetch(`${url}/metrics`)).text();
  const found = new Map<string, number>();
  for (const line of text.split('\n')) {
    const match = /^(\w+)(\{.*\})? (\S+)$/.exec(line);
    if (match && match[1] === name) found.set(match[2] ?? '', Number(match[3]));
  }
  return found;
}

describe('drift counters on /metrics', () => {
  test('count inputs per training bin, out-of-range numbers, unseen categories and predictions per class', async () => {
    const age = run.preprocessing.features[0] as NumericFeature;
    const before = await samples(server.url, 'model_ci_feature_inputs_total');
    assert.equal(before.get('{feature="age",bin="0"}'), 0);
    assert.equal((await samples(server.url, 'model_ci_drift_bins_available')).get(''), 1);

    assert.equal(await predict([[25, 2000, 0.1, 'oslo'], { age: 200, income: 2000, [HOSTILE_FEATURE]: 0.1, city: HOSTILE_CATEGORY }]), 200);
    // An array row and an object row; 200 is above the training maximum (70).
    const inputs = await samples(server.url, 'model_ci_feature_inputs_total');
    const ageBin = (v: number) => `{feature="age",bin="${numericBin(age.drift!.edges!, v)}"}`;
    assert.equal(inputs.get(ageBin(25)), 1);
    assert.equal(inputs.get(ageBin(200)), 1);
    assert.equal(
      inputs.get(`{feature="city",bin="${run.preprocessing.features[3].kind === 'categorical' && run.preprocessing.features[3].categories.indexOf('oslo')}"}`),
      1,
    );
    assert.equal(
      [...inputs.values()].reduce((a, b) => a + b, 0),
      8,
      'two rows of four features',
    );
    const outside = await samples(server.url, 'model_ci_feature_out_of_range_total');
    assert.equal(outside.get('{feature="age",side="above"}'), 1);
    assert.equal(outside.get('{feature="age",side="below"}'), 0);

    const predictions = await samples(server.url, 'model_ci_predictions_total');
    assert.equal(
      [...predictions.values()].reduce((a, b) => a + b, 0),
      2,
    );
    assert.deepEqual([...predictions.keys()], ['{bin="0",class="no"}', '{bin="1",class="yes"}']);
    const reference = await samples(server.url, 'model_ci_feature_reference_share');
    assert.equal(reference.get('{feature="city",bin="0"}'), (run.preprocessing.features[3] as { drift: { shares: number[] } }).drift.shares[0]);
  });

  test('unseen categories are counted; label values never come from a request', async () => {
    // An unseen category is refused with a 400, which has series of its own (status and reason, from a
    // fixed set): one refused request first, so that what follows can add no series at all.
    await predict([[30, 2000, 0.2, 'gotham']]);
    const before = await samples(server.url, 'model_ci_feature_unseen_category_total');
    const seriesBefore = (await (await fetch(`${server.url}/metrics`)).text()).split('\n').length;
    await predict([
      [30, 2000, 0.2, 'atlantis-{"} '],
      [30, 2000, 0.2, 'paris'],
    ]);
    const unseen = await samples(server.url, 'model_ci_feature_unseen_category_total');
    assert.equal(unseen.get('{feature="city"}')! - before.get('{feature="city"}')!, 2);
    const text = await (await fetch(`${server.url}/metrics`)).text();
    assert.ok(!text.includes('atlantis') && !text.includes('paris') && !text.includes('gotham'));
    assert.equal(text.split('\n').length, seriesBefore, 'no new series');
    // The hostile feature name is a label value, escaped as Prometheus requires.
    assert.match(text, /model_ci_feature_inputs_total\{feature="<img src=x onerror=alert\(1\)>",bin="0"\}/);
  });

  test('a model whose preprocessing.json predates drift bins serves, and says it cannot compute drift', async () => {
    const tiny = await writeTinyModel(join(root, 'old'), 'binary', { withRun: true });
    const old = await createModelServer({ model: tiny.dir, port: 0, backend: 'cpu' });
    try {
      await old.ready;
      assert.equal((await samples(old.url, 'model_ci_drift_bins_available')).get(''), 0);
      assert.equal((await samples(old.url, 'model_ci_feature_inputs_total')).size, 0);
      const res = await fetch(`${old.url}/v1/models/${old.name}:predict`, { method: 'POST', body: JSON.stringify({ instances: [[14, 19, 'east', 800]] }) });
      assert.equal(res.status, 200);
    } finally {
      await old.close();
    }
  });
});
