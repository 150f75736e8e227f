/**
 * One sticky comment per model on a pull request: found by its hidden marker AND
 * its author, updated in place, left alone when unchanged, and de-duplicated
 * after a write so two racing runs converge on exactly one comment.
 */
import { UserError } from '../errors.ts';
import { gitHubMessage, httpStatus, type GitHub } from './client.ts';
import { COMMENT_LIMIT } from '../report/truncate.ts';

/** GitHub's limit on a comment or issue body; the report is cut to it before posting (report/truncate.ts). */
export const MAX_COMMENT_LENGTH = COMMENT_LIMIT;

/** The identity of `secrets.GITHUB_TOKEN`. */
export const GITHUB_ACTIONS_BOT = 'github-actions[bot]';

export interface StickyComment {
  owner: string;
  repo: string;
  issueNumber: number;
  /** Hidden marker from `commentMarker` (src/report/marker.ts); prepended to `body` unless it is the body's first line. */
  marker: string;
  body: string;
  /**
   * Login that writes the comment. When given, only that login's comments count
   * as ours. When omitted, `github-actions[bot]` and any other Bot account (a
   * GitHub App's installation token: `GET /user` is forbidden for those, so the
   * app's login cannot be asked for) count; a personal access token must pass
   * its user's login, or every run would add a new comment.
   */
  botLogin?: string;
}

export interface StickyResult {
  action: 'created' | 'updated' | 'unchanged';
  id: number;
  deletedDuplicates: number;
}

interface Comment {
  id: number;
  body?: string;
  user: { login: string; type: string } | null;
}

export async function upsertStickyComment(gh: GitHub, target: StickyComment): Promise<StickyResult> {
  const { owner, repo, issueNumber, marker } = target;
  const body = startsWithMarker(target.body, marker) ? target.body : `${marker}\n${target.body}`;
  if (body.length > MAX_COMMENT_LENGTH) {
    throw new Error(
      `comment for ${owner}/${repo}#${issueNumber} is ${body.length} characters, over GitHub's limit of ${MAX_COMMENT_LENGTH}: the report must be truncated before posting`,
    );
  }
  const where = `${owner}/${repo}#${issueNumber}`;
  const isOurs = (comment: Comment, login?: string) => isSticky(comment, marker, login ?? target.botLogin);

  const existing = (await listComments(gh, owner, repo, issueNumber)).filter((c) => isOurs(c)).sort(byId);

  if (existing.length > 0) {
    const [keep, ...duplicates] = existing;
    let action: StickyResult['action'] = 'unchanged';
    if (keep.body !== body) {
      await write(where, () => gh.rest.issues.updateComment({ owner, repo, comment_id: keep.id, body }));
      action = 'updated';
    }
    const deletedDuplicates = await deleteComments(gh, owner, repo, duplicates);
    return { action, id: keep.id, deletedDuplicates };
  }

  const created = (await write(where, () => gh.rest.issues.createComment({ owner, repo, issue_number: issueNumber, body }))).data;
  // A twin run may have created its own between our listing and our write. Both
  // runs keep the oldest (lowest id) and delete the rest; whichever survives gets
  // this run's body, so the last writer's report is what stays.
  const ourLogin = created.user?.login;
  const ours = (await listComments(gh, owner, repo, issueNumber)).filter((c) => isOurs(c, ourLogin)).sort(byId);
  const [keep] = ours;
  if (!keep || keep.id === created.id) {
    return { action: 'created', id: created.id, deletedDuplicates: await deleteComments(gh, owner, repo, ours.slice(1)) };
  }
  const deletedDuplicates = await deleteComments(
    gh,
    owner,
    repo,
    ours.filter((c) => c.id !== keep.id),
  );
  if (keep.body !== body) {
    await write(where, () => gh.rest.issues.updateComment({ owner, repo, comment_id: keep.id, body }));
    return { action: 'updated', id: keep.id, deletedDuplicates };
  }
  return { action: 'unchanged', id: keep.id, deletedDuplicates };
}

/**
 * Posts the model's sticky comment again at the bottom of the conversation (a `/model-ci report` on a
 * long thread) and deletes the old copy; null when there is no comment of ours to repost.
 */
export async function repostStickyComment(gh: GitHub, target: Omit<StickyComment, 'body'>): Promise<{ id: number } | null> {
  const { owner, repo, issueNumber, marker } = target;
  const where = `${owner}/${repo}#${issueNumber}`;
  const ours = (await listComments(gh, owner, repo, issueNumber)).filter((c) => isSticky(c, marker, target.botLogin)).sort(byId);
  const latest = ours.at(-1);
  if (!latest?.body) return null;
  const created = (await write(where, () => gh.rest.issues.createComment({ owner, repo, issue_number: issueNumber, body: latest.body! }))).data;
  await deleteComments(gh, owner, repo, ours);
  return { id: created.id };
}

/**
 * Ours only where model-ci writes the marker, the body's whole first line, and only from our login:
 * a marker quoted anywhere else (a report's untrusted text, a person's comment) never makes a
 * comment ours to update or to delete as a duplicate.
 */
export function isSticky(comment: Comment, marker: string, botLogin: string | undefined): boolean {
  return startsWithMarker(comment.body ?? '', marker) && comment.user !== null && isOurAuthor(comment.user, botLogin);
}

const startsWithMarker = (body: string, marker: string) => body === marker || body.startsWith(`${marker}\n`);

function isOurAuthor(user: { login: string; type: string }, botLogin: string | undefined): boolean {
  if (botLogin) return user.login.toLowerCase() === botLogin.toLowerCase();
  return user.login === GITHUB_ACTIONS_BOT || user.type === 'Bot';
}

const byId = (a: Comment, b: Comment) => a.id - b.id;

async function listComments(gh: GitHub, owner: string, repo: string, issueNumber: number): Promise<Comment[]> {
  try {
    return await gh.paginate(gh.rest.issues.listComments, { owner, repo, issue_number: issueNumber, per_page: 100 });
  } catch (error) {
    if (httpStatus(error) === 404) {
      throw new UserError(`pull request or issue ${owner}/${repo}#${issueNumber} not found (or the token cannot see it)`, {
        field: 'issue_number',
      });
    }
    throw error;
  }
}

async function write<T>(where: string, request: () => Promise<T>): Promise<T> {
  try {
    return await request();
  } catch (error) {
    const status = httpStatus(error);
    if (status === 422) {
      throw new Error(`GitHub rejected the comment on ${where} (422): ${gitHubMessage(error)}`, { cause: error });
    }
    if (status === 403) {
      // The usual cause: a fork PR's read-only token, or a workflow without write permission.
      throw new UserError(
        `the token may not write comments on ${where} (403: ${gitHubMessage(error)}); give the job \`permissions: pull-requests: write\`, and post reports for fork pull requests from a workflow_run workflow`,
        { field: 'permissions' },
      );
    }
    throw error;
  }
}

/** Deletes, counting only what this call removed (a twin run may have deleted it first). */
async function deleteComments(gh: GitHub, owner: string, repo: string, comments: Comment[]): Promise<number> {
  let deleted = 0;
  for (const comment of comments) {
    try {
      await gh.rest.issues.deleteComment({ owner, repo, comment_id: comment.id });
      deleted++;
    } catch (error) {
      if (httpStatus(error) !== 404) throw error;
    }
  }
  return deleted;
}
