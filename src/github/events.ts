/**
 * Pure readers of the webhook payloads model-ci acts on. Each turns GitHub's
 * large payload into the few typed fields a mode needs, and names the field
 * when the payload is not what GitHub sends.
 */
import { UserError } from '../errors.ts';

export interface Repository {
  owner: string;
  repo: string;
  /** `owner/repo` */
  fullName: string;
}

export interface Actor {
  login: string;
  /** `User`, `Bot` or `Organization`. */
  type: string;
}

export interface PullRequestEvent {
  kind: 'pull_request';
  action: 'opened' | 'synchronize' | 'reopened';
  repository: Repository;
  number: number;
  baseSha: string;
  headSha: string;
  baseRef: string;
  headRef: string;
  /** `null` when the fork behind the pull request was deleted. */
  headRepoFullName: string | null;
  /** Head in another (or a deleted) repository: a read-only token and no secrets (on `pull_request`). */
  isFork: boolean;
  /**
   * A `pull_request_target` event: the workflow runs the base's code with a write token and the
   * repository's secrets, whoever opened the PR, and the checkout is the base, not the head.
   */
  target: boolean;
  draft: boolean;
  sender: Actor;
}

export interface PushEvent {
  kind: 'push';
  repository: Repository;
  /** Full ref, `refs/heads/main` or `refs/tags/v1.2.0`. */
  ref: string;
  branch: string | null;
  tag: string | null;
  /** All zeros when the ref was just created. */
  before: string;
  /** All zeros when the ref was deleted. */
  after: string;
  created: boolean;
  deleted: boolean;
  forced: boolean;
  sender: Actor;
}

export interface IssueCommentEvent {
  kind: 'issue_comment';
  action: 'created';
  repository: Repository;
  issueNumber: number;
  /** Commands are only honoured on pull requests. */
  isPullRequest: boolean;
  /** `createdAt`: when GitHub recorded the comment (ISO 8601), to tell whether the PR moved on since. */
  comment: { id: number; body: string; author: Actor; authorAssociation: string; createdAt: string };
  sender: Actor;
}

export interface WorkflowRunPullRequest {
  number: number;
  headSha: string;
  baseSha: string;
  headRef: string;
  baseRef: string;
}

export interface WorkflowRunEvent {
  kind: 'workflow_run';
  action: 'completed';
  repository: Repository;
  runId: number;
  runAttempt: number | null;
  workflowName: string;
  /** The event that started the run (`pull_request` in the split fork pattern). */
  event: string;
  /** `null` while a run is not finished; otherwise success, failure, cancelled, … */
  conclusion: string | null;
  headSha: string;
  headBranch: string | null;
  headRepoFullName: string | null;
  /** The run's head came from another repository: its artifacts are untrusted data. */
  isFork: boolean;
  /** Empty for fork pull requests (GitHub does not list them): match by `headSha` instead. */
  pullRequests: WorkflowRunPullRequest[];
  sender: Actor;
}

export interface WorkflowDispatchEvent {
  kind: 'workflow_dispatch';
  repository: Repository;
  ref: string;
  branch: string | null;
  /** Path of the dispatched workflow file. */
  workflow: string;
  inputs: Record<string, string | number | boolean>;
  sender: Actor;
}

/** An event or action model-ci has nothing to do for, with the reason to log. */
export interface IgnoredEvent {
  kind: 'ignored';
  eventName: string;
  action: string | null;
  reason: string;
}

export type RepoEvent = PullRequestEvent | PushEvent | IssueCommentEvent | WorkflowRunEvent | WorkflowDispatchEvent;

export const HANDLED_EVENTS = ['pull_request', 'pull_request_target', 'push', 'issue_comment', 'workflow_run', 'workflow_dispatch'] as const;

const PULL_REQUEST_ACTIONS = ['opened', 'synchronize', 'reopened'] as const;

export interface ReadOptions {
  /** Where the payload came from (`GITHUB_EVENT_PATH`), for error messages. */
  file?: string;
}

