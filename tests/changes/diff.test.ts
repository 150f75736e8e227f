import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { changedFiles, parseNameStatus, resolvePullCommits } from '../../src/changes/diff.ts';
import type { ChangedFile } from '../../src/changes/types.ts';
import { UserError } from '../../src/errors.ts';
import { createSandbox, type Repo, type Sandbox } from '../support/git-repo.ts';
import { gitCommands } from '../git/git-trace.ts';

const byPath = (files: ChangedFile[]) => [...files].sort((a, b) => a.path.localeCompare(b.path));

describe('changedFiles over real repositories', () => {
  let sandbox: Sandbox;
  let repo: Repo;
  let bare: string;
  let base: string;
  let head: string;
  let shortHead: string;

  before(async () => {
    sandbox = await createSandbox();
    repo = await sandbox.repo('work', {
      'params.yaml': 'train:\n  epochs: 10\n',
      'data/train.csv': 'a,b,label\n' + Array.from({ length: 40 }, (_, i) => `${i},${i * 2},${i % 2}`).join('\n') + '\n',
      'data/old-notes.md': 'notes\n',
      'src/model.ts': 'export const x = 1;\n',
    });
    // Old history below the branch point, which a step-by-step deepening never needs to fetch.
    for (let i = 0; i < 30; i++) await repo.commit({ 'CHANGELOG.md': `${i}\n` }, `history ${i}`);
    // The PR branch: rename a data file (content kept), delete one, edit params, add a file; 15 commits deep.
    await repo.git('checkout', '--quiet', '-b', 'pr');
    await repo.git('mv', 'data/train.csv', 'data/training.csv');
    await repo.commit({ 'data/old-notes.md': null }, 'rename and delete');
    await repo.commit({ 'params.yaml': 'train:\n  epochs: 20\n' }, 'more epochs');
    for (let i = 0; i < 13; i++) await repo.commit({ [`notes/${i}.md`]: `${i}\n` }, `note ${i}`);
    head = await repo.sha();
    // main moves on after the branch point: its change must not count as the PR's.
    await repo.git('checkout', '--quiet', 'main');
    for (let i = 0; i < 3; i++) base = await repo.commit({ 'src/model.ts': `export const x = ${i + 2};\n` }, `main ${i}`);
    // The usual PR: two commits from the same branch point.
    await repo.git('checkout', '--quiet', '-b', 'short', 'pr~15');
    await repo.commit({ 'docs/a.md': 'a\n' }, 'docs a');
    shortHead = await repo.commit({ 'docs/b.md': 'b\n' }, 'docs b');
    await repo.git('checkout', '--quiet', 'main');
    bare = await sandbox.origin(repo);
  });

  after(() => sandbox.dispose());

  const expected: ChangedFile[] = byPath([
    { path: 'data/training.csv', status: 'renamed', previousPath: 'data/train.csv' },
    { path: 'data/old-notes.md', status: 'deleted' },
    { path: 'params.yaml', status: 'modified' },
    ...Array.from({ length: 13 }, (_, i): ChangedFile => ({ path: `notes/${i}.md`, status: 'added' })),
  ]);

  test('three-dot diff with a rename and a deletion, ignoring what main did since the branch point', async () => {
    const result = await changedFiles({ cwd: repo.dir, base, head });
    assert.equal(result.source, 'git');
    assert.deepEqual(byPath(result.files), expected);
  });

  test('accepts branch names as well as SHAs', async () => {
    const result = await changedFiles({ cwd: repo.dir, base: 'main', head: 'pr' });
    assert.deepEqual(byPath(result.files), expected);
  });

  test('a one-commit-deep clone fetches the base and deepens step by step until the merge base appears', async () => {
    const clone = await sandbox.clone(bare, 'shallow', { depth: 1, branch: 'pr', singleBranch: true });
    assert.equal(await clone.git('cat-file', '-t', base).catch(() => 'missing'), 'missing');
    const log: string[] = [];
    const result = await changedFiles({ cwd: clone.dir, base, head, log: (m) => log.push(m), deepenSteps: [4, 8, 16] });
    assert.deepEqual(byPath(result.files), expected);
    // The first step comes with the base, in the same request, for the base and for the head the clone cut off.
    assert.ok(log.includes(`fetching ${base} from origin with the 4 commits below it and below ${head}`), log.join('\n'));
    // 15 PR commits above the merge base: 4 and 4+8 are not enough, 4+8+16 is; no unshallow was needed.
    assert.deepEqual(
      log.filter((m) => m.includes('deepening')).map((m) => m.replace(/.*\(to (\d+)\)$/, '$1')),
      ['12', '28'],
    );
    assert.equal(await clone.git('rev-parse', '--is-shallow-repository'), 'true');
  });

  test('a short PR in a checkout one commit deep: one fetch brings the merge base, no deepening', async () => {
    const clone = await sandbox.clone(bare, 'shallow-short', { depth: 1, branch: 'short', singleBranch: true });
    const log: string[] = [];
    const { result, commands } = await gitCommands(sandbox, () => changedFiles({ cwd: clone.dir, base, head: shortHead, log: (m) => log.push(m) }));
    assert.deepEqual(byPath(result.files), [
      { path: 'docs/a.md', status: 'added' },
      { path: 'docs/b.md', status: 'added' },
    ]);
    assert.deepEqual(log, [`fetching ${base} from origin with the 10 commits below it and below ${shortHead}`]);
    assert.deepEqual(commands.sort(), ['cat-file', 'cat-file', 'diff', 'fetch', 'merge-base', 'rev-parse']);
  });

  test('base and head resolved beforehand are not looked up again', async () => {
    const clone = await sandbox.clone(bare, 'shallow-resolved', { depth: 1, branch: 'short', singleBranch: true });
    const resolved = await resolvePullCommits({ cwd: clone.dir, base: 'main', head: 'HEAD' });
    assert.deepEqual(resolved, { base, head: shortHead, historyFetched: 10 });
    const { result, commands } = await gitCommands(sandbox, () => changedFiles({ cwd: clone.dir, base: 'main', head: 'HEAD', resolved }));
    assert.equal(result.files.length, 2);
    assert.deepEqual(commands, ['merge-base', 'diff']);
  });

  test('unshallows as a last resort', async () => {
    const clone = await sandbox.clone(bare, 'shallow-last-resort', { depth: 1, branch: 'pr', singleBranch: true });
    const log: string[] = [];
    const result = await changedFiles({ cwd: clone.dir, base, head, log: (m) => log.push(m), deepenSteps: [2] });
    assert.deepEqual(byPath(result.files), expected);
    assert.ok(
      log.some((m) => m.includes('--unshallow')),
      log.join('\n'),
    );
    assert.equal(await clone.git('rev-parse', '--is-shallow-repository'), 'false');
  });

  test('with fetching off, a missing base is a user error naming it', async () => {
    const clone = await sandbox.clone(bare, 'shallow-no-fetch', { depth: 1, branch: 'pr', singleBranch: true });
    await assert.rejects(
      changedFiles({ cwd: clone.dir, base, head, fetch: false }),
      (error: unknown) => error instanceof UserError && error.location.field === 'base' && error.message.includes(base),
    );
  });

  test('an unknown revision is a user error, and the fallback answers when given', async () => {
    await assert.rejects(
      changedFiles({ cwd: repo.dir, base: 'no-such-branch', head }),
      /"no-such-branch" is not a commit in this repository, nor on the remote/,
    );
    const reasons: string[] = [];
    const result = await changedFiles({
      cwd: repo.dir,
      base: 'no-such-branch',
      head,
      fallback: async (reason) => {
        reasons.push(reason);
        return [{ path: 'params.yaml', status: 'modified' }];
      },
    });
    assert.deepEqual(result, { files: [{ path: 'params.yaml', status: 'modified' }], source: 'api' });
    assert.match(reasons[0], /no-such-branch/);
  });

  test('unrelated histories fall back to the API list', async () => {
    const other = await sandbox.repo('unrelated');
    await repo.git('fetch', '--quiet', other.dir, 'main:refs/unrelated');
    const fallback = async () => [{ path: 'x', status: 'added' as const }];
    const result = await changedFiles({ cwd: repo.dir, base: 'refs/unrelated', head, fallback });
    assert.equal(result.source, 'api');
    await assert.rejects(changedFiles({ cwd: repo.dir, base: 'refs/unrelated', head }), /share no history/);
  });
});

describe('parseNameStatus', () => {
  test('reads statuses, renames and copies, with paths that contain spaces and newlines', () => {
    const output = ['M', 'a b.txt', 'R087', 'old\nname', 'new name', 'C100', 'src', 'copy', 'T', 'link', 'A', 'x', 'D', 'y', ''].join('\0');
    assert.deepEqual(parseNameStatus(output), [
      { path: 'a b.txt', status: 'modified' },
      { path: 'new name', status: 'renamed', previousPath: 'old\nname' },
      { path: 'copy', status: 'added' },
      { path: 'link', status: 'modified' },
      { path: 'x', status: 'added' },
      { path: 'y', status: 'deleted' },
    ]);
    assert.deepEqual(parseNameStatus(''), []);
  });
});
