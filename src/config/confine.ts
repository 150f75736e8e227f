/**
 * The one place that decides which files a config may name. A config (and a params file, a data file)
 * comes from whoever wrote the commit, a fork's pull request included, and the runner reading it holds
 * files that must never reach a public comment: `.git/config` (where actions/checkout keeps the token),
 * `~/.docker/config.json`, `/proc/self/environ`. So every path a config names
 *
 * - is relative and stays inside the repository's work tree (`confinePath`, when the config is loaded:
 *   no absolute path, no `..` out, no `.git` at any depth), and
 * - when it is read, is the real path of an existing file that is still inside after symlinks
 *   (`realInput`): readers open that real path, never the name again;
 * - in a run that holds secrets, is a regular file of the commit being trained (`assertTracked`): the
 *   bytes trained are the commit's git objects, not an ignored file or a symlink the runner's disk holds.
 *
 * A symlink that stays inside the repository is followed where nothing is at stake (the CLI, a PR
 * without secrets); runs that hold secrets refuse every symlink, as git stores them as links, not files.
 */
import { existsSync } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { type ErrorLocation, quote, UserError } from '../errors.ts';
import { git } from '../git/git.ts';
import { displayPath } from '../display-path.ts';
import type { ModelCiConfig } from '../domain/config.ts';

/** The work tree holding `dir`: the nearest folder with a `.git` (directory or worktree file), as git finds it; else `dir`. */
export function repositoryRoot(dir: string): string {
  for (let at = resolve(dir); ; at = dirname(at)) {
    if (existsSync(join(at, '.git'))) return at;
    if (dirname(at) === at) return resolve(dir);
  }
}

/** Where a path is named, for the message: the config file and line, and the key (`data.train`). */
export interface Named extends ErrorLocation {
  field: string;
}

function refuse(at: Named, why: string): never {
  throw new UserError(`\`${at.field}\` ${why}`, at);
}

/** The path relative to the work tree, in `/` form, when it is inside; else undefined. */
function inside(repoRoot: string, path: string): string | undefined {
  const rel = relative(repoRoot, path);
  if (rel === '' || rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) return undefined;
  return rel.split(sep).join('/');
}

/** `.git` anywhere: git's own files (a nested repository's or a worktree's `.git` file included). */
function intoGit(rel: string): boolean {
  return rel.split('/').some((part) => part.toLowerCase() === '.git');
}

/**
 * `value` (a path or a glob pattern as the config writes it) resolved against `base`, checked by name
 * only: relative, inside `repoRoot`, not into `.git`. The file need not exist yet (data may be pulled by
 * a later step); `realInput` checks what is read.
 */
export function confinePath(repoRoot: string, base: string, value: string, at: Named): string {
  const shown = quote(value);
  if (isAbsolute(value) || /^[a-zA-Z]:|^[\\/]/.test(value)) refuse(at, `must be a relative path inside the repository; got the absolute path ${shown}`);
  const path = resolve(base, value);
  const rel = inside(repoRoot, path);
  if (rel === undefined) refuse(at, `must stay inside the repository; ${shown} leads out of it`);
  if (intoGit(rel)) refuse(at, `may not name git's own files (\`.git\`); got ${shown}`);
  return path;
}

/**
 * The real path of the existing file at `path` (confined by name already), checked again after
 * symlinks: still inside `repoRoot`, not into `.git`, a regular file. Read this path, not `path`.
 */
export async function realInput(repoRoot: string, path: string, at: Named): Promise<string> {
  let real: string;
  try {
    real = await realpath(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') refuse(at, `names ${displayRel(repoRoot, path)}, which does not exist`);
    if (code === 'ELOOP') refuse(at, `names ${displayRel(repoRoot, path)}, a symlink that loops`);
    throw error;
  }
  const root = await realpath(repoRoot);
  const shown = displayRel(root, path);
  const rel = inside(root, real);
  if (rel === undefined) refuse(at, `names ${shown}, which is a symlink leading out of the repository`);
  if (intoGit(rel)) refuse(at, `names ${shown}, which leads into git's own files (\`.git\`)`);
  if (!(await stat(real)).isFile()) refuse(at, `names ${shown}, which is not a file`);
  return real;
}

function displayRel(root: string, path: string): string {
  return quote(inside(root, path) ?? path);
}

/**
 * Each file (real path from `realInput`, with the path the config named) must be a regular file of
 * `commit` in the repository at `repoRoot`, reached without a symlink: what trains is then the commit's
 * git objects. An ignored or untracked file, a symlink, a submodule are refused.
 */
export async function assertTracked(repoRoot: string, commit: string, files: { path: string; real: string; at: Named }[]): Promise<void> {
  if (files.length === 0) return;
  const root = await realpath(repoRoot);
  const rels = files.map(({ path, real, at }) => {
    const rel = inside(root, real)!;
    if (inside(root, path) !== rel) refuse(at, `names ${displayRel(root, path)}, a symlink; a run that holds secrets trains regular files of the commit only`);
    return rel;
  });
  const listing = await git(['--literal-pathspecs', 'ls-tree', '-z', commit, '--', ...rels], { cwd: root });
  const regular = new Set<string>();
  for (const entry of listing.split('\0')) {
    const match = /^(\d+) (\w+) [0-9a-f]+\t(.*)$/s.exec(entry);
    if (match && (match[1] === '100644' || match[1] === '100755') && match[2] === 'blob') regular.add(match[3]);
  }
  files.forEach(({ at }, i) => {
    if (!regular.has(rels[i])) {
      refuse(
        at,
        `names ${quote(rels[i])}, which is not a file committed in ${commit.slice(0, 7)}; a run that holds secrets trains the commit's files only (not ignored or generated ones)`,
      );
    }
  });
}

export interface InputOptions {
  /** Also the params file (training reads it; evaluating a saved model does not). Default true. */
  params?: boolean;
  /** The commit whose regular files the inputs must be (runs that hold secrets); unset: any confined file. */
  trackedAt?: string;
}

/**
 * The config with its data files (and params file) replaced by their checked real paths: what the
 * pipeline reads, so nothing is resolved again between the check and the read.
 */
export async function confineInputs(config: ModelCiConfig, options: InputOptions = {}): Promise<ModelCiConfig> {
  const repoRoot = repositoryRoot(config.root);
  const named: [string, string][] = [['data.train', config.data.train]];
  if (config.data.test) named.push(['data.test', config.data.test]);
  if (options.params ?? true) named.push(['params', config.params]);
  const files = await Promise.all(
    named.map(async ([field, path]) => {
      const at = { file: displayPath(config.file), field };
      return { field, path, at, real: await realInput(repoRoot, path, at) };
    }),
  );
  if (options.trackedAt) await assertTracked(repoRoot, options.trackedAt, files);
  const real = (field: string) => files.find((file) => file.field === field)?.real;
  const test = real('data.test');
  return { ...config, params: real('params') ?? config.params, data: { ...config.data, train: real('data.train')!, ...(test ? { test } : {}) } };
}
