import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { loadParams } from '../../src/config/load.ts';
import { tempFiles, userError, withEnv } from './temp-files.ts';

async function params(yaml: string) {
  const root = await tempFiles({ 'params.yaml': yaml });
  return () => loadParams(join(root, 'params.yaml'));
}

describe('loadParams', () => {
  it('reads every key and flattens the file, other stages included', async () => {
    const load = await params(`featurize:
  max_features: 100
  ngrams: [1, 2]
model:
  hidden_units: [32, 16]
  activation: tanh
  dropout: 0.25
train:
  epochs: 20
  batch_size: 64
  learning_rate: 1e-3
  optimizer: sgd
  seed: 7
  validation_split: 0.1
  early_stopping: { patience: 3, min_delta: 0.001 }
`);
    const p = await load();
    assert.deepEqual(p.model, { hiddenUnits: [32, 16], activation: 'tanh', dropout: 0.25 });
    assert.deepEqual(p.train, {
      epochs: 20,
      batchSize: 64,
      learningRate: 0.001,
      optimizer: 'sgd',
      seed: 7,
      validationSplit: 0.1,
      earlyStopping: { patience: 3, minDelta: 0.001 },
    });
    assert.deepEqual(p.flat, {
      'featurize.max_features': 100,
      'featurize.ngrams': '[1,2]',
      'model.hidden_units': '[32,16]',
      'model.activation': 'tanh',
      'model.dropout': 0.25,
      'train.epochs': 20,
      'train.batch_size': 64,
      'train.learning_rate': 0.001,
      'train.optimizer': 'sgd',
      'train.seed': 7,
      'train.validation_split': 0.1,
      'train.early_stopping.patience': 3,
      'train.early_stopping.min_delta': 0.001,
    });
  });

  it('fills defaults for omitted keys; a single number is one hidden layer', async () => {
    const p = await (await params('model:\n  hidden_units: 8\ntrain:\n  epochs: 5\n'))();
    assert.deepEqual(p.model, { hiddenUnits: [8], activation: 'relu', dropout: 0 });
    assert.deepEqual(p.train, { epochs: 5, batchSize: 32, learningRate: 0.001, optimizer: 'adam', seed: 42, validationSplit: 0 });
    assert.deepEqual(p.flat, { 'model.hidden_units': 8, 'train.epochs': 5 });
  });

  it('accepts an empty file, no hidden layer, and early stopping switched on or off', async () => {
    const empty = await (await params(''))();
    assert.deepEqual(empty.model.hiddenUnits, [16]);
    assert.deepEqual(empty.flat, {});
    const linear = await (await params('model: { hidden_units: [] }\ntrain: { validation_split: 0.2, early_stopping: true }\n'))();
    assert.deepEqual(linear.model.hiddenUnits, []);
    assert.deepEqual(linear.train.earlyStopping, { patience: 10, minDelta: 0 });
    const off = await (await params('train: { early_stopping: false }\n'))();
    assert.equal(off.train.earlyStopping, undefined);
  });

  it('loads the fixtures', async () => {
    const repo = join(import.meta.dirname, '../..');
    const cancer = await loadParams(join(repo, 'fixtures/breast-cancer/params.yaml'));
    assert.deepEqual(cancer.model.hiddenUnits, [16]);
    assert.equal(cancer.train.seed, 42);
    assert.deepEqual(cancer.train.earlyStopping, { patience: 10, minDelta: 0.0001 });
  });
});

describe('loadParams rejects', () => {
  const cases: [string, string, (string | RegExp)[]][] = [
    ['invalid YAML', 'train:\n  epochs: 5\n   batch_size: 3\n', ['params.yaml:2:11: invalid YAML', 'Nested mappings']],
    ['negative epochs', 'train:\n  epochs: -5\n', ['params.yaml:2', '`train.epochs` must be an integer ≥ 1, got -5']],
    ['fractional epochs', 'train:\n  epochs: 2.5\n', ['params.yaml:2', '`train.epochs` must be an integer ≥ 1, got 2.5']],
    ['epochs as a string', 'train:\n  epochs: "50"\n', ['`train.epochs` must be an integer ≥ 1, got the string "50"']],
    ['epochs with no value', 'train:\n  epochs:\n', ['params.yaml:2', '`train.epochs` must be an integer ≥ 1, got nothing']],
    ['zero batch size', 'train:\n  batch_size: 0\n', ['params.yaml:2', '`train.batch_size` must be an integer ≥ 1, got 0']],
    ['learning rate 0', 'train:\n  learning_rate: 0\n', ['`train.learning_rate` must be a number in (0, 10], got 0']],
    ['learning rate above 10', 'train:\n  learning_rate: 11\n', ['`train.learning_rate` must be a number in (0, 10], got 11']],
    ['dropout 1', 'model:\n  dropout: 1\n', ['params.yaml:2', '`model.dropout` must be a number in [0, 1), got 1']],
    ['negative dropout', 'model:\n  dropout: -0.1\n', ['`model.dropout` must be a number in [0, 1)']],
    ['validation_split 1', 'train:\n  validation_split: 1\n', ['`train.validation_split` must be a number in [0, 1)']],
    ['zero hidden units', 'model:\n  hidden_units: [16, 0]\n', ['params.yaml:2', '`model.hidden_units[1]` must be an integer ≥ 1, got 0']],
    ['an unknown activation', 'model:\n  activation: reLU\n', ['`model.activation` must be one of relu', 'did you mean `relu`?']],
    ['an unknown optimizer', 'train:\n  optimizer: adamw\n', ['`train.optimizer` must be one of adam, sgd, rmsprop, adagrad', 'did you mean `adam`?']],
    ['a mistyped train key', 'train:\n  epochs: 3\n  batchsize: 16\n', ['params.yaml:3', 'unknown key `train.batchsize`', 'did you mean `batch_size`?']],
    ['a camelCase model key', 'model:\n  hiddenUnits: [4]\n', ['params.yaml:2', 'unknown key `model.hiddenUnits`', 'did you mean `hidden_units`?']],
    ['a mistyped early-stopping key', 'train:\n  validation_split: 0.2\n  early_stopping:\n    patients: 3\n', ['params.yaml:4', 'did you mean `patience`?']],
    ['early stopping without a validation split', 'train:\n  early_stopping: { patience: 3 }\n', ['params.yaml:2', 'needs `train.validation_split` > 0']],
    ['a seed beyond 32 bits', 'train:\n  seed: 4294967296\n', ['`train.seed` must be an integer in [0, 4294967295]']],
    ['a section that is not a mapping', 'train: 5\n', ['params.yaml:1', '`train` must be a mapping']],
  ];
  for (const [what, yaml, fragments] of cases) {
    it(what, async () => {
      await userError(await params(yaml), ...fragments);
    });
  }

  it('a missing params file', async () => {
    const root = await tempFiles({});
    await userError(() => loadParams(join(root, 'params.yaml')), 'params.yaml', 'cannot read', 'no such file');
  });
});

