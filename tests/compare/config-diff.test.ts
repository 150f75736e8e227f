import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { diffConfig, flattenConfig } from '../../src/compare/config-diff.ts';
import { loadConfig } from '../../src/config/load.ts';
import { tempFiles } from '../config/temp-files.ts';

const BASE = `name: churn
task: binary-classification
data:
  train: data/train.csv
  split: { test: 0.2, seed: 42, stratify: true }
  target: churned
metrics:
  - name: accuracy
    gate: { tolerance: 0.03 }
  - name: log_loss
    gate: { tolerance: "5%", threshold: 0.4 }
`;

async function both(pr: string, base = BASE) {
  const root = await tempFiles({ 'models/churn/model-ci.yml': pr });
  const file = join(root, 'models/churn/model-ci.yml');
  return { base: await loadConfig(file, { repoRoot: root, text: { content: base, shown: 'base' } }), pr: await loadConfig(file, { repoRoot: root }) };
}

describe('diffConfig', () => {
  it('is empty when nothing changed', async () => {
    const { base, pr } = await both(BASE);
    assert.deepEqual(diffConfig(base, pr, true), []);
  });

  it('lists every changed key with both values, gates and the split marked as applying after merge', async () => {
    const pr =
      BASE.replace('tolerance: 0.03', 'tolerance: 0.5').replace('seed: 42', 'seed: 7').replace('train: data/train.csv', 'train: data/all.csv') +
      'backend: wasm\n';
    const { base, pr: head } = await both(pr);
    assert.deepEqual(diffConfig(base, head, true), [
      { key: 'backend', base: 'auto', head: 'wasm', afterMerge: false },
      { key: 'data.split.seed', base: 42, head: 7, afterMerge: true },
      { key: 'data.train', base: 'data/train.csv', head: 'data/all.csv', afterMerge: false },
      { key: 'metrics.accuracy.gate.tolerance', base: 0.03, head: 0.5, afterMerge: true },
      {
        key: 'watch',
        base: '["models/churn/data/train.csv","models/churn/params.yaml","models/churn/model-ci.yml"]',
        head: '["models/churn/data/all.csv","models/churn/params.yaml","models/churn/model-ci.yml"]',
        afterMerge: false,
      },
    ]);
  });

  it('shows a removed gate, a removed metric and a changed test file; nothing applies after merge when the PR decides', async () => {
    const pr = BASE.replace('  split: { test: 0.2, seed: 42, stratify: true }\n', '  test: data/easy.csv\n')
      .replace(/ {2}- name: log_loss\n.*\n/, '')
      .replace('\n    gate: { tolerance: 0.03 }', '');
    const { base, pr: head } = await both(pr);
    const changes = diffConfig(base, head, false);
    assert.deepEqual(
      changes.map((change) => [change.key, change.base, change.head]),
      [
        ['data.split.method', 'hash', undefined],
        ['data.split.seed', 42, undefined],
        ['data.split.stratify', true, undefined],
        ['data.split.test', 0.2, undefined],
        ['data.test', undefined, 'data/easy.csv'],
        ['metrics', 'accuracy, log_loss', 'accuracy'],
        ['metrics.accuracy.gate.tolerance', 0.03, undefined],
        ['metrics.log_loss.direction', 'lower', undefined],
        ['metrics.log_loss.gate.threshold', 0.4, undefined],
        ['metrics.log_loss.gate.tolerance', '5%', undefined],
        [
          'watch',
          '["models/churn/data/train.csv","models/churn/params.yaml","models/churn/model-ci.yml"]',
          '["models/churn/data/train.csv","models/churn/data/easy.csv","models/churn/params.yaml","models/churn/model-ci.yml"]',
        ],
      ],
    );
    assert.ok(changes.every((change) => !change.afterMerge));
  });

  it('reads relative tolerances as written and paths relative to the config', async () => {
    const { base } = await both(BASE);
    const flat = flattenConfig(base);
    assert.equal(flat['metrics.log_loss.gate.tolerance'], '5%');
    assert.equal(flat['data.train'], 'data/train.csv');
    assert.equal(flat.params, 'params.yaml');
  });
});
