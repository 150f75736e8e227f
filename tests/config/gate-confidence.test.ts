import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { diffConfig } from '../../src/compare/config-diff.ts';
import { decideConfig } from '../../src/config/base-decides.ts';
import { loadConfig } from '../../src/config/load.ts';
import { tempFiles, userError } from './temp-files.ts';

const config = (gate: string) => `name: churn
task: binary-classification
data:
  train: data/train.csv
  target: churned
metrics:
  - name: accuracy
    gate: ${gate}
`;

async function load(yaml: string) {
  const root = await tempFiles({ 'model-ci.yml': yaml });
  return loadConfig(join(root, 'model-ci.yml'));
}

describe('metrics[].gate.confidence', () => {
  it('is read beside a tolerance', async () => {
    const c = await load(config('{ tolerance: 0.01, confidence: 0.95 }'));
    assert.deepEqual(c.metrics[0].gate, { tolerance: 0.01, confidence: 0.95 });
  });

  const rejected: [string, string, string[]][] = [
    [
      'a confidence below one half',
      '{ tolerance: 0.01, confidence: 0.4 }',
      ['model-ci.yml:8', '`metrics[0].gate.confidence` must be a number in [0.5, 0.999]', 'got 0.4'],
    ],
    ['a confidence given as a percentage', '{ tolerance: 0.01, confidence: 95 }', ['`metrics[0].gate.confidence` must be a number in [0.5, 0.999]']],
    ['a confidence beside a threshold only', '{ threshold: 0.9, confidence: 0.95 }', ['model-ci.yml:8', 'set only beside a `tolerance`']],
  ];
  for (const [name, gate, fragments] of rejected) {
    it(`rejects ${name} with the file, line and range`, async () => {
      await userError(() => load(config(gate)), ...fragments);
    });
  }

  it("is the base's to decide: a PR that drops it is still judged with it, and its change shows as applying after merge", async () => {
    const root = await tempFiles({ 'model-ci.yml': config('{ tolerance: 0.01 }') });
    const file = join(root, 'model-ci.yml');
    const base = await loadConfig(file, { text: { content: config('{ tolerance: 0.01, confidence: 0.95 }'), shown: 'model-ci.yml at base' } });
    const pr = await loadConfig(file);
    const decided = decideConfig(base, pr);
    assert.equal(decided.config.metrics[0].gate?.confidence, 0.95);
    assert.deepEqual(diffConfig(base, pr, true), [{ key: 'metrics.accuracy.gate.confidence', base: 0.95, afterMerge: true }]);
  });
});
