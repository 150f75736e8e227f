/**
 * One training run end to end: config → data → preprocessing → network → fit
 * → evaluation on the test split → artifacts folder. Also re-evaluating and
 * predicting with a saved model. Same data + params + backend ⇒ the same
 * metrics.json, byte for byte.
 */
import { join } from 'node:path';
import { confineInputs } from '../config/confine.ts';
import { loadConfig, loadParams } from '../config/load.ts';
import type { BackendName, ConcreteBackend, ModelCiConfig, Params } from '../domain/config.ts';
import { displayPath } from '../display-path.ts';
import { loadDataset } from '../data/dataset.ts';
import { encodeTable, fitPreprocessing } from '../data/fit-preprocessing.ts';
import type { Preprocessing } from '../data/preprocessing.ts';
import { UserError } from '../errors.ts';
import { evaluate } from '../metrics/evaluate.ts';
import { fitReferences, type ReferenceRuns } from '../reference/reference-models.ts';
import { VERSION } from '../version.ts';
import { createPredictor, loadModel, type LoadedModel, type Prediction } from '../model/predictor.ts';
import { hashModel, saveModel, writeJsonArtifact } from '../model/artifacts.ts';
import { loadEngine, type Engine } from '../model/engine.ts';
import { predictRows } from './fit.ts';
import { fitOnEngine } from './trainer.ts';
import { hashInputs } from './hash.ts';
import { buildModel, networkShape } from './model.ts';
import { ARTIFACT_FILES, type Evaluation, type History, type Metrics, type RunManifest } from '../domain/run-artifacts.ts';
import { DEFAULT_ARTIFACTS_DIR } from '../defaults.ts';
import { tryGit } from '../git/git.ts';

export interface EngineOptions {
  /** Default: the config's `backend` (train, evaluate) or `auto` (predict). */
  backend?: BackendName;
  /** Where @tensorflow/tfjs-node(-gpu) may be installed. */
  workspace?: string;
  /** Progress, one line at a time (epochs, backend notices). */
  log?: (line: string) => void;
}

/** Where artifacts go unless told otherwise: `.model-ci/<name>` under the current folder (git-ignored). */
export function defaultModelDir(config: ModelCiConfig): string {
  return join(DEFAULT_ARTIFACTS_DIR, config.name);
}

export interface TrainOptions extends EngineOptions {
  /** Artifacts folder; default `defaultModelDir(config)`. */
  out?: string;
  /** Params that replace params.yaml's (a sweep candidate's), by dotted key. */
  paramsOverride?: Record<string, unknown>;
  /** The config to train with instead of `configFile`'s: a PR's, with the base's metrics and split. */
  config?: ModelCiConfig;
  /**
   * Runs that hold secrets: the commit whose regular files the data and params must be (see
   * src/config/confine.ts), so what trains is the commit's git objects, not whatever the disk holds.
   */
  trackedAt?: string;
  /** Also fit the reference models (majority, prior or mean, linear) and score them on the same test rows. */
  references?: boolean;
}

export interface EngineInfo {
  backend: ConcreteBackend;
  versions: Record<string, string>;
  notices: string[];
}

export interface TrainRun {
  config: ModelCiConfig;
  params: Params;
  engine: EngineInfo;
  out: string;
  preprocessing: Preprocessing;
  metrics: Metrics;
  evaluation: Evaluation;
  history: History;
  manifest: RunManifest;
  /** With `references`: their metrics (the config's selection) and per-row predictions on the test split. */
  references?: ReferenceRuns;
  durations: { loadMs: number; trainMs: number; evaluateMs: number; saveMs: number; totalMs: number };
}

