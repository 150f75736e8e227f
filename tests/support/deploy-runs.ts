/**
 * The two runs of the deploy side as a workflow makes them: a push to main (mode `deploy`) and a
 * workflow_dispatch with `rollback-to` (mode `rollback`), each through the bundled action.
 */
import { runAction, type ActionRun } from './action-runner.ts';
import { pushPayload, workflowDispatchPayload } from './payloads.ts';

const REPOSITORY = 'model-ci-test/models';
/** Nothing listens here: the deploy side never calls the GitHub API. */
const NO_API = 'http://127.0.0.1:9';

export function pushToMain(options: { workspace: string; sha: string; inputs: Record<string, string>; env: Record<string, string> }): Promise<ActionRun> {
  const payload = pushPayload({ ref: 'refs/heads/main', after: options.sha });
  // The example payload's repository defaults to master; ours to main, where `latest` may move.
  payload.repository.default_branch = 'main';
  return runAction({
    eventName: 'push',
    payload,
    repository: REPOSITORY,
    workspace: options.workspace,
    apiUrl: NO_API,
    sha: options.sha,
    ref: 'refs/heads/main',
    inputs: options.inputs,
    env: options.env,
  });
}

export function dispatchRollback(options: {
  workspace: string;
  head: string;
  to: string;
  inputs: Record<string, string>;
  env: Record<string, string>;
}): Promise<ActionRun> {
  return runAction({
    eventName: 'workflow_dispatch',
    payload: workflowDispatchPayload({ ref: 'refs/heads/main', inputs: { to: options.to } }),
    repository: REPOSITORY,
    workspace: options.workspace,
    apiUrl: NO_API,
    sha: options.head,
    ref: 'refs/heads/main',
    inputs: { ...options.inputs, 'rollback-to': options.to },
    env: options.env,
  });
}
