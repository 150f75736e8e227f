/** Opens a pull request on a model repository and runs the PR flow on it, as `model-ci report` does. */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { createBaselineStore } from '../../../src/baseline/store.ts';
import { runPullRequest } from '../../../src/flow/pull-request/decide.ts';
import { consoleLogger } from '../../../src/logger.ts';
import type { ModelRepo } from '../../support/model-repo.ts';

export async function prRun(repo: ModelRepo, number: number, files: Record<string, string>) {
  const head = await repo.openPull(number, `pr-${number}`, files);
  await repo.source.git('switch', '--quiet', '--detach', head);
  try {
    const result = await runPullRequest({
      repoRoot: repo.source.dir,
      configPath: 'model-ci.yml',
      base: 'main',
      head,
      artifactsDir: join(repo.sandbox.root, `out-${number}`),
      store: createBaselineStore({ cwd: repo.source.dir, log: () => {} }),
      log: consoleLogger(() => {}),
      backend: 'cpu',
    });
    assert.equal(result.kind, 'compared');
    return result;
  } finally {
    await repo.source.git('switch', '--quiet', 'main');
  }
}
