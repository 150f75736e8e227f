/**
 * The merge-to-main flow, shared by the action (mode `deploy`) and the CLI example: train main's model,
 * gate it against the previous baseline, build the server image, push it and read the digest back, and
 * only then record the commit's baseline. A deploy that fails half-way throws before the record is
 * written, so nothing points at an image that is not there.
 *
 * An unchanged input is never trained twice: when the previous record was made from the same data,
 * params, config, trainer and backend (most main commits change code or docs, not the model), its
 * image is tagged for this commit in the registry and recorded again, with no training and no build.
 */
import type Docker from 'dockerode';
import { join } from 'node:path';
import { recordFromRun, reusedRecord } from '../baseline/derive.ts';
import { bundleModel, type ModelBundle } from '../baseline/stored-model.ts';
import type { BaselineRecord, ImageRecord } from '../domain/record.ts';
import type { BaselineStore } from '../baseline/store.ts';
import { compareRuns } from '../compare/compare.ts';
import type { BaselineSource, Comparison } from '../compare/types.ts';
import { loadConfig } from '../config/load.ts';
import type { BackendName } from '../domain/config.ts';
import type { ContextFile } from '../docker/build-context.ts';
import { buildModelImage, deployImage, type BuiltImage, type DeployResult } from '../docker/build-and-push.ts';
import type { RegistryAuth } from '../docker/push.ts';
import { confineToRepository } from '../docker/reference.ts';
import { retagRemote } from '../docker/registry.ts';
import { computeTags, imageVersion } from '../docker/tags.ts';
import { isShallow } from '../git/history.ts';
import { tryGit } from '../git/git.ts';
import { trainModel, type TrainRun } from '../train/pipeline.ts';
import { renderModelCard, type ModelCardInput } from '../report/model-card.ts';
import { writeFile } from 'node:fs/promises';
import { plannedInputs } from '../train/planned-inputs.ts';
import { ARTIFACT_FILES, type Metrics } from '../domain/run-artifacts.ts';
import type { Logger } from '../logger.ts';

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
  model: string;
  metrics: Metrics;
  backend: string;
  comparison: Comparison;
  gatesPassed: boolean;
  image: { image: string; tags: string[]; version: string; digest?: string };
  record?: BaselineRecord;
  /** Set when nothing was trained or built: the commit whose model and image were reused. */
  reusedFrom?: string;
  /** The model card of a new build, naming the pushed digest (for the job summary). */
  card?: string;
}

/**
 * A deploy holds registry credentials and trains in the checked-out workspace: its data and params must
 * be regular files of `commit` (`trackedAt`, src/config/confine.ts), so a merged symlink or a file the
 * runner's disk holds (ignored, generated, `.git/config`) never becomes training data, a record or a label.
 */
