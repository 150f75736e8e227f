/**
 * `install-native-backend: true`: before a mode trains, make sure the native package for the backend the
 * workflow asked for (`tensorflow` or `tensorflow-gpu`) is in the workspace or verified in the runner's
 * tool cache, installing it there once (a job that holds secrets installs into its own RUNNER_TEMP:
 * src/model/native.ts). `auto` installs nothing: it uses what is there.
 */
import * as core from '@actions/core';
import { join } from 'node:path';
import { loadConfig } from '../config/load.ts';
import { NATIVE_PACKAGES } from '../model/engine.ts';
import { nativeFolder } from '../model/native.ts';
import type { RunContext } from './context.ts';
import type { Settings } from './inputs.ts';

export async function prepareNativeBackend(settings: Settings, context: RunContext): Promise<void> {
  const backend = settings.backend ?? (await loadConfig(join(context.workspace, settings.config))).backend;
  const packageName = backend === 'auto' || backend === 'dense' ? undefined : NATIVE_PACKAGES[backend];
  if (!packageName) {
    core.info(`install-native-backend: the ${backend} backend needs no native package`);
    return;
  }
  try {
    const folder = await core.group(`native backend ${packageName}`, () => nativeFolder(packageName, context.workspace, { install: true, log: core.info }));
    if (!folder)
      core.warning(
        `install-native-backend: no tool cache on this runner (RUNNER_TOOL_CACHE, or RUNNER_TEMP in a job that holds secrets, is unset): ${packageName} must be in the workspace`,
      );
  } catch (error) {
    // The engine then falls back to the next backend and says so in the log and the report.
    core.warning(`could not install ${packageName}: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
  }
}
