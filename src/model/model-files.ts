/**
 * Reads and checks a model folder (model.json, weights.bin, preprocessing.json, metrics.json, run.json)
 * before anything reaches TF.js, so a broken folder is reported as the file that is wrong
 * rather than as an exception from deep inside tfjs-layers.
 */
import { readFile } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import { displayPath } from '../display-path.ts';
import { TASKS } from '../domain/config.ts';
import { DRIFT_BINS, DRIFT_CATEGORY_BINS, featureWidth, type FeatureSpec, type Preprocessing } from '../data/preprocessing.ts';
import { UserError } from '../errors.ts';
import { hashModel } from './artifacts.ts';
import { ARTIFACT_FILES, type Metrics, type RunManifest } from '../domain/run-artifacts.ts';

/** One entry of model.json's `weightsManifest[].weights` (tfjs `WeightsManifestEntry`). */
export interface WeightSpec {
  name: string;
  shape: number[];
  dtype: string;
  quantization?: { dtype: string };
}

export interface ModelFiles {
  dir: string;
  modelTopology: object;
  weightSpecs: WeightSpec[];
  weightData: ArrayBuffer;
  preprocessing: Preprocessing;
  metrics: Metrics;
  run?: RunManifest;
  /** The trainer's model hash (`hashModel`) of these files: equals run.json's `hashes.model` for an untouched folder. */
  contentHash: string;
}

const BYTES_PER_ELEMENT: Record<string, number> = { float32: 4, int32: 4, bool: 1, complex64: 8, uint8: 1, uint16: 2, float16: 2 };

export async function readModelFiles(dir: string): Promise<ModelFiles> {
  const root = resolve(dir);

  const modelJsonBytes = await readRequired(root, ARTIFACT_FILES.modelJson);
  const modelJson = parseJson(modelJsonBytes, join(root, ARTIFACT_FILES.modelJson));
  const { modelTopology, weightSpecs, paths } = checkModelJson(modelJson, join(root, ARTIFACT_FILES.modelJson));

  const shards: Buffer[] = [];
  for (const path of paths) {
    const shard = await readRequired(root, shardPath(root, path));
    shards.push(shard);
  }
  const weights = Buffer.concat(shards);
  checkWeightBytes(weightSpecs, weights.byteLength, paths, root);

  const preprocessingBytes = await readRequired(root, ARTIFACT_FILES.preprocessing);
  const preprocessingFile = join(root, ARTIFACT_FILES.preprocessing);
  const preprocessing = checkPreprocessing(parseJson(preprocessingBytes, preprocessingFile), preprocessingFile);

  const metricsBytes = await readOptional(join(root, ARTIFACT_FILES.metrics));
  const metrics = metricsBytes ? checkMetrics(parseJson(metricsBytes, join(root, ARTIFACT_FILES.metrics)), join(root, ARTIFACT_FILES.metrics)) : {};
  const runBytes = await readOptional(join(root, ARTIFACT_FILES.run));
  const run = runBytes ? checkRun(parseJson(runBytes, join(root, ARTIFACT_FILES.run)), join(root, ARTIFACT_FILES.run)) : undefined;

  // Copy into an ArrayBuffer of its own: Buffer slices share Node's pool.
  const weightData = weights.buffer.slice(weights.byteOffset, weights.byteOffset + weights.byteLength) as ArrayBuffer;
  return {
    dir: root,
    modelTopology,
    weightSpecs,
    weightData,
    preprocessing,
    metrics,
    run,
    contentHash: hashModel({ modelJson: modelJsonBytes, weights, preprocessing: preprocessingBytes.toString('utf8') }),
  };
}

async function readRequired(root: string, name: string): Promise<Buffer> {
  const file = resolve(root, name);
  try {
    return await readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'is missing from the model folder' : `cannot be read (${code ?? String(error)})`;
    throw new UserError(`${name} ${why}; a model folder holds model.json, weights.bin and preprocessing.json`, { file: displayPath(file) });
  }
}

