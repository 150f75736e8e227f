import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import type { Params } from '../../src/domain/config.ts';
import { UserError } from '../../src/errors.ts';
import { loadEngine, type TF } from '../../src/model/engine.ts';
import { fitModel, predictRows, splitValidation, type TrainingData } from '../../src/train/fit.ts';
import { buildModel } from '../../src/train/model.ts';

let tf: TF;
before(async () => {
  tf = (await loadEngine('cpu')).tf;
});

function params(train: Partial<Params['train']> = {}, model: Partial<Params['model']> = {}): Params {
  return {
    model: { hiddenUnits: [8], activation: 'relu', dropout: 0, ...model },
    train: { epochs: 5, batchSize: 16, learningRate: 0.05, optimizer: 'adam', seed: 11, validationSplit: 0.25, ...train },
    flat: {},
  };
}

/** Rows of 3 features; the label is whether the first two sum above zero (or random, to overfit). */
function dataset(rows: number, labels: 'rule' | 'random' = 'rule'): TrainingData {
  const x = new Float32Array(rows * 3);
  const y = new Float32Array(rows);
  let state = 12345;
  const next = () => ((state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 2 ** 32) * 2 - 1;
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < 3; c++) x[r * 3 + c] = next();
    y[r] = labels === 'rule' ? (x[r * 3] + x[r * 3 + 1] > 0 ? 1 : 0) : next() > 0 ? 1 : 0;
  }
  return { rows, x, y, outputSize: 1 };
}

const shape = { inputSize: 3, outputSize: 1, task: 'binary-classification' as const };

test('the validation split is a seeded, disjoint part of the training rows', () => {
  const a = splitValidation(100, 0.2, 5);
  assert.equal(a.validation.length, 20);
  assert.equal(a.train.length, 80);
  assert.deepEqual(
    [...a.train, ...a.validation].sort((p, q) => p - q),
    Array.from({ length: 100 }, (_, i) => i),
  );
  assert.deepEqual(splitValidation(100, 0.2, 5), a);
  assert.notDeepEqual(splitValidation(100, 0.2, 6).validation, a.validation);
  assert.equal(splitValidation(10, 0, 5).validation.length, 0);
  assert.throws(
    () => splitValidation(3, 0.1, 1),
    (e: unknown) => e instanceof UserError && /leaves no validation rows/.test(e.message) && e.location.field === 'train.validation_split',
  );
});

test('training learns the rule, reports loss and val_loss per epoch, and logs each epoch', async () => {
  const lines: string[] = [];
  const model = buildModel(tf, shape, params());
  const data = dataset(400);
  const history = await fitModel(tf, model, data, params({ epochs: 15 }), { log: (l) => lines.push(l) });
  assert.equal(history.epochs, 15);
  assert.equal(history.loss.length, 15);
  assert.equal(history.val_loss?.length, 15);
  assert.ok(history.loss[14] < history.loss[0] * 0.6, `loss ${history.loss[0]} → ${history.loss[14]}`);
  const output = await predictRows(tf, model, data.x, data.rows);
  let right = 0;
  for (let r = 0; r < data.rows; r++) right += (output[r] >= 0.5 ? 1 : 0) === data.y[r] ? 1 : 0;
  assert.ok(right / data.rows > 0.9, `accuracy ${right / data.rows}`);
  assert.equal(lines.length, 15);
  assert.match(lines[0], /^epoch {2}1\/15 {2}loss \d\.\d{4} {2}val_loss \d\.\d{4} {2}\d+ ms$/);
});

test('many epochs are logged at most ~50 times, always with the first and last', async () => {
  const lines: string[] = [];
  await fitModel(tf, buildModel(tf, shape, params()), dataset(40), params({ epochs: 120, batchSize: 64, validationSplit: 0 }), { log: (l) => lines.push(l) });
  assert.equal(lines.length, 41);
  assert.match(lines[0], /^epoch {3}1\/120 {2}loss \d\.\d{4} {2}\d+ ms$/);
  assert.match(lines.at(-1)!, /^epoch 120\/120 /);
});

test('same data and params give bit-identical history and weights, dropout included', async () => {
  const run = async () => {
    const p = params({ epochs: 4 }, { dropout: 0.3, hiddenUnits: [16, 8] });
    const model = buildModel(tf, shape, p);
    const history = await fitModel(tf, model, dataset(200), p);
    return {
      history,
      weights: model.getWeights().map((w) => Array.from(w.dataSync())),
      seeds: model.layers.map((l) => (l.getConfig() as { seed?: number }).seed),
    };
  };
  const a = await run();
  const b = await run();
  assert.deepEqual(a.history, b.history);
  assert.deepEqual(a.weights, b.weights);
  // the per-batch dropout seeds are put back: the saved topology is the one that was built
  const built = buildModel(tf, shape, params({}, { dropout: 0.3, hiddenUnits: [16, 8] }));
  assert.deepEqual(
    a.seeds,
    built.layers.map((l) => (l.getConfig() as { seed?: number }).seed),
  );
  const other = await fitModel(tf, buildModel(tf, shape, params({ seed: 12 })), dataset(200), params({ epochs: 4, seed: 12 }));
  assert.notDeepEqual(other.loss, a.history.loss);
});

