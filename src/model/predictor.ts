/**
 * Loads a model folder into TF.js without tfjs-node (files → `tf.io.fromMemory`) and turns
 * JSON instances into predictions with the preprocessing saved beside the model.
 */
import type * as tfjs from '@tensorflow/tfjs';
import { join } from 'node:path';
import { displayPath } from '../display-path.ts';
import type { BackendName } from '../domain/config.ts';
import { encodeInstances } from '../data/encode.ts';
import { featureWidth, type Preprocessing } from '../data/preprocessing.ts';
import { UserError } from '../errors.ts';
import { loadEngine, type Engine, type TF } from './engine.ts';
import { ARTIFACT_FILES, type Metrics, type RunManifest } from '../domain/run-artifacts.ts';
import { compileDensePlan, densePlanFromFiles, type DensePlan } from './dense-plan.ts';
import { readModelFiles } from './model-files.ts';
import { predictionFormatter } from './prediction-format.ts';
import { fastEncoder } from './request-encode.ts';

/**
 * Above this many multiply-adds per request TF.js's kernels (SIMD on wasm) beat plain JS
 * despite their per-op overhead: measured crossover ~100k on the 30-16-8-1 benchmark net
 * (between 64 and 256 rows).
 */
const DENSE_PLAN_MAX_MACS = 1 << 16;

export interface LoadedModel {
  dir: string;
  tf: TF;
  /** The backend predictions run on (what `auto` resolved to). */
  backend: string;
  /** Why the backend is not the one asked for (engine fallbacks). */
  notices: string[];
  engine: Engine;
  model: tfjs.LayersModel;
  preprocessing: Preprocessing;
  metrics: Metrics;
  run?: RunManifest;
  /** Content hash of the model (run.json's when present), `sha256:<hex>`. */
  modelHash: string;
  /** Version string shown by the status API: the first 12 hex digits of the model hash, so an image, a record and a response agree. */
  version: string;
  /** Width of one output row: 1 for regression and sigmoid binary, the class count for softmax. */
  outputWidth: number;
  /** The plain-JS forward pass for small batches, when the model is a Dense chain and agrees with TF.js. */
  densePlan?: DensePlan;
}

export interface ClassPrediction {
  label: string;
  /** In the order of `preprocessing.classes`. */
  probabilities: number[];
}

/** A classifier answers a label and probabilities; a regressor answers a number in the target's own units. */
export type Prediction = ClassPrediction | number;

export interface Predictor {
  /** Predicts a whole request in one batch; throws UserError naming `field[i].feature` on a bad instance. */
  predict(instances: readonly unknown[], field?: string): Prediction[];
}

export interface LoadOptions {
  backend?: BackendName;
  /** Where @tensorflow/tfjs-node(-gpu) may be installed. */
  workspace?: string;
  log?: (line: string) => void;
}

export async function loadModel(dir: string, options: LoadOptions = {}): Promise<LoadedModel> {
  const files = await readModelFiles(dir);
  const engine = await loadEngine(options.backend ?? 'auto', { workspace: options.workspace, log: options.log });
  const { tf, backend, notices } = engine;
  const modelJsonFile = displayPath(join(files.dir, ARTIFACT_FILES.modelJson));
  let model: tfjs.LayersModel;
  try {
    model = await tf.loadLayersModel(
      tf.io.fromMemory({ modelTopology: files.modelTopology, weightSpecs: files.weightSpecs as tfjs.io.WeightsManifestEntry[], weightData: files.weightData }),
    );
  } catch (error) {
    throw new UserError(`is not a loadable TF.js layers model: ${(error as Error).message}`, { file: modelJsonFile });
  }
  const pre = files.preprocessing;
  const inputShape = model.inputs.length === 1 ? model.inputs[0].shape : undefined;
  if (inputShape?.length !== 2 || inputShape[1] !== pre.inputSize) {
    model.dispose();
    throw new UserError(
      `takes input shape ${JSON.stringify(model.inputs.map((i) => i.shape))} but preprocessing.json encodes ${pre.inputSize} values per row: they come from different runs`,
      { file: modelJsonFile },
    );
  }
  const outputShape = model.outputs.length === 1 ? model.outputs[0].shape : undefined;
  const outputWidth = outputShape?.length === 2 ? (outputShape[1] ?? 0) : 0;
  const expected = outputWidths(pre);
  if (!expected.includes(outputWidth)) {
    model.dispose();
    throw new UserError(
      `outputs ${JSON.stringify(model.outputs.map((o) => o.shape))} but a ${pre.task} model with these classes outputs ${expected.join(' or ')} per row`,
      {
        file: modelJsonFile,
      },
    );
  }
  const modelHash = files.run?.hashes.model ?? files.contentHash;
  const densePlan = verifiedDensePlan(tf, model);
  return {
    dir: files.dir,
    tf,
    backend,
    notices,
    engine,
    model,
    preprocessing: pre,
    metrics: files.metrics,
    run: files.run,
    modelHash,
    version: modelHash.replace(/^sha256:/, '').slice(0, 12),
    outputWidth,
    densePlan,
  };
}

