import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { UserError } from '../../src/errors.ts';
import { fetchCommits, localCommits, resolveCommit, resolveCommits } from '../../src/git/history.ts';
import { createSandbox, type Repo, type Sandbox } from '../support/git-repo.ts';
import { gitCommands } from './git-trace.ts';

const count = (repo: Repo, rev: string) => repo.git('rev-list', '--count', rev).then(Number);

/** At least `depth` commits of `rev`'s history (more where two histories cut off at different depths meet), yet not all 23. */
async function assertHistory(repo: Repo, rev: string, depth: number) {
  const commits = await count(repo, rev);
  assert.ok(commits >= depth && commits < depth + 5, `${commits} commits of history, expected ${depth} or a few more`);
}

describe('resolving commits', () => {
  let sandbox: Sandbox;
  let source: Repo;
  let bare: string;
  let root: string;
  let branchPoint: string;
  let base: string;
  let head: string;
  let tag: string;

  before(async () => {
    sandbox = await createSandbox();
    source = await sandbox.repo('source', { 'a.txt': '0\n' });
    root = await source.sha();
    for (let i = 1; i <= 20; i++) await source.commit({ 'a.txt': `${i}\n` }, `main ${i}`);
    branchPoint = await source.sha();
    await source.git('tag', '-a', '-m', 'an annotated tag', 'v1');
    tag = await source.git('rev-parse', 'v1');
    await source.git('checkout', '--quiet', '-b', 'pr');
    for (let i = 0; i < 3; i++) head = await source.commit({ [`pr/${i}.txt`]: `${i}\n` }, `pr ${i}`);
    await source.git('checkout', '--quiet', 'main');
    for (let i = 0; i < 2; i++) base = await source.commit({ 'b.txt': `${i}\n` }, `main after ${i}`);
    bare = await sandbox.origin(source);
  });
  after(() => sandbox.dispose());

  test('localCommits looks several revisions up in one process, peeling tags, and says which are missing', async () => {
    const { result, commands } = await gitCommands(sandbox, () =>
      localCommits(source.dir, [base, 'pr', 'v1', 'no-such-branch', 'main^{tree}', `${root}^`, 'main~2']),
    );
    assert.deepEqual(result, [base, head, branchPoint, null, null, null, branchPoint]);
    assert.notEqual(tag, branchPoint);
    assert.deepEqual(commands, ['cat-file']);
  });

  test('revisions git could misread are user errors naming their field', async () => {
    for (const rev of ['', '--output=x', 'main\nHEAD']) {
      await assert.rejects(
        resolveCommits(
          [
            { rev: 'main', field: 'base' },
            { rev, field: 'head' },
          ],
          { cwd: source.dir, remote: 'origin', fetch: true },
        ),
        (error: unknown) => error instanceof UserError && error.location.field === 'head' && /expected a commit SHA, branch or tag/.test(error.message),
      );
    }
  });

  test('commits that are here are resolved without fetching', async () => {
    const { result, commands } = await gitCommands(sandbox, () =>
      resolveCommits(
        [
          { rev: 'main', field: 'base' },
          { rev: head, field: 'head' },
        ],
        { cwd: source.dir, remote: 'origin', fetch: true, depth: 11 },
      ),
    );
    assert.deepEqual(result, { shas: [base, head], historyFetched: 0 });
    assert.ok(!commands.includes('fetch'), commands.join(' '));
  });

  test('in a checkout one commit deep, the missing base comes with history, and the head is deepened, in one request', async () => {
    const clone = await sandbox.clone(bare, 'one-deep', { depth: 1, branch: 'pr', singleBranch: true });
    const log: string[] = [];
    const { result, commands } = await gitCommands(sandbox, () =>
      resolveCommits(
        [
          { rev: base, field: 'base' },
          { rev: head, field: 'head' },
        ],
        { cwd: clone.dir, remote: 'origin', fetch: true, depth: 5, log: (m) => log.push(m) },
      ),
    );
    assert.deepEqual(result, { shas: [base, head], historyFetched: 4 });
    assert.deepEqual(log, [`fetching ${base} from origin with the 4 commits below it and below ${head}`]);
    // Shallow? ‖ look-up, one fetch, a look-up of what it brought; no housekeeping after the fetch.
    assert.deepEqual(commands.sort(), ['cat-file', 'cat-file', 'fetch', 'rev-parse']);
    await assertHistory(clone, base, 5);
    await assertHistory(clone, head, 5);
    // 3 commits above the branch point on the PR, 2 on main: its merge base is now here.
    assert.equal(await clone.git('merge-base', base, head), branchPoint);
    assert.equal(await clone.git('rev-parse', '--is-shallow-repository'), 'true');
  });

  test('in a deeper checkout, a missing commit is fetched one deep, so the history the checkout has is never shortened', async () => {
    const clone = await sandbox.clone(bare, 'deeper', { depth: 8, branch: 'pr', singleBranch: true });
    assert.equal(await count(clone, head), 8);
    const log: string[] = [];
    const result = await resolveCommits(
      [
        { rev: base, field: 'base' },
        { rev: head, field: 'head' },
      ],
      {
        cwd: clone.dir,
        remote: 'origin',
        fetch: true,
        depth: 5,
        log: (m) => log.push(m),
      },
    );
    assert.deepEqual(result, { shas: [base, head], historyFetched: 0 });
    assert.deepEqual(log, [`fetching ${base} from origin`]);
    // `--depth=5` for the base would have cut the head's history at base~4, 5 commits below the head.
    assert.equal(await count(clone, head), 8);
    assert.equal(await count(clone, base), 1);
  });

  test('a full clone stays full: the missing commit comes with all its history', async () => {
    const clone = await sandbox.clone(bare, 'full', { branch: 'pr', singleBranch: true });
    const result = await resolveCommits(
      [
        { rev: base, field: 'base' },
        { rev: 'pr', field: 'head' },
      ],
      { cwd: clone.dir, remote: 'origin', fetch: true, depth: 5 },
    );
    assert.deepEqual(result, { shas: [base, head], historyFetched: 0 });
    assert.equal(await count(clone, base), 23);
    assert.equal(await clone.git('rev-parse', '--is-shallow-repository'), 'false');
  });

  test('branch and tag names missing here are fetched and resolved through FETCH_HEAD, tags peeled', async () => {
    const clone = await sandbox.clone(bare, 'names', { depth: 1, branch: 'pr', singleBranch: true });
    const result = await resolveCommits(
      [
        { rev: 'main', field: 'base' },
        { rev: 'refs/tags/v1', field: 'tag' },
        { rev: head, field: 'head' },
      ],
      { cwd: clone.dir, remote: 'origin', fetch: true, depth: 3 },
    );
    assert.deepEqual(result, { shas: [base, branchPoint, head], historyFetched: 2 });
    await assertHistory(clone, base, 3);
    await assertHistory(clone, head, 3);
  });

  test('a commit on neither side is a user error naming its field; a commit only here does not stop the others', async () => {
    const clone = await sandbox.clone(bare, 'local-only', { depth: 1, branch: 'pr', singleBranch: true });
    await clone.git('-c', 'user.name=t', '-c', 'user.email=t@example.test', 'commit', '--quiet', '--allow-empty', '-m', 'not pushed');
    const localHead = await clone.sha();
    const missing = 'f'.repeat(40);
    await assert.rejects(
      resolveCommits(
        [
          { rev: base, field: 'base' },
          { rev: missing, field: 'head' },
        ],
        { cwd: clone.dir, remote: 'origin', fetch: true, depth: 5 },
      ),
      (error: unknown) =>
        error instanceof UserError &&
        error.location.field === 'head' &&
        error.message === `"${missing}" is not a commit in this repository, nor on the remote "origin"`,
    );
    // The local head cannot be deepened from the remote; the base still comes, and no history is claimed.
    const result = await resolveCommits(
      [
        { rev: base, field: 'base' },
        { rev: localHead, field: 'head' },
      ],
      { cwd: clone.dir, remote: 'origin', fetch: true, depth: 5 },
    );
    assert.deepEqual(result, { shas: [base, localHead], historyFetched: 0 });
  });

  test('with fetching off, or no remote, a missing commit is a user error that says so', async () => {
    const clone = await sandbox.clone(bare, 'no-remote', { depth: 1, branch: 'pr', singleBranch: true });
    await assert.rejects(
      resolveCommit(base, { cwd: clone.dir, remote: 'origin', fetch: false, field: 'base' }),
      (error: unknown) => error instanceof UserError && error.message === `"${base}" is not a commit in this repository (fetching is off)`,
    );
    await clone.git('remote', 'remove', 'origin');
    await assert.rejects(
      resolveCommit(base, { cwd: clone.dir, remote: 'origin', fetch: true, field: 'base' }),
      (error: unknown) =>
        error instanceof UserError &&
        error.location.field === 'base' &&
        error.message === `"${base}" is not a commit in this repository, and there is no remote "origin" to fetch it from`,
    );
    assert.equal(await resolveCommit('HEAD', { cwd: clone.dir, remote: 'origin', fetch: true, field: 'head' }), head);
  });

  test('fetchCommits deepens what it can and throws only when nothing could be fetched', async () => {
    const clone = await sandbox.clone(bare, 'deepen', { depth: 1, branch: 'pr', singleBranch: true });
    await fetchCommits(clone.dir, 'origin', ['--deepen=2'], [head, 'e'.repeat(40)]);
    assert.equal(await count(clone, head), 3);
    await assert.rejects(fetchCommits(clone.dir, 'origin', ['--deepen=2'], ['e'.repeat(40)]), /git .*fetch .*failed/);
  });
});
