/**
 * Real webhook payloads from `@octokit/webhooks-examples`, adapted to a test's
 * repository, commits and people. Each builder starts from GitHub's own example
 * and changes only the fields it names, so everything else keeps GitHub's shape.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Payloads are deeply nested, loosely typed JSON that tests edit by path.
export type Payload = Record<string, any>;

interface WebhookDefinition {
  name: string;
  examples: Payload[];
}

let definitions: WebhookDefinition[] | undefined;

/** A fresh copy of the first example of `eventName` that satisfies `accept`. */
export function webhookExample(eventName: string, accept: (payload: Payload) => boolean = () => true): Payload {
  definitions ??= JSON.parse(
    readFileSync(createRequire(import.meta.url).resolve('@octokit/webhooks-examples/api.github.com/index.json'), 'utf8'),
  ) as WebhookDefinition[];
  const example = definitions.find((d) => d.name === eventName)?.examples.find(accept);
  if (!example) throw new Error(`@octokit/webhooks-examples has no matching ${eventName} example`);
  return structuredClone(example);
}

export interface RepoOptions {
  owner?: string;
  repo?: string;
  sender?: string;
  senderType?: 'User' | 'Bot';
}

export const DEFAULT_OWNER = 'model-ci-test';
export const DEFAULT_REPO = 'models';

/**
 * Moves a payload to `owner/repo`: every object describing the example's repository
 * gets the new name and owner, and every URL pointing at it is rewritten.
 */
export function retarget(payload: Payload, owner: string, repo: string): Payload {
  const from = (payload.repository?.full_name as string | undefined) ?? '';
  const to = `${owner}/${repo}`;
  const inUrls = new RegExp(`([/:])${from.replace(/[.*+?^$()|[\]\\{}]/g, '\\$&')}(?=[/".#?{])`, 'g');
  const rewritten = JSON.parse(JSON.stringify(payload).replace(inUrls, `$1${to}`)) as Payload;
  visit(rewritten, (node) => {
    if (node.full_name === from) {
      node.full_name = to;
      node.name = repo;
      if (node.owner && typeof node.owner === 'object') node.owner.login = owner;
    }
  });
  return rewritten;
}

function setSender(payload: Payload, options: RepoOptions): void {
  if (options.sender) {
    payload.sender.login = options.sender;
    payload.sender.type = options.senderType ?? (options.sender.endsWith('[bot]') ? 'Bot' : 'User');
  }
}

function adapt(payload: Payload, options: RepoOptions): Payload {
  const adapted = retarget(payload, options.owner ?? DEFAULT_OWNER, options.repo ?? DEFAULT_REPO);
  setSender(adapted, options);
  return adapted;
}

export interface PullRequestOptions extends RepoOptions {
  action?: 'opened' | 'synchronize' | 'reopened' | 'closed';
  number?: number;
  baseSha?: string;
  headSha?: string;
  baseRef?: string;
  headRef?: string;
  /** The head lives in this user's fork; `'deleted'` for a fork that no longer exists. */
  fork?: string | 'deleted';
}

export function pullRequestPayload(options: PullRequestOptions = {}): Payload {
  const action = options.action ?? 'opened';
  const payload = adapt(
    webhookExample('pull_request', (p) => p.action === action),
    options,
  );
  const pull = payload.pull_request;
  const number = options.number ?? pull.number;
  payload.number = number;
  pull.number = number;
  if (options.baseSha) pull.base.sha = options.baseSha;
  if (options.headSha) pull.head.sha = options.headSha;
  if (options.baseRef) pull.base.ref = options.baseRef;
  if (options.headRef) pull.head.ref = options.headRef;
  if (action === 'synchronize') {
    payload.before = options.baseSha ?? payload.before;
    payload.after = pull.head.sha;
  }
  if (options.fork === 'deleted') {
    pull.head.repo = null;
  } else if (options.fork) {
    const base = pull.base.repo;
    pull.head.repo = retarget({ repository: structuredClone(base) }, options.fork, base.name).repository;
    pull.head.repo.fork = true;
    pull.head.label = `${options.fork}:${pull.head.ref}`;
    pull.head.user.login = options.fork;
  }
  return payload;
}

export interface IssueCommentOptions extends RepoOptions {
  body: string;
  /** The comment's author (also the sender, as GitHub sends it). */
  author?: string;
  authorType?: 'User' | 'Bot';
  commentId?: number;
  /** The comment's `created_at`, as GitHub recorded it. */
  createdAt?: string;
  number?: number;
  /** True: the issue is a pull request (`issue.pull_request` set), as bot commands need. */
  onPullRequest?: boolean;
}