/** The dense plan if it reproduces TF.js on a probe batch spanning standardised inputs. */
function verifiedDensePlan(tf: TF, model: tfjs.LayersModel): DensePlan | undefined {
  const plan = compileDensePlan(model);
  if (!plan) return undefined;
  const rows = 16;
  const probe = Float32Array.from({ length: rows * plan.inputSize }, (_, k) => 3 * Math.sin(k * 12.9898 + 78.233));
  const fromPlan = plan.run(probe, rows);
  const fromTf = forwardWithTf(tf, model, probe, rows, plan.inputSize);
  const agrees = fromTf.length === fromPlan.length && fromTf.every((y, k) => Math.abs(y - fromPlan[k]) <= 1e-5 * Math.max(1, Math.abs(y)));
  return agrees ? plan : undefined;
}

function forwardWithTf(tf: TF, model: tfjs.LayersModel, input: Float32Array, rows: number, inputSize: number): Float32Array {
  let output: Float32Array | undefined;
  tf.tidy(() => {
    // apply() runs the layers once on the whole batch; predict() would re-batch by 32 and concatenate.
    const y = model.apply(tf.tensor2d(input, [rows, inputSize]), { training: false }) as tfjs.Tensor;
    output = y.dataSync() as Float32Array;
  });
  return output as Float32Array;
}

/** A model for batch prediction (`model-ci predict`). */
export interface BatchModel {
  preprocessing: Preprocessing;
  outputWidth: number;
  /** Row-major outputs of the first `rows` rows of `encoded`; read them before the next call. */
  forward(encoded: Float32Array, rows: number): Float32Array;
  dispose(): void;
}

/**
 * A Dense chain runs its dense plan read straight from the files, without TF.js (the engine is most of
 * the start-up time and memory of a batch run); anything else loads in TF.js. Either way each row is
 * computed alone: the numbers do not depend on which rows share a batch, so shards of a file predict
 * exactly what the whole file does (TF.js is only batch-independent up to float error).
 */
export async function loadBatchModel(dir: string, options: LoadOptions = {}): Promise<BatchModel> {
  const files = await readModelFiles(dir);
  const pre = files.preprocessing;
  const plan = densePlanFromFiles(files.modelTopology, files.weightSpecs, files.weightData);
  if (plan && plan.inputSize === pre.inputSize && outputWidths(pre).includes(plan.outputWidth)) {
    return { preprocessing: pre, outputWidth: plan.outputWidth, forward: plan.run, dispose: () => {} };
  }
  const loaded = await loadModel(dir, options);
  const { densePlan, tf, model } = loaded;
  return {
    preprocessing: pre,
    outputWidth: loaded.outputWidth,
    forward: (encoded, rows) =>
      densePlan ? densePlan.run(encoded, rows) : forwardWithTf(tf, model, encoded.subarray(0, rows * pre.inputSize), rows, pre.inputSize),
    dispose: () => model.dispose(),
  };
}

/** What a model for this task may output per row. */
function outputWidths(pre: Preprocessing): number[] {
  return pre.task === 'regression' ? [1] : pre.task === 'binary-classification' ? [1, 2] : [pre.classes?.length ?? 0];
}

export function createPredictor(loaded: LoadedModel): Predictor {
  const { preprocessing: pre, outputWidth } = loaded;
  const decode = outputDecoder(pre, outputWidth);
  const forward = requestForward(loaded);
  // Well-formed instances skip the per-cell checks that build a message; anything else gets them (the same 4xx).
  const fast = fastEncoder(pre);
  return {
    predict(instances, field = 'instances') {
      const rows = instances.length;
      const output = forward(fast(instances) ?? encodeChecked(pre, instances, field), rows);
      const predictions = new Array<Prediction>(rows);
      for (let i = 0; i < rows; i++) predictions[i] = decode(output, i * outputWidth);
      return predictions;
    },
  };
}

/**
 * Instances → the response body `{"<outputKey>":[...]}`; throws UserError naming `field[i].feature` on a
 * bad instance. `observe` sees the network's output before it is formatted (the server's drift counters).
 */
export type JsonPredictor = (instances: readonly unknown[], field: string, outputKey: string, observe?: (output: Float32Array, rows: number) => void) => string;

/**
 * The server's predict path: the response's JSON text, `{"<outputKey>":[...]}`, formatted from the
 * network's outputs with no object per prediction; the same text as JSON.stringify of what
 * `createPredictor` returns. Well-formed requests skip the per-cell checks that name a mistake.
 */
