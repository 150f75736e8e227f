/**
 * The rollback use case: point `latest` back at the image recorded for an earlier commit or tag, without
 * rebuilding, and record that on the baselines branch for the current commit, so pull requests compare
 * against the model that is actually serving. The record it replaces stays in the branch's history.
 */
import { join } from 'node:path';
import { rolledBackRecord } from '../baseline/derive.ts';
import type { BaselineRecord } from '../domain/record.ts';
import type { BaselineStore } from '../baseline/store.ts';
import { loadConfig } from '../config/load.ts';
import type { RegistryAuth } from '../docker/push.ts';
import { confineToRepository } from '../docker/reference.ts';
import { retagRemote } from '../docker/registry.ts';
import { UserError } from '../errors.ts';
import { resolveCommit } from '../git/history.ts';
import type { Logger } from '../logger.ts';

export interface RollbackOptions {
  repoRoot: string;
  configPath: string;
  /** The commit SHA or tag whose image serves again (the `rollback-to` input). */
  to: string;
  /** The commit the rollback is recorded for (the default branch's head). */
  commit: string;
  store: BaselineStore;
  /** The configured image repository: the only one credentials go to. */
  image: string;
  /** Asked only once the record is proven to name that repository. */
  auth: () => RegistryAuth;
  runUrl?: string;
  log: Logger;
}

export interface RollbackOutcome {
  model: string;
  /** The full SHA `to` resolved to. */
  target: string;
  image: string;
  digest: string;
  record: BaselineRecord;
}

export async function rollBack(options: RollbackOptions): Promise<RollbackOutcome> {
  const field = 'rollback-to';
  const config = await loadConfig(join(options.repoRoot, options.configPath), { repoRoot: options.repoRoot });
  const target = await resolveCommit(options.to, { cwd: options.repoRoot, remote: 'origin', fetch: true, field, log: options.log.info });
  const at = `${config.name} at ${target.slice(0, 12)}`;
  await options.store.fetch();
  const stored = await options.store.read(config.name, target);
  if (!stored) throw new UserError(`no baseline record of ${at}: only commits deployed by model-ci can be rolled back to`, { field });
  if ('unusable' in stored) throw new UserError(`the record of ${at} is unusable: ${stored.unusable}`, { field });
  const { record } = stored;
  if (!record.image) throw new UserError(`${at} was recorded without an image (built with push: false)`, { field });

  // The record says which digest, never where: credentials go only to the configured image's registry.
  const pinned = confineToRepository(record.image, options.image, `the baseline record of ${at}`);
  const { digest } = await retagRemote({ image: pinned.name, from: pinned.digest, to: 'latest', credentials: options.auth() });
  options.log.info(`${pinned.name}:latest → ${digest} (the image of ${target.slice(0, 7)})`);

  // What serves is what PRs compare against: the current commit's record becomes the rolled-back model.
  const rolledBack = rolledBackRecord(record, {
    commit: options.commit,
    image: { name: pinned.name, digest, tags: [`${pinned.name}:latest`] },
    runUrl: options.runUrl,
  });
  await options.store.write(rolledBack, { replace: true });
  return { model: config.name, target, image: pinned.name, digest, record: rolledBack };
}