export function issueCommentPayload(options: IssueCommentOptions): Payload {
  const sender = options.author ?? options.sender;
  const payload = adapt(
    webhookExample('issue_comment', (p) => p.action === 'created'),
    { ...options, sender, senderType: options.authorType },
  );
  const { issue, comment } = payload;
  comment.body = options.body;
  if (options.createdAt) comment.created_at = comment.updated_at = options.createdAt;
  if (options.commentId) {
    comment.id = options.commentId;
    comment.url = comment.url.replace(/\d+$/, String(options.commentId));
    comment.html_url = comment.html_url.replace(/\d+$/, String(options.commentId));
  }
  if (sender) {
    comment.user.login = sender;
    comment.user.type = payload.sender.type;
  }
  if (options.number) {
    issue.number = options.number;
    issue.url = issue.url.replace(/\d+$/, String(options.number));
    issue.html_url = issue.html_url.replace(/\d+$/, String(options.number));
  }
  if (options.onPullRequest ?? true) {
    const { full_name: fullName, url: repoUrl } = payload.repository;
    issue.pull_request = {
      url: `${repoUrl}/pulls/${issue.number}`,
      html_url: `https://github.com/${fullName}/pull/${issue.number}`,
      diff_url: `https://github.com/${fullName}/pull/${issue.number}.diff`,
      patch_url: `https://github.com/${fullName}/pull/${issue.number}.patch`,
      merged_at: null,
    };
  } else {
    delete issue.pull_request;
  }
  return payload;
}

export interface PushOptions extends RepoOptions {
  ref?: string;
  before?: string;
  after?: string;
}

export function pushPayload(options: PushOptions = {}): Payload {
  const payload = adapt(
    webhookExample('push', (p) => p.ref === 'refs/heads/master' && !p.deleted),
    options,
  );
  const ref = options.ref ?? 'refs/heads/main';
  payload.ref = ref;
  if (options.before) payload.before = options.before;
  if (options.after) {
    payload.after = options.after;
    if (payload.head_commit) payload.head_commit.id = options.after;
    for (const commit of payload.commits ?? []) commit.id = options.after;
  }
  payload.created = /^0+$/.test(payload.before);
  return payload;
}

export interface WorkflowRunOptions extends RepoOptions {
  conclusion?: 'success' | 'failure' | 'cancelled';
  /** The event that started the run; `pull_request` in the split fork workflow. */
  event?: string;
  headSha?: string;
  headBranch?: string;
  /** GitHub lists the run's pull requests only for same-repository heads. */
  pullRequests?: Array<{ number: number; headSha: string; baseSha: string; headRef?: string; baseRef?: string }>;
  /** The run's head came from this user's fork. */
  fork?: string;
}

export function workflowRunPayload(options: WorkflowRunOptions = {}): Payload {
  const payload = adapt(
    webhookExample('workflow_run', (p) => p.action === 'completed' && p.workflow_run.pull_requests.length > 0),
    options,
  );
  const run = payload.workflow_run;
  run.conclusion = options.conclusion ?? 'success';
  run.status = 'completed';
  run.event = options.event ?? 'pull_request';
  if (options.headSha) run.head_sha = options.headSha;
  if (options.headBranch) run.head_branch = options.headBranch;
  const template = run.pull_requests[0];
  run.pull_requests = (options.pullRequests ?? []).map((pull) => {
    const entry = structuredClone(template);
    entry.number = pull.number;
    entry.id = pull.number;
    entry.url = entry.url.replace(/\d+$/, String(pull.number));
    entry.head.sha = pull.headSha;
    entry.base.sha = pull.baseSha;
    entry.head.ref = pull.headRef ?? run.head_branch;
    entry.base.ref = pull.baseRef ?? 'main';
    return entry;
  });
  if (options.fork) {
    run.head_repository = retarget({ repository: structuredClone(run.head_repository) }, options.fork, run.head_repository.name).repository;
  }
  return payload;
}

export interface WorkflowDispatchOptions extends RepoOptions {
  ref?: string;
  inputs?: Record<string, string | number | boolean>;
}

export function workflowDispatchPayload(options: WorkflowDispatchOptions = {}): Payload {
  const payload = adapt(webhookExample('workflow_dispatch'), options);
  payload.ref = options.ref ?? 'refs/heads/main';
  payload.inputs = options.inputs ?? {};
  return payload;
}

/** Writes the payload where `GITHUB_EVENT_PATH` can point at it. */
export function writeEventFile(payload: Payload, dir: string = mkdtempSync(join(tmpdir(), 'model-ci-event-'))): string {
  const file = join(dir, 'event.json');
  writeFileSync(file, JSON.stringify(payload, null, 2));
  return file;
}

function visit(node: unknown, fn: (node: Payload) => void): void {
  if (Array.isArray(node)) {
    node.forEach((item) => {
      visit(item, fn);
    });
  } else if (node && typeof node === 'object') {
    fn(node as Payload);
    Object.values(node).forEach((value) => {
      visit(value, fn);
    });
  }
}
