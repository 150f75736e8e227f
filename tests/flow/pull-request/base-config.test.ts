/** The base's model-ci.yml comes from git's objects of the base commit, never from the PR's checkout. */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { loadConfig } from '../../../src/config/load.ts';
import { UserError } from '../../../src/errors.ts';
import { judgeConfig } from '../../../src/flow/pull-request/base-config.ts';
import { createSandbox, type Sandbox } from '../../support/git-repo.ts';

const CONFIG = `name: churn
task: binary-classification
data:
  train: data/train.csv
  target: churned
metrics:
  - name: accuracy
    gate: { tolerance: 0.03 }
`;

let sandbox: Sandbox;
before(async () => {
  sandbox = await createSandbox();
});
after(() => sandbox.dispose());

async function judge(baseFiles: Record<string, string>, prConfig: string) {
  const repo = await sandbox.repo(`r${Math.random().toString(36).slice(2, 8)}`, { 'README.md': '#\n', ...baseFiles });
  const baseSha = await repo.sha();
  await repo.commit({ 'models/churn/model-ci.yml': prConfig });
  const options = { repoRoot: repo.dir, configPath: 'models/churn/model-ci.yml' };
  const pr = await loadConfig(join(repo.dir, options.configPath), { repoRoot: repo.dir });
  return { judged: () => judgeConfig(options, baseSha, pr), repo };
}

describe('judgeConfig', () => {
  test("reads the base commit's config, not the checkout's, and marks the PR's gate change as applying after merge", async () => {
    const { judged } = await judge({ 'models/churn/model-ci.yml': CONFIG }, CONFIG.replace('0.03', '0.5'));
    const result = await judged();
    assert.equal(result.decidedBy, 'base');
    assert.equal(result.config.metrics[0].gate?.tolerance, 0.03);
    assert.deepEqual(result.review, {
      file: 'models/churn/model-ci.yml',
      decidedBy: 'base',
      changes: [{ key: 'metrics.accuracy.gate.tolerance', base: 0.03, head: 0.5, afterMerge: true }],
    });
  });

  test("applies the PR's config when the base has none, or an invalid one, and says which", async () => {
    const introduced = await (await judge({}, CONFIG)).judged();
    assert.equal(introduced.decidedBy, 'pr');
    assert.match(introduced.review.note ?? '', /^the base commit [0-9a-f]{7} has no models\/churn\/model-ci\.yml \(this PR introduces the model\)/);

    const broken = await (await judge({ 'models/churn/model-ci.yml': CONFIG.replace('task: binary-classification', 'task: clustering') }, CONFIG)).judged();
    assert.equal(broken.decidedBy, 'pr');
    assert.match(broken.review.note ?? '', /the base's config is invalid \(models\/churn\/model-ci\.yml at [0-9a-f]{7}:2: .*clustering/);
  });

  test('refuses a base commit the checkout lacks instead of letting the PR judge itself', async () => {
    const { repo } = await judge({ 'models/churn/model-ci.yml': CONFIG }, CONFIG);
    const pr = await loadConfig(join(repo.dir, 'models/churn/model-ci.yml'), { repoRoot: repo.dir });
    await assert.rejects(
      judgeConfig({ repoRoot: repo.dir, configPath: 'models/churn/model-ci.yml' }, 'f'.repeat(40), pr),
      (error: unknown) => error instanceof UserError && /base commit fffffff is not in this checkout/.test(error.message),
    );
  });
});