export async function runDeploy(options: DeployOptions): Promise<DeployOutcome> {
  const { log } = options;
  const configFile = join(options.repoRoot, options.configPath);
  const config = await loadConfig(configFile);
  const previous = await log.group('previous baseline', () => previousBaseline(options, config.name));
  if (options.push && previous.record?.image) {
    const planned = await plannedInputs(configFile, options.backend, options.workspace, options.commit);
    if (planned.inputs === previous.record.inputsHash) return reuse(options, previous.record, previous.record.image, previous.source);
    log.info(`inputs changed since ${previous.record.commit.slice(0, 7)}: training`);
  }

  const run = await log.group('train', () =>
    trainModel(configFile, {
      out: join(options.artifactsDir, 'main'),
      backend: options.backend,
      workspace: options.workspace,
      log: log.info,
      trackedAt: options.commit,
    }),
  );
  // Gates are applied before `latest` moves: against the baseline this commit replaces.
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

  // The card ships inside the image, beside the model it describes (served at /v1/models/<name>/card).
  const cardInput = modelCardInput(run, options);
  await writeFile(join(run.out, ARTIFACT_FILES.card), renderModelCard(cardInput));
  const imageInput = {
    modelDir: run.out,
    serverFiles: options.serverFiles,
    baseImage: options.baseImage,
    target: target(options, gatesPassed),
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
  const image: BuiltImage | DeployResult = await log.group(options.push ? 'build and push the image' : 'build the image', () =>
    options.push ? deployImage(options.docker, { ...imageInput, auth: requireAuth(options.auth) }) : buildModelImage(options.docker, imageInput),
  );
  const digest = 'digest' in image ? (image as DeployResult).digest : undefined;
  const outcome: DeployOutcome = {
    model: run.config.name,
    metrics: run.metrics,
    backend: run.engine.backend,
    comparison,
    gatesPassed,
    image: { image: image.image, tags: image.tags, version: image.version, digest },
    card: renderModelCard({ ...cardInput, lineage: { ...cardInput.lineage, image: { name: image.image, digest, tags: image.tags } } }, { frontMatter: false }),
  };
  if (!options.record) return outcome;
  // Main's model travels with its record, so a PR can score it on the PR's own test rows.
  const model = await bundleModel(run.out);
  if ('skipped' in model) log.warn(`the record is written without the model's files (${model.skipped}): pull requests will train the base instead`);
  const record = recordFromRun(run, options.commit, {
    image: digest ? { name: image.image, digest, tags: image.tags } : undefined,
    runUrl: options.runUrl,
    storedModel: 'stored' in model ? model.stored : undefined,
  });
  await writeRecord(options, record, 'stored' in model ? model : undefined);
  return { ...outcome, record };
}

/** Tags the previous image for this commit in the registry (no pull, no build) and records it again. */
async function reuse(options: DeployOptions, previous: BaselineRecord, previousImage: ImageRecord, source: BaselineSource): Promise<DeployOutcome> {
  const { log } = options;
  // Before any request: the record may come from anyone who can push the baselines branch.
  const pinned = confineToRepository(previousImage, options.image.toLowerCase(), `the baseline record of ${previous.model} at ${previous.commit.slice(0, 7)}`);
  log.info(`inputs unchanged since ${previous.commit.slice(0, 7)} (data, params, config, trainer and backend hash to the same): reusing its model and image`);
  // The same model passes or fails the same gates; `latest` moves only if it did for that image.
  const gatesPassed = previousImage.tags.some((tag) => tag.endsWith(':latest'));
  const tags = computeTags(target(options, gatesPassed));
  const credentials = requireAuth(options.auth);
  await log.group('tag the reused image', async () => {
    for (const tag of tags) {
      await retagRemote({ image: pinned.name, from: pinned.digest, to: tag.slice(tag.lastIndexOf(':') + 1), credentials });
      log.info(`${tag} → ${pinned.digest}`);
    }
  });
  const comparison = compareRuns({
    model: previous.model,
    metrics: (await loadConfig(join(options.repoRoot, options.configPath))).metrics,
    base: { metrics: previous.metrics, params: previous.params, data: previous.data },
    head: { metrics: previous.metrics, params: previous.params, data: previous.data },
    baseline: source,
    headCommit: options.commit,
  });
  const image = { name: pinned.name, digest: pinned.digest, tags };
  const outcome: DeployOutcome = {
    model: previous.model,
    metrics: previous.metrics,
    backend: previous.backend,
    comparison,
    gatesPassed,
    image: { image: pinned.name, tags, version: imageVersion(target(options, gatesPassed)), digest: pinned.digest },
    reusedFrom: previous.commit,
  };
  if (!options.record) return outcome;
  const record = reusedRecord(previous, { commit: options.commit, image, runUrl: options.runUrl });
  await writeRecord(options, record);
  return { ...outcome, record };
}

function modelCardInput(run: TrainRun, options: DeployOptions): ModelCardInput {
  return {
    model: run.config.name,
    task: run.config.task,
    card: run.config.card,
    data: run.manifest.data,
    trainRows: run.manifest.trainRows,
    testRows: run.manifest.testRows,
    evaluation: run.evaluation,
    params: run.params.flat,
    metrics: run.metrics,
    lineage: {
      commit: options.commit,
      repositoryUrl: options.repositoryUrl,
      runUrl: options.runUrl,
      trainedAt: run.manifest.startedAt,
      backend: run.engine.backend,
      modelCiVersion: run.manifest.modelCiVersion,
      hashes: { inputs: run.manifest.hashes.inputs, model: run.manifest.hashes.model },
    },
  };
}

function target(options: DeployOptions, gatesPassed: boolean) {
  return { image: options.image, sha: options.commit, ref: options.ref, defaultBranch: options.defaultBranch, gatesPassed };
}

async function writeRecord(options: DeployOptions, record: BaselineRecord, model?: ModelBundle): Promise<void> {
  // A re-run of the same deploy replaces its own record (new digest, same commit).
  await options.log.group('record the baseline', () => options.store.write(record, { replace: true, model }));
  options.log.info(`recorded ${record.model}@${options.commit.slice(0, 7)} on the baselines branch`);
}

async function previousBaseline(options: DeployOptions, model: string): Promise<{ source: BaselineSource; record?: BaselineRecord }> {
  await options.store.fetch();
  const parent = await parentOf(options.repoRoot, options.commit);
  const nearest = parent ? await options.store.findNearest(model, parent) : null;
  if (nearest && 'record' in nearest) {
    return { source: { kind: nearest.behind === 0 ? 'record' : 'ancestor', commit: nearest.commit, behind: nearest.behind }, record: nearest.record };
  }
  const note = nearest && 'unusable' in nearest ? `the previous record is unusable (${nearest.unusable})` : 'no earlier baseline';
  options.log.info(`gates: ${note}; only thresholds apply`);
  return { source: { kind: 'none', note } };
}

/** The first parent, fetched when a depth-1 checkout (actions/checkout's default) does not have it; none for a root commit. */
async function parentOf(cwd: string, commit: string): Promise<string | undefined> {
  const parent = async () => (await tryGit(['rev-parse', '--verify', '--quiet', `${commit}^`], { cwd }))?.trim() || undefined;
  const found = await parent();
  if (found || !(await isShallow(cwd))) return found;
  await tryGit(['fetch', '--no-tags', '--deepen=1', 'origin', commit], { cwd });
  return parent();
}

function requireAuth(auth: RegistryAuth | undefined): RegistryAuth {
  if (!auth) throw new Error('pushing needs registry credentials');
  return auth;
}