export async function trainModel(configFile: string, opts: TrainOptions): Promise<TrainRun> {
  const started = performance.now();
  const startedAt = new Date().toISOString();
  const config = await confineInputs(opts.config ?? (await loadConfig(configFile)), { trackedAt: opts.trackedAt });
  const out = opts.out ?? defaultModelDir(config);
  // git runs while the data loads and the model trains.
  const commit = trainedCommit(config, opts.trackedAt);
  const params = await loadParams(config.params, opts.paramsOverride);
  const engine = await loadEngine(opts.backend ?? config.backend, { ...opts, training: true });
  const { tf } = engine;
  opts.log?.(`backend: ${engine.backend}${engine.backend === 'dense' ? ` (TensorFlow.js ${engine.tfjsBackend} builds, saves and evaluates)` : ''}`);

  const { files, preprocessing, trainData, testData } = await prepareData(config);
  const loaded = performance.now();

  const model = buildModel(tf, networkShape(preprocessing), params);
  let history: History;
  let trained: number;
  let result: ReturnType<typeof evaluate>;
  let saved: Awaited<ReturnType<typeof saveModel>>;
  try {
    history = await fitOnEngine(engine, model, trainData, params, { log: opts.log });
    trained = performance.now();
    result = evaluate(preprocessing, testData.y, await predictRows(tf, model, testData.x, testData.rows));
    saved = await saveModel(tf, model, out);
  } finally {
    model.dispose();
  }
  const metrics = selectMetrics(config, result.metrics);
  const references = opts.references ? scoreReferences(config, preprocessing, trainData, testData, params.train.seed) : undefined;
  const evaluated = performance.now();

  const preprocessingText = await writeJsonArtifact(out, ARTIFACT_FILES.preprocessing, preprocessing);
  await writeJsonArtifact(out, ARTIFACT_FILES.metrics, metrics);
  await writeJsonArtifact(out, ARTIFACT_FILES.history, history);
  await writeJsonArtifact(out, ARTIFACT_FILES.evaluation, result.evaluation);
  const hashes = hashInputs({
    data: Object.fromEntries(Object.entries(files).map(([file, stats]) => [file, stats.hash])),
    params: params.flat,
    config,
    trainerVersion: VERSION,
    backend: engine.backend,
  });
  const manifest: RunManifest = {
    schema: 1,
    modelCiVersion: VERSION,
    name: config.name,
    task: config.task,
    backend: engine.backend,
    backendVersions: engine.versions,
    seed: params.train.seed,
    startedAt,
    trainingMs: Math.round(trained - loaded),
    loadMs: Math.round(loaded - started),
    trainRows: trainData.rows,
    testRows: testData.rows,
    data: files,
    params: params.flat,
    hashes: { ...hashes, model: hashModel({ ...saved, preprocessing: preprocessingText }) },
  };
  const trainedAt = await commit;
  if (trainedAt) manifest.commit = trainedAt;
  // run.json last: its presence says the folder is complete.
  await writeJsonArtifact(out, ARTIFACT_FILES.run, manifest);
  const done = performance.now();
  return {
    config,
    params,
    engine: engineInfo(engine),
    out,
    preprocessing,
    metrics,
    evaluation: result.evaluation,
    history,
    manifest,
    ...(references ? { references } : {}),
    durations: {
      loadMs: loaded - started,
      trainMs: trained - loaded,
      evaluateMs: evaluated - trained,
      saveMs: done - evaluated,
      totalMs: done - started,
    },
  };
}

/**
 * Encoded matrices only: the parsed tables go out of scope here, so training never holds both.
 * Exported for bench/train.ts, which measures this step's memory on its own.
 */
export async function prepareData(config: ModelCiConfig) {
  const dataset = await loadDataset(config);
  const preprocessing = fitPreprocessing(config, dataset.train);
  return {
    files: dataset.files,
    preprocessing,
    trainData: encodeTable(preprocessing, dataset.train),
    testData: encodeTable(preprocessing, dataset.test),
  };
}

function scoreReferences(config: ModelCiConfig, ...args: Parameters<typeof fitReferences>): ReferenceRuns {
  const runs = fitReferences(...args);
  for (const result of runs.results) result.metrics = selectMetrics(config, result.metrics);
  return runs;
}

