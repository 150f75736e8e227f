/**
 * The action: read inputs, pick the mode from the event, await it. One place turns errors into a failed
 * step: a user mistake prints its message (file, line, field), anything else is a bug and keeps its stack.
 */
import * as core from '@actions/core';
import { isUserError } from './errors.ts';
import { readRunContext } from './action/context.ts';
import { readSettings } from './action/inputs.ts';
import { resolveMode, type ConcreteMode } from './action/mode.ts';
import type { ModeRunner } from './action/runner.ts';

// Loaded on demand: a PR run that retrains nothing must not pay for parsing TensorFlow.js or dockerode.
const MODES: Record<ConcreteMode, () => Promise<{ default: ModeRunner }>> = {
  pr: () => import('./action/pr.ts'),
  comment: () => import('./action/comment.ts'),
  deploy: () => import('./action/deploy.ts'),
  rollback: () => import('./action/rollback.ts'),
  command: () => import('./action/command.ts'),
  plan: () => import('./action/plan.ts'),
  train: () => import('./action/train.ts'),
  candidate: () => import('./action/candidate.ts'),
  sweep: () => import('./action/sweep.ts'),
};

const TRAINING_MODES = new Set<ConcreteMode>(['pr', 'deploy', 'command', 'train', 'candidate', 'sweep']);

// Deploy credentials or a write token beside files a pull request may control: no native package from the
// workspace or the shared tool cache (src/train/native.ts). pull_request_target holds both in any mode.
const SECRET_MODES = new Set<ConcreteMode>(['deploy', 'command', 'rollback']);

export async function run(): Promise<void> {
  try {
    const settings = readSettings();
    const context = readRunContext();
    const mode = resolveMode(settings.mode, context.eventName, settings.rollbackTo, settings.allowPullRequestTarget);
    core.info(`model-ci: mode ${mode} on ${context.eventName} (${context.owner}/${context.repo}@${context.sha.slice(0, 7)})`);
    if (SECRET_MODES.has(mode) || context.eventName === 'pull_request_target') (await import('./train/native.ts')).markJobHoldsSecrets();
    if (settings.installNativeBackend && TRAINING_MODES.has(mode)) await (await import('./action/native-backend.ts')).prepareNativeBackend(settings, context);
    const { default: runMode } = await MODES[mode]();
    await runMode(settings, context);
  } catch (error) {
    if (isUserError(error)) {
      core.setFailed(error.describe());
    } else {
      core.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
      core.setFailed(`model-ci failed unexpectedly: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}
