import assert from 'node:assert/strict';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { runCli } from './helpers.ts';

let out: string;
before(async () => {
  out = await mkdtemp(join(tmpdir(), 'cli-train-'));
});
after(() => rm(out, { recursive: true, force: true }));

const ARTIFACTS = ['evaluation.json', 'history.json', 'metrics.json', 'model.json', 'preprocessing.json', 'run.json', 'weights.bin'];

test('train breast-cancer twice on cpu: all artifacts, accuracy ≥ 0.95, byte-identical metrics.json', async () => {
  const runs = [];
  for (const name of ['a', 'b']) {
    const result = await runCli(['train', '--config', 'fixtures/breast-cancer/model-ci.yml', '--backend', 'cpu', '--out', join(out, `cancer-${name}`)]);
    assert.equal(result.code, 0, result.stderr);
    runs.push(result);
  }
  // The stable split (method: hash) holds out about 20%: 111 of 569 rows here, 37 of iris's 150.
  assert.match(runs[0].stdout, /^trained breast-cancer \(binary-classification\) on cpu in [\d.]+ s: 458 training rows, \d+ epochs/);
  assert.match(runs[0].stdout, /\n {2}accuracy +0\.9\d+ +higher is better\n/);
  assert.match(runs[0].stdout, /\n {2}log_loss +[\d.]+ +lower is better\n/);
  assert.match(runs[0].stderr, /^backend: cpu\nepoch {2}1\/50 {2}loss /);
  assert.deepEqual((await readdir(join(out, 'cancer-a'))).sort(), ARTIFACTS);

  const [a, b] = await Promise.all(['a', 'b'].map((n) => readFile(join(out, `cancer-${n}`, 'metrics.json'))));
  assert.deepEqual(a, b);
  const metrics = JSON.parse(a.toString());
  assert.deepEqual(Object.keys(metrics), ['accuracy', 'roc_auc', 'precision', 'recall', 'f1', 'log_loss']);
  assert.ok(metrics.accuracy >= 0.95, `accuracy ${metrics.accuracy}`);

  const [runA, runB] = await Promise.all(['a', 'b'].map(async (n) => JSON.parse(await readFile(join(out, `cancer-${n}`, 'run.json'), 'utf8'))));
  assert.equal(runA.backend, 'cpu');
  assert.equal(runA.hashes.inputs, runB.hashes.inputs);
  assert.equal(runA.hashes.model, runB.hashes.model);
  assert.match(runA.data['data/breast_cancer.csv'].hash, /^sha256:[0-9a-f]{64}$/);
  assert.equal(runA.trainRows + runA.testRows, 569);
});

test('train iris on wasm, re-evaluate it, and predict from CSV, JSON and stdin', async () => {
  const model = join(out, 'iris');
  const trained = await runCli(['train', '-q', '--config', 'fixtures/iris/model-ci.yml', '--backend', 'wasm', '--out', model]);
  assert.equal(trained.code, 0, trained.stderr);
  assert.doesNotMatch(trained.stderr, /epoch/);
  const saved = JSON.parse(await readFile(join(model, 'metrics.json'), 'utf8'));
  assert.ok(saved.accuracy >= 0.85, `iris accuracy ${saved.accuracy}`);

  const evaluated = await runCli(['evaluate', '--config', 'fixtures/iris/model-ci.yml', '--model', model, '--backend', 'wasm']);
  assert.equal(evaluated.code, 0, evaluated.stderr);
  assert.match(evaluated.stdout, /on the test split of iris: 37 rows, backend wasm/);
  assert.ok(evaluated.stdout.includes(`  accuracy   ${Number(saved.accuracy.toPrecision(4))}`), evaluated.stdout);
  assert.match(evaluated.stdout, /actual \\ predicted +0 +1 +2/);

  const csv = join(out, 'flowers.csv');
  await writeFile(csv, 'sepal_length,sepal_width,petal_length,petal_width\n5.1,3.5,1.4,0.2\n6.7,3.0,5.2,2.3\n');
  const fromCsv = await runCli(['predict', '--model', model, '--csv', csv, '--backend', 'wasm']);
  assert.equal(fromCsv.code, 0, fromCsv.stderr);
  const predictions = JSON.parse(fromCsv.stdout).predictions;
  assert.deepEqual(
    predictions.map((p: { label: string }) => p.label),
    ['0', '2'],
  );
  for (const p of predictions) {
    assert.equal(p.probabilities.length, 3, 'one probability per class, in the model’s class order');
    const sum = (p.probabilities as number[]).reduce((s, v) => s + v, 0);
    assert.ok(Math.abs(sum - 1) < 1e-5);
  }

  const json = join(out, 'flowers.json');
  await writeFile(json, JSON.stringify([[5.1, 3.5, 1.4, 0.2], { sepal_length: 6.7, sepal_width: 3.0, petal_length: 5.2, petal_width: 2.3 }]));
  const fromJson = await runCli(['predict', '--model', model, '--json', json, '--backend', 'wasm']);
  assert.equal(fromJson.code, 0, fromJson.stderr);
  assert.deepEqual(JSON.parse(fromJson.stdout), JSON.parse(fromCsv.stdout));

  const fromStdin = await runCli(['predict', '--model', model, '--backend', 'wasm', '-'], { stdin: JSON.stringify({ instances: [[5.1, 3.5, 1.4, 0.2]] }) });
  assert.equal(fromStdin.code, 0, fromStdin.stderr);
  assert.deepEqual(JSON.parse(fromStdin.stdout).predictions, predictions.slice(0, 1));
});
