/** Picks what the action does from its `mode` input and the event that started the workflow (pure). */
import { UserError } from '../errors.ts';
import type { Mode } from './inputs.ts';

export type ConcreteMode = Exclude<Mode, 'auto'>;

const BY_EVENT: Record<string, ConcreteMode> = {
  pull_request: 'pr',
  pull_request_target: 'pr',
  push: 'deploy',
  issue_comment: 'command',
  workflow_run: 'comment',
};

export function resolveMode(mode: Mode, eventName: string, rollbackTo: string, allowPullRequestTarget = false): ConcreteMode {
  // pull_request_target runs with a write token and the repository's secrets; a workflow that checks
  // out the PR's head there hands both to a fork's code. Only an explicit opt-in says that is intended.
  if (eventName === 'pull_request_target' && (mode === 'auto' || mode === 'pr') && !allowPullRequestTarget) {
    throw new UserError(
      `mode \`${mode}\` refuses the pull_request_target event: it runs with a write token and the repository's secrets, so training a fork's code there hands both to that code. Use the \`pull_request\` event (forks get a read-only token; post the report from a workflow_run job), or set \`allow-pull-request-target: true\` if this workflow never checks out or runs the PR's code with secrets`,
      { field: 'allow-pull-request-target' },
    );
  }
  if (mode !== 'auto') return mode;
  if (eventName === 'workflow_dispatch') return rollbackTo ? 'rollback' : 'deploy';
  const picked = BY_EVENT[eventName];
  if (picked) return picked;
  throw new UserError(
    `mode \`auto\` does not know what to do on a \`${eventName}\` event; set the \`mode\` input (pr, deploy, comment, command, plan, rollback, train)`,
    { field: 'mode' },
  );
}
