/**
 * Commits and history a CI checkout may lack: `actions/checkout` clones one
 * commit deep by default, so the PR's base, the merge base and main's older
 * commits are often absent and must be fetched before git can answer.
 */
import { UserError } from '../errors.ts';
import { GitError, git, tryGit } from './run.ts';

export async function isShallow(cwd: string): Promise<boolean> {
  return (await git(['rev-parse', '--is-shallow-repository'], { cwd })).trim() === 'true';
}

export async function hasRemote(cwd: string, remote: string): Promise<boolean> {
  return (await tryGit(['remote', 'get-url', remote], { cwd })) !== null;
}

/** The full object name of `rev` as a commit, or null when this repository does not have it. */
export async function localCommit(cwd: string, rev: string): Promise<string | null> {
  const sha = await tryGit(['rev-parse', '--verify', '--quiet', `${rev}^{commit}`], { cwd });
  return sha === null ? null : sha.trim();
}

export interface ResolveOptions {
  cwd: string;
  remote: string;
  /** May the remote be asked for a commit this repository lacks? */
  fetch: boolean;
  /** Names the revision in errors (`base`, `head`). */
  field: string;
  log?: (message: string) => void;
}

/**
 * Resolves `rev` (a SHA, branch or tag) to a commit SHA, fetching it from the
 * remote when it is missing here. In a shallow repository the fetch is one
 * commit deep, so the repository stays as small as the checkout made it;
 * in a full one it brings the whole history, so the repository stays full.
 */
export async function resolveCommit(rev: string, options: ResolveOptions): Promise<string> {
  const { cwd, remote, field } = options;
  // A revision starting with "-" would be read by git as an option.
  if (rev === '' || rev.startsWith('-')) throw new UserError(`expected a commit SHA, branch or tag, got ${JSON.stringify(rev)}`, { field });
  const local = await localCommit(cwd, rev);
  if (local) return local;
  const notFound = `${JSON.stringify(rev)} is not a commit in this repository`;
  if (!options.fetch) throw new UserError(`${notFound} (fetching is off)`, { field });
  if (!(await hasRemote(cwd, remote))) throw new UserError(`${notFound}, and there is no remote "${remote}" to fetch it from`, { field });
  options.log?.(`fetching ${rev} from ${remote}`);
  const depth = (await isShallow(cwd)) ? ['--depth=1'] : [];
  const fetched = await tryGit(['fetch', '--no-tags', ...depth, remote, rev], { cwd });
  const sha = fetched === null ? null : await localCommit(cwd, 'FETCH_HEAD');
  if (!sha) throw new UserError(`${notFound}, nor on the remote "${remote}"`, { field });
  return sha;
}

/**
 * Fetches `commits` with `flags` (`--deepen=N`, `--unshallow`), one request
 * for all; when that fails, one request each, because a commit that exists
 * only here (a local commit in a shallow clone) must not stop the others.
 * Throws the first error when no commit could be fetched.
 */
export async function fetchCommits(cwd: string, remote: string, flags: readonly string[], commits: readonly string[]): Promise<void> {
  const unique = [...new Set(commits)];
  const fetchOf = (wants: readonly string[]) => git(['fetch', '--no-tags', ...flags, remote, ...wants], { cwd });
  try {
    await fetchOf(unique);
    return;
  } catch (error) {
    if (!(error instanceof GitError) || unique.length === 1) throw error;
  }
  const errors: unknown[] = [];
  for (const want of unique) {
    try {
      await fetchOf([want]);
    } catch (error) {
      errors.push(error);
    }
  }
  if (errors.length === unique.length) throw errors[0];
}
