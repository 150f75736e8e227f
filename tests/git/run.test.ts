import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { GitError, git, gitBytes, tryGit } from '../../src/git/git.ts';
import { createSandbox, type Repo, type Sandbox } from '../support/git-repo.ts';

let sandbox: Sandbox;
let repo: Repo;

before(async () => {
  sandbox = await createSandbox();
  repo = await sandbox.repo('r', { 'a.txt': 'hello\n' });
});
after(() => sandbox.dispose());

test('returns stdout and feeds stdin', async () => {
  const oid = (await git(['hash-object', '--stdin'], { cwd: repo.dir, input: 'hello\n' })).trim();
  assert.equal(oid, await repo.git('rev-parse', 'HEAD:a.txt'));
  const bytes = await gitBytes(['cat-file', 'blob', oid], { cwd: repo.dir });
  assert.deepEqual(bytes, Buffer.from('hello\n'));
});

test("a failure names the command, its exit code and git's own message", async () => {
  await assert.rejects(git(['rev-parse', '--verify', 'no-such-ref'], { cwd: repo.dir }), (error: unknown) => {
    assert.ok(error instanceof GitError);
    assert.equal(error.exitCode, 128);
    assert.match(error.message, /^git rev-parse --verify no-such-ref failed \(exit 128\): fatal: Needed a single revision/);
    return true;
  });
});

test('arguments reach git verbatim, never through a shell', async () => {
  const result = await tryGit(['rev-parse', '--verify', '$(touch pwned); main'], { cwd: repo.dir });
  assert.equal(result, null);
  assert.equal(await repo.git('status', '--porcelain'), '');
});

test('tryGit answers null for "no" but still throws when git cannot run at all', async () => {
  assert.equal(await tryGit(['cat-file', '-e', 'HEAD:missing.txt'], { cwd: repo.dir }), null);
  assert.equal((await tryGit(['cat-file', '-t', 'HEAD'], { cwd: repo.dir }))?.trim(), 'commit');
  await assert.rejects(tryGit(['status'], { cwd: `${repo.dir}/does-not-exist` }), (error: NodeJS.ErrnoException) => error.code === 'ENOENT');
});