/** The metrics the config asks for, in its order (by default every metric of the task). */
function selectMetrics(config: ModelCiConfig, all: Metrics): Metrics {
  return Object.fromEntries(config.metrics.filter((m) => m.name in all).map((m) => [m.name, all[m.name]]));
}

export interface EvaluationRun {
  config: ModelCiConfig;
  engine: EngineInfo;
  modelDir: string;
  metrics: Metrics;
  evaluation: Evaluation;
}

/** Re-evaluates a saved model (default `defaultModelDir(config)`) on the config's test split, with the preprocessing saved beside it. */
export async function evaluateModel(configFile: string, modelDirOrDefault?: string, opts: EngineOptions = {}): Promise<EvaluationRun> {
  const config = await confineInputs(await loadConfig(configFile), { params: false });
  const modelDir = modelDirOrDefault ?? defaultModelDir(config);
  // The server's loader: one place checks a model folder, whoever reads it.
  const saved = await loadModel(modelDir, { backend: opts.backend ?? config.backend, workspace: opts.workspace, log: opts.log });
  try {
    assertModelFits(config, saved, modelDir);
    const dataset = await loadDataset(config);
    const testData = encodeTable(saved.preprocessing, dataset.test);
    const output = await predictRows(saved.tf, saved.model, testData.x, testData.rows);
    const result = evaluate(saved.preprocessing, testData.y, output);
    return { config, engine: engineInfo(saved.engine), modelDir, metrics: selectMetrics(config, result.metrics), evaluation: result.evaluation };
  } finally {
    saved.model.dispose();
  }
}

function assertModelFits(config: ModelCiConfig, saved: LoadedModel, modelDir: string): void {
  const pre = saved.preprocessing;
  const mismatch =
    pre.task !== config.task
      ? `task ${pre.task}, the config's is ${config.task}`
      : pre.target !== config.data.target
        ? `target "${pre.target}", the config's is "${config.data.target}"`
        : undefined;
  if (mismatch) {
    throw new UserError(`the model in ${displayPath(modelDir)} was trained for ${mismatch}; pass the model folder of this config with --model`, {
      file: displayPath(config.file),
    });
  }
}

export interface PredictionRun {
  engine: EngineInfo;
  predictions: Prediction[];
}

/** Predicts `instances` (arrays in feature order or objects keyed by feature name) with a saved model. */
export async function predict(modelDir: string, instances: readonly unknown[], opts: EngineOptions = {}): Promise<PredictionRun> {
  const saved = await loadModel(modelDir, { backend: opts.backend ?? 'auto', workspace: opts.workspace, log: opts.log });
  try {
    // The server's predictor, so `model-ci predict` answers exactly what the image answers.
    return { engine: engineInfo(saved.engine), predictions: createPredictor(saved).predict(instances) };
  } finally {
    saved.model.dispose();
  }
}

function engineInfo(engine: Engine): EngineInfo {
  return { backend: engine.backend, versions: engine.versions, notices: engine.notices };
}

/**
 * The commit whose files were trained, for run.json and the server's metadata: `trackedAt` when the
 * caller checked every input against it, else HEAD of the work tree when git says no input differs from
 * it (an untracked or edited input means no commit can be named honestly).
 */
async function trainedCommit(config: ModelCiConfig, trackedAt: string | undefined): Promise<string | undefined> {
  if (trackedAt) return trackedAt;
  const inputs = [config.file, config.params, config.data.train, ...(config.data.test ? [config.data.test] : [])];
  const [head, status] = await Promise.all([
    tryGit(['rev-parse', '--verify', '--quiet', 'HEAD'], { cwd: config.root }),
    tryGit(['status', '--porcelain', '--untracked-files=all', '--', ...inputs], { cwd: config.root }),
  ]);
  return head && status === '' ? head.trim() : undefined;
}
