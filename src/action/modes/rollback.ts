/**
 * Mode `rollback` (workflow_dispatch with `rollback-to`): the rollback use case (src/flow/rollback-model.ts)
 * with the action's inputs, outputs and job summary.
 */
import * as core from '@actions/core';
import { UserError } from '../../errors.ts';
import { rollBack } from '../../flow/rollback-model.ts';
import { actionLogger } from '../core-logger.ts';
import { imageName, registryAuth } from '../registry-auth.ts';
import type { ModeRunner } from './mode-table.ts';

const runRollback: ModeRunner = async ({ settings, context, kit }) => {
  if (!settings.rollbackTo)
    throw new UserError('mode `rollback` needs `rollback-to`: the commit SHA or tag whose image should serve again', { field: 'rollback-to' });
  const outcome = await rollBack({
    repoRoot: context.workspace,
    configPath: settings.config,
    to: settings.rollbackTo,
    commit: context.sha,
    store: kit.store(),
    image: imageName(settings, context),
    auth: () => registryAuth(settings, context),
    runUrl: context.runUrl || undefined,
    log: actionLogger,
  });
  const { image, digest, target } = outcome;
  core.setOutput('image', image);
  core.setOutput('digest', digest);
  core.setOutput('tags', `${image}:latest`);
  core.setOutput('model-version', `sha-${target.slice(0, 7)}`);
  await kit.summary(
    `### model-ci · ${outcome.model} — rolled back\n\n\`latest\` of \`${image}\` points again at \`${digest}\`, the model of ${target.slice(0, 7)}; recorded for ${context.sha.slice(0, 7)}.\n`,
  );
};

export default runRollback;