async function readOptional(file: string): Promise<Buffer | undefined> {
  try {
    return await readFile(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new UserError(`cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})`, { file: displayPath(file) });
  }
}

function parseJson(bytes: Buffer, file: string): unknown {
  try {
    return JSON.parse(bytes.toString('utf8'));
  } catch (error) {
    throw new UserError(`is not valid JSON: ${(error as Error).message}`, { file: displayPath(file) });
  }
}

function fail(file: string, field: string, expected: string): never {
  throw new UserError(`expected ${expected}`, { file: displayPath(file), field });
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isFiniteNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

function checkModelJson(value: unknown, file: string): { modelTopology: object; weightSpecs: WeightSpec[]; paths: string[] } {
  if (!isObject(value)) fail(file, 'model.json', 'a TF.js layers model (an object with modelTopology and weightsManifest)');
  if (value.format !== undefined && value.format !== 'layers-model') {
    fail(file, 'format', `"layers-model" (got ${JSON.stringify(value.format)}; graph models are not served)`);
  }
  if (!isObject(value.modelTopology)) fail(file, 'modelTopology', 'an object (the Keras model config)');
  if (!Array.isArray(value.weightsManifest)) fail(file, 'weightsManifest', 'an array of { paths, weights }');
  const weightSpecs: WeightSpec[] = [];
  const paths: string[] = [];
  value.weightsManifest.forEach((group: unknown, g: number) => {
    if (!isObject(group) || !Array.isArray(group.paths) || !Array.isArray(group.weights)) {
      fail(file, `weightsManifest[${g}]`, 'an object with paths (file names) and weights (specs)');
    }
    group.paths.forEach((path: unknown, p: number) => {
      if (typeof path !== 'string' || path === '') fail(file, `weightsManifest[${g}].paths[${p}]`, 'a file name');
      paths.push(path);
    });
    group.weights.forEach((spec: unknown, w: number) => {
      const where = `weightsManifest[${g}].weights[${w}]`;
      if (!isObject(spec) || typeof spec.name !== 'string' || typeof spec.dtype !== 'string') fail(file, where, 'an object with name, shape and dtype');
      if (!Array.isArray(spec.shape) || !spec.shape.every((d) => Number.isInteger(d) && d >= 0))
        fail(file, `${where}.shape`, 'an array of non-negative integers');
      const elementType = isObject(spec.quantization) && typeof spec.quantization.dtype === 'string' ? spec.quantization.dtype : spec.dtype;
      if (!(elementType in BYTES_PER_ELEMENT)) fail(file, `${where}.dtype`, `one of ${Object.keys(BYTES_PER_ELEMENT).join(', ')}`);
      weightSpecs.push(spec as unknown as WeightSpec);
    });
  });
  return { modelTopology: value.modelTopology, weightSpecs, paths };
}

/** Weight shards must stay inside the model folder: model.json is data, not a licence to read /etc. */
function shardPath(root: string, path: string): string {
  const full = resolve(root, path);
  if (!full.startsWith(root + sep)) {
    throw new UserError(`weight file ${JSON.stringify(path)} is outside the model folder`, {
      file: displayPath(join(root, ARTIFACT_FILES.modelJson)),
      field: 'weightsManifest',
    });
  }
  return relative(root, full);
}

function checkWeightBytes(specs: WeightSpec[], actual: number, paths: string[], root: string): void {
  const expected = specs.reduce((sum, spec) => {
    const elementType = spec.quantization?.dtype ?? spec.dtype;
    return sum + spec.shape.reduce((n, d) => n * d, 1) * BYTES_PER_ELEMENT[elementType];
  }, 0);
  if (expected !== actual) {
    throw new UserError(
      `${paths.length === 1 ? 'holds' : `with ${paths.slice(1).join(', ')} hold`} ${actual} bytes but model.json's weightsManifest describes ${expected}: the weights do not belong to this model.json, or the file is truncated`,
      { file: displayPath(join(root, paths[0] ?? ARTIFACT_FILES.weights)) },
    );
  }
}

export function checkPreprocessing(value: unknown, file: string): Preprocessing {
  if (!isObject(value)) fail(file, 'preprocessing.json', 'an object');
  if (value.version !== 1) fail(file, 'version', `1 (got ${JSON.stringify(value.version)})`);
  if (!TASKS.includes(value.task as never)) fail(file, 'task', `one of ${TASKS.join(', ')}`);
  if (typeof value.target !== 'string') fail(file, 'target', 'the name of the target column');
  if (!Array.isArray(value.features) || value.features.length === 0) fail(file, 'features', 'a non-empty array of feature specs');
  const names = new Set<string>();
  const features = value.features.map((feature: unknown, i: number) => {
    const spec = checkFeature(feature, file, `features[${i}]`);
    if (names.has(spec.name)) fail(file, `features[${i}].name`, `a unique name (${JSON.stringify(spec.name)} appears twice)`);
    names.add(spec.name);
    return spec;
  });
  const width = features.reduce((sum: number, f: FeatureSpec) => sum + featureWidth(f), 0);
  if (value.inputSize !== width) fail(file, 'inputSize', `${width}, the total width of the features (got ${JSON.stringify(value.inputSize)})`);
  const task = value.task as Preprocessing['task'];
  if (task !== 'regression') {
    const count = task === 'binary-classification' ? 'exactly 2' : 'at least 2';
    const classes = value.classes;
    if (
      !Array.isArray(classes) ||
      !classes.every((c) => typeof c === 'string') ||
      (task === 'binary-classification' ? classes.length !== 2 : classes.length < 2)
    ) {
      fail(file, 'classes', `${count} class labels (strings) for ${task}`);
    }
  }
  if (value.predictionDrift !== undefined) {
    const bins = task === 'regression' ? undefined : (value.classes as unknown[]).length;
    checkDrift(value.predictionDrift, file, 'predictionDrift', task === 'regression' ? 'numeric' : 'categorical', bins);
  }
  if (value.targetScale !== undefined) {
    const scale = value.targetScale;
    if (!isObject(scale) || !isFiniteNumber(scale.mean) || !isFiniteNumber(scale.std) || scale.std <= 0) {
      fail(file, 'targetScale', '{ mean, std } with a positive std');
    }
  }
  return value as unknown as Preprocessing;
}

function checkFeature(value: unknown, file: string, where: string): FeatureSpec {
  if (!isObject(value) || typeof value.name !== 'string' || value.name === '') fail(file, `${where}.name`, 'a non-empty feature name');
  if (value.kind === 'numeric') {
    if (!isFiniteNumber(value.mean)) fail(file, `${where}.mean`, 'a finite number');
    if (!isFiniteNumber(value.std) || value.std <= 0) fail(file, `${where}.std`, 'a positive number');
    for (const bound of ['min', 'max'] as const) {
      if (value[bound] !== undefined && !isFiniteNumber(value[bound])) fail(file, `${where}.${bound}`, 'a finite number');
    }
    if (value.drift !== undefined) checkDrift(value.drift, file, `${where}.drift`, 'numeric');
  } else if (value.kind === 'categorical') {
    if (value.encoding !== 'one-hot' && value.encoding !== 'index') fail(file, `${where}.encoding`, '"one-hot" or "index"');
    if (!Array.isArray(value.categories) || !value.categories.every((c) => typeof c === 'string')) fail(file, `${where}.categories`, 'an array of strings');
    if (value.drift !== undefined) checkDrift(value.drift, file, `${where}.drift`, 'categorical', value.categories.length);
  } else {
    fail(file, `${where}.kind`, '"numeric" or "categorical"');
  }
  return value as unknown as FeatureSpec;
}

/**
 * Drift bins are read by the server on every request: a malformed set (written by hand, or by another
 * tool) must fail the load with the field named, not index out of bounds later.
 */
function checkDrift(value: unknown, file: string, where: string, kind: 'numeric' | 'categorical', categories?: number): void {
  if (!isObject(value) || !Array.isArray(value.shares) || !value.shares.every((s) => isFiniteNumber(s) && s >= 0)) {
    fail(file, `${where}.shares`, 'an array of bin shares (numbers ≥ 0)');
  }
  const bins = value.shares.length;
  const limit = kind === 'numeric' ? DRIFT_BINS : DRIFT_CATEGORY_BINS;
  if (bins === 0 || bins > limit) fail(file, `${where}.shares`, `1 to ${limit} bins (got ${bins})`);
  if (kind === 'numeric') {
    const edges = value.edges;
    if (!Array.isArray(edges) || edges.length !== bins - 1 || !edges.every((e, i) => isFiniteNumber(e) && (i === 0 || e > edges[i - 1]))) {
      fail(file, `${where}.edges`, `${bins - 1} ascending finite cut points, one fewer than the shares`);
    }
    return;
  }
  const categoryBins = value.categoryBins;
  if (categoryBins === undefined) {
    if (bins !== categories) fail(file, `${where}.shares`, `one share per category (${categories}), got ${bins}`);
  } else if (
    !Array.isArray(categoryBins) ||
    categoryBins.length !== categories ||
    !categoryBins.every((b) => Number.isInteger(b) && (b as number) >= 0 && (b as number) < bins)
  ) {
    fail(file, `${where}.categoryBins`, `one bin index (0 to ${bins - 1}) per category (${categories})`);
  }
}

function checkMetrics(value: unknown, file: string): Metrics {
  if (!isObject(value)) fail(file, 'metrics.json', 'an object of metric name → number');
  for (const [name, metric] of Object.entries(value)) {
    if (typeof metric !== 'number') fail(file, name, 'a number');
  }
  return value as Metrics;
}

function checkRun(value: unknown, file: string): RunManifest {
  if (!isObject(value) || value.schema !== 1) fail(file, 'schema', 'run.json schema 1');
  if (!isObject(value.hashes)) fail(file, 'hashes', 'an object of content hashes');
  return value as unknown as RunManifest;
}
