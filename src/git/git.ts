/**
 * The one way model-ci runs git: `execFile` (no shell, so paths and refs are
 * never interpreted), a C locale so callers can recognise git's messages, and
 * no credential prompt, which would hang a CI job forever.
 */
import { execFile } from 'node:child_process';

export interface GitOptions {
  cwd: string;
  /** Written to git's stdin (e.g. `hash-object --stdin`, `cat-file --batch`). */
  input?: string | Buffer;
  /** Added to the environment (e.g. `GIT_INDEX_FILE`). */
  env?: Record<string, string>;
}

/** git ran and exited non-zero; `message` names the command and carries git's stderr. */
export class GitError extends Error {
  override readonly name = 'GitError';
  readonly args: readonly string[];
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr: string;

  constructor(args: readonly string[], exitCode: number, stdout: string, stderr: string) {
    const why = stderr.trim() || stdout.trim() || 'no output';
    super(`git ${args.join(' ')} failed (exit ${exitCode}): ${why}`);
    this.args = args;
    this.exitCode = exitCode;
    this.stdout = stdout;
    this.stderr = stderr;
  }
}

/** A diff or a `cat-file --batch` of a large repository can be big; git output beyond this is a bug or an abuse. */
const MAX_OUTPUT_BYTES = 512 * 1024 * 1024;

function runGit(args: readonly string[], options: GitOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      'git',
      args,
      {
        cwd: options.cwd,
        encoding: 'buffer',
        maxBuffer: MAX_OUTPUT_BYTES,
        env: { ...process.env, LC_ALL: 'C', GIT_TERMINAL_PROMPT: '0', ...options.env },
      },
      (error, stdout, stderr) => {
        if (!error) return resolve(stdout);
        // A missing git binary, a kill signal or an oversized output is not "git said no": keep the original error.
        if (typeof error.code !== 'number') return reject(error);
        reject(new GitError(args, error.code, stdout.toString('utf8'), stderr.toString('utf8')));
      },
    );
    // git may exit before reading all of stdin (e.g. a failing command); that is reported by the exit code.
    child.stdin?.on('error', () => {});
    child.stdin?.end(options.input ?? '');
  });
}

/** Runs git and returns its stdout as UTF-8; throws `GitError` on a non-zero exit. */
export async function git(args: readonly string[], options: GitOptions): Promise<string> {
  return (await runGit(args, options)).toString('utf8');
}

/** Runs git and returns its stdout as bytes, for output whose framing is in bytes (`cat-file --batch`). */
export function gitBytes(args: readonly string[], options: GitOptions): Promise<Buffer> {
  return runGit(args, options);
}

/** Like `git`, but `null` when git exits non-zero: for questions whose "no" is normal (does this ref exist?). */
export async function tryGit(args: readonly string[], options: GitOptions): Promise<string | null> {
  try {
    return await git(args, options);
  } catch (error) {
    if (error instanceof GitError) return null;
    throw error;
  }
}