test('an epoch fed in slices of whole batches trains exactly as one fit over the epoch', async () => {
  // 150 training rows in batches of 16: one slice, or slices of 2 batches (32 rows × 3 features × 4 bytes).
  const p = params({ epochs: 3, batchSize: 16, validationSplit: 0.25 }, { dropout: 0.3, hiddenUnits: [16] });
  const run = async (sliceBytes?: number) => {
    const model = buildModel(tf, shape, p);
    const history = await fitModel(tf, model, dataset(200), p, { sliceBytes });
    return { history, weights: model.getWeights().map((w) => Array.from(w.dataSync())) };
  };
  const whole = await run();
  const sliced = await run(32 * 3 * 4);
  assert.deepEqual(sliced.weights, whole.weights);
  assert.deepEqual(sliced.history.val_loss, whole.history.val_loss);
  // The epoch's loss is the mean of the slices' means weighted by their rows: equal up to rounding.
  sliced.history.loss.forEach((loss, i) => {
    assert.ok(Math.abs(loss - whole.history.loss[i]) < 1e-6, `epoch ${i + 1}: ${loss} vs ${whole.history.loss[i]}`);
  });
});

test('early stopping stops when val_loss stops improving and restores the best epoch’s weights', async () => {
  // Random labels: the network memorises the training rows and val_loss climbs.
  const p = params(
    { epochs: 60, learningRate: 0.05, validationSplit: 0.4, batchSize: 8, earlyStopping: { patience: 3, minDelta: 0 } },
    { hiddenUnits: [64, 64] },
  );
  const data = dataset(80, 'random');
  const model = buildModel(tf, shape, p);
  const history = await fitModel(tf, model, data, p);
  const val = history.val_loss!;
  const best = val.indexOf(Math.min(...val));
  assert.ok(history.epochs < 60, `ran ${history.epochs} epochs`);
  assert.equal(history.epochs, best + 4);
  assert.equal(history.stoppedEarlyAt, history.epochs - 1, 'the epoch training stopped after, not the one it kept');
  assert.equal(history.bestEpoch, best);
  assert.ok(val.at(-1)! > val[best]);

  // The model now scores the best epoch's val_loss on the validation rows, not the last one's.
  const { validation } = splitValidation(data.rows, 0.4, p.train.seed);
  const x = new Float32Array(validation.length * 3);
  const y = new Float32Array(validation.length);
  validation.forEach((row, i) => {
    x.set(data.x.subarray(row * 3, row * 3 + 3), i * 3);
    y[i] = data.y[row];
  });
  const loss = tf.tidy(
    () =>
      (
        model.evaluate(tf.tensor2d(x, [validation.length, 3]), tf.tensor2d(y, [validation.length, 1]), { batchSize: 8 }) as import('@tensorflow/tfjs').Scalar
      ).dataSync()[0],
  );
  assert.ok(Math.abs(loss - val[best]) < 1e-5, `restored loss ${loss} vs best ${val[best]} (last ${val.at(-1)})`);
});

test('fitting leaks no tensors across epochs and runs', async () => {
  const p = params({ epochs: 3, earlyStopping: { patience: 5, minDelta: 0.001 } }, { dropout: 0.2 });
  const model = buildModel(tf, shape, p);
  await fitModel(tf, model, dataset(100), p); // creates the optimizer's slots
  const before = tf.memory().numTensors;
  await fitModel(tf, model, dataset(100), params({ epochs: 6, earlyStopping: { patience: 5, minDelta: 0.001 } }, { dropout: 0.2 }));
  await predictRows(tf, model, dataset(10).x, 10);
  assert.equal(tf.memory().numTensors, before);
});

test('a diverging loss is a user error pointing at the learning rate', async () => {
  const data = dataset(64);
  data.x[0] = Number.NaN;
  const p = params({ validationSplit: 0, optimizer: 'sgd' });
  const model = buildModel(tf, shape, p);
  const before = tf.memory().numTensors;
  await assert.rejects(
    fitModel(tf, model, data, p),
    (e: unknown) => e instanceof UserError && /training diverged: loss is NaN at epoch 1/.test(e.message) && e.location.field === 'train.learning_rate',
  );
  assert.equal(tf.memory().numTensors, before, 'the failed run released its tensors');
});
