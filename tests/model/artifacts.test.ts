import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Params } from '../../src/domain/config.ts';
import type { Preprocessing } from '../../src/data/preprocessing.ts';
import { loadModel } from '../../src/model/predictor.ts';
import { hashModel, saveModel, writeJsonArtifact } from '../../src/model/artifacts.ts';
import { loadEngine, type TF } from '../../src/model/engine.ts';
import { buildModel } from '../../src/train/model.ts';
import { ARTIFACT_FILES } from '../../src/domain/run-artifacts.ts';

let tf: TF;
let dir: string;
const params: Params = {
  model: { hiddenUnits: [6], activation: 'relu', dropout: 0.1 },
  train: { epochs: 1, batchSize: 4, learningRate: 0.01, optimizer: 'adam', seed: 3, validationSplit: 0 },
  flat: {},
};
const preprocessing: Preprocessing = {
  version: 1,
  task: 'multiclass-classification',
  target: 'species',
  features: [
    { name: 'a', kind: 'numeric', mean: 1, std: 2 },
    { name: 'b', kind: 'numeric', mean: 0, std: 1 },
  ],
  inputSize: 2,
  classes: ['x', 'y', 'z'],
};

before(async () => {
  tf = (await loadEngine('cpu')).tf;
  dir = await mkdtemp(join(tmpdir(), 'artifacts-'));
});
after(() => rm(dir, { recursive: true, force: true }));

test('saves the standard layers format and loads it back with the same predictions', async () => {
  const model = buildModel(tf, { inputSize: 2, outputSize: 3, task: 'multiclass-classification' }, params);
  const out = join(dir, 'model');
  const saved = await saveModel(tf, model, out);
  await writeJsonArtifact(out, ARTIFACT_FILES.preprocessing, preprocessing);

  const json = JSON.parse(await readFile(join(out, 'model.json'), 'utf8'));
  assert.equal(json.format, 'layers-model');
  assert.equal(json.convertedBy, null);
  assert.match(json.generatedBy, /^TensorFlow\.js tfjs-layers v4\./);
  assert.equal(json.modelTopology.class_name, 'Sequential');
  assert.deepEqual(json.weightsManifest[0].paths, ['weights.bin']);
  assert.deepEqual(
    json.weightsManifest[0].weights.map((w: { name: string }) => w.name),
    ['hidden_1/kernel', 'hidden_1/bias', 'output/kernel', 'output/bias'],
  );
  const weights = await readFile(join(out, 'weights.bin'));
  assert.equal(weights.byteLength, (2 * 6 + 6 + 6 * 3 + 3) * 4);
  assert.deepEqual(new Uint8Array(saved.weights), new Uint8Array(weights));

  // The one loader (the server's) reads back what the trainer wrote.
  const loaded = await loadModel(out, { backend: 'cpu' });
  assert.deepEqual(loaded.preprocessing, preprocessing);
  assert.equal(loaded.run, undefined);
  const input = tf.tensor2d([
    [0.5, -1],
    [2, 3],
  ]);
  const expected = (model.predict(input) as import('@tensorflow/tfjs').Tensor).arraySync();
  const actual = (loaded.model.predict(input) as import('@tensorflow/tfjs').Tensor).arraySync();
  assert.deepEqual(actual, expected);
});

test('saving the same model twice writes the same bytes, so the model hash is stable', async () => {
  const build = () => buildModel(tf, { inputSize: 2, outputSize: 3, task: 'multiclass-classification' }, params);
  const a = await saveModel(tf, build(), join(dir, 'a'));
  const b = await saveModel(tf, build(), join(dir, 'b'));
  assert.equal(a.modelJson.toString(), b.modelJson.toString());
  const pre = JSON.stringify(preprocessing);
  assert.equal(hashModel({ ...a, preprocessing: pre }), hashModel({ ...b, preprocessing: pre }));
  assert.match(hashModel({ ...a, preprocessing: pre }), /^sha256:[0-9a-f]{64}$/);
  assert.notEqual(hashModel({ ...a, preprocessing: pre }), hashModel({ ...a, preprocessing: `${pre} ` }));
});
