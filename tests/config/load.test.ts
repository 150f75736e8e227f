import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { loadConfig } from '../../src/config/load.ts';
import { tempFiles, userError } from './temp-files.ts';

const MINIMAL = `name: churn
task: binary-classification
data:
  train: data/train.csv
  target: churned
`;

async function load(yaml: string, opts: { repoRoot?: string } = {}) {
  const root = await tempFiles({ 'model/model-ci.yml': yaml });
  return { root, config: () => loadConfig(join(root, 'model/model-ci.yml'), opts.repoRoot ? { repoRoot: join(root, opts.repoRoot) } : {}) };
}

describe('loadConfig', () => {
  it('fills defaults: split, params file, backend, metrics of the task, watch', async () => {
    const { root, config } = await load(MINIMAL, { repoRoot: '.' });
    const c = await config();
    assert.equal(c.file, join(root, 'model/model-ci.yml'));
    assert.equal(c.root, join(root, 'model'));
    assert.equal(c.data.train, join(root, 'model/data/train.csv'));
    assert.deepEqual(c.data.split, { test: 0.2, seed: 42, stratify: true, method: 'hash' });
    assert.equal(c.data.categorical, 'one-hot');
    assert.equal(c.params, join(root, 'model/params.yaml'));
    assert.equal(c.backend, 'auto');
    assert.deepEqual(
      c.metrics.map((m) => `${m.name}:${m.direction}`),
      ['accuracy:higher', 'precision:higher', 'recall:higher', 'f1:higher', 'roc_auc:higher', 'log_loss:lower'],
    );
    // watch is relative to the repository root, not to the config's folder.
    assert.deepEqual(c.watch, ['model/data/train.csv', 'model/params.yaml', 'model/model-ci.yml']);
  });

  it('defaults the repository root to the config folder and leaves regression unstratified', async () => {
    const { config } = await load(MINIMAL.replace('binary-classification', 'regression'));
    const c = await config();
    assert.deepEqual(c.watch, ['data/train.csv', 'params.yaml', 'model-ci.yml']);
    assert.deepEqual(c.data.split, { test: 0.2, seed: 42, stratify: false, method: 'hash' });
    assert.deepEqual(
      c.metrics.map((m) => m.name),
      ['rmse', 'mae', 'r2'],
    );
  });

  it('reads every documented key', async () => {
    const { root, config } = await load(
      `name: churn.v2
task: multiclass-classification
data:
  train: data/train.csv
  test: data/test.csv
  target: plan
  features: [age, region]
  categorical: index
  categorical_columns: [region]
params: conf/params.yaml
watch: ["model/data/**", "!model/data/*.md"]
backend: wasm
metrics:
  - accuracy
  - name: log_loss
    gate: { threshold: 0.5 }
  - name: f1
    direction: higher
    gate: { tolerance: "2.5%" }
  - name: recall
    gate: { tolerance: 0.01, threshold: 0.8 }
  - name: precision
    gate: { beats: [majority, linear] }
`,
      { repoRoot: '.' },
    );
    const c = await config();
    assert.equal(c.name, 'churn.v2');
    assert.equal(c.data.test, join(root, 'model/data/test.csv'));
    assert.equal(c.data.split, undefined);
    assert.deepEqual(c.data.features, ['age', 'region']);
    assert.equal(c.data.categorical, 'index');
    assert.deepEqual(c.data.categoricalColumns, ['region']);
    assert.equal(c.params, join(root, 'model/conf/params.yaml'));
    assert.deepEqual(c.watch, ['model/data/**', '!model/data/*.md']);
    assert.equal(c.backend, 'wasm');
    assert.deepEqual(c.metrics, [
      { name: 'accuracy', direction: 'higher' },
      { name: 'log_loss', direction: 'lower', gate: { threshold: 0.5 } },
      { name: 'f1', direction: 'higher', gate: { tolerance: 0.025, relative: true } },
      { name: 'recall', direction: 'higher', gate: { tolerance: 0.01, threshold: 0.8 } },
      { name: 'precision', direction: 'higher', gate: { beats: ['majority', 'linear'] } },
    ]);
  });

  it('loads the fixtures', async () => {
    const repo = join(import.meta.dirname, '../..');
    const cancer = await loadConfig(join(repo, 'fixtures/breast-cancer/model-ci.yml'), { repoRoot: repo });
    assert.equal(cancer.task, 'binary-classification');
    assert.deepEqual(cancer.metrics[0], { name: 'accuracy', direction: 'higher', gate: { tolerance: 0.01 } });
    assert.deepEqual(cancer.watch, [
      'fixtures/breast-cancer/data/breast_cancer.csv',
      'fixtures/breast-cancer/params.yaml',
      'fixtures/breast-cancer/model-ci.yml',
    ]);
    const iris = await loadConfig(join(repo, 'fixtures/iris/model-ci.yml'));
    assert.equal(iris.task, 'multiclass-classification');
    assert.deepEqual(iris.data.split, { test: 0.2, seed: 42, stratify: true, method: 'hash' });
  });
});

