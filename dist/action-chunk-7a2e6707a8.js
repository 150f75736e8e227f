import { createRequire as __mcCreateRequire } from 'node:module'; import { fileURLToPath as __mcFileURLToPath } from 'node:url'; import { dirname as __mcDirname } from 'node:path'; const require = __mcCreateRequire(import.meta.url); const __filename = __mcFileURLToPath(import.meta.url); const __dirname = __mcDirname(__filename);
import {
  git
} from "./action-chunk-4a2bad3387.js";

// src/git/worktree.ts
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
async function withWorktree(repoRoot, commit, fn) {
  const parent = await mkdtemp(join(tmpdir(), "model-ci-base-"));
  const dir = join(parent, "tree");
  await git(["worktree", "add", "--detach", "--force", dir, commit], { cwd: repoRoot });
  try {
    return await fn(dir);
  } finally {
    await git(["worktree", "remove", "--force", dir], { cwd: repoRoot }).catch(() => void 0);
    await rm(parent, { recursive: true, force: true });
    await git(["worktree", "prune"], { cwd: repoRoot }).catch(() => void 0);
  }
}
async function withPullRequestHead(repoRoot, pull, fn) {
  await git(["fetch", "--no-tags", "origin", `+refs/pull/${pull.number}/head:refs/remotes/origin/pull/${pull.number}`], { cwd: repoRoot });
  return withWorktree(repoRoot, pull.headSha, fn);
}

export {
  withWorktree,
  withPullRequestHead
};
