/**
 * The files a pull request changes, computed with git like GitHub's "Files
 * changed" tab: the diff from the merge base of base and head to head (the
 * three-dot `base...head`), so commits that landed on main after the branch
 * point are not counted as the PR's changes.
 *
 * A shallow checkout lacks the merge base; history is deepened step by step
 * (cheap for the usual short-lived branch) and only then unshallowed. The
 * first step comes in the same request as a missing base or head, so the
 * usual PR costs one fetch. When git
 * cannot answer at all (no remote to fetch from, unrelated histories, a diff
 * too large to hold) the caller's fallback — GitHub's list of PR files — is used.
 */
import { UserError } from '../errors.ts';
import { fetchCommits, hasRemote, isShallow, resolveCommits } from '../git/history.ts';
import { GitError, git, tryGit } from '../git/git.ts';
import type { ChangedFile, ChangedFiles, ChangeStatus } from './types.ts';

/** Cumulative `--deepen` steps: a branch a few commits behind main is found in one round trip. */
export const DEEPEN_STEPS: readonly number[] = [10, 50, 200, 1000];

export interface PullCommitsOptions {
  /** A folder inside the repository. */
  cwd: string;
  /** The PR's base: a commit SHA, branch or tag. */
  base: string;
  /** The PR's head: a commit SHA, branch or tag. */
  head: string;
  /** May missing commits and history be fetched from `remote`? Default true. */
  fetch?: boolean;
  remote?: string;
  log?: (message: string) => void;
  deepenSteps?: readonly number[];
}

/** A PR's base and head as commits this repository has, from `resolvePullCommits`. */
export interface PullCommits {
  base: string;
  head: string;
  /** Commits of history the fetch brought below both, which the deepening need not fetch again. */
  historyFetched: number;
}

/**
 * Resolves base and head together, fetching what the checkout lacks in one
 * request. In a checkout one commit deep (actions/checkout's default) they
 * come with the first deepening step's worth of history, so the merge base
 * of a PR a few commits ahead of a main a few commits on is here at once.
 */
export async function resolvePullCommits(options: PullCommitsOptions): Promise<PullCommits> {
  const steps = options.deepenSteps ?? DEEPEN_STEPS;
  const { shas, historyFetched } = await resolveCommits(
    [
      { rev: options.base, field: 'base' },
      { rev: options.head, field: 'head' },
    ],
    { cwd: options.cwd, remote: options.remote ?? 'origin', fetch: options.fetch ?? true, depth: 1 + (steps[0] ?? 0), log: options.log },
  );
  return { base: shas[0], head: shas[1], historyFetched };
}

export interface ChangedFilesOptions extends PullCommitsOptions {
  /** Base and head as `resolvePullCommits` already resolved them: they are not looked up again. */
  resolved?: PullCommits;
  /** Lists the changed files another way when git cannot; `reason` says why git could not. */
  fallback?: (reason: string) => Promise<ChangedFile[]>;
}

export async function changedFiles(options: ChangedFilesOptions): Promise<ChangedFiles> {
  try {
    return { files: await changedFilesWithGit(options), source: 'git' };
  } catch (error) {
    if (!options.fallback || !isGitUnableToAnswer(error)) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    options.log?.(`git could not list the changed files (${reason}); using the fallback`);
    return { files: await options.fallback(reason), source: 'api' };
  }
}

function isGitUnableToAnswer(error: unknown): boolean {
  return (
    error instanceof GitError ||
    error instanceof UserError ||
    (error instanceof Error && (error as NodeJS.ErrnoException).code === 'ERR_CHILD_PROCESS_STDIO_MAXBUFFER')
  );
}

async function changedFilesWithGit(options: ChangedFilesOptions): Promise<ChangedFile[]> {
  const { cwd, remote = 'origin', log } = options;
  const fetch = options.fetch ?? true;
  const { base, head, historyFetched } = options.resolved ?? (await resolvePullCommits(options));
  const steps = options.deepenSteps ?? DEEPEN_STEPS;
  const mergeBase = await findMergeBase(cwd, base, head, { remote, fetch, log, steps, historyFetched });
  const output = await git(['diff', '--name-status', '-z', '-M', '--no-color', '--no-ext-diff', mergeBase, head, '--'], { cwd });
  return parseNameStatus(output);
}

/**
 * `git merge-base`, not `git diff base...head`: git before 2.28 diffs base..head
 * (two dots) without a word when there is no merge base, which in a shallow
 * clone would be a wrong list instead of a reason to deepen.
 */
async function findMergeBase(
  cwd: string,
  base: string,
  head: string,
  options: { remote: string; fetch: boolean; log?: (message: string) => void; steps: readonly number[]; historyFetched: number },
): Promise<string> {
  const mergeBase = async () => (await tryGit(['merge-base', base, head], { cwd }))?.trim() || null;
  let found = await mergeBase();
  if (found) return found;
  const canFetch = options.fetch && (await isShallow(cwd)) && (await hasRemote(cwd, options.remote));
  if (canFetch) {
    let depth = 0;
    let shallow = true;
    for (const step of options.steps) {
      depth += step;
      // The fetch of a missing base or head already brought this much.
      if (depth <= options.historyFetched) continue;
      options.log?.(`no merge base of ${base.slice(0, 7)} and ${head.slice(0, 7)} in this shallow clone; deepening history by ${step} (to ${depth})`);
      await fetchCommits(cwd, options.remote, [`--deepen=${step}`], [base, head]);
      if ((found = await mergeBase())) return found;
      if (!(shallow = await isShallow(cwd))) break;
    }
    if (shallow) {
      options.log?.('still no merge base; fetching the full history (--unshallow)');
      await fetchCommits(cwd, options.remote, ['--unshallow'], [base, head]);
      if ((found = await mergeBase())) return found;
    }
  }
  throw new UserError(`commits ${base} (base) and ${head} (head) share no history${canFetch ? ', even after fetching all of it' : ''}`, {
    field: 'base',
  });
}

const STATUS: Record<string, ChangeStatus> = { A: 'added', C: 'added', D: 'deleted', M: 'modified', R: 'renamed', T: 'modified' };

/** Parses `git diff --name-status -z`: a status, then one path, or two for a rename or copy (from, to). */
export function parseNameStatus(output: string): ChangedFile[] {
  const fields = output.split('\0');
  if (fields[fields.length - 1] === '') fields.pop();
  const files: ChangedFile[] = [];
  for (let i = 0; i < fields.length; ) {
    const code = fields[i++];
    const status = STATUS[code[0]];
    if (!status) throw new Error(`unexpected status ${JSON.stringify(code)} in git diff --name-status output`);
    if (code[0] === 'R') {
      files.push({ path: fields[i + 1], status, previousPath: fields[i] });
      i += 2;
    } else if (code[0] === 'C') {
      files.push({ path: fields[i + 1], status });
      i += 2;
    } else {
      files.push({ path: fields[i++], status });
    }
  }
  return files;
}
