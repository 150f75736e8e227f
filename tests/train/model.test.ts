import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import type { Params } from '../../src/domain/config.ts';
import { loadEngine, type TF } from '../../src/model/engine.ts';
import { buildModel, deriveSeed } from '../../src/train/model.ts';

let tf: TF;
before(async () => {
  tf = (await loadEngine('cpu')).tf;
});

function params(overrides: { model?: Partial<Params['model']>; train?: Partial<Params['train']> } = {}): Params {
  return {
    model: { hiddenUnits: [8, 4], activation: 'relu', dropout: 0, ...overrides.model },
    train: { epochs: 2, batchSize: 8, learningRate: 0.01, optimizer: 'adam', seed: 7, validationSplit: 0, ...overrides.train },
    flat: {},
  };
}

function weightsOf(model: ReturnType<typeof buildModel>): number[][] {
  return model.getWeights().map((w) => Array.from(w.dataSync()));
}

test('deriveSeed gives distinct non-zero seeds, also for seed 0', () => {
  const seeds = new Set<number>();
  for (const seed of [0, 1, 42]) {
    for (let i = 0; i < 200; i++) {
      const s = deriveSeed(seed, i);
      assert.ok(Number.isInteger(s) && s > 0 && s <= 2 ** 31, `seed ${s}`);
      seeds.add(s);
    }
  }
  assert.equal(seeds.size, 600);
  assert.equal(deriveSeed(3, 5), deriveSeed(3, 5));
});

test('the same params build bit-identical weights; another seed builds others', () => {
  const shape = { inputSize: 5, outputSize: 1, task: 'binary-classification' as const };
  const a = weightsOf(buildModel(tf, shape, params()));
  const b = weightsOf(buildModel(tf, shape, params()));
  const c = weightsOf(buildModel(tf, shape, params({ train: { seed: 8 } })));
  assert.deepEqual(a, b);
  assert.notDeepEqual(a[0], c[0]);
  // seed 0 must still be deterministic (tfjs treats a literal 0 as "unseeded")
  const zero = () => weightsOf(buildModel(tf, shape, params({ train: { seed: 0 } })));
  assert.deepEqual(zero(), zero());
});

test('the network has the hidden layers, dropout and the output layer of its task', () => {
  const multi = buildModel(tf, { inputSize: 4, outputSize: 3, task: 'multiclass-classification' }, params({ model: { dropout: 0.2, activation: 'tanh' } }));
  assert.deepEqual(
    multi.layers.map((l) => l.name),
    ['hidden_1', 'dropout_1', 'hidden_2', 'dropout_2', 'output'],
  );
  const config = multi.layers.map((l) => l.getConfig() as Record<string, unknown>);
  assert.equal(config[0].activation, 'tanh');
  assert.equal(config[0].units, 8);
  assert.equal(config[1].rate, 0.2);
  assert.ok((config[1].seed as number) > 0);
  assert.equal(config[4].activation, 'softmax');
  assert.equal(config[4].units, 3);
  assert.equal(multi.loss, 'categoricalCrossentropy');
  assert.deepEqual(multi.outputs[0].shape, [null, 3]);

  const regression = buildModel(tf, { inputSize: 4, outputSize: 1, task: 'regression' }, params({ model: { hiddenUnits: [] }, train: { optimizer: 'sgd' } }));
  assert.deepEqual(
    regression.layers.map((l) => l.name),
    ['output'],
  );
  assert.equal((regression.layers[0].getConfig() as Record<string, unknown>).activation, 'linear');
  assert.equal(regression.loss, 'meanSquaredError');
  assert.equal(regression.optimizer.getClassName(), 'SGD');

  const binary = buildModel(
    tf,
    { inputSize: 4, outputSize: 1, task: 'binary-classification' },
    params({ train: { optimizer: 'rmsprop', learningRate: 0.05 } }),
  );
  assert.equal((binary.layers.at(-1)!.getConfig() as Record<string, unknown>).activation, 'sigmoid');
  assert.equal(binary.loss, 'binaryCrossentropy');
  assert.equal(binary.optimizer.getClassName(), 'RMSProp');
  assert.equal((binary.optimizer.getConfig() as Record<string, unknown>).learningRate, 0.05);
});
