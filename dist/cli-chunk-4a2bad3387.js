import { createRequire as __mcCreateRequire } from 'node:module'; import { fileURLToPath as __mcFileURLToPath } from 'node:url'; import { dirname as __mcDirname } from 'node:path'; const require = __mcCreateRequire(import.meta.url); const __filename = __mcFileURLToPath(import.meta.url); const __dirname = __mcDirname(__filename);

// src/git/git.ts
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

export {
  GitError,
  git,
  gitBytes,
  tryGit
};
