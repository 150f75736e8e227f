/**
 * One drift issue per model in the repository: found among the open issues by its hidden marker (the
 * body's first line) AND its author, as the sticky PR comment is (`sticky.ts`), updated in place, or
 * opened when there is none. A person closing it after the retrain ends it; the next drift opens a new one.
 */
import { UserError } from '../errors.ts';
import { gitHubMessage, httpStatus, type GitHub } from './client.ts';
import { isSticky, MAX_COMMENT_LENGTH } from './sticky.ts';

export interface DriftIssue {
  owner: string;
  repo: string;
  /** Hidden marker line, prepended to `body`. */
  marker: string;
  title: string;
  body: string;
  /** Login that writes the issue; see `StickyComment.botLogin`. */
  botLogin?: string;
}

export interface DriftIssueResult {
  action: 'created' | 'updated' | 'unchanged';
  number: number;
}

export async function upsertDriftIssue(gh: GitHub, target: DriftIssue): Promise<DriftIssueResult> {
  const { owner, repo, marker, title } = target;
  const body = `${marker}\n${target.body}`;
  if (body.length > MAX_COMMENT_LENGTH) throw new Error(`drift issue body is ${body.length} characters, over GitHub's limit of ${MAX_COMMENT_LENGTH}`);
  const where = `${owner}/${repo}`;
  const open = await gh.paginate(gh.rest.issues.listForRepo, { owner, repo, state: 'open', per_page: 100 });
  // Pull requests are issues too in this listing; ours is never one. The oldest of ours is kept.
  const ours = open
    .filter((issue) => !issue.pull_request && isSticky({ id: issue.id, body: issue.body ?? undefined, user: issue.user }, marker, target.botLogin))
    .sort((a, b) => a.number - b.number);
  const existing = ours[0];
  if (existing) {
    if (existing.body === body && existing.title === title) return { action: 'unchanged', number: existing.number };
    await write(where, () => gh.rest.issues.update({ owner, repo, issue_number: existing.number, title, body }));
    return { action: 'updated', number: existing.number };
  }
  const created = await write(where, () => gh.rest.issues.create({ owner, repo, title, body }));
  return { action: 'created', number: created.data.number };
}

async function write<T>(where: string, request: () => Promise<T>): Promise<T> {
  try {
    return await request();
  } catch (error) {
    if (httpStatus(error) === 403) {
      throw new UserError(`the token may not write issues in ${where} (403: ${gitHubMessage(error)}); give the job \`permissions: issues: write\``, {
        field: 'permissions',
      });
    }
    throw error;
  }
}
