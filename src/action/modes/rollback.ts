/**
 * Mode `rollback` (workflow_dispatch with `rollback-to`): points `latest` back at the image recorded for
 * an earlier commit or tag, without rebuilding, and records that it did on the baselines branch, so
 * pull requests compare against the model that is actually serving.
 */
import * as core from '@actions/core';
import { join } from 'node:path';
import { loadConfig } from '../../config/load.ts';
import { confineToRepository } from '../../docker/reference.ts';
import { retagRemote } from '../../docker/registry.ts';
import { UserError } from '../../errors.ts';
import { resolveCommit } from '../../git/history.ts';
import { actionLogger } from '../core-logger.ts';
import { imageName, registryAuth } from '../registry-auth.ts';
import type { ModeRunner } from './table.ts';

const runRollback: ModeRunner = async ({ settings, context, kit }) => {
  if (!settings.rollbackTo)
    throw new UserError('mode `rollback` needs `rollback-to`: the commit SHA or tag whose image should serve again', { field: 'rollback-to' });
  const config = await loadConfig(join(context.workspace, settings.config), { repoRoot: context.workspace });
  const target = await resolveCommit(settings.rollbackTo, {
    cwd: context.workspace,
    remote: 'origin',
    fetch: true,
    field: 'rollback-to',
    log: actionLogger.info,
  });
  const store = kit.store();
  await store.fetch();
  const stored = await store.read(config.name, target);
  if (!stored)
    throw new UserError(`no baseline record of ${config.name} at ${target.slice(0, 12)}: only commits deployed by model-ci can be rolled back to`, {
      field: 'rollback-to',
    });
  if ('unusable' in stored)
    throw new UserError(`the record of ${config.name} at ${target.slice(0, 12)} is unusable: ${stored.unusable}`, { field: 'rollback-to' });
  const { record } = stored;
  if (!record.image)
    throw new UserError(`${config.name} at ${target.slice(0, 12)} was recorded without an image (built with push: false)`, { field: 'rollback-to' });

  // The record says which digest, never where: credentials go only to the configured image's registry.
  const pinned = confineToRepository(record.image, imageName(settings, context), `the baseline record of ${config.name} at ${target.slice(0, 12)}`);
  const auth = registryAuth(settings, context);
  const { digest } = await retagRemote({ image: pinned.name, from: pinned.digest, to: 'latest', credentials: auth });
  core.info(`${pinned.name}:latest → ${digest} (the image of ${target.slice(0, 7)})`);

  // The current main commit's record becomes the rolled-back model: what serves is what PRs compare against.
  // The record it replaces stays in the branch's history.
  const image = { name: pinned.name, digest, tags: [`${pinned.name}:latest`] };
  const rolledBack = {
    ...record,
    commit: context.sha,
    createdAt: new Date().toISOString(),
    rollbackOf: target,
    image,
    ...(context.runUrl ? { runUrl: context.runUrl } : {}),
  };
  await store.write(rolledBack, { replace: true });

  core.setOutput('image', pinned.name);
  core.setOutput('digest', digest);
  core.setOutput('tags', image.tags[0]);
  core.setOutput('model-version', `sha-${target.slice(0, 7)}`);
  await kit.summary(
    `### model-ci · ${config.name} — rolled back\n\n\`latest\` of \`${pinned.name}\` points again at \`${digest}\`, the model of ${target.slice(0, 7)}; recorded for ${context.sha.slice(0, 7)}.\n`,
  );
};

export default runRollback;
