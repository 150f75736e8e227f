/**
 * The action: read inputs, pick the mode from the event, await it. One place turns errors into a failed
 * step: a user mistake prints its message (file, line, field), anything else is a bug and keeps its stack.
 */
import * as core from '@actions/core';
import { isUserError } from './errors.ts';
import { readRunContext } from './action/context.ts';
import { readSettings } from './action/inputs.ts';
import { readEvent } from './github/events.ts';
import { createRunKit } from './action/kit.ts';
import { acceptEvent, MODE_TABLE, resolveMode, SECRET_MODES, TRAINING_MODES } from './action/modes/mode-table.ts';

export async function run(): Promise<void> {
  try {
    const settings = readSettings();
    const context = readRunContext();
    const mode = resolveMode(settings.mode, context.eventName, settings.rollbackTo, settings.allowPullRequestTarget);
    core.info(`model-ci: mode ${mode} on ${context.eventName} (${context.owner}/${context.repo}@${context.sha.slice(0, 7)})`);
    if (SECRET_MODES.has(mode) || context.eventName === 'pull_request_target') (await import('./model/native.ts')).markJobHoldsSecrets();
    if (settings.installNativeBackend && TRAINING_MODES.has(mode)) await (await import('./action/native-backend.ts')).prepareNativeBackend(settings, context);
    const row = MODE_TABLE[mode];
    const event = row.events ? acceptEvent(mode, context.eventName, readEvent(context.eventName, context.payload)) : undefined;
    if (event && 'skip' in event) {
      core.info(`model-ci: nothing to do: ${event.skip}`);
      return;
    }
    const { default: runMode } = await row.load();
    await runMode({ settings, context, kit: createRunKit(settings, context), event: event as never });
  } catch (error) {
    if (isUserError(error)) {
      core.setFailed(error.describe());
    } else {
      core.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
      core.setFailed(`model-ci failed unexpectedly: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}
