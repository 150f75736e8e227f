/**
 * A model repository as users have it: fixtures/breast-cancer committed on main in a real git
 * repository with a bare "origin", plus helpers to open pull-request branches on it. Training is cut to
 * a few epochs so end-to-end tests stay quick; the flow is the same.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createSandbox, type Repo, type Sandbox } from './git-repo.ts';

const fixture = join(import.meta.dirname, '..', '..', 'fixtures', 'breast-cancer');

export const FAST_PARAMS = `model:
  hidden_units: [16]
  activation: relu
  dropout: 0
train:
  epochs: 12
  batch_size: 32
  learning_rate: 0.01
  optimizer: adam
  seed: 42
  validation_split: 0.2
  early_stopping: { patience: 4, min_delta: 0.0001 }
`;

export interface ModelRepo {
  sandbox: Sandbox;
  /** Where commits are made; `origin` is `bare`. */
  source: Repo;
  bare: string;
  mainSha: string;
  csv: string;
  /** Commits `files` on a new branch from main, pushes it and `refs/pull/<number>/head`; returns the head SHA. */
  openPull(number: number, branch: string, files: Record<string, string | null>): Promise<string>;
  /** Another commit on an existing PR branch (a synchronize). */
  pushToPull(number: number, branch: string, files: Record<string, string | null>): Promise<string>;
  /** A depth-1 checkout of `ref`, as actions/checkout makes. */
  checkout(ref: string, name: string): Promise<Repo>;
}

export async function createModelRepo(): Promise<ModelRepo> {
  const sandbox = await createSandbox('model-ci-e2e-');
  const csv = await readFile(join(fixture, 'data', 'breast_cancer.csv'), 'utf8');
  const source = await sandbox.repo('source', {
    'model-ci.yml': await readFile(join(fixture, 'model-ci.yml'), 'utf8'),
    'params.yaml': FAST_PARAMS,
    'data/breast_cancer.csv': csv,
    'README.md': '# a model\n',
  });
  const bare = await sandbox.origin(source);
  const mainSha = await source.sha();
  const pushPull = async (number: number, branch: string) => {
    await source.git('push', '--quiet', '--force', 'origin', `${branch}:refs/heads/${branch}`, `${branch}:refs/pull/${number}/head`);
    return source.sha(branch);
  };
  return {
    sandbox,
    source,
    bare,
    mainSha,
    csv,
    async openPull(number, branch, files) {
      await source.git('switch', '--quiet', '-C', branch, 'main');
      await source.commit(files, `PR #${number}`);
      await source.git('switch', '--quiet', 'main');
      return pushPull(number, branch);
    },
    async pushToPull(number, branch, files) {
      await source.git('switch', '--quiet', branch);
      await source.commit(files, `PR #${number}: more`);
      await source.git('switch', '--quiet', 'main');
      return pushPull(number, branch);
    },
    checkout: (ref, name) => sandbox.clone(bare, name, { depth: 1, branch: ref }),
  };
}
