import assert from 'node:assert/strict';
import { chmod, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { RecordExistsError, createBaselineStore, type BaselineStore } from '../../src/baseline/store.ts';
import { RECORD_SCHEMA, type BaselineRecord } from '../../src/domain/record.ts';
import { UserError } from '../../src/errors.ts';
import { git } from '../../src/git/git.ts';
import { createSandbox, type Repo, type Sandbox } from '../support/git-repo.ts';

const BRANCH = 'model-ci/baselines';

function makeRecord(commit: string, overrides: Partial<BaselineRecord> = {}): BaselineRecord {
  return {
    schema: RECORD_SCHEMA,
    modelCiVersion: '0.1.0',
    model: 'churn',
    commit,
    createdAt: '2025-01-02T03:04:05.000Z',
    backend: 'cpu',
    metrics: { accuracy: 0.91, loss: 0.23 },
    params: { 'train.epochs': 20, 'model.activation': 'relu' },
    data: { 'data/train.csv': { hash: `sha256:${'a'.repeat(64)}`, rows: 455 } },
    inputsHash: `sha256:${commit.slice(0, 8)}`,
    modelHash: `sha256:${'b'.repeat(64)}`,
    history: { epochs: 2, loss: [0.7, 0.3], val_loss: [0.8, 0.4] },
    evaluation: {
      task: 'binary-classification',
      testRows: 114,
      classes: ['0', '1'],
      confusionMatrix: [
        [60, 3],
        [5, 46],
      ],
    },
    ...overrides,
  };
}

/** The work tree, the index and HEAD as a user would see them. */
async function checkoutState(repo: Repo) {
  return {
    status: await repo.git('status', '--porcelain', '--untracked-files=all'),
    head: await repo.git('symbolic-ref', 'HEAD'),
    sha: await repo.sha(),
  };
}

async function filesOnBranch(gitDir: string): Promise<string[]> {
  return (await git(['ls-tree', '-r', '--name-only', `refs/heads/${BRANCH}`], { cwd: gitDir })).trim().split('\n').sort();
}

describe('baseline store on a git branch', () => {
  let sandbox: Sandbox;
  let repo: Repo;
  let bare: string;
  /** main's commits, oldest first. */
  const main: string[] = [];

  before(async () => {
    sandbox = await createSandbox();
    repo = await sandbox.repo('work', { 'params.yaml': 'epochs: 1\n' });
    main.push(await repo.sha());
    for (let i = 0; i < 6; i++) main.push(await repo.commit({ 'params.yaml': `epochs: ${i + 2}\n` }, `main ${i}`));
    bare = await sandbox.origin(repo);
  });

  after(() => sandbox.dispose());

  const storeIn = (dir: string, log: string[] = []): BaselineStore => createBaselineStore({ cwd: dir, log: (m) => log.push(m) });

  test('a missing branch on the remote reads as "no record" rather than an error', async () => {
    const store = storeIn(repo.dir);
    await store.fetch();
    assert.equal(await store.read('churn', main[0]), null);
    assert.equal(await store.findNearest('churn', main[6]), null);
    assert.deepEqual(await store.list('churn'), []);
  });

  test('write then read round-trips, and leaves the work tree, the index and HEAD alone', async () => {
    // Uncommitted and staged work must survive a write untouched.
    await writeFile(join(repo.dir, 'scratch.txt'), 'wip\n');
    await writeFile(join(repo.dir, 'params.yaml'), 'epochs: 99\n');
    await repo.git('add', 'params.yaml');
    const before = await checkoutState(repo);

    const store = storeIn(repo.dir);
    const record = makeRecord(main[3]);
    const { commit } = await store.write(record);

    assert.deepEqual(await checkoutState(repo), before);
    assert.deepEqual(await store.read('churn', main[3]), { record });
    // Read back by revision name too.
    assert.deepEqual(await store.read('churn', 'main~3'), { record });
    assert.equal(await git(['rev-parse', `refs/heads/${BRANCH}`], { cwd: bare }).then((s) => s.trim()), commit);
    assert.deepEqual(await filesOnBranch(bare), ['README.md', `churn/${main[3]}.json`]);
    // The branch is an orphan: its history holds no commit of main.
    assert.equal(await git(['rev-list', '--count', `refs/heads/${BRANCH}`], { cwd: bare }).then((s) => s.trim()), '1');

    await repo.git('checkout', '--quiet', 'HEAD', '--', 'params.yaml');
    await repo.git('reset', '--quiet');
    await repo.git('clean', '--quiet', '-f');
  });

  test('rewriting identical content is a no-op; different content needs replace', async () => {
    const store = storeIn(repo.dir);
    const tipBefore = (await git(['rev-parse', `refs/heads/${BRANCH}`], { cwd: bare })).trim();
    assert.deepEqual(await store.write(makeRecord(main[3])), { commit: tipBefore });

    const withImage = makeRecord(main[3], {
      image: { name: 'ghcr.io/acme/churn', digest: `sha256:${'c'.repeat(64)}`, tags: ['sha-abc1234', 'latest'] },
    });
    await assert.rejects(store.write(withImage), (error: unknown) => error instanceof RecordExistsError && 'record' in error.existing);
    await store.write(withImage, { replace: true });
    assert.deepEqual(await store.read('churn', main[3]), { record: withImage });
    const subjects = (await git(['log', '--format=%s', `refs/heads/${BRANCH}`], { cwd: bare })).trim().split('\n');
    assert.deepEqual(subjects, [`replace baseline churn @ ${main[3].slice(0, 12)}`, `add baseline churn @ ${main[3].slice(0, 12)}`]);
  });

  test('the nearest ancestor with a record is found 3 commits behind', async () => {
    const store = storeIn(repo.dir);
    const nearest = await store.findNearest('churn', main[6]);
    assert.ok(nearest && 'record' in nearest);
    assert.equal(nearest.commit, main[3]);
    assert.equal(nearest.behind, 3);
    assert.equal(nearest.record.commit, main[3]);
    assert.equal((await store.findNearest('churn', main[3]))?.behind, 0);
    assert.equal(await store.findNearest('churn', main[6], { maxDepth: 3 }), null);
    assert.equal(await store.findNearest('churn', main[2]), null, 'records of descendants are not ancestors');
    assert.equal(await store.findNearest('other-model', main[6]), null);
  });

  test('finds a record by its inputs hash, and lists newest first', async () => {
    const store = storeIn(repo.dir);
    await store.write(makeRecord(main[5], { createdAt: '2025-02-01T00:00:00.000Z', inputsHash: 'sha256:same-inputs' }));
    assert.equal((await store.findByInputsHash('churn', 'sha256:same-inputs'))?.commit, main[5]);
    assert.equal(await store.findByInputsHash('churn', 'sha256:never-trained'), null);
    assert.deepEqual(
      (await store.list('churn')).map((entry) => entry.commit),
      [main[5], main[3]],
    );
  });

  test("lists the model's records along first-parent history, newest first, bounded", async () => {
    const store = storeIn(repo.dir);
    assert.deepEqual(
      (await store.recent('churn', main[6])).map((entry) => [entry.commit, entry.behind]),
      [
        [main[5], 1],
        [main[3], 3],
      ],
    );
    assert.deepEqual(
      (await store.recent('churn', main[6], { count: 1 })).map((entry) => entry.commit),
      [main[5]],
    );
    assert.deepEqual(
      (await store.recent('churn', main[4])).map((entry) => entry.commit),
      [main[3]],
      'records of descendants are not history',
    );
    assert.deepEqual(await store.recent('churn', main[6], { maxDepth: 1 }), []);
    assert.deepEqual(await store.recent('other-model', main[6]), []);
  });

  test('a fork PR clone that fetched only its branch and the baselines reads records and finds the nearest one', async () => {
    await repo.git('checkout', '--quiet', '-b', 'pr', main[6]);
    await repo.commit({ 'params.yaml': 'epochs: 50\n' }, 'pr change');
    await repo.git('push', '--quiet', 'origin', 'pr');
    await repo.git('checkout', '--quiet', 'main');
    const fork = await sandbox.clone(bare, 'fork-pr', { depth: 1, branch: 'pr', singleBranch: true });
    assert.equal(await fork.git('cat-file', '-t', main[6]).catch(() => 'missing'), 'missing');

    const log: string[] = [];
    const store = storeIn(fork.dir, log);
    await store.fetch();
    assert.equal(Object.hasOwn((await store.read('churn', main[3])) ?? {}, 'record'), true);
    const nearest = await store.findNearest('churn', main[6]);
    assert.equal(nearest?.commit, main[5]);
    assert.equal(nearest?.behind, 1);
    assert.ok(
      log.some((m) => m.startsWith(`fetching ${main[6]}`)),
      log.join('\n'),
    );
    assert.ok(
      log.some((m) => m.includes('fetching 10 more commits of history')),
      log.join('\n'),
    );
  });

  test('a shallow CI clone writes records, and its history search deepens what it lacks', async () => {
    const ci = await sandbox.clone(bare, 'ci-main', { depth: 1, branch: 'main' });
    const log: string[] = [];
    const store = storeIn(ci.dir, log);
    await store.write(makeRecord(main[1], { inputsHash: 'sha256:from-ci' }));
    // main[6] is the checkout; main[5] is 1 behind but not in a depth-1 clone: found after deepening.
    const nearest = await store.findNearest('churn', main[6]);
    assert.equal(nearest?.commit, main[5]);
    assert.ok(
      log.some((m) => m.includes('more commits of history')),
      log.join('\n'),
    );
    assert.ok((await filesOnBranch(bare)).includes(`churn/${main[1]}.json`));
  });

  test('two writers racing from two clones both land their records', async () => {
    // A pre-receive hook holds the first two pushes until both have arrived, so both are built on the same tip.
    const barrier = join(sandbox.root, 'barrier');
    await mkdir(barrier);
    const hook = join(bare, 'hooks', 'pre-receive');
    await writeFile(
      hook,
      `#!/bin/sh\ncat >/dev/null\ntouch "${barrier}/$$"\ni=0\nwhile [ "$(ls "${barrier}" | wc -l)" -lt 2 ] && [ $i -lt 300 ]; do sleep 0.05; i=$((i+1)); done\nexit 0\n`,
    );
    await chmod(hook, 0o755);
    try {
      const [a, b] = await Promise.all([sandbox.clone(bare, 'writer-a'), sandbox.clone(bare, 'writer-b')]);
      const logA: string[] = [];
      const logB: string[] = [];
      await Promise.all([
        storeIn(a.dir, logA).write(makeRecord(main[2], { model: 'churn' })),
        storeIn(b.dir, logB).write(makeRecord(main[2], { model: 'fraud' })),
      ]);
      const files = await filesOnBranch(bare);
      assert.ok(files.includes(`churn/${main[2]}.json`), files.join('\n'));
      assert.ok(files.includes(`fraud/${main[2]}.json`), files.join('\n'));
      const retries = [...logA, ...logB].filter((m) => m.includes('moved while writing'));
      assert.equal(retries.length, 1, [...logA, ...logB].join('\n'));
    } finally {
      await writeFile(hook, '#!/bin/sh\nexit 0\n');
    }
  });

  test('a model name that cannot be a folder is a user error', async () => {
    const store = storeIn(repo.dir);
    for (const name of ['../escape', 'a/b', '.hidden', '']) {
      await assert.rejects(store.read(name, main[0]), (error: unknown) => error instanceof UserError && error.location.field === 'name', name);
    }
  });
});

describe('records the store cannot use', () => {
  let sandbox: Sandbox;
  let repo: Repo;
  let commit: string;

  before(async () => {
    sandbox = await createSandbox();
    repo = await sandbox.repo('local');
    commit = await repo.sha();
  });

  after(() => sandbox.dispose());

  /** Puts raw files on the baselines branch as a hand edit or an old model-ci would have. */
  async function putRaw(files: Record<string, string>): Promise<void> {
    const hand = await sandbox.clone(repo.dir, `hand-${Math.random().toString(36).slice(2)}`);
    const existing = await hand.git('ls-remote', 'origin', `refs/heads/${BRANCH}`);
    if (existing) await hand.git('checkout', '--quiet', '-b', 'edit', `origin/${BRANCH}`);
    else await hand.git('checkout', '--quiet', '--orphan', 'edit');
    await hand.commit(files, 'hand edit');
    await hand.git('push', '--quiet', 'origin', `edit:${BRANCH}`);
  }

  test('with no remote, records live on a local branch', async () => {
    const log: string[] = [];
    const store = createBaselineStore({ cwd: repo.dir, log: (m) => log.push(m) });
    const headBefore = await repo.sha();
    const record = makeRecord(commit);
    await store.write(record);
    assert.deepEqual(await store.read('churn', commit), { record });
    assert.equal(await repo.sha(), headBefore);
    assert.equal(await repo.git('status', '--porcelain'), '');
    assert.match(await repo.git('ls-tree', '--name-only', '-r', BRANCH), new RegExp(`churn/${commit}\\.json`));
    assert.ok(log.some((m) => m.includes('no remote')));
  });

  test('a record from an older schema is reported unusable, saying so, not thrown', async () => {
    const old = { schema: 0, modelCiVersion: '0.0.9', model: 'legacy', commit, metrics: { acc: 0.9 } };
    await putRaw({ [`legacy/${commit}.json`]: JSON.stringify(old) });
    const store = createBaselineStore({ cwd: repo.dir });
    const result = await store.read('legacy', commit);
    assert.ok(result && 'unusable' in result);
    assert.match(result.unusable, /older model-ci 0\.0\.9 with record schema 0/);
    assert.match(result.unusable, new RegExp(`${BRANCH}:legacy/${commit}\\.json`));
    const nearest = await store.findNearest('legacy', commit);
    assert.ok(nearest && 'unusable' in nearest && nearest.behind === 0);
    assert.equal(await store.findByInputsHash('legacy', 'anything'), null);
  });

  test('a newer schema, missing fields, bad JSON and a misfiled record each say what is wrong', async () => {
    const good = makeRecord(commit);
    const { metrics: _metrics, inputsHash: _inputs, ...missing } = good;
    await putRaw({
      [`newer/${commit}.json`]: JSON.stringify({ ...good, model: 'newer', schema: RECORD_SCHEMA + 1, modelCiVersion: '9.0.0' }),
      [`partial/${commit}.json`]: JSON.stringify({ ...missing, model: 'partial', data: { 'x.csv': { hash: 'h', rows: -1 } } }),
      [`broken/${commit}.json`]: '{"schema": 1,',
      [`misfiled/${commit}.json`]: JSON.stringify({ ...good, model: 'misfiled', commit: 'f'.repeat(40) }),
    });
    const store = createBaselineStore({ cwd: repo.dir });
    const unusable = async (model: string) => {
      const result = await store.read(model, commit);
      assert.ok(result && 'unusable' in result, model);
      return result.unusable;
    };
    assert.match(await unusable('newer'), /written by model-ci 9\.0\.0 with record schema 2; .* upgrade model-ci/);
    const partial = await unusable('partial');
    assert.match(partial, /inputsHash: expected a non-empty string, got nothing/);
    assert.match(partial, /metrics: expected an object, got nothing/);
    assert.match(partial, /data\.x\.csv\.rows: expected a whole number ≥ 0, got -1/);
    assert.match(await unusable('broken'), /is not valid JSON/);
    assert.match(await unusable('misfiled'), /commit: the record says "f{40}" but is stored under/);
    const listed = await store.list('partial');
    assert.equal(listed.length, 1);
    assert.equal(listed[0].commit, commit);
  });

  test('a hand-edited record with a bad digest, commit, time or image name is unusable with its reason, and never reused', async () => {
    const image = { name: 'ghcr.io/acme/churn', digest: `sha256:${'c'.repeat(64)}`, tags: ['ghcr.io/acme/churn:latest'] };
    const edited = (model: string, overrides: Record<string, unknown>) =>
      JSON.stringify({ ...makeRecord(commit, { model, image }), inputsHash: 'sha256:same', ...overrides });
    await putRaw({
      [`digest/${commit}.json`]: edited('digest', { image: { ...image, digest: 'sha256:c' } }),
      [`sha/${commit}.json`]: edited('sha', { rollbackOf: 'HEAD~1', reusedFrom: 'abc1234' }),
      [`time/${commit}.json`]: edited('time', { createdAt: 'yesterday' }),
      [`userinfo/${commit}.json`]: edited('userinfo', { image: { ...image, name: 'ghcr.io@evil.io/acme/churn' } }),
      [`types/${commit}.json`]: edited('types', { metrics: { accuracy: '0.91' }, params: { lr: [0.1] }, commit: 42 }),
    });
    const store = createBaselineStore({ cwd: repo.dir });
    const reasons: Record<string, RegExp> = {
      digest: /image\.digest: expected sha256:<64 hex digits>, got "sha256:c"/,
      sha: /rollbackOf: expected a full commit SHA \(40 hex digits\), got "HEAD~1"; reusedFrom: expected a full commit SHA \(40 hex digits\), got "abc1234"/,
      time: /createdAt: expected an ISO 8601 time such as 2025-03-04T05:06:07Z, got "yesterday"/,
      userinfo: /image\.name: expected an image name without tag or digest, got "ghcr\.io@evil\.io\/acme\/churn"/,
      types:
        /commit: expected a full commit SHA \(40 hex digits\), got 42; metrics\.accuracy: expected a finite number, got "0\.91"; params\.lr: expected a string, number, boolean or null, got \[0\.1\]/,
    };
    for (const [model, reason] of Object.entries(reasons)) {
      const nearest = await store.findNearest(model, commit);
      assert.ok(nearest && 'unusable' in nearest, model);
      assert.match(nearest.unusable, new RegExp(`^${BRANCH}:${model}/${commit}\\.json \\(written by model-ci 0\\.1\\.0\\) cannot be used: `));
      assert.match(nearest.unusable, reason);
      assert.equal(await store.findByInputsHash(model, 'sha256:same'), null, `${model} is not reused`);
    }
  });

  test('a record that could not be read back is never written', async () => {
    const store = createBaselineStore({ cwd: repo.dir });
    await assert.rejects(store.write(makeRecord(commit, { model: 'nan', metrics: { auc: Number.NaN } })), /metrics\.auc: expected a finite number, got null/);
    await assert.rejects(store.write(makeRecord('main')), /full commit SHA/);
    assert.equal(await store.read('nan', commit), null);
  });
});

describe('one store writing several records at once', () => {
  test('queues its writes so none is lost', async () => {
    const sandbox = await createSandbox();
    try {
      const repo = await sandbox.repo('work');
      const commits = [await repo.sha()];
      for (let i = 0; i < 7; i++) commits.push(await repo.commit({ 'f.txt': `${i}\n` }));
      await sandbox.origin(repo);
      const store = createBaselineStore({ cwd: repo.dir });
      await Promise.all(commits.map((commit) => store.write(makeRecord(commit))));
      assert.deepEqual((await store.list('churn')).map((entry) => entry.commit).sort(), [...commits].sort());
    } finally {
      await sandbox.dispose();
    }
  });
});

describe('writes the remote refuses', () => {
  test('a declined push is a user error that says what the job needs, without retrying', async () => {
    const sandbox = await createSandbox();
    try {
      const repo = await sandbox.repo('work');
      const bare = await sandbox.origin(repo);
      const hook = join(bare, 'hooks', 'pre-receive');
      await writeFile(hook, '#!/bin/sh\necho "GH006: Protected branch update failed" >&2\nexit 1\n');
      await chmod(hook, 0o755);
      const log: string[] = [];
      const store = createBaselineStore({ cwd: repo.dir, log: (m) => log.push(m) });
      await assert.rejects(
        store.write(makeRecord(await repo.sha())),
        (error: unknown) => error instanceof UserError && /GH006: Protected branch update failed/.test(error.message) && /contents: write/.test(error.message),
      );
      assert.deepEqual(
        log.filter((m) => m.includes('retrying')),
        [],
      );
    } finally {
      await sandbox.dispose();
    }
  });

  test('an invalid branch name is a user error', async () => {
    const sandbox = await createSandbox();
    try {
      const repo = await sandbox.repo('work');
      const store = createBaselineStore({ cwd: repo.dir, branch: 'bad..name' });
      await assert.rejects(store.read('churn', await repo.sha()), (error: unknown) => error instanceof UserError && error.location.field === 'baseline-branch');
    } finally {
      await sandbox.dispose();
    }
  });
});
