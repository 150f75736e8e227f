/**
 * The dense engine end to end on the fixtures: what `auto` trains with, the same test metrics as
 * TensorFlow.js within float32 noise, byte-identical weights run after run (pinned to a recorded hash),
 * and a model.json + weights.bin that TensorFlow.js loads and evaluates to the same numbers.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { loadConfig, loadParams } from '../../../src/config/load.ts';
import { loadEngine } from '../../../src/model/engine.ts';
import { fitDense } from '../../../src/train/dense/fit.ts';
import { scalarKernels } from '../../../src/train/dense/kernels.ts';
import { buildModel, networkShape } from '../../../src/train/model.ts';
import { evaluateModel, prepareData, trainModel } from '../../../src/train/pipeline.ts';
import { plannedInputs } from '../../../src/train/planned-inputs.ts';
import { fitOnEngine } from '../../../src/train/trainer.ts';

const FIXTURES = join(import.meta.dirname, '..', '..', '..', 'fixtures');
const IRIS = join(FIXTURES, 'iris', 'model-ci.yml');
const CANCER = join(FIXTURES, 'breast-cancer', 'model-ci.yml');
/**
 * sha256 of fixtures/breast-cancer's weights.bin trained on the dense engine. Recorded with
 * `node dist/cli.js train --config fixtures/breast-cancer/model-ci.yml --out /tmp/o --backend dense && sha256sum /tmp/o/weights.bin`
 * (Node 24.x, x86-64). The matrix products are fixed-width SIMD in a fixed order (kernels.as.ts); the
 * element-wise math is V8's own (fdlibm-derived, not the C library's), so the hash should hold on any
 * machine with the same Node major version. If a deliberate change to the engine (or to the fixture's
 * split: re-recorded when data.split.method hash became the default) moves it, re-record it.
 */
const CANCER_WEIGHTS_SHA256 = 'f2133b86c2d9d2b9655c5ef0d917a749bc0d3c63283f4082f6f0af7ab5036c90';

let out: string;
before(async () => {
  out = await mkdtemp(join(tmpdir(), 'dense-fixtures-'));
});
after(() => rm(out, { recursive: true, force: true }));

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

test('auto trains on the dense engine, and the report and the inputs hash name it', async () => {
  const lines: string[] = [];
  const run = await trainModel(IRIS, { out: join(out, 'auto'), backend: 'auto', log: (l) => lines.push(l) });
  assert.equal(run.engine.backend, 'dense');
  assert.equal(run.manifest.backend, 'dense');
  assert.match(lines[0], /^backend: dense \(TensorFlow\.js (wasm|cpu|tensorflow|tensorflow-gpu) builds, saves and evaluates\)$/);
  assert.deepEqual(await plannedInputs(IRIS, 'auto'), { inputs: run.manifest.hashes.inputs, backend: 'dense' });
  assert.notEqual((await plannedInputs(IRIS, 'wasm')).inputs, run.manifest.hashes.inputs, 'the engine is part of the inputs');
});

for (const [name, config] of [
  ['iris', IRIS],
  ['breast-cancer', CANCER],
] as const) {
  test(`${name}: the dense engine reaches TF.js's test metrics, epochs and best epoch`, async () => {
    const dense = await trainModel(config, { out: join(out, `${name}-dense`), backend: 'dense' });
    const tfjs = await trainModel(config, { out: join(out, `${name}-wasm`), backend: 'wasm' });
    assert.equal(dense.history.epochs, tfjs.history.epochs);
    assert.equal(dense.history.bestEpoch, tfjs.history.bestEpoch);
    for (const [metric, value] of Object.entries(tfjs.metrics)) {
      assert.ok(Math.abs(dense.metrics[metric] - value) < 1e-5, `${metric}: dense ${dense.metrics[metric]}, TF.js ${value}`);
    }
    // TF.js loads the saved model and evaluates it to the numbers the run recorded.
    const evaluated = await evaluateModel(config, join(out, `${name}-dense`), { backend: 'dense' });
    assert.deepEqual(evaluated.metrics, dense.metrics);
    assert.deepEqual(evaluated.evaluation, dense.evaluation);
  });
}

test('breast-cancer on the dense engine: the same weights.bin every run, pinned to its recorded hash', async () => {
  await trainModel(CANCER, { out: join(out, 'c1'), backend: 'dense' });
  await trainModel(CANCER, { out: join(out, 'c2'), backend: 'dense' });
  const [a, b] = [await readFile(join(out, 'c1', 'weights.bin')), await readFile(join(out, 'c2', 'weights.bin'))];
  assert.deepEqual(a, b);
  assert.equal(sha256(a), CANCER_WEIGHTS_SHA256);
  assert.deepEqual(await readFile(join(out, 'c1', 'model.json')), await readFile(join(out, 'c2', 'model.json')));
});

test('breast-cancer: the scalar TypeScript kernels train the same bits as the WebAssembly ones', async () => {
  const config = await loadConfig(CANCER);
  const params = await loadParams(config.params);
  const { preprocessing, trainData } = await prepareData(config);
  const { tf } = await loadEngine('cpu');
  const model = buildModel(tf, networkShape(preprocessing), params);
  await fitDense(tf, model, trainData, params, { kernels: scalarKernels() });
  const bytes = Buffer.concat(model.getWeights().map((w) => Buffer.from((w.dataSync() as Float32Array).buffer)));
  model.dispose();
  assert.equal(sha256(bytes), CANCER_WEIGHTS_SHA256);
});

test('a model the dense engine does not cover trains on TF.js, with a notice that says why', async () => {
  const engine = await loadEngine('dense', { training: true });
  assert.equal(engine.backend, 'dense');
  const { tf } = engine;
  const model = tf.sequential({
    layers: [tf.layers.dense({ units: 3, inputShape: [2], name: 'd1' }), tf.layers.batchNormalization({ name: 'bn' }), tf.layers.dense({ units: 1 })],
  });
  model.compile({ optimizer: 'sgd', loss: 'meanSquaredError' });
  const params = {
    model: { hiddenUnits: [3], activation: 'linear' as const, dropout: 0 },
    train: { epochs: 2, batchSize: 4, learningRate: 0.1, optimizer: 'sgd' as const, seed: 1, validationSplit: 0 },
    flat: {},
  };
  const data = { rows: 8, x: Float32Array.from({ length: 16 }, (_, i) => i / 16), y: Float32Array.from({ length: 8 }, (_, i) => i % 2), outputSize: 1 };
  const lines: string[] = [];
  const history = await fitOnEngine(engine, model, data, params, { log: (l) => lines.push(l) });
  model.dispose();
  assert.equal(history.epochs, 2);
  assert.equal(engine.backend, engine.tfjsBackend);
  const notice = `the dense engine does not cover this model (layer bn is a BatchNormalization); trained on TensorFlow.js ${engine.tfjsBackend} instead`;
  assert.deepEqual(engine.notices, [notice]);
  assert.ok(lines.includes(`notice: ${notice}`));
  // Prediction never runs on the dense engine: asked for it, a predicting engine is TF.js's.
  assert.notEqual((await loadEngine('dense')).backend, 'dense');
});