export function createJsonPredictor(loaded: LoadedModel): JsonPredictor {
  const { preprocessing: pre, outputWidth } = loaded;
  const forward = requestForward(loaded);
  const fast = fastEncoder(pre);
  const row = predictionFormatter(pre, outputWidth, 'jsonl').row;
  return (instances, field, outputKey, observe) => {
    const rows = instances.length;
    const output = forward(fast(instances) ?? encodeChecked(pre, instances, field), rows);
    observe?.(output, rows);
    let body = `{${JSON.stringify(outputKey)}:[`;
    for (let i = 0; i < rows; i++) {
      const text = row(output, i * outputWidth);
      // jsonl rows end with a line break; the array wants commas.
      body += (i === 0 ? '' : ',') + text.slice(0, -1);
    }
    return `${body}]}`;
  };
}

/** Small requests run the dense plan (no engine overhead), big ones TF.js's kernels. */
function requestForward({ tf, model, preprocessing: pre, densePlan }: LoadedModel): (encoded: Float32Array, rows: number) => Float32Array {
  return (encoded, rows) =>
    densePlan && rows * densePlan.macsPerRow <= DENSE_PLAN_MAX_MACS ? densePlan.run(encoded, rows) : forwardWithTf(tf, model, encoded, rows, pre.inputSize);
}

/** `instances` encoded for the network; throws UserError naming `field[i].feature` on a bad instance. */
export function encodeChecked(pre: Preprocessing, instances: readonly unknown[], field = 'instances'): Float32Array {
  rejectUnencodableValues(pre, instances, field);
  const encoded = encodeInstances(pre, instances, field);
  checkFinite(pre, encoded, field);
  return encoded;
}

function outputDecoder(pre: Preprocessing, width: number): (output: Float32Array, offset: number) => Prediction {
  if (pre.task === 'regression') {
    const { mean, std } = pre.targetScale ?? { mean: 0, std: 1 };
    return (output, offset) => output[offset] * std + mean;
  }
  const classes = pre.classes as string[];
  if (width === 1) {
    // A sigmoid unit gives P(classes[1]); a tie at 0.5 goes to the positive class.
    return (output, offset) => {
      const p = output[offset];
      return { label: classes[p >= 0.5 ? 1 : 0], probabilities: [1 - p, p] };
    };
  }
  return (output, offset) => {
    const probabilities = new Array<number>(width);
    let best = 0;
    for (let k = 0; k < width; k++) {
      probabilities[k] = output[offset + k];
      if (probabilities[k] > probabilities[best]) best = k;
    }
    return { label: classes[best], probabilities };
  };
}

/**
 * Values encode would misname. An array or object is never a feature value; rejecting it here keeps
 * error messages short and spares encode's message formatting a 100,000-level-deep JSON value.
 * JSON has no Infinity, so an infinite number is a literal beyond double range (1e400) that JSON.parse
 * rounded: encode would print it as JSON, i.e. as `null`, which the client never sent.
 */
function rejectUnencodableValues(pre: Preprocessing, instances: readonly unknown[], field: string): void {
  for (let i = 0; i < instances.length; i++) {
    const instance = instances[i];
    // Shape mistakes (wrong value count, not a row) are encode's to report.
    if (instance === null || typeof instance !== 'object' || (Array.isArray(instance) && instance.length !== pre.features.length)) continue;
    const values = Array.isArray(instance) ? instance : pre.features.map((f) => (instance as Record<string, unknown>)[f.name]);
    for (let j = 0; j < values.length; j++) {
      const value = values[j];
      const where = { field: `${field}[${i}].${pre.features[j].name}` };
      if (value === Infinity || value === -Infinity) {
        throw new UserError('expected a finite number, got one beyond the range of a 64-bit float (magnitude above about 1.8e308)', where);
      }
      if (value === null || typeof value !== 'object') continue;
      throw new UserError(`expected a single value, got ${Array.isArray(value) ? 'an array' : 'an object'}`, where);
    }
  }
}

/**
 * A finite JSON number can still overflow float32 once standardised (1e39 → Infinity),
 * which would come back as `null` probabilities; name the value instead.
 */
function checkFinite(pre: Preprocessing, encoded: Float32Array, field: string): void {
  for (let k = 0; k < encoded.length; k++) {
    if (Number.isFinite(encoded[k])) continue;
    const row = Math.floor(k / pre.inputSize);
    let column = k - row * pre.inputSize;
    const feature = pre.features.find((f) => (column -= featureWidth(f)) < 0);
    throw new UserError('expected a number within float32 range after standardisation (about ±3.4e38)', { field: `${field}[${row}].${feature?.name}` });
  }
}
