/** A commit checked out beside the work tree, so its data and params can be trained without touching the user's checkout. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { git } from './git.ts';

export async function withWorktree<T>(repoRoot: string, commit: string, fn: (dir: string) => Promise<T>): Promise<T> {
  const parent = await mkdtemp(join(tmpdir(), 'model-ci-base-'));
  const dir = join(parent, 'tree');
  await git(['worktree', 'add', '--detach', '--force', dir, commit], { cwd: repoRoot });
  try {
    return await fn(dir);
  } finally {
    await git(['worktree', 'remove', '--force', dir], { cwd: repoRoot }).catch(() => undefined);
    await rm(parent, { recursive: true, force: true });
    await git(['worktree', 'prune'], { cwd: repoRoot }).catch(() => undefined);
  }
}

/**
 * The pull request's head checked out beside the work tree. Runs that hold a write token (issue_comment,
 * pull_request_target) check out the base; the head, a fork's included, comes from its pull ref.
 */
export async function withPullRequestHead<T>(repoRoot: string, pull: { number: number; headSha: string }, fn: (dir: string) => Promise<T>): Promise<T> {
  await git(['fetch', '--no-tags', 'origin', `+refs/pull/${pull.number}/head:refs/remotes/origin/pull/${pull.number}`], { cwd: repoRoot });
  return withWorktree(repoRoot, pull.headSha, fn);
}
