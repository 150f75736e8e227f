import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { loadConfig } from '../../src/config/load.ts';
import type { EncodedData } from '../../src/data/fit-preprocessing.ts';
import type { Preprocessing } from '../../src/data/preprocessing.ts';
import { evaluate } from '../../src/metrics/evaluate.ts';
import { fitLeastSquares, fitLogistic } from '../../src/reference/linear-solvers.ts';
import { decodeLabels, fitReferences } from '../../src/reference/reference-models.ts';
import { scoreRowPredictions } from '../../src/reference/score.ts';
import { prepareData } from '../../src/train/pipeline.ts';

const FIXTURES = join(import.meta.dirname, '..', '..', 'fixtures');
const CANCER = join(FIXTURES, 'breast-cancer', 'model-ci.yml');
const IRIS = join(FIXTURES, 'iris', 'model-ci.yml');

function metricsOf(runs: ReturnType<typeof fitReferences>, name: string) {
  const found = runs.results.find((result) => result.name === name);
  assert.ok(found, `reference ${name} was fitted`);
  return found.metrics;
}

test('majority: its accuracy is the share of test rows in the most frequent training class, counted from the CSV', async () => {
  const config = await loadConfig(CANCER);
  const { preprocessing, trainData, testData } = await prepareData(config);
  const runs = fitReferences(preprocessing, trainData, testData, 0);
  // Count independently: the whole file's class shares (a stratified split keeps them), then the test rows' truth.
  const lines = (await readFile(join(FIXTURES, 'breast-cancer', 'data', 'breast_cancer.csv'), 'utf8')).trim().split(/\r?\n/);
  const targetIndex = lines[0].split(',').indexOf('target');
  const ones = lines.slice(1).filter((line) => line.split(',')[targetIndex] === '1').length;
  const majorityClass = ones > lines.length - 1 - ones ? 1 : 0;
  const truth = decodeLabels(testData);
  const inMajority = truth.filter((label) => label === majorityClass).length;
  assert.equal(metricsOf(runs, 'majority').accuracy, inMajority / testData.rows);
  assert.equal(metricsOf(runs, 'majority').roc_auc, 0.5, 'a constant score ranks nothing');
  // Its probabilities are the training shares: log-loss is the cross-entropy of those shares on the test rows.
  const trainLabels = decodeLabels(trainData);
  const p1 = trainLabels.filter((label) => label === 1).length / trainData.rows;
  const expected = -(truth.reduce((sum, label) => sum + Math.log(label === 1 ? p1 : 1 - p1), 0) / testData.rows);
  // RowPredictions holds probabilities as float32.
  assert.ok(Math.abs(metricsOf(runs, 'majority').log_loss - expected) < 1e-6);
});

// Figures from scikit-learn 1.2.1 on the same encoded matrices (dumped from prepareData):
//   LogisticRegression(C=1.0, tol=1e-10, max_iter=10000).fit(Xtrain, ytrain); predict_proba(Xtest)
//   /usr/bin/python3.11 -c '…accuracy_score, log_loss, roc_auc_score, f1_score(average=binary|macro)…'
// breast-cancer 0.963963963963964 0.12167868287666872 0.9890873015873016 0.9682539682539683
// iris          0.9459459459459459 0.1740986380733539                    0.9267399267399267
// (recomputed for the stable hash split of data.split.method: hash, the default)
test('linear: logistic regression agrees with scikit-learn on breast-cancer (binary) and iris (multinomial)', async () => {
  const cancer = await prepareData(await loadConfig(CANCER));
  const linearCancer = metricsOf(fitReferences(cancer.preprocessing, cancer.trainData, cancer.testData, 0), 'linear');
  assert.equal(linearCancer.accuracy, 0.963963963963964);
  assert.equal(linearCancer.f1, 0.9682539682539683);
  assert.ok(Math.abs(linearCancer.roc_auc - 0.9890873015873016) < 1e-12);
  assert.ok(Math.abs(linearCancer.log_loss - 0.12167868287666872) < 1e-5, `log_loss ${linearCancer.log_loss}`);
  const iris = await prepareData(await loadConfig(IRIS));
  const linearIris = metricsOf(fitReferences(iris.preprocessing, iris.trainData, iris.testData, 0), 'linear');
  assert.equal(linearIris.accuracy, 0.9459459459459459);
  assert.ok(Math.abs(linearIris.f1 - 0.9267399267399267) < 1e-12);
  assert.ok(Math.abs(linearIris.log_loss - 0.1740986380733539) < 1e-5, `log_loss ${linearIris.log_loss}`);
});

