/** What model-ci needs to know about a pull request, from the API. */
import { UserError } from '../errors.ts';
import { httpStatus, type GitHub } from './client.ts';

export interface PullInfo {
  number: number;
  state: 'open' | 'closed';
  merged: boolean;
  draft: boolean;
  headSha: string;
  baseSha: string;
  headRef: string;
  baseRef: string;
  /** `null` when the fork was deleted. */
  headRepoFullName: string | null;
  baseRepoFullName: string;
  /** Head in another repository (or a deleted one): read-only token, no secrets, never a self-hosted runner. */
  isFork: boolean;
  author: string | null;
  changedFiles: number;
  htmlUrl: string;
}

export async function getPull(gh: GitHub, owner: string, repo: string, number: number): Promise<PullInfo> {
  try {
    const { data } = await gh.rest.pulls.get({ owner, repo, pull_number: number });
    const headRepoFullName = (data.head.repo as { full_name: string } | null)?.full_name ?? null;
    return {
      number: data.number,
      state: data.state === 'closed' ? 'closed' : 'open',
      merged: data.merged,
      draft: data.draft ?? false,
      headSha: data.head.sha,
      baseSha: data.base.sha,
      headRef: data.head.ref,
      baseRef: data.base.ref,
      headRepoFullName,
      baseRepoFullName: data.base.repo.full_name,
      isFork: headRepoFullName === null || headRepoFullName !== data.base.repo.full_name,
      author: data.user?.login ?? null,
      changedFiles: data.changed_files,
      htmlUrl: data.html_url,
    };
  } catch (error) {
    if (httpStatus(error) === 404) {
      throw new UserError(`pull request ${owner}/${repo}#${number} not found (or the token cannot see it)`, { field: 'pull_number' });
    }
    throw error;
  }
}

/**
 * When GitHub recorded the push that made the PR's current head the tip of its branch (the
 * repository activity API, newest first), or null when GitHub does not show it: the head
 * repository's activity cannot be read (a fork the token cannot see), or the push is older than
 * the newest 100 on the branch. GitHub's own clock, unlike a commit's dates, which whoever makes
 * the commit sets at will.
 */
export async function headPushedAt(gh: GitHub, pull: PullInfo): Promise<Date | null> {
  if (pull.headRepoFullName === null) return null;
  const [owner, repo] = pull.headRepoFullName.split('/');
  try {
    const { data } = await gh.rest.repos.listActivities({ owner, repo, ref: `refs/heads/${pull.headRef}`, per_page: 100 });
    const push = data.find((activity) => activity.after === pull.headSha);
    const at = push ? new Date(push.timestamp) : null;
    return at && Number.isFinite(at.getTime()) ? at : null;
  } catch (error) {
    const status = httpStatus(error);
    if (status === 403 || status === 404) return null;
    throw error;
  }
}

/** GitHub lists at most this many files of a pull request. */
export const MAX_LISTED_PULL_FILES = 3000;

export interface PullFile {
  filename: string;
  status: 'added' | 'removed' | 'modified' | 'renamed' | 'copied' | 'changed' | 'unchanged';
  /** The old path of a renamed or copied file. */
  previousFilename?: string;
}

export interface PullFiles {
  files: PullFile[];
  /** GitHub stopped at its limit: files beyond it are missing, so "nothing watched changed" cannot be concluded. */
  truncated: boolean;
}

/** The fallback when git cannot diff (history too deep to fetch); paginated up to GitHub's limit. */
export async function listPullFiles(gh: GitHub, owner: string, repo: string, number: number): Promise<PullFiles> {
  const entries = await gh.paginate(gh.rest.pulls.listFiles, { owner, repo, pull_number: number, per_page: 100 });
  const files = entries.map(({ filename, status, previous_filename }) => ({
    filename,
    status,
    ...(previous_filename ? { previousFilename: previous_filename } : {}),
  }));
  return { files, truncated: files.length >= MAX_LISTED_PULL_FILES };
}