describe('loadParams bounds', () => {
  it('refuses an alias bomb: 80 KB of aliases that took a minute to read', async () => {
    const yaml = `model:\n  hidden_units: [16]\nanchor: &a 1\nother: [${Array(20_000).fill('*a').join(', ')}]\n`;
    assert.ok(yaml.length > 80_000);
    const text = await userError(
      await params(yaml),
      'params.yaml',
      "too many YAML aliases (*name), over model-ci's limit of 100 YAML aliases",
      'MODEL_CI_MAX_YAML_ALIASES',
    );
    assert.doesNotMatch(text, /\n\s+at /);
  });

  it('refuses a few aliases that expand a billion times', async () => {
    const levels = ['a: &l0 [1, 1, 1, 1, 1, 1, 1, 1, 1, 1]'];
    for (let i = 1; i <= 9; i++)
      levels.push(
        `l${i}: &l${i} [${Array(10)
          .fill(`*l${i - 1}`)
          .join(', ')}]`,
      );
    await userError(await params(`${levels.join('\n')}\n`), 'params.yaml', 'YAML aliases (*name) expand it too much', 'MODEL_CI_MAX_YAML_ALIASES');
  });

  it('reads a few aliases, as hand-written files use them', async () => {
    const p = await (await params('shared: &units 8\nmodel:\n  hidden_units: [*units, *units]\n'))();
    assert.deepEqual(p.model.hiddenUnits, [8, 8]);
  });

  it('refuses a file over the YAML size limit before parsing it, unless the workflow owner raises it', async () => {
    const yaml = `train:\n  epochs: 3\n${'# padding\n'.repeat(110_000)}`;
    assert.ok(yaml.length > 2 ** 20);
    const load = await params(yaml);
    await userError(load, 'params.yaml', "over model-ci's limit of 1 MiB for a YAML file", 'MODEL_CI_MAX_YAML_BYTES');
    const p = await withEnv({ MODEL_CI_MAX_YAML_BYTES: '2MiB' }, load);
    assert.equal(p.train.epochs, 3);
  });

  const maxima: [string, string, string[]][] = [
    ['epochs', 'train:\n  epochs: 10001\n', ['params.yaml:2', '`train.epochs` is 10001', 'limit of 10000 epochs', 'MODEL_CI_MAX_EPOCHS']],
    [
      'batch size',
      'train:\n  batch_size: 1000000\n',
      ['params.yaml:2', '`train.batch_size` is 1000000', 'limit of 65536 rows per batch', 'MODEL_CI_MAX_BATCH_SIZE'],
    ],
    [
      'hidden units',
      'model:\n  hidden_units: [16, 100000]\n',
      ['params.yaml:2', '`model.hidden_units[1]` is 100000', 'limit of 4096 hidden units per layer', 'MODEL_CI_MAX_UNITS'],
    ],
    ['one layer of hidden units', 'model:\n  hidden_units: 5000\n', ['`model.hidden_units` is 5000', 'MODEL_CI_MAX_UNITS']],
    [
      'layers',
      `model:\n  hidden_units: [${Array(17).fill(4).join(', ')}]\n`,
      ['params.yaml:2', '`model.hidden_units` lists 17 layers', 'limit of 16 hidden layers', 'MODEL_CI_MAX_LAYERS'],
    ],
  ];
  for (const [what, yaml, fragments] of maxima) {
    it(`refuses ${what} over the limit, saying how to raise it`, async () => {
      await userError(await params(yaml), ...fragments);
    });
  }

  it('takes a limit raised by the workflow owner', async () => {
    const load = await params('train:\n  epochs: 20000\n');
    const p = await withEnv({ MODEL_CI_MAX_EPOCHS: '20000' }, load);
    assert.equal(p.train.epochs, 20000);
  });

  it('quotes a wrong string value as a short escaped excerpt', async () => {
    const text = await userError(await params(`model:\n  activation: "FAKE_SECRET_123\\u0007${'x'.repeat(200)}"\n`), '`model.activation` must be one of');
    assert.match(text, /got the string "FAKE_SECRET_123\\u0007x+…"/);
    assert.ok(!text.includes('x'.repeat(40)), text);
  });
});
