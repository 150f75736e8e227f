/** The dense plan read from a model's files (no TF.js) computes what TF.js computes, for every activation it takes. */
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import * as tf from '@tensorflow/tfjs';
import { densePlanFromFiles } from '../../src/model/dense-plan.ts';
import { readModelFiles } from '../../src/model/model-files.ts';
import { loadBatchModel } from '../../src/model/predictor.ts';
import { writeTinyModel, type TinyVariant } from '../support/tiny-model.ts';

const root = await mkdtemp(join(tmpdir(), 'model-ci-dense-plan-'));
after(() => rm(root, { recursive: true, force: true }));

const cases: [TinyVariant, 'relu' | 'tanh' | 'sigmoid' | 'linear' | 'elu' | 'selu'][] = [
  ['binary', 'relu'],
  ['binary', 'tanh'],
  ['multiclass', 'sigmoid'],
  ['multiclass', 'elu'],
  ['regression', 'selu'],
  ['regression', 'linear'],
];

for (const [variant, activation] of cases) {
  test(`${variant} with ${activation}: the plan from model.json + weights.bin equals TF.js's predictions`, async () => {
    const tiny = await writeTinyModel(join(root, `${variant}-${activation}`), variant, { hiddenUnits: [7, 5], activation, seed: 5 });
    const files = await readModelFiles(tiny.dir);
    const plan = densePlanFromFiles(files.modelTopology, files.weightSpecs, files.weightData);
    assert.ok(plan, 'a Dense chain has a plan');
    const rows = 64;
    const input = Float32Array.from({ length: rows * plan.inputSize }, (_, k) => 3 * Math.sin(k * 1.7 + 0.3));
    const expected = (tiny.model.predict(tf.tensor2d(input, [rows, plan.inputSize])) as tf.Tensor).dataSync();
    const actual = plan.run(input, rows);
    assert.equal(actual.length, expected.length);
    for (let k = 0; k < actual.length; k++)
      assert.ok(Math.abs(actual[k] - expected[k]) <= 1e-5 * Math.max(1, Math.abs(expected[k])), `output ${k}: ${actual[k]} vs ${expected[k]}`);
    // Rows are computed alone: the same row in a batch of one gives the same bits.
    assert.deepEqual(
      [...plan.run(input.subarray(plan.inputSize * 5, plan.inputSize * 6), 1)],
      [...actual.subarray(plan.outputWidth * 5, plan.outputWidth * 6)],
    );
  });
}

test('anything but a plain Dense chain gets no plan and goes to TF.js', async () => {
  const tiny = await writeTinyModel(join(root, 'other'), 'binary', { hiddenUnits: [4] });
  const files = await readModelFiles(tiny.dir);
  const topology = files.modelTopology as { config: { layers: { class_name: string; config: Record<string, unknown> }[] } };
  const edited = (edit: (layers: { class_name: string; config: Record<string, unknown> }[]) => void) => {
    const copy = structuredClone(topology);
    edit(copy.config.layers);
    return densePlanFromFiles(copy, files.weightSpecs, files.weightData);
  };
  assert.ok(edited(() => {}));
  assert.equal(
    edited((layers) => void (layers[0].class_name = 'BatchNormalization')),
    undefined,
  );
  assert.equal(
    edited((layers) => void (layers[0].config.activation = 'gelu')),
    undefined,
  );
  assert.equal(
    edited((layers) => void (layers[0].config.activation = 'toString')),
    undefined,
  );
  assert.equal(densePlanFromFiles(topology, files.weightSpecs.slice(0, 3), files.weightData), undefined, 'a weight left over or missing');
  assert.equal(densePlanFromFiles({ ...topology, class_name: 'Model' }, files.weightSpecs, files.weightData), undefined);

  // Through loadBatchModel, such a model still predicts (in TF.js).
  const model = JSON.parse(
    JSON.stringify({ format: 'layers-model', modelTopology: topology, weightsManifest: [{ paths: ['weights.bin'], weights: files.weightSpecs }] }),
  );
  model.modelTopology.config.layers.splice(1, 0, { class_name: 'Activation', config: { activation: 'tanh', name: 'extra', trainable: true } });
  await writeFile(join(tiny.dir, 'model.json'), JSON.stringify(model));
  const batch = await loadBatchModel(tiny.dir, { backend: 'cpu' });
  const out = batch.forward(new Float32Array(tiny.preprocessing.inputSize * 2), 2);
  assert.equal(out.length, 2);
  assert.ok(out.every((p) => p > 0 && p < 1));
  batch.dispose();
});
