import { createRequire as __mcCreateRequire } from 'node:module'; import { fileURLToPath as __mcFileURLToPath } from 'node:url'; import { dirname as __mcDirname } from 'node:path'; const require = __mcCreateRequire(import.meta.url); const __filename = __mcFileURLToPath(import.meta.url); const __dirname = __mcDirname(__filename);
import {
  GitError,
  git,
  tryGit
} from "./action-chunk-E25KGV3P.js";
import {
  UserError
} from "./action-chunk-QFPM7OST.js";

// src/git/history.ts
async function isShallow(cwd) {
  return (await git(["rev-parse", "--is-shallow-repository"], { cwd })).trim() === "true";
}
async function hasRemote(cwd, remote) {
  return await tryGit(["remote", "get-url", remote], { cwd }) !== null;
}
async function localCommit(cwd, rev) {
  const sha = await tryGit(["rev-parse", "--verify", "--quiet", `${rev}^{commit}`], { cwd });
  return sha === null ? null : sha.trim();
}
async function resolveCommit(rev, options) {
  const { cwd, remote, field } = options;
  if (rev === "" || rev.startsWith("-")) throw new UserError(`expected a commit SHA, branch or tag, got ${JSON.stringify(rev)}`, { field });
  const local = await localCommit(cwd, rev);
  if (local) return local;
  const notFound = `${JSON.stringify(rev)} is not a commit in this repository`;
  if (!options.fetch) throw new UserError(`${notFound} (fetching is off)`, { field });
  if (!await hasRemote(cwd, remote)) throw new UserError(`${notFound}, and there is no remote "${remote}" to fetch it from`, { field });
  options.log?.(`fetching ${rev} from ${remote}`);
  const depth = await isShallow(cwd) ? ["--depth=1"] : [];
  const fetched = await tryGit(["fetch", "--no-tags", ...depth, remote, rev], { cwd });
  const sha = fetched === null ? null : await localCommit(cwd, "FETCH_HEAD");
  if (!sha) throw new UserError(`${notFound}, nor on the remote "${remote}"`, { field });
  return sha;
}
async function fetchCommits(cwd, remote, flags, commits) {
  const unique = [...new Set(commits)];
  const fetchOf = (wants) => git(["fetch", "--no-tags", ...flags, remote, ...wants], { cwd });
  try {
    await fetchOf(unique);
    return;
  } catch (error) {
    if (!(error instanceof GitError) || unique.length === 1) throw error;
  }
  const errors = [];
  for (const want of unique) {
    try {
      await fetchOf([want]);
    } catch (error) {
      errors.push(error);
    }
  }
  if (errors.length === unique.length) throw errors[0];
}

export {
  isShallow,
  hasRemote,
  localCommit,
  resolveCommit,
  fetchCommits
};
