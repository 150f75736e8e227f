import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { decideConfig, isBaseDecided } from '../../src/config/base-decides.ts';
import { loadConfig } from '../../src/config/load.ts';
import { tempFiles } from './temp-files.ts';

const BASE = `name: churn
task: binary-classification
data:
  train: data/train.csv
  split: { test: 0.2, seed: 42, stratify: true }
  target: churned
metrics:
  - name: accuracy
    gate: { tolerance: 0.03 }
  - roc_auc
`;

/** Both sides parsed from the same path, as the flow does: the base's text, the PR's file. */
async function configs(pr: string, base = BASE) {
  const root = await tempFiles({ 'model-ci.yml': pr });
  const file = join(root, 'model-ci.yml');
  return {
    root,
    base: await loadConfig(file, { text: { content: base, shown: 'model-ci.yml at base' } }),
    pr: await loadConfig(file),
  };
}

describe('decideConfig: base decides, PR proposes', () => {
  it("gates the PR with the base's metrics and evaluates it on the base's split; everything else is the PR's", async () => {
    const pr = BASE.replace('tolerance: 0.03', 'tolerance: 0.5')
      .replace('seed: 42', 'seed: 7')
      .replace('train: data/train.csv', 'train: data/bigger.csv')
      .replace('  - roc_auc\n', '');
    const { root, base, pr: prConfig } = await configs(`${pr}backend: cpu\n`);
    const decided = decideConfig(base, prConfig);
    assert.equal(decided.decidedBy, 'base');
    assert.equal(decided.note, undefined);
    assert.deepEqual(decided.config.metrics, [
      { name: 'accuracy', direction: 'higher', gate: { tolerance: 0.03 } },
      { name: 'roc_auc', direction: 'higher' },
    ]);
    assert.deepEqual(decided.config.data.split, { test: 0.2, seed: 42, stratify: true, method: 'hash' });
    assert.equal(decided.config.data.train, join(root, 'data/bigger.csv'), "the PR's data trains its model");
    assert.equal(decided.config.backend, 'cpu');
    assert.equal(prConfig.metrics[0].gate?.tolerance, 0.5, 'the inputs are not changed');
  });

  it("takes the base's test file, and a base split over a PR that switches to its own test file", async () => {
    const withTest = BASE.replace('  split: { test: 0.2, seed: 42, stratify: true }\n', '  test: data/test.csv\n');
    const toEasy = await configs(withTest.replace('data/test.csv', 'data/easy.csv'), withTest);
    assert.equal(decideConfig(toEasy.base, toEasy.pr).config.data.test, join(toEasy.root, 'data/test.csv'));
    assert.equal(decideConfig(toEasy.base, toEasy.pr).config.data.split, undefined);

    const toFile = await configs(withTest);
    const decided = decideConfig(toFile.base, toFile.pr);
    assert.equal(decided.config.data.test, undefined);
    assert.deepEqual(decided.config.data.split, { test: 0.2, seed: 42, stratify: true, method: 'hash' });
  });

  it("takes the base's data gate: a PR cannot loosen or drop it for itself", async () => {
    const gated = BASE.replace('  target: churned\n', '  target: churned\n  gate: { max_removed_share: 0.2, max_psi: 0.25 }\n');
    const loosened = await configs(gated.replace('max_removed_share: 0.2', 'max_removed_share: 1'), gated);
    assert.deepEqual(decideConfig(loosened.base, loosened.pr).config.data.gate, { maxRemovedShare: 0.2, maxPsi: 0.25 });
    const dropped = await configs(BASE, gated);
    assert.deepEqual(decideConfig(dropped.base, dropped.pr).config.data.gate, { maxRemovedShare: 0.2, maxPsi: 0.25 });
    const added = await configs(gated, BASE);
    assert.equal(decideConfig(added.base, added.pr).config.data.gate, undefined, 'a gate the PR adds applies after merge');
  });

  it("applies the PR's config when the base has none, and says why", async () => {
    const { pr } = await configs(BASE.replace('0.03', '0.5'));
    const decided = decideConfig(undefined, pr, 'the base commit abc1234 has no model-ci.yml');
    assert.equal(decided.decidedBy, 'pr');
    assert.equal(decided.config, pr);
    assert.match(decided.note ?? '', /abc1234 has no model-ci\.yml: this PR's config applies/);
  });

  it("applies the PR's config when it changes the task, since the base's metrics are for another task", async () => {
    const { base, pr } = await configs(BASE.replace('binary-classification', 'multiclass-classification').replace('  - roc_auc\n', ''));
    const decided = decideConfig(base, pr);
    assert.equal(decided.decidedBy, 'pr');
    assert.match(decided.note ?? '', /changes the task from binary-classification to multiclass-classification/);
  });

  it('names the keys the base decides', () => {
    for (const key of ['metrics', 'metrics.accuracy.gate.tolerance', 'data.split.seed', 'data.test', 'data.gate.max_psi']) assert.ok(isBaseDecided(key), key);
    for (const key of ['data.train', 'data.splits', 'params', 'name', 'sweep.train.epochs']) assert.ok(!isBaseDecided(key), key);
  });
});
