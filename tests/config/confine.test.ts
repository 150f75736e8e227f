/**
 * Confinement of the paths a config names (src/config/confine.ts), through loadConfig and the inputs the
 * pipeline reads, on real folders, real symlinks and real git repositories.
 */
import assert from 'node:assert/strict';
import { mkdir, realpath, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { confineInputs } from '../../src/config/confine.ts';
import { loadConfig, loadParams } from '../../src/config/load.ts';
import { createSandbox } from '../support/git-repo.ts';
import { tempFiles, userError } from './temp-files.ts';

const config = (train: string, extra = '') => `name: churn\ntask: binary-classification\ndata:\n  train: ${train}\n  target: churned\n${extra}`;
const CSV = 'a,churned\n1,0\n2,1\n3,0\n';
const SECRET = 'FAKE_SECRET_123';

/** A repository folder `repo/` (with a `.git`) beside an `outside/` folder holding a secret. */
async function layout(files: Record<string, string> = {}) {
  const top = await realpath(
    await tempFiles({
      'outside/secret.csv': `a,churned\n${SECRET},1\n`,
      'outside/dir/x.csv': CSV,
      'repo/.git/config': `[http]\n\textraheader = AUTHORIZATION: basic ${SECRET}\n`,
      'repo/data/train.csv': CSV,
      'repo/params.yaml': 'train: { epochs: 3 }\n',
      ...files,
    }),
  );
  const repo = join(top, 'repo');
  return {
    top,
    repo,
    load: async (yaml: string) => {
      await writeFile(join(repo, 'model-ci.yml'), yaml);
      return confineInputs(await loadConfig(join(repo, 'model-ci.yml')));
    },
  };
}

/** Asserts the refusal names the key and never carries the secret. */
async function refused(action: () => unknown, ...fragments: (string | RegExp)[]) {
  const text = await userError(action, ...fragments);
  assert.ok(!text.includes(SECRET), `the secret leaked: ${text}`);
}

describe('confinement of the paths a config names', () => {
  it('reads files inside the repository; the repository root defaults to the folder holding .git', async () => {
    const { repo, load } = await layout({ 'repo/model/data.csv': CSV });
    const c = await load(config('data/train.csv'));
    assert.equal(c.data.train, join(repo, 'data/train.csv'));
    assert.equal(c.params, join(repo, 'params.yaml'));
    // A config in a sub-folder may name a file elsewhere in the same repository.
    await writeFile(join(repo, 'model/model-ci.yml'), config('../data/train.csv', 'params: ../params.yaml\n'));
    assert.equal((await confineInputs(await loadConfig(join(repo, 'model/model-ci.yml')))).data.train, join(repo, 'data/train.csv'));
  });

  it('refuses an absolute path', async () => {
    const { top, load } = await layout();
    await refused(() => load(config(join(top, 'outside/secret.csv'))), '`data.train` must be a relative path inside the repository', 'model-ci.yml:4');
    await refused(() => load(config('data/train.csv', 'params: /proc/self/environ\n')), '`params` must be a relative path inside the repository');
  });

  it('refuses a .. escape', async () => {
    const { load } = await layout();
    await refused(() => load(config('../outside/secret.csv')), '`data.train` must stay inside the repository', '"../outside/secret.csv" leads out of it');
    await refused(
      () => load(config('data/train.csv', 'data_extra: 1\n').replace('data_extra: 1\n', 'watch: ["data/**", "../outside/**"]\n')),
      '`watch[1]` must stay inside',
    );
  });

  it('refuses a symlink to a file outside the repository', async () => {
    const { top, repo, load } = await layout();
    await symlink(join(top, 'outside/secret.csv'), join(repo, 'data/link.csv'));
    await refused(() => load(config('data/link.csv')), '`data.train` names "data/link.csv", which is a symlink leading out of the repository');
    await symlink('../outside/secret.csv', join(repo, 'params-link.yaml'));
    await refused(() => load(config('data/train.csv', 'params: params-link.yaml\n')), '`params` names "params-link.yaml", which is a symlink leading out');
  });

  it('refuses a symlink to a folder outside the repository', async () => {
    const { top, repo, load } = await layout();
    await symlink(join(top, 'outside/dir'), join(repo, 'shared'));
    await refused(() => load(config('shared/x.csv')), '`data.train` names "shared/x.csv", which is a symlink leading out of the repository');
  });

  it('refuses git’s own files, at the top and at any depth', async () => {
    const { repo, load } = await layout({ 'repo/sub/.git/config': `token ${SECRET}\n` });
    await refused(() => load(config('.git/config')), "`data.train` may not name git's own files (`.git`)");
    await refused(() => load(config('sub/.git/config')), "`data.train` may not name git's own files");
    await refused(() => load(config('data/train.csv', 'params: ./sub/../.GIT/config\n')), "`params` may not name git's own files");
    // Through a symlink whose name looks harmless.
    await symlink('../.git/config', join(repo, 'data/harmless.csv'));
    await refused(() => load(config('data/harmless.csv')), '`data.train` names "data/harmless.csv", which leads into git\'s own files');
  });

  it('follows a symlink that stays inside the repository (outside runs that hold secrets)', async () => {
    const { repo, load } = await layout();
    await symlink('train.csv', join(repo, 'data/alias.csv'));
    const c = await load(config('data/alias.csv'));
    assert.equal(c.data.train, join(repo, 'data/train.csv'), 'the file read is the real path that was checked');
  });

  it('a missing file is a clear error naming the key', async () => {
    const { load } = await layout();
    await refused(() => load(config('data/nope.csv')), '`data.train` names "data/nope.csv", which does not exist');
    await refused(
      () => load(config('data/train.csv', 'data_test: x\n').replace('data_test: x\n', '').replace('  target:', '  test: data/none.csv\n  target:')),
      '`data.test` names "data/none.csv", which does not exist',
    );
  });

  it('refuses a config file outside the repository, or a symlink to one', async () => {
    const { top, repo } = await layout({ 'outside/model-ci.yml': config('../repo/data/train.csv') });
    await refused(() => loadConfig(join(top, 'outside/model-ci.yml'), { repoRoot: repo }), '`config` must stay inside the repository');
    await symlink(join(top, 'outside/secret.csv'), join(repo, 'linked.yml'));
    await refused(() => loadConfig(join(repo, 'linked.yml')), '`config` names "linked.yml", which is a symlink leading out of the repository');
  });
});

describe('inputs of a run that holds secrets: regular files of the commit', () => {
  const sandbox = createSandbox('model-ci-confine-');
  after(async () => (await sandbox).dispose());

  it('accepts committed files and refuses ignored, untracked and symlinked ones', async () => {
    const repo = await (await sandbox).repo('tracked', {
      'model-ci.yml': config('data/train.csv'),
      'data/train.csv': CSV,
      'params.yaml': 'train: { epochs: 3 }\n',
      '.gitignore': 'data/ignored.csv\n',
    });
    const commit = await repo.sha();
    const file = join(repo.dir, 'model-ci.yml');
    const root = await realpath(repo.dir);
    const ok = await confineInputs(await loadConfig(file), { trackedAt: commit });
    assert.equal(ok.data.train, join(root, 'data/train.csv'));

    await writeFile(join(repo.dir, 'data/ignored.csv'), CSV);
    await writeFile(join(repo.dir, 'model-ci.yml'), config('data/ignored.csv'));
    await userError(
      async () => confineInputs(await loadConfig(file), { trackedAt: commit }),
      '`data.train` names "data/ignored.csv", which is not a file committed in',
      'a run that holds secrets',
    );

    // A committed symlink that stays inside: fine for the CLI, refused when the run holds secrets.
    await symlink('train.csv', join(repo.dir, 'data/alias.csv'));
    await writeFile(join(repo.dir, 'model-ci.yml'), config('data/alias.csv'));
    const linked = await repo.commit({}, 'a symlink');
    assert.equal((await confineInputs(await loadConfig(file))).data.train, join(root, 'data/train.csv'));
    await userError(async () => confineInputs(await loadConfig(file), { trackedAt: linked }), '`data.train` names "data/alias.csv", a symlink');

    // A file of the working tree that the commit trained does not hold.
    await mkdir(join(repo.dir, 'later'));
    await writeFile(join(repo.dir, 'later/new.csv'), CSV);
    await writeFile(join(repo.dir, 'model-ci.yml'), config('later/new.csv'));
    await userError(
      async () => confineInputs(await loadConfig(file), { trackedAt: linked }),
      '`data.train` names "later/new.csv", which is not a file committed in',
    );
  });
});

describe('a params file must read as params', () => {
  it('refuses git-config-like text and a scalar without echoing them', async () => {
    const dir = await tempFiles({
      'ini.yaml': `core:\n  extraheader = AUTHORIZATION: basic ${SECRET}\n`,
      'scalar.yaml': `A=1 ${SECRET}=${'x'.repeat(200)}\n`,
      'dvc.yaml': 'model:\n  hidden_units: [8]\nprepare:\n  split: 0.3\n  long_text: ' + 'y'.repeat(300) + '\n',
    });
    await refused(() => loadParams(join(dir, 'ini.yaml')), 'a key of `core` is not a params name', 'is this file a params file?');
    const scalar = await userError(() => loadParams(join(dir, 'scalar.yaml')), 'the file must be a mapping of keys to values, got the string "A=1 FAKE_SECRET');
    assert.ok(!scalar.includes('x'.repeat(40)), `the whole value is echoed: ${scalar}`);
    // Other stages' sections of a proper params file are kept.
    const dvc = await loadParams(join(dir, 'dvc.yaml'));
    assert.equal(dvc.flat['prepare.split'], 0.3);
  });
});
