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

export function resolveMode(mode: Mode, eventName: string, rollbackTo: string): ConcreteMode {
  if (mode !== 'auto') return mode;
  if (eventName === 'workflow_dispatch') return rollbackTo ? 'rollback' : 'deploy';
  const picked = BY_EVENT[eventName];
  if (picked) return picked;
  throw new UserError(
    `mode \`auto\` does not know what to do on a \`${eventName}\` event; set the \`mode\` input (pr, deploy, comment, command, plan, rollback, train)`,
    { field: 'mode' },
  );
}
