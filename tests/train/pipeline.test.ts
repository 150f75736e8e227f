import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Preprocessing } from '../../src/data/preprocessing.ts';
import { UserError } from '../../src/errors.ts';
import { evaluateModel, predict, trainModel } from '../../src/train/pipeline.ts';
import { decodePredictions } from '../../src/train/predictions.ts';

const IRIS = join(import.meta.dirname, '..', '..', 'fixtures', 'iris', 'model-ci.yml');
const CANCER = join(import.meta.dirname, '..', '..', 'fixtures', 'breast-cancer', 'model-ci.yml');
let out: string;
before(async () => {
  out = await mkdtemp(join(tmpdir(), 'pipeline-'));
});
after(() => rm(out, { recursive: true, force: true }));

test('training iris twice on wasm writes byte-identical metrics.json, and evaluate reproduces it', async () => {
  const lines: string[] = [];
  const a = await trainModel(IRIS, { out: join(out, 'a'), backend: 'wasm', log: (l) => lines.push(l) });
  const b = await trainModel(IRIS, { out: join(out, 'b'), backend: 'wasm' });
  assert.equal(a.engine.backend, 'wasm');
  assert.equal(lines[0], 'backend: wasm');
  assert.deepEqual(await readFile(join(out, 'a', 'metrics.json')), await readFile(join(out, 'b', 'metrics.json')));
  assert.deepEqual(await readFile(join(out, 'a', 'weights.bin')), await readFile(join(out, 'b', 'weights.bin')));
  assert.equal(a.manifest.hashes.model, b.manifest.hashes.model);
  assert.equal(a.manifest.trainRows, 120);
  assert.equal(a.evaluation.testRows, 30);
  assert.deepEqual(Object.keys(a.metrics), ['accuracy', 'f1', 'precision', 'recall', 'log_loss']);
  assert.ok(a.durations.totalMs >= a.durations.trainMs);

  const evaluated = await evaluateModel(IRIS, join(out, 'a'), { backend: 'wasm' });
  assert.deepEqual(evaluated.metrics, a.metrics);
  assert.deepEqual(evaluated.evaluation, a.evaluation);
});

test('predict decodes the saved model’s output into labels and probabilities', async () => {
  const run = await predict(join(out, 'a'), [[5.1, 3.5, 1.4, 0.2], { sepal_length: 6.7, sepal_width: 3.0, petal_length: 5.2, petal_width: 2.3 }], { backend: 'wasm' });
  assert.deepEqual(run.predictions.map((p) => ('label' in p ? p.label : undefined)), ['0', '2']);
});

test('evaluating a model with the config of another model is a user error', async () => {
  await assert.rejects(evaluateModel(CANCER, join(out, 'a'), { backend: 'cpu' }), (e: unknown) => {
    assert.ok(e instanceof UserError);
    assert.match(e.describe(), /model-ci\.yml: the model in .* was trained for task multiclass-classification, the config's is binary-classification/);
    return true;
  });
});

test('decodePredictions: binary threshold, regression back in target units', () => {
  const binary: Preprocessing = { version: 1, task: 'binary-classification', target: 't', features: [], inputSize: 0, classes: ['no', 'yes'] };
  assert.deepEqual(decodePredictions(binary, new Float32Array([0.25, 0.5])), [
    { label: 'no', probabilities: { no: 0.75, yes: 0.25 } },
    { label: 'yes', probabilities: { no: 0.5, yes: 0.5 } },
  ]);
  const regression: Preprocessing = { version: 1, task: 'regression', target: 'price', features: [], inputSize: 0, targetScale: { mean: 100, std: 20 } };
  assert.deepEqual(decodePredictions(regression, new Float32Array([0, -1.5])), [{ value: 100 }, { value: 70 }]);
  const multi: Preprocessing = { version: 1, task: 'multiclass-classification', target: 't', features: [], inputSize: 0, classes: ['a', 'b', 'c'] };
  assert.deepEqual(decodePredictions(multi, new Float32Array([0.5, 0.25, 0.25, 0, 0.5, 0.5])).map((p) => ('label' in p ? p.label : '')), ['a', 'b']);
});
