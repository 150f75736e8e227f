/**
 * Commits and history a CI checkout may lack: `actions/checkout` clones one
 * commit deep by default, so the PR's base, the merge base and main's older
 * commits are often absent and must be fetched before git can answer.
 *
 * Every git process here costs a few milliseconds and every fetch a round
 * trip, on a path each pull request pays for: what can be asked at once is
 * asked at once, and what is only needed when something is missing is only
 * asked then.
 */
import { UserError } from '../errors.ts';
import { GitError, git, tryGit } from './git.ts';

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

/**
 * Looks up several revisions in one git process: for each, the commit SHA it
 * names (tags peeled), or null when this repository does not have it.
 * A line break would split a revision in two, so one is refused.
 */
export async function localCommits(cwd: string, revs: readonly string[]): Promise<(string | null)[]> {
  if (revs.length === 0) return [];
  const split = revs.find((rev) => /[\n\0]/.test(rev));
  if (split !== undefined) throw new Error(`a revision with a line break cannot be looked up in a batch: ${JSON.stringify(split)}`);
  // `cat-file --batch-check` answers "<rev> missing" (or "ambiguous") per line where `rev-parse` would stop at the first.
  const output = await git(['cat-file', '--batch-check=%(objectname)'], { cwd, input: revs.map((rev) => `${rev}^{commit}\n`).join('') });
  const lines = output.split('\n').slice(0, -1);
  if (lines.length !== revs.length)
    throw new Error(`git cat-file --batch-check answered ${lines.length} lines for ${revs.length} revisions: ${JSON.stringify(output)}`);
  return lines.map((line) => (/^[0-9a-f]{40}(?:[0-9a-f]{24})?$/.test(line) ? line : null));
}

/** Throws a `UserError` on `field` unless `rev` can be handed to git as a revision. */
function checkRevision(rev: string, field: string): void {
  // A revision starting with "-" would be read by git as an option; a control character is in no ref name or SHA.
  if (rev === '' || rev.startsWith('-') || /[\0-\x1f\x7f]/.test(rev)) {
    throw new UserError(`expected a commit SHA, branch or tag, got ${JSON.stringify(rev)}`, { field });
  }
}

/** A full object name, which a server can be asked for directly and which needs no FETCH_HEAD to resolve. */
const isFullSha = (rev: string) => /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/i.test(rev);

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
  const { shas } = await resolveCommits([{ rev, field: options.field }], options);
  return shas[0];
}

export interface CommitRequest {
  /** A commit SHA, branch or tag. */
  rev: string;
  /** Names the revision in errors (`base`, `head`). */
  field: string;
}

export interface ResolveCommitsOptions {
  cwd: string;
  remote: string;
  /** May the remote be asked for commits this repository lacks? */
  fetch: boolean;
  /**
   * How many commits deep to fetch a missing commit into a checkout made one
   * commit deep (default 1): with history below base and head, a merge base is
   * usually found without another round trip. Requested commits that are here
   * but cut off from their parents come along in the same request.
   */
  depth?: number;
  log?: (message: string) => void;
}

export interface ResolvedCommits {
  /** The commit SHAs, in the order requested. */
  shas: string[];
  /** Commits of history the fetch brought below every requested commit: 0 when it fetched one deep or not at all. */
  historyFetched: number;
}

/**
 * Resolves several revisions at once: one git process looks them all up, and
 * one request fetches all the missing SHAs (a branch or tag name is fetched
 * on its own, because only FETCH_HEAD says what it named).
 *
 * `depth` applies only where it cannot shorten history this repository
 * already shows: `--depth` sets where history is cut off, so fetching a
 * commit 11 deep cuts off any deeper local history that runs through the
 * commit 10 below it. That is why it is used only when HEAD and every
 * requested commit present here are cut off at themselves (a checkout one
 * commit deep); anywhere else a missing commit is fetched one deep, and
 * history is deepened afterwards with `--deepen`, which never shortens it.
 */
