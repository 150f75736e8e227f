import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { UserError } from '../../src/errors.ts';
import { evaluateModel, predict, trainModel } from '../../src/train/pipeline.ts';
import { plannedInputs } from '../../src/train/planned-inputs.ts';

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
  // Without training, the same inputs hash: how a model already trained from these inputs is found.
  const planned = await plannedInputs(IRIS, 'wasm');
  assert.deepEqual(planned, { inputs: a.manifest.hashes.inputs, backend: 'wasm' });
  assert.notEqual((await plannedInputs(IRIS, 'cpu')).inputs, planned.inputs, 'the backend is part of the inputs');
  assert.equal(a.manifest.trainRows, 113); // the stable split holds out about 20% (37 of 150 here)
  assert.equal(a.evaluation.testRows, 37);
  assert.deepEqual(Object.keys(a.metrics), ['accuracy', 'f1', 'precision', 'recall', 'log_loss']);
  assert.ok(a.durations.totalMs >= a.durations.trainMs);

  const evaluated = await evaluateModel(IRIS, join(out, 'a'), { backend: 'wasm' });
  assert.deepEqual(evaluated.metrics, a.metrics);
  assert.deepEqual(evaluated.evaluation, a.evaluation);
});

test('predict decodes the saved model’s output into labels and probabilities', async () => {
  const run = await predict(join(out, 'a'), [[5.1, 3.5, 1.4, 0.2], { sepal_length: 6.7, sepal_width: 3.0, petal_length: 5.2, petal_width: 2.3 }], {
    backend: 'wasm',
  });
  assert.deepEqual(
    run.predictions.map((p) => (typeof p === 'object' ? p.label : undefined)),
    ['0', '2'],
  );
});

test('evaluating a model with the config of another model is a user error', async () => {
  await assert.rejects(evaluateModel(CANCER, join(out, 'a'), { backend: 'cpu' }), (e: unknown) => {
    assert.ok(e instanceof UserError);
    assert.match(e.describe(), /model-ci\.yml: the model in .* was trained for task multiclass-classification, the config's is binary-classification/);
    return true;
  });
});
