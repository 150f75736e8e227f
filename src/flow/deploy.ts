/**
 * The merge-to-main flow, shared by the action (mode `deploy`) and the CLI example: train main's model,
 * gate it against the previous baseline, build the server image, push it and read the digest back, and
 * only then record the commit's baseline. A deploy that fails half-way throws before the record is
 * written, so nothing points at an image that is not there.
 */
import type Docker from 'dockerode';
import { join } from 'node:path';
import { recordFromRun } from '../baseline/from-run.ts';
import type { BaselineRecord } from '../baseline/record.ts';
import type { BaselineStore } from '../baseline/store.ts';
import { compareRuns } from '../compare/compare.ts';
import type { BaselineSource, Comparison } from '../compare/types.ts';
import type { BackendName } from '../config/types.ts';
import type { ContextFile } from '../docker/context.ts';
import { buildModelImage, deployImage, type BuiltImage, type DeployResult } from '../docker/deploy.ts';
import type { RegistryAuth } from '../docker/push.ts';
import { tryGit } from '../git/run.ts';
import { trainModel, type TrainRun } from '../train/pipeline.ts';
import type { Logger } from './logger.ts';

export interface DeployOptions {
  repoRoot: string;
  configPath: string;
  /** The commit being deployed (full SHA) and its ref (`refs/heads/main`, `refs/tags/v1.2.0`). */
  commit: string;
  ref: string;
  defaultBranch: string;
  backend?: BackendName;
  artifactsDir: string;
  store: BaselineStore;
  log: Logger;
  workspace?: string;
  docker: Docker;
  /** Image repository without tag. */
  image: string;
  baseImage: string;
  serverFiles: ContextFile[];
  /** Push to the registry (else build and tag locally only). */
  push: boolean;
  auth?: RegistryAuth;
  repositoryUrl?: string;
  runUrl?: string;
  /** Record the baseline (main builds); a branch or tag build only ships an image. */
  record: boolean;
}

export interface DeployOutcome {
  run: TrainRun;
  comparison: Comparison;
  gatesPassed: boolean;
  image: BuiltImage | DeployResult;
  record?: BaselineRecord;
}

export async function runDeploy(options: DeployOptions): Promise<DeployOutcome> {
  const { log, store } = options;
  const configFile = join(options.repoRoot, options.configPath);
  const run = await log.group('train', () =>
    trainModel(configFile, { out: join(options.artifactsDir, 'main'), backend: options.backend, workspace: options.workspace, log: log.info }),
  );

  // Gates are applied before `latest` moves: against the baseline this commit replaces.
  const previous = await log.group('gates', () => previousBaseline(options, run.config.name));
  const comparison = compareRuns({
    model: run.config.name,
    metrics: run.config.metrics,
    base: previous.record ? { metrics: previous.record.metrics, params: previous.record.params, data: previous.record.data } : undefined,
    head: { metrics: run.metrics, params: run.params.flat, data: run.manifest.data },
    baseline: previous.source,
    headCommit: options.commit,
  });
  const gatesPassed = comparison.failedGates.length === 0;
  if (!gatesPassed) log.warn(`gates failed (${comparison.failedGates.map((row) => row.name).join(', ')}): the image is pushed without moving \`latest\``);

  const imageInput = {
    modelDir: run.out,
    serverFiles: options.serverFiles,
    baseImage: options.baseImage,
    target: { image: options.image, sha: options.commit, ref: options.ref, defaultBranch: options.defaultBranch, gatesPassed },
    labels: {
      model: run.config.name,
      source: options.repositoryUrl,
      created: new Date().toISOString(),
      metrics: run.metrics,
      hashes: { data: run.manifest.hashes.data, params: run.manifest.hashes.params, model: run.manifest.hashes.model, inputs: run.manifest.hashes.inputs },
      backend: run.engine.backend,
    },
    log: log.info,
  };
  const image = await log.group(options.push ? 'build and push the image' : 'build the image', () =>
    options.push
      ? deployImage(options.docker, { ...imageInput, auth: requireAuth(options.auth) })
      : buildModelImage(options.docker, imageInput),
  );
  if (!options.record) return { run, comparison, gatesPassed, image };

  const record = recordFromRun(run, options.commit, {
    image: isPushed(image) ? { name: image.image, digest: image.digest, tags: image.tags } : undefined,
    runUrl: options.runUrl,
  });
  // A re-run of the same deploy replaces its own record (new digest, same commit).
  await log.group('record the baseline', () => store.write(record, { replace: true }));
  log.info(`recorded ${record.model}@${options.commit.slice(0, 7)} on the baselines branch`);
  return { run, comparison, gatesPassed, image, record };
}

async function previousBaseline(options: DeployOptions, model: string): Promise<{ source: BaselineSource; record?: BaselineRecord }> {
  await options.store.fetch();
  const parent = (await tryGit(['rev-parse', '--verify', '--quiet', `${options.commit}^`], { cwd: options.repoRoot }))?.trim();
  const nearest = parent ? await options.store.findNearest(model, parent) : null;
  if (nearest && 'record' in nearest) {
    return { source: { kind: nearest.behind === 0 ? 'record' : 'ancestor', commit: nearest.commit, behind: nearest.behind }, record: nearest.record };
  }
  const note = nearest && 'unusable' in nearest ? `the previous record is unusable (${nearest.unusable})` : 'no earlier baseline';
  options.log.info(`gates: ${note}; only thresholds apply`);
  return { source: { kind: 'none', note } };
}

function isPushed(image: BuiltImage | DeployResult): image is DeployResult {
  return 'digest' in image;
}

function requireAuth(auth: RegistryAuth | undefined): RegistryAuth {
  if (!auth) throw new Error('pushing needs registry credentials');
  return auth;
}