export async function resolveCommits(requests: readonly CommitRequest[], options: ResolveCommitsOptions): Promise<ResolvedCommits> {
  const { cwd, remote, log } = options;
  for (const { rev, field } of requests) checkRevision(rev, field);
  const revs = requests.map((request) => request.rev);
  // Shallow or not matters only when something is missing, which in CI it usually is: ask alongside the lookup.
  const shallow = isShallow(cwd);
  shallow.catch(() => {});
  // `X^` is missing when X is cut off from its parents (or is a root commit): a checkout one commit deep.
  const probed = await localCommits(cwd, [...revs, ...revs.map((rev) => `${rev}^{commit}^`), 'HEAD^{commit}^']);
  const shas = probed.slice(0, revs.length);
  const missing = [...new Set(revs.filter((_, i) => shas[i] === null))];
  if (missing.length === 0) return { shas: shas as string[], historyFetched: 0 };

  const notFound = (rev: string) => `${JSON.stringify(rev)} is not a commit in this repository`;
  const fieldOf = (rev: string) => requests.find((request) => request.rev === rev)!.field;
  if (!options.fetch) throw new UserError(`${notFound(missing[0])} (fetching is off)`, { field: fieldOf(missing[0]) });

  const isShallowRepo = await shallow;
  const cutOff = (i: number) => probed[revs.length + i] === null;
  const oneDeep = isShallowRepo && probed[probed.length - 1] === null && shas.every((sha, i) => sha === null || cutOff(i));
  const depth = oneDeep && (options.depth ?? 1) > 1 ? options.depth! : 1;
  const deepened = depth > 1 ? [...new Set(shas.filter((sha): sha is string => sha !== null))] : [];
  const flags = isShallowRepo ? [`--depth=${depth}`] : [];
  const below = [missing.length === 1 ? 'it' : 'each', ...deepened].join(' and below ');
  log?.(`fetching ${missing.join(', ')} from ${remote}${depth > 1 ? ` with the ${depth - 1} commits below ${below}` : ''}`);

  const bySha = missing.filter(isFullSha);
  const byName = missing.filter((rev) => !isFullSha(rev));
  const fetched = new Map<string, string | null>();
  let complete = true;
  if (bySha.length > 0 || deepened.length > 0) {
    const { ok } = await fetchEach(cwd, remote, flags, [...bySha, ...deepened]);
    complete &&= ok.every(Boolean);
    const found = await localCommits(cwd, bySha);
    bySha.forEach((rev, i) => {
      fetched.set(rev, found[i]);
    });
  }
  // Only FETCH_HEAD says what a name named, and only its first line: one request per name.
  for (const rev of byName) {
    const [ok] = (await fetchEach(cwd, remote, flags, [rev])).ok;
    complete &&= ok;
    fetched.set(rev, ok ? await localCommit(cwd, 'FETCH_HEAD') : null);
  }

  const unresolved = missing.find((rev) => !fetched.get(rev));
  if (unresolved !== undefined) {
    const field = fieldOf(unresolved);
    if (!(await hasRemote(cwd, remote))) throw new UserError(`${notFound(unresolved)}, and there is no remote "${remote}" to fetch it from`, { field });
    throw new UserError(`${notFound(unresolved)}, nor on the remote "${remote}"`, { field });
  }
  return { shas: revs.map((rev, i) => shas[i] ?? fetched.get(rev)!), historyFetched: depth > 1 && complete ? depth - 1 : 0 };
}

/**
 * After each fetch git would start `git maintenance run --auto` (`gc --auto` before 2.29), another process
 * on every pull request's path, to tidy a checkout the job throws away. Unknown keys are ignored by older git.
 */
const NO_AUTO_MAINTENANCE = ['-c', 'maintenance.auto=false', '-c', 'gc.auto=0'];

/**
 * Fetches `wants` with `flags` in one request; when that fails, one request
 * each, so a commit that exists only here (a local commit in a shallow clone)
 * does not stop the others. Says which wants were fetched, and git's errors.
 */
async function fetchEach(cwd: string, remote: string, flags: readonly string[], wants: readonly string[]): Promise<{ ok: boolean[]; errors: GitError[] }> {
  const fetchOf = (some: readonly string[]) => git([...NO_AUTO_MAINTENANCE, 'fetch', '--no-tags', ...flags, remote, ...some], { cwd });
  try {
    await fetchOf(wants);
    return { ok: wants.map(() => true), errors: [] };
  } catch (error) {
    if (!(error instanceof GitError)) throw error;
    if (wants.length === 1) return { ok: [false], errors: [error] };
  }
  const ok: boolean[] = [];
  const errors: GitError[] = [];
  for (const want of wants) {
    try {
      await fetchOf([want]);
      ok.push(true);
    } catch (error) {
      if (!(error instanceof GitError)) throw error;
      ok.push(false);
      errors.push(error);
    }
  }
  return { ok, errors };
}

/**
 * Fetches `commits` with `flags` (`--deepen=N`, `--unshallow`), one request
 * for all; when that fails, one request each, because a commit that exists
 * only here (a local commit in a shallow clone) must not stop the others.
 * Throws the first error when no commit could be fetched.
 */
export async function fetchCommits(cwd: string, remote: string, flags: readonly string[], commits: readonly string[]): Promise<void> {
  const { ok, errors } = await fetchEach(cwd, remote, flags, [...new Set(commits)]);
  if (!ok.some(Boolean)) throw errors[0];
}
