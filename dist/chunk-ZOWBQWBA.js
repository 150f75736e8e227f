import { createRequire as __mcCreateRequire } from 'node:module'; import { fileURLToPath as __mcFileURLToPath } from 'node:url'; import { dirname as __mcDirname } from 'node:path'; const require = __mcCreateRequire(import.meta.url); const __filename = __mcFileURLToPath(import.meta.url); const __dirname = __mcDirname(__filename);
import {
  UserError
} from "./chunk-C5KZMDF4.js";

// src/git/run.ts
import { execFile } from "node:child_process";
var GitError = class extends Error {
  name = "GitError";
  args;
  exitCode;
  stdout;
  stderr;
  constructor(args, exitCode, stdout, stderr) {
    const why = stderr.trim() || stdout.trim() || "no output";
    super(`git ${args.join(" ")} failed (exit ${exitCode}): ${why}`);
    this.args = args;
    this.exitCode = exitCode;
    this.stdout = stdout;
    this.stderr = stderr;
  }
};
var MAX_OUTPUT_BYTES = 512 * 1024 * 1024;
function runGit(args, options) {
  return new Promise((resolve, reject) => {
    const child = execFile(
      "git",
      args,
      {
        cwd: options.cwd,
        encoding: "buffer",
        maxBuffer: MAX_OUTPUT_BYTES,
        env: { ...process.env, LC_ALL: "C", GIT_TERMINAL_PROMPT: "0", ...options.env }
      },
      (error, stdout, stderr) => {
        if (!error) return resolve(stdout);
        if (typeof error.code !== "number") return reject(error);
        reject(new GitError(args, error.code, stdout.toString("utf8"), stderr.toString("utf8")));
      }
    );
    child.stdin?.on("error", () => {
    });
    child.stdin?.end(options.input ?? "");
  });
}
async function git(args, options) {
  return (await runGit(args, options)).toString("utf8");
}
function gitBytes(args, options) {
  return runGit(args, options);
}
async function tryGit(args, options) {
  try {
    return await git(args, options);
  } catch (error) {
    if (error instanceof GitError) return null;
    throw error;
  }
}

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
  GitError,
  git,
  gitBytes,
  tryGit,
  isShallow,
  hasRemote,
  localCommit,
  resolveCommit,
  fetchCommits
};
