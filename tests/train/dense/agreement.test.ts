/**
 * The dense engine against TensorFlow.js: the same params, the same initial weights, the same batches,
 * and the weights after a few optimizer steps agree to float32 rounding, for every activation, loss
 * (task) and optimizer model-ci offers, with and without dropout. The kernels agree bit for bit.
 */
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import type { ModelParams, Optimizer, Params, Task } from '../../../src/domain/config.ts';
import { loadEngine, type TF } from '../../../src/model/engine.ts';
import { fitDense, networkSpec } from '../../../src/train/dense/fit.ts';
import { scalarKernels } from '../../../src/train/dense/kernels.ts';
import { wasmKernels } from '../../../src/train/dense/wasm.ts';
import { fitModel, type TrainingData } from '../../../src/train/fit.ts';
import { buildModel } from '../../../src/train/model.ts';

let tf: TF;
before(async () => {
  tf = (await loadEngine('cpu')).tf;
});

function params(model: Partial<ModelParams>, train: Partial<Params['train']>): Params {
  return {
    model: { hiddenUnits: [6, 5], activation: 'relu', dropout: 0, ...model },
    train: { epochs: 1, batchSize: 16, learningRate: 0.01, optimizer: 'adam', seed: 7, validationSplit: 0, ...train },
    flat: {},
  };
}

/** 48 rows of 5 features and targets for `task` (3 classes one-hot for multiclass). */
function dataset(task: Task, rows = 48): TrainingData {
  const inputs = 5;
  const outputSize = task === 'multiclass-classification' ? 3 : 1;
  const x = new Float32Array(rows * inputs);
  const y = new Float32Array(rows * outputSize);
  let state = 99;
  const next = () => ((state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 2 ** 32) * 2 - 1;
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < inputs; c++) x[r * inputs + c] = next() * 2;
    const score = x[r * inputs] - 0.5 * x[r * inputs + 1] + 0.3 * x[r * inputs + 2];
    if (task === 'binary-classification') y[r] = score > 0 ? 1 : 0;
    else if (task === 'regression') y[r] = score * 3 + 1;
    else y[r * 3 + (score < -0.5 ? 0 : score < 0.5 ? 1 : 2)] = 1;
  }
  return { rows, x, y, outputSize };
}

async function trainedWeights(engine: 'tfjs' | 'dense' | 'dense-scalar', task: Task, p: Params, data: TrainingData): Promise<Float32Array[]> {
  const model = buildModel(tf, { inputSize: 5, outputSize: data.outputSize, task }, p);
  try {
    if (engine === 'tfjs') await fitModel(tf, model, data, p);
    else await fitDense(tf, model, data, p, engine === 'dense-scalar' ? { kernels: scalarKernels() } : {});
    return model.getWeights().map((w) => w.dataSync() as Float32Array);
  } finally {
    model.dispose();
  }
}

function assertClose(actual: Float32Array[], expected: Float32Array[], what: string, tolerance = 2e-6): void {
  assert.equal(actual.length, expected.length);
  actual.forEach((a, i) => {
    a.forEach((value, j) => {
      const diff = Math.abs(value - expected[i][j]);
      assert.ok(diff <= tolerance * (1 + Math.abs(expected[i][j])), `${what}: weight ${i}[${j}] is ${value}, TF.js has ${expected[i][j]} (off by ${diff})`);
    });
  });
}

const TASKS: Task[] = ['binary-classification', 'multiclass-classification', 'regression'];
const ACTIVATIONS: ModelParams['activation'][] = ['relu', 'tanh', 'sigmoid', 'elu', 'selu', 'linear'];
const OPTIMIZERS: Optimizer[] = ['adam', 'sgd', 'rmsprop', 'adagrad'];

test('three steps agree with TF.js for every activation and every task (loss)', async () => {
  for (const task of TASKS) {
    for (const activation of ACTIVATIONS) {
      const p = params({ activation }, {});
      const data = dataset(task);
      const before = await trainedWeights('tfjs', task, { ...p, train: { ...p.train, learningRate: 1e-12, optimizer: 'sgd' } }, data);
      const expected = await trainedWeights('tfjs', task, p, data);
      // The steps moved the weights: agreeing with the initial ones would prove nothing.
      assert.ok(
        expected[0].some((w, i) => Math.abs(w - before[0][i]) > 1e-4),
        `${task}/${activation}: the steps changed nothing`,
      );
      assertClose(await trainedWeights('dense', task, p, data), expected, `${task}/${activation}`);
    }
  }
});