/** Reads the payload of `eventName` (`GITHUB_EVENT_NAME`). */
export function readEvent(eventName: string, payload: unknown, options: ReadOptions = {}): RepoEvent | IgnoredEvent {
  const root = new Fields(payload, '', options.file);
  const action = eventName === 'push' || eventName === 'workflow_dispatch' ? null : root.optionalString('action');
  switch (eventName) {
    case 'pull_request':
    case 'pull_request_target':
      if (!(PULL_REQUEST_ACTIONS as readonly string[]).includes(action ?? '')) {
        return ignored(eventName, action, `model-ci acts on pull requests ${PULL_REQUEST_ACTIONS.join(', ')}`);
      }
      return readPullRequest(root, eventName === 'pull_request_target');
    case 'push':
      return readPush(root);
    case 'issue_comment':
      if (action !== 'created') return ignored(eventName, action, 'only new comments can carry commands');
      return readIssueComment(root);
    case 'workflow_run':
      if (action !== 'completed') return ignored(eventName, action, 'reports are posted once the run has completed');
      return readWorkflowRun(root);
    case 'workflow_dispatch':
      return readWorkflowDispatch(root);
    default:
      return ignored(eventName, action, `model-ci handles ${HANDLED_EVENTS.join(', ')}`);
  }
}

function ignored(eventName: string, action: string | null, reason: string): IgnoredEvent {
  return { kind: 'ignored', eventName, action, reason };
}

function readPullRequest(root: Fields, target: boolean): PullRequestEvent {
  const pull = root.object('pull_request');
  const head = pull.object('head');
  const base = pull.object('base');
  const baseRepo = base.object('repo').string('full_name');
  const headRepo = head.nullableObject('repo');
  const headRepoFullName = headRepo ? headRepo.string('full_name') : null;
  return {
    kind: 'pull_request',
    action: root.string('action') as PullRequestEvent['action'],
    repository: readRepository(root),
    number: pull.positiveInteger('number'),
    baseSha: base.sha('sha'),
    headSha: head.sha('sha'),
    baseRef: base.string('ref'),
    headRef: head.string('ref'),
    headRepoFullName,
    isFork: headRepoFullName === null || headRepoFullName !== baseRepo,
    target,
    draft: pull.optionalBoolean('draft') ?? false,
    sender: readActor(root.object('sender')),
  };
}

function readPush(root: Fields): PushEvent {
  const ref = root.string('ref');
  return {
    kind: 'push',
    repository: readRepository(root),
    ref,
    branch: shortRef(ref, 'refs/heads/'),
    tag: shortRef(ref, 'refs/tags/'),
    before: root.sha('before'),
    after: root.sha('after'),
    created: root.optionalBoolean('created') ?? false,
    deleted: root.optionalBoolean('deleted') ?? false,
    forced: root.optionalBoolean('forced') ?? false,
    sender: readActor(root.object('sender')),
  };
}

function readIssueComment(root: Fields): IssueCommentEvent {
  const issue = root.object('issue');
  const comment = root.object('comment');
  return {
    kind: 'issue_comment',
    action: 'created',
    repository: readRepository(root),
    issueNumber: issue.positiveInteger('number'),
    isPullRequest: issue.nullableObject('pull_request') !== null,
    comment: {
      id: comment.positiveInteger('id'),
      body: comment.optionalString('body') ?? '',
      author: readActor(comment.object('user')),
      authorAssociation: comment.optionalString('author_association') ?? 'NONE',
      createdAt: comment.string('created_at'),
    },
    sender: readActor(root.object('sender')),
  };
}

function readWorkflowRun(root: Fields): WorkflowRunEvent {
  const run = root.object('workflow_run');
  const repository = readRepository(root);
  const headRepo = run.nullableObject('head_repository');
  const headRepoFullName = headRepo ? headRepo.string('full_name') : null;
  return {
    kind: 'workflow_run',
    action: 'completed',
    repository,
    runId: run.positiveInteger('id'),
    runAttempt: run.optionalPositiveInteger('run_attempt'),
    workflowName: run.optionalString('name') ?? root.nullableObject('workflow')?.optionalString('name') ?? '',
    event: run.string('event'),
    conclusion: run.optionalString('conclusion'),
    headSha: run.sha('head_sha'),
    headBranch: run.optionalString('head_branch'),
    headRepoFullName,
    isFork: headRepoFullName === null || headRepoFullName !== repository.fullName,
    pullRequests: run.array('pull_requests').map((pull) => {
      const head = pull.object('head');
      const base = pull.object('base');
      return {
        number: pull.positiveInteger('number'),
        headSha: head.sha('sha'),
        baseSha: base.sha('sha'),
        headRef: head.string('ref'),
        baseRef: base.string('ref'),
      };
    }),
    sender: readActor(root.object('sender')),
  };
}