describe('loadConfig rejects', () => {
  const cases: [string, string, (string | RegExp)[]][] = [
    ['invalid YAML with line and column', 'name: churn\ntask: [binary\ndata: {}\n', ['model-ci.yml:', 'invalid YAML', /model-ci\.yml:\d+:\d+: /]],
    ['a tab-indented mapping', 'name: churn\ndata:\n\ttrain: x.csv\n', ['model-ci.yml:3:', 'invalid YAML']],
    ['an empty file', '', ['model-ci.yml', 'empty']],
    ['a list at the top', '- a\n- b\n', ['model-ci.yml:1', 'must be a mapping']],
    ['a mistyped top-level key', MINIMAL + 'backnd: cpu\n', ['model-ci.yml:6', 'unknown key `backnd`', 'did you mean `backend`?']],
    ['a mistyped nested key', MINIMAL + '  targt: x\n', ['model-ci.yml:6', 'unknown key `data.targt`', 'did you mean `target`?']],
    ['a camelCase key', MINIMAL + '  categoricalColumns: [a]\n', ['model-ci.yml:6', 'did you mean `categorical_columns`?']],
    [
      'an unknown task',
      MINIMAL.replace('binary-classification', 'binary_classification'),
      ['model-ci.yml:2', '`task` must be one of', 'did you mean `binary-classification`?'],
    ],
    [
      'an unknown backend',
      MINIMAL + 'backend: gpu\n',
      ['model-ci.yml:6', '`backend` must be one of auto, dense, tensorflow-gpu, tensorflow, wasm, cpu', 'got the string "gpu"'],
    ],
    ['a wrong type', MINIMAL.replace('target: churned', 'target: [a, b]'), ['model-ci.yml:5', '`data.target` must be a non-empty string, got a list']],
    ['a name that cannot name an image', MINIMAL.replace('name: churn', 'name: My Model'), ['model-ci.yml:1', '`name` must be lowercase']],
    ['a missing name', MINIMAL.replace('name: churn\n', ''), ['model-ci.yml', 'missing required key `name`']],
    ['a missing task', MINIMAL.replace('task: binary-classification\n', ''), ['missing required key `task`']],
    ['a missing data section', 'name: churn\ntask: regression\n', ['missing required key `data`']],
    ['a missing data.train', MINIMAL.replace('  train: data/train.csv\n', ''), ['model-ci.yml:3', 'missing required key `data.train`']],
    ['a missing data.target', MINIMAL.replace('  target: churned\n', ''), ['model-ci.yml:3', 'missing required key `data.target`']],
    ['an empty data.target', MINIMAL.replace('target: churned', 'target:'), ['model-ci.yml:5', 'missing required key `data.target`']],
    ['split.test of 0', MINIMAL + '  split: { test: 0 }\n', ['model-ci.yml:6', '`data.split.test` must be a number in (0, 1), got 0']],
    ['split.test of 1', MINIMAL + '  split: { test: 1 }\n', ['`data.split.test` must be a number in (0, 1), got 1']],
    ['split.test of 20 (percent)', MINIMAL + '  split:\n    test: 20\n', ['model-ci.yml:7', 'got 20']],
    ['a fractional seed', MINIMAL + '  split: { seed: 1.5 }\n', ['`data.split.seed` must be an integer']],
    ['both a test file and a split', MINIMAL + '  test: data/test.csv\n  split: { test: 0.2 }\n', ['model-ci.yml:7', 'either `data.test`', 'not both']],
    [
      'stratify on regression',
      MINIMAL.replace('binary-classification', 'regression') + '  split: { stratify: true }\n',
      ['`data.split.stratify`', 'classification only'],
    ],
    ['the target among the features', MINIMAL + '  features: [age, churned]\n', ['model-ci.yml:6', '`data.features` lists the target column "churned"']],
    ['a feature listed twice', MINIMAL + '  features: [age, age]\n', ['`data.features` lists "age" twice']],
    ['an unknown categorical encoding', MINIMAL + '  categorical: onehot\n', ['`data.categorical` must be one of one-hot, index', 'did you mean `one-hot`?']],
    ['an unknown metric', MINIMAL + 'metrics: [acuracy]\n', ['model-ci.yml:6', 'unknown metric "acuracy"', 'did you mean `accuracy`?']],
    ['an unknown metric in a mapping', MINIMAL + 'metrics:\n  - name: auc_roc\n', ['model-ci.yml:7', 'unknown metric "auc_roc"']],
    [
      'a metric of another task',
      MINIMAL + 'metrics: [rmse]\n',
      ['metric `rmse` does not apply to binary-classification', 'metrics for binary-classification: accuracy'],
    ],
    [
      'roc_auc for multiclass',
      MINIMAL.replace('binary', 'multiclass') + 'metrics: [roc_auc]\n',
      ['metric `roc_auc` does not apply to multiclass-classification'],
    ],
    ['a metric listed twice', MINIMAL + 'metrics: [f1, f1]\n', ['metric `f1` is listed twice']],
    [
      'a mistyped gate key',
      MINIMAL + 'metrics:\n  - name: f1\n    gate: { tolerence: 0.1 }\n',
      ['model-ci.yml:8', 'unknown key `metrics[0].gate.tolerence`', 'did you mean `tolerance`?'],
    ],
    [
      'a bad tolerance string',
      MINIMAL + 'metrics:\n  - name: f1\n    gate: { tolerance: two percent }\n',
      ['`metrics[0].gate.tolerance` must be a number (absolute) or a percentage'],
    ],
    ['a negative tolerance', MINIMAL + 'metrics:\n  - name: f1\n    gate: { tolerance: -0.1 }\n', ['`metrics[0].gate.tolerance` must be a number ≥ 0']],
    [
      'an unknown reference model in beats',
      MINIMAL + 'metrics:\n  - name: f1\n    gate: { beats: [linar] }\n',
      ['`metrics[0].gate.beats[0]` must be one of majority, prior, mean, linear', 'did you mean'],
    ],
    [
      'a regression reference for a classifier',
      MINIMAL + 'metrics:\n  - name: f1\n    gate: { beats: [mean] }\n',
      ['reference model `mean` does not apply to binary-classification; its reference models: majority, prior, linear'],
    ],
    ['an empty beats list', MINIMAL + 'metrics:\n  - name: f1\n    gate: { beats: [] }\n', ['must be a non-empty list of reference models']],
    [
      'an empty data gate',
      MINIMAL.replace('  target: churned\n', '  target: churned\n  gate: {}\n'),
      ['`data.gate` must be a mapping with `max_removed_share` and/or `max_psi`'],
    ],
    [
      'a removed share over 1',
      MINIMAL.replace('  target: churned\n', '  target: churned\n  gate: { max_removed_share: 20 }\n'),
      ['`data.gate.max_removed_share` must be a number in [0, 1]'],
    ],
    ['an empty gate', MINIMAL + 'metrics:\n  - name: f1\n    gate: {}\n', ['`metrics[0].gate` must be a mapping with `tolerance`, `threshold` and/or `beats`']],
    ['an unknown direction', MINIMAL + 'metrics:\n  - name: f1\n    direction: up\n', ['`metrics[0].direction` must be one of higher, lower']],
    [
      'a watch pattern outside the repository',
      MINIMAL + 'watch: ["../other/**"]\n',
      ['model-ci.yml:6', '`watch[0]` must stay inside the repository', '"../other/**" leads out of it'],
    ],
    ['an empty metrics list', MINIMAL + 'metrics: []\n', ['`metrics` must be a non-empty list of metrics']],
  ];
  for (const [what, yaml, fragments] of cases) {
    it(what, async () => {
      const { config } = await load(yaml);
      await userError(config, ...fragments);
    });
  }

  it('a missing config file', async () => {
    await userError(() => loadConfig('/nonexistent/model-ci.yml'), '/nonexistent/model-ci.yml', '`config` names', 'which does not exist');
  });
});