test('three steps agree with TF.js for every optimizer', async () => {
  for (const optimizer of OPTIMIZERS) {
    for (const task of TASKS) {
      const p = params({ activation: 'tanh' }, { optimizer, learningRate: 0.02 });
      const data = dataset(task);
      assertClose(await trainedWeights('dense', task, p, data), await trainedWeights('tfjs', task, p, data), `${optimizer}/${task}`);
    }
  }
});

test('dropout draws the masks TF.js draws, scales by 1/keep, and uses a new mask each batch', async () => {
  const p = params({ dropout: 0.3, activation: 'relu' }, { epochs: 2 });
  const data = dataset('binary-classification');
  const expected = await trainedWeights('tfjs', 'binary-classification', p, data);
  assertClose(await trainedWeights('dense', 'binary-classification', p, data), expected, 'dropout');
  const withoutDropout = await trainedWeights('dense', 'binary-classification', params({ activation: 'relu' }, { epochs: 2 }), data);
  assert.ok(
    withoutDropout[0].some((w, i) => Math.abs(w - expected[0][i]) > 1e-4),
    'dropout made no difference',
  );
});

test('validation loss, early stopping and the restored best weights follow TF.js', async () => {
  const p = params({ activation: 'relu' }, { epochs: 30, learningRate: 0.05, validationSplit: 0.25, earlyStopping: { patience: 3, minDelta: 0 } });
  const data = dataset('regression', 96);
  const modelA = buildModel(tf, { inputSize: 5, outputSize: 1, task: 'regression' }, p);
  const modelB = buildModel(tf, { inputSize: 5, outputSize: 1, task: 'regression' }, p);
  const [a, b] = [await fitModel(tf, modelA, data, p), await fitDense(tf, modelB, data, p)];
  assert.equal(b.epochs, a.epochs);
  assert.equal(b.bestEpoch, a.bestEpoch);
  b.loss.forEach((loss, i) => {
    assert.ok(Math.abs(loss - a.loss[i]) < 1e-4 * (1 + a.loss[i]), `epoch ${i + 1}: loss ${loss} vs ${a.loss[i]}`);
  });
  assert.equal(b.val_loss?.length, a.val_loss?.length);
  b.val_loss?.forEach((loss, i) => {
    assert.ok(Math.abs(loss - (a.val_loss?.[i] ?? Number.NaN)) < 1e-4 * (1 + loss), `epoch ${i + 1}: val_loss ${loss} vs ${a.val_loss?.[i]}`);
  });
  assertClose(
    modelB.getWeights().map((w) => w.dataSync() as Float32Array),
    modelA.getWeights().map((w) => w.dataSync() as Float32Array),
    'best weights',
    1e-4,
  );
  modelA.dispose();
  modelB.dispose();
});

test('the WebAssembly SIMD kernels and the scalar TypeScript ones give the same bits', async () => {
  const wasm = await wasmKernels();
  const scalar = scalarKernels();
  for (const k of [wasm, scalar]) {
    k.grow(70_000);
    let state = 3;
    for (let i = 0; i < 70_000; i++) k.heap[i] = ((state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 2 ** 32) * 2 - 1;
  }
  for (const [rows, inner, n] of [
    [7, 30, 32],
    [5, 32, 16],
    [9, 16, 1],
    [3, 13, 3],
    [256, 30, 17],
  ]) {
    for (const k of [wasm, scalar]) {
      k.gemm(40_000, 16, inner, 1, 20_000, 30_000, rows, inner, n);
      k.gemm(50_000, 16, 1, inner, 20_000, 0, inner, rows, n);
      k.colSum(60_000, 16, rows, n);
    }
    assert.deepEqual(wasm.heap.subarray(40_000, 70_000), scalar.heap.subarray(40_000, 70_000), `${rows}×${inner}×${n}`);
  }
  const p = params({ dropout: 0.2 }, { epochs: 2 });
  const data = dataset('multiclass-classification');
  assert.deepEqual(
    await trainedWeights('dense', 'multiclass-classification', p, data),
    await trainedWeights('dense-scalar', 'multiclass-classification', p, data),
  );
});

test('the engine says what it does not cover', () => {
  const model = tf.sequential({ layers: [tf.layers.dense({ units: 3, inputShape: [4] }), tf.layers.batchNormalization(), tf.layers.dense({ units: 1 })] });
  model.compile({ optimizer: 'sgd', loss: 'meanSquaredError' });
  assert.deepEqual(networkSpec(model, params({}, {})), { uncovered: `layer ${model.layers[1].name} is a BatchNormalization` });
  model.dispose();
});