test('linear: the logistic fit is the convex optimum (an independently computed gradient vanishes) and bit-reproducible', () => {
  // 2 inputs, 8 rows, classes not separable.
  const x = Float32Array.from([0, 1, 1, 0, 2, 1, 1, 2, -1, 0, 0, -1, 1, -1, -1, 1]);
  const labels = Int32Array.from([1, 0, 1, 1, 0, 0, 1, 0]);
  const fit = fitLogistic(x, labels, 8, 2, 2);
  const again = fitLogistic(x, labels, 8, 2, 2);
  assert.deepEqual(again.weights, fit.weights);
  const [w0, w1, b] = fit.weights;
  const gradient = [w0, w1, 0];
  for (let r = 0; r < 8; r++) {
    const p = 1 / (1 + Math.exp(-(w0 * x[2 * r] + w1 * x[2 * r + 1] + b)));
    gradient[0] += (p - labels[r]) * x[2 * r];
    gradient[1] += (p - labels[r]) * x[2 * r + 1];
    gradient[2] += p - labels[r];
  }
  for (const component of gradient) assert.ok(Math.abs(component) < 1e-6, `gradient ${gradient}`);
  assert.ok(Math.abs(w0) > 1e-3, 'the fit moved off zero');
});

test('linear: least squares matches the closed form on a tiny set, and a constant input gets coefficient 0', () => {
  // y on x: slope Σ(x−x̄)(y−ȳ)/Σ(x−x̄)² = 4.5/5 = 0.9, intercept ȳ − 0.9·x̄ = 2.25 − 1.35 = 0.9.
  const x = Float32Array.from([0, 7, 1, 7, 2, 7, 3, 7]);
  const fit = fitLeastSquares(x, [1, 2, 2, 4], 4, 2);
  assert.ok(Math.abs(fit.weights[0] - 0.9) < 1e-6, `${fit.weights}`);
  // The constant column is collinear with the intercept: the tiny ridge splits it, predictions stay exact.
  const prediction = (v: number) => fit.weights[0] * v + fit.weights[1] * 7 + fit.weights[2];
  assert.ok(Math.abs(prediction(0) - 0.9) < 1e-6, `${prediction(0)}`);
  assert.ok(Math.abs(prediction(3) - 3.6) < 1e-6);
});

test('regression references: the mean is the training mean, the linear fit recovers an exact linear target', () => {
  const rows = 50;
  const x = new Float32Array(rows * 2);
  const z = new Float32Array(rows);
  for (let r = 0; r < rows; r++) {
    x[2 * r] = (r % 7) - 3;
    x[2 * r + 1] = (r % 5) - 2;
    z[r] = 0.5 * x[2 * r] - 0.25 * x[2 * r + 1];
  }
  const pre: Preprocessing = {
    version: 1,
    task: 'regression',
    target: 'y',
    features: [],
    inputSize: 2,
    targetScale: { mean: 10, std: 2 },
  };
  const train: EncodedData = { rows: 40, x: x.subarray(0, 80), y: z.subarray(0, 40), outputSize: 1 };
  const test: EncodedData = { rows: 10, x: x.subarray(80), y: z.subarray(40), outputSize: 1 };
  const runs = fitReferences(pre, train, test, 0);
  const mean = runs.results.find((result) => result.name === 'mean')!;
  assert.deepEqual(Array.from(mean.predictions.value!), new Array(10).fill(10));
  const linear = metricsOf(runs, 'linear');
  assert.ok(linear.rmse < 1e-6, `rmse ${linear.rmse}`);
  assert.ok(Math.abs(linear.r2 - 1) < 1e-9);
});

test('scoring decoded predictions gives what evaluate() gives for the same network output', async () => {
  const { preprocessing, testData } = await prepareData(await loadConfig(IRIS));
  const k = 3;
  const output = new Float32Array(testData.rows * k);
  for (let r = 0; r < testData.rows; r++) {
    const raw = [((r * 7) % 5) + 1, ((r * 3) % 4) + 1, (r % 3) + 1];
    const sum = raw.reduce((a, b) => a + b, 0);
    raw.forEach((v, c) => {
      output[r * k + c] = v / sum;
    });
  }
  const label = new Int32Array(testData.rows);
  for (let r = 0; r < testData.rows; r++) {
    let best = 0;
    for (let c = 1; c < k; c++) if (output[r * k + c] > output[r * k + best]) best = c;
    label[r] = best;
  }
  const scored = scoreRowPredictions('multiclass-classification', k, decodeLabels(testData), { label, probabilities: output });
  assert.deepEqual(scored, evaluate(preprocessing, testData.y, output).metrics);
});
