/**
 * Pure: whether an event proves that the code a workflow runs is this repository's own, and why.
 *
 * The one judge of "may this reach a self-hosted runner". It reads only payload fields that prove the
 * head's repository for that event; anything else — an event it does not know, a missing or malformed
 * field, the null head repository of a deleted fork — is untrusted, i.e. treated as a fork. It never
 * throws: a payload that is not what GitHub sends is one more reason to stay on a hosted runner.
 */

export interface CodeTrust {
  trusted: boolean;
  /** For the log: which field decided, or what was missing. */
  reason: string;
}

export interface TrustInput {
  eventName: string;
  payload: unknown;
  /** `owner/repo` the workflow runs in (GITHUB_REPOSITORY). */
  repository: string;
  /** issue_comment on a pull request: the pull request as the API returned it (the payload does not say). */
  pull?: { headRepoFullName: string | null };
}

/**
 * Events whose code is the repository's own by the way GitHub starts them: a push needs write access
 * to this repository, a dispatch needs write access, a schedule runs the default branch.
 */
const OWN_CODE_EVENTS: Record<string, string> = {
  push: 'a push to this repository runs its own code',
  workflow_dispatch: 'a workflow_dispatch is started by someone with write access',
  schedule: 'a schedule runs the default branch',
};

/**
 * A workflow_run's `head_repository` names the code only when the run checked out its head: for
 * pull_request_target or issue_comment it names the base repository even when a fork's code ran.
 */
const WORKFLOW_RUN_HEAD_EVENTS = new Set(['push', 'pull_request', 'workflow_dispatch', 'schedule']);

export function codeTrust(input: TrustInput): CodeTrust {
  const { eventName, payload, repository } = input;
  const untrusted = (reason: string): CodeTrust => ({ trusted: false, reason: `${reason}: treated as a fork` });
  const sameRepo = (field: string, value: unknown): CodeTrust => {
    if (typeof value !== 'string' || value === '') return untrusted(`${eventName}: ${field} is ${value === null ? 'null (a deleted fork)' : 'missing'}`);
    if (value !== repository) return untrusted(`${eventName}: ${field} is ${JSON.stringify(value)}, not ${repository}`);
    return { trusted: true, reason: `${eventName}: ${field} is ${repository}` };
  };

  const own = OWN_CODE_EVENTS[eventName];
  if (own) return { trusted: true, reason: own };
  switch (eventName) {
    case 'pull_request':
    case 'pull_request_target': {
      const base = at(payload, 'pull_request', 'base', 'repo', 'full_name');
      if (base !== repository) return untrusted(`${eventName}: pull_request.base.repo.full_name is not ${repository}`);
      return sameRepo('pull_request.head.repo.full_name', fullName(at(payload, 'pull_request', 'head', 'repo')));
    }
    case 'workflow_run': {
      const event = at(payload, 'workflow_run', 'event');
      if (typeof event !== 'string' || !WORKFLOW_RUN_HEAD_EVENTS.has(event)) {
        return untrusted(
          `workflow_run of a ${typeof event === 'string' ? JSON.stringify(event) : 'missing'} event, whose head_repository does not name the code that ran`,
        );
      }
      return sameRepo('workflow_run.head_repository.full_name', fullName(at(payload, 'workflow_run', 'head_repository')));
    }
    case 'issue_comment': {
      if (!isObject(at(payload, 'issue', 'pull_request'))) return untrusted('issue_comment on an issue, not a pull request');
      if (!input.pull) return untrusted('issue_comment: the pull request was not looked up');
      return sameRepo("the pull request's head.repo.full_name", input.pull.headRepoFullName);
    }
    default:
      return untrusted(`${eventName || 'an unnamed'} event: model-ci cannot tell whose code it runs`);
  }
}

/** A repository object's `full_name`; `null` for the null repository of a deleted fork. */
function fullName(repo: unknown): unknown {
  return repo === null ? null : at(repo, 'full_name');
}

function at(value: unknown, ...path: string[]): unknown {
  let node = value;
  for (const key of path) node = isObject(node) ? node[key] : undefined;
  return node;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