function readWorkflowDispatch(root: Fields): WorkflowDispatchEvent {
  const ref = root.string('ref');
  const inputs = root.nullableObject('inputs');
  return {
    kind: 'workflow_dispatch',
    repository: readRepository(root),
    ref,
    branch: shortRef(ref, 'refs/heads/'),
    workflow: root.string('workflow'),
    inputs: inputs ? inputs.primitives() : {},
    sender: readActor(root.object('sender')),
  };
}

function shortRef(ref: string, prefix: string): string | null {
  return ref.startsWith(prefix) ? ref.slice(prefix.length) : null;
}

function readRepository(root: Fields): Repository {
  const repository = root.object('repository');
  const fullName = repository.string('full_name');
  const [owner, repo, ...rest] = fullName.split('/');
  if (!owner || !repo || rest.length > 0) repository.fail('full_name', 'expected "owner/repo"');
  return { owner, repo, fullName };
}

function readActor(user: Fields): Actor {
  return { login: user.string('login'), type: user.string('type') };
}

/** Typed access to one object of the payload; every failure names the dotted field path. */
class Fields {
  readonly value: Record<string, unknown>;
  readonly path: string;
  readonly file: string | undefined;

  constructor(value: unknown, path: string, file: string | undefined) {
    this.path = path;
    this.file = file;
    this.value = value as Record<string, unknown>;
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      throw fieldError(path || '(payload)', 'expected an object', value, file);
    }
  }

  fail(key: string, expected: string): never {
    throw fieldError([this.path, key].filter(Boolean).join('.'), expected, this.value[key], this.file);
  }

  private child(key: string, value: unknown): Fields {
    return new Fields(value, [this.path, key].filter(Boolean).join('.'), this.file);
  }

  object(key: string): Fields {
    const value = this.value[key];
    if (typeof value !== 'object' || value === null || Array.isArray(value)) this.fail(key, 'expected an object');
    return this.child(key, value);
  }

  nullableObject(key: string): Fields | null {
    const value = this.value[key];
    return value === null || value === undefined ? null : this.object(key);
  }

  array(key: string): Fields[] {
    const value = this.value[key];
    if (!Array.isArray(value)) this.fail(key, 'expected an array');
    return value.map((item, i) => this.child(`${key}[${i}]`, item));
  }

  string(key: string): string {
    const value = this.value[key];
    if (typeof value !== 'string' || value === '') this.fail(key, 'expected a non-empty string');
    return value;
  }

  optionalString(key: string): string | null {
    const value = this.value[key];
    if (value === undefined || value === null) return null;
    if (typeof value !== 'string') this.fail(key, 'expected a string');
    return value;
  }

  optionalBoolean(key: string): boolean | null {
    const value = this.value[key];
    if (value === undefined || value === null) return null;
    if (typeof value !== 'boolean') this.fail(key, 'expected true or false');
    return value;
  }

  positiveInteger(key: string): number {
    const value = this.value[key];
    if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1) this.fail(key, 'expected a positive integer');
    return value;
  }

  optionalPositiveInteger(key: string): number | null {
    return this.value[key] === undefined || this.value[key] === null ? null : this.positiveInteger(key);
  }

  /** A full commit SHA (SHA-1, or SHA-256 for repositories that use it). */
  sha(key: string): string {
    const value = this.value[key];
    if (typeof value !== 'string' || !/^(?:[0-9a-f]{40}|[0-9a-f]{64})$/.test(value)) this.fail(key, 'expected a full commit SHA');
    return value;
  }

  /** `workflow_dispatch` inputs: strings, or booleans and numbers for typed inputs. */
  primitives(): Record<string, string | number | boolean> {
    const out: Record<string, string | number | boolean> = {};
    for (const [key, value] of Object.entries(this.value)) {
      if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') {
        this.fail(key, 'expected a string, number or boolean');
      }
      out[key] = value;
    }
    return out;
  }
}

function fieldError(field: string, expected: string, got: unknown, file: string | undefined): UserError {
  return new UserError(`event payload field "${field}": ${expected}, got ${describe(got)}`, { file, field });
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return value.length > 60 ? `a ${value.length}-character string` : JSON.stringify(value);
  if (typeof value === 'object') return 'an object';
  return String(value);
}
