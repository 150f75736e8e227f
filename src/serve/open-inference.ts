/**
 * The Open Inference Protocol (KServe v2) REST bodies, pure: named tensors in, rows for the
 * predictor out, and predictions back as named tensors. The protocol:
 * kserve/kserve docs/predict-api/v2/required_api.md (its OpenAPI description validates our tests).
 *
 * Inputs, either of the two shapes KServe's own tabular servers take:
 * - one tensor per feature, named by the training column, shape [rows] or [rows, 1]: numeric features
 *   as FP16/FP32/FP64 or an integer type, categorical features as BYTES (strings);
 * - for a model whose features are all numeric, one tensor of any other name (KServe's clients say
 *   `input-0`), shape [rows, features], the values of each row in feature order.
 * `data` is flat (row-major) or nested as the shape says. Outputs: `predictions` (class labels as
 * BYTES, or FP64 numbers in the target's units) and, for a classifier, `probabilities` FP32
 * [rows, classes] in the order of the model's classes. `outputs` in a request picks among them.
 * `parameters` are accepted and ignored: none changes what this model computes.
 */
import type { Preprocessing } from '../data/preprocessing.ts';
import { excerpt, quote } from '../errors.ts';
import type { LoadedModel, Prediction } from '../model/predictor.ts';
import { VERSION } from '../version.ts';
import { parseJsonBody, RequestError } from './request-error.ts';

export interface InferRequest {
  /** One array per row, values in feature order: what the predictor takes. */
  rows: unknown[][];
  /** The client's request id, echoed in the response as the protocol says. */
  id?: string;
  /** Output tensors asked for, in order; absent means all. */
  outputs?: OutputName[];
}

type OutputName = 'predictions' | 'probabilities';

/** The longest request id echoed back. */
const MAX_ID_CHARS = 256;
/** Most dimensions a tensor may have; this server's inputs need two, the bound keeps nested data shallow. */
const MAX_RANK = 8;
const REQUEST_KEYS = ['id', 'parameters', 'inputs', 'outputs'];
const INPUT_KEYS = ['name', 'shape', 'datatype', 'parameters', 'data'];
const INPUT_KEY_SET = new Set(INPUT_KEYS);
const FLOAT_TYPES = ['FP16', 'FP32', 'FP64'];
/** Integer datatypes and their ranges (64-bit ones bounded by what a JSON number holds exactly). */
const INTEGER_RANGES: Record<string, [number, number]> = {
  INT8: [-(2 ** 7), 2 ** 7 - 1],
  INT16: [-(2 ** 15), 2 ** 15 - 1],
  INT32: [-(2 ** 31), 2 ** 31 - 1],
  INT64: [Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER],
  UINT8: [0, 2 ** 8 - 1],
  UINT16: [0, 2 ** 16 - 1],
  UINT32: [0, 2 ** 32 - 1],
  UINT64: [0, Number.MAX_SAFE_INTEGER],
};
const DATATYPES = ['BOOL', ...Object.keys(INTEGER_RANGES), ...FLOAT_TYPES, 'BYTES'];
const NUMERIC_TYPES = [...FLOAT_TYPES, ...Object.keys(INTEGER_RANGES)];

function bad(message: string): RequestError {
  return new RequestError(400, message, 'invalid_request');
}

/** `inputs[2] ("clinic")`: where a mistake is, with the client's name escaped and cut short. */
function inputLabel(index: number, name: unknown): string {
  return typeof name === 'string' ? `inputs[${index}] (${quote(name)})` : `inputs[${index}]`;
}

export function parseInferRequest(body: Buffer, pre: Preprocessing, maxBatch: number): InferRequest {
  const parsed = parseJsonBody(body);
  if (!isObject(parsed)) throw bad('expected a JSON object like {"inputs": [{"name": ..., "datatype": ..., "shape": [...], "data": [...]}]}');
  const unknown = Object.keys(parsed).filter((key) => !REQUEST_KEYS.includes(key));
  if (unknown.length > 0) throw bad(`unknown key ${unknown.slice(0, 5).map(quote).join(', ')}; an inference request has ${REQUEST_KEYS.join(', ')}`);
  const { id, parameters, inputs, outputs } = parsed;
  if (id !== undefined && (typeof id !== 'string' || id.length > MAX_ID_CHARS)) throw bad(`"id" must be a string of at most ${MAX_ID_CHARS} characters`);
  if (parameters !== undefined && !isObject(parameters)) throw bad('"parameters" must be an object');
  if (!Array.isArray(inputs) || inputs.length === 0) throw bad('"inputs" must be a non-empty array of tensors');
  const rows = isMatrixForm(inputs, pre) ? matrixRows(inputs[0], pre, maxBatch) : featureRows(inputs, pre, maxBatch);
  return { rows, id, outputs: outputs === undefined ? undefined : requestedOutputs(outputs, pre) };
}

/** One input whose name is not a feature's: the [rows, features] form. */
function isMatrixForm(inputs: unknown[], pre: Preprocessing): boolean {
  if (inputs.length !== 1 || !isObject(inputs[0])) return false;
  const name = inputs[0].name;
  return typeof name === 'string' && !featureIndex(pre).has(name);
}

interface Tensor {
  name: string;
  datatype: string;
  shape: number[];
  /** Flattened, row-major. */
  data: unknown[];
}

/** Checks a request tensor's fields, flattens its data and checks the element count against its shape. */
function readTensor(input: unknown, index: number): Tensor {
  // Labels are built only for a message: quoting a name on every request would cost more than the checks.
  const at = () => inputLabel(index, isObject(input) ? input.name : undefined);
  if (!isObject(input)) throw bad(`${at()} must be an object with name, datatype, shape and data`);
  const unknown = Object.keys(input).filter((key) => !INPUT_KEY_SET.has(key));
  if (unknown.length > 0) throw bad(`${at()}: unknown key ${unknown.slice(0, 5).map(quote).join(', ')}; a tensor has ${INPUT_KEYS.join(', ')}`);
  const { name, datatype, shape, data, parameters } = input;
  if (typeof name !== 'string' || name === '') throw bad(`${at()}: "name" must be a non-empty string`);
  if (typeof datatype !== 'string' || !DATATYPES.includes(datatype)) {
    throw bad(`${at()}: "datatype" must be one of the protocol's types (${DATATYPES.join(', ')}), got ${describe(datatype)}`);
  }
  if (!Array.isArray(shape) || shape.length === 0 || shape.length > MAX_RANK || !shape.every((d) => Number.isSafeInteger(d) && d >= 0)) {
    throw bad(`${at()}: "shape" must be an array of 1 to ${MAX_RANK} non-negative integers, got ${describe(shape)}`);
  }
  if (parameters !== undefined && !isObject(parameters)) throw bad(`${at()}: "parameters" must be an object`);
  if (!Array.isArray(data)) throw bad(`${at()}: "data" must be an array (flat, row-major, or nested as the shape)`);
  const flat = flatten(data, shape.length, at);
  const expected = shape.reduce((product: number, d: number) => product * d, 1);
  if (flat.length !== expected) {
    throw bad(`${at()}: shape [${shape.join(', ')}] holds ${expected} elements but "data" has ${flat.length}`);
  }
  return { name, datatype, shape, data: flat };
}

/** Nested data (at most `depth` levels, the shape's rank) becomes one flat array; flat data is returned as is. */
function flatten(data: unknown[], depth: number, at: () => string): unknown[] {
  if (!data.some(Array.isArray)) return data;
  if (depth <= 1) throw bad(`${at()}: "data" is nested deeper than its shape has dimensions`);
  const flat: unknown[] = [];
  for (const item of data) {
    if (!Array.isArray(item)) throw bad(`${at()}: "data" mixes nested arrays and values; nest every element as the shape says, or send it flat`);
    for (const value of flatten(item, depth - 1, at)) flat.push(value);
  }
  return flat;
}

function checkBatch(rows: number, maxBatch: number, at: () => string): void {
  if (rows === 0) throw bad(`${at()} has 0 rows; send at least one`);
  if (rows > maxBatch) throw bad(`${at()} has ${rows} rows, more than the limit of ${maxBatch} per request; split the batch`);
}

/** Each value of a numeric input: a finite number, and a whole one in range for an integer datatype. */
function checkNumbers(tensor: Tensor, at: () => string): void {
  const range = INTEGER_RANGES[tensor.datatype];
  const { data } = tensor;
  for (let k = 0; k < data.length; k++) {
    const value = data[k];
    if (typeof value !== 'number') throw bad(`${at()}: ${tensor.datatype} data[${k}] must be a number, got ${describe(value)}`);
    if (range && (!Number.isInteger(value) || value < range[0] || value > range[1])) {
      throw bad(`${at()}: ${tensor.datatype} data[${k}] must be an integer from ${range[0]} to ${range[1]}, got ${value}`);
    }
  }
}

function matrixRows(input: unknown, pre: Preprocessing, maxBatch: number): unknown[][] {
  const tensor = readTensor(input, 0);
  const at = () => inputLabel(0, tensor.name);
  const width = pre.features.length;
  const categorical = pre.features.filter((f) => f.kind === 'categorical').map((f) => f.name);
  if (categorical.length > 0) {
    throw bad(
      `unknown input ${quote(tensor.name)}: this model has categorical features (${categorical.slice(0, 10).join(', ')}), so it takes one tensor per feature, named ${featureList(pre)}`,
    );
  }
  if (tensor.shape.length !== 2 || tensor.shape[1] !== width) {
    throw bad(
      `${at()}: a single input tensor must have shape [rows, ${width}] (the features in order: ${featureList(pre)}), got [${tensor.shape.join(', ')}]; or send one tensor per feature`,
    );
  }
  if (!NUMERIC_TYPES.includes(tensor.datatype)) throw bad(`${at()}: datatype must be FP32, FP64, FP16 or an integer type, got ${tensor.datatype}`);
  checkBatch(tensor.shape[0], maxBatch, at);
  checkNumbers(tensor, at);
  const rows = new Array<unknown[]>(tensor.shape[0]);
  for (let i = 0; i < rows.length; i++) rows[i] = tensor.data.slice(i * width, (i + 1) * width);
  return rows;
}

function featureRows(inputs: unknown[], pre: Preprocessing, maxBatch: number): unknown[][] {
  const tensors = inputs.map(readTensor);
  const byName = new Map<string, Tensor>();
  tensors.forEach((tensor, index) => {
    const at = () => inputLabel(index, tensor.name);
    if (byName.has(tensor.name)) throw bad(`${at()}: input ${quote(tensor.name)} is given twice`);
    if (!featureIndex(pre).has(tensor.name)) {
      throw bad(`${at()}: unknown input ${quote(tensor.name)}; inputs are one tensor per feature, named ${featureList(pre)}`);
    }
    byName.set(tensor.name, tensor);
  });
  const missing = pre.features.filter((f) => !byName.has(f.name)).map((f) => f.name);
  if (missing.length > 0) throw bad(`missing input ${missing.slice(0, 10).join(', ')}${missing.length > 10 ? ', …' : ''}: every feature needs a tensor`);
  const first = () => inputLabel(0, tensors[0].name);
  const count = tensors[0].shape[0];
  checkBatch(count, maxBatch, first);
  const columns = pre.features.map((feature) => {
    const tensor = byName.get(feature.name) as Tensor;
    const at = () => inputLabel(tensors.indexOf(tensor), tensor.name);
    if (tensor.shape.length > 2 || (tensor.shape.length === 2 && tensor.shape[1] !== 1)) {
      throw bad(`${at()}: a feature's tensor must have shape [rows] or [rows, 1], got [${tensor.shape.join(', ')}]`);
    }
    if (tensor.shape[0] !== count) throw bad(`${at()} has ${tensor.shape[0]} rows but ${first()} has ${count}; every input needs one value per row`);
    if (feature.kind === 'categorical') {
      if (tensor.datatype !== 'BYTES') throw bad(`${at()}: feature ${quote(feature.name)} is categorical: send it as BYTES (strings), got ${tensor.datatype}`);
      const k = tensor.data.findIndex((value) => typeof value !== 'string');
      if (k >= 0) throw bad(`${at()}: BYTES data[${k}] must be a string, got ${describe(tensor.data[k])}`);
    } else {
      if (!NUMERIC_TYPES.includes(tensor.datatype)) {
        throw bad(`${at()}: feature ${quote(feature.name)} is numeric: send it as FP32, FP64, FP16 or an integer type, got ${tensor.datatype}`);
      }
      checkNumbers(tensor, at);
    }
    return tensor.data;
  });
  const rows = new Array<unknown[]>(count);
  for (let i = 0; i < count; i++) {
    const row = new Array<unknown>(columns.length);
    for (let j = 0; j < columns.length; j++) row[j] = columns[j][i];
    rows[i] = row;
  }
  return rows;
}

const featureIndexes = new WeakMap<Preprocessing, Map<string, number>>();

/** Feature name → position, built once per model: a request names every feature. */
function featureIndex(pre: Preprocessing): Map<string, number> {
  let index = featureIndexes.get(pre);
  if (!index) {
    index = new Map(pre.features.map((f, j) => [f.name, j]));
    featureIndexes.set(pre, index);
  }
  return index;
}

function requestedOutputs(outputs: unknown, pre: Preprocessing): OutputName[] {
  const available = outputNames(pre);
  if (!Array.isArray(outputs)) throw bad('"outputs" must be an array of {"name": ...}');
  return outputs.map((output, k) => {
    const name = isObject(output) ? output.name : undefined;
    if (typeof name !== 'string') throw bad(`outputs[${k}] must be an object with a "name"`);
    if (isObject(output) && output.parameters !== undefined && !isObject(output.parameters)) throw bad(`outputs[${k}]: "parameters" must be an object`);
    if (!available.includes(name as OutputName)) throw bad(`outputs[${k}]: unknown output ${quote(name)}; this model's outputs are ${available.join(', ')}`);
    return name as OutputName;
  });
}

function outputNames(pre: Preprocessing): OutputName[] {
  return pre.classes ? ['predictions', 'probabilities'] : ['predictions'];
}

/** The inference response; one pass over the predictions per output. */
export function inferResponse(predictions: readonly Prediction[], pre: Preprocessing, name: string, version: string, request: InferRequest): object {
  const rows = predictions.length;
  const outputs = (request.outputs ?? outputNames(pre)).map((output) => {
    if (output === 'probabilities') {
      const classes = (pre.classes as string[]).length;
      const data = new Array<number>(rows * classes);
      for (let i = 0; i < rows; i++) {
        const { probabilities } = predictions[i] as { probabilities: number[] };
        for (let k = 0; k < classes; k++) data[i * classes + k] = probabilities[k];
      }
      return { name: output, datatype: 'FP32', shape: [rows, classes], data };
    }
    if (pre.classes) return { name: output, datatype: 'BYTES', shape: [rows], data: predictions.map((p) => (p as { label: string }).label) };
    return { name: output, datatype: 'FP64', shape: [rows], data: predictions };
  });
  return { model_name: name, model_version: version, ...(request.id === undefined ? {} : { id: request.id }), outputs };
}

/** What `GET /v2` answers. */
export function serverMetadata(): object {
  return { name: 'model-ci', version: VERSION, extensions: [] };
}

/** What `GET /v2/models/<name>` answers: the per-feature inputs and the outputs, with -1 for the row dimension. */
export function modelMetadata(loaded: LoadedModel, name: string): object {
  const pre = loaded.preprocessing;
  return {
    name,
    versions: [loaded.version],
    platform: 'tensorflowjs',
    inputs: pre.features.map((f) => ({ name: f.name, datatype: f.kind === 'numeric' ? 'FP32' : 'BYTES', shape: [-1] })),
    outputs: outputNames(pre).map((output) =>
      output === 'probabilities'
        ? { name: output, datatype: 'FP32', shape: [-1, (pre.classes as string[]).length] }
        : { name: output, datatype: pre.classes ? 'BYTES' : 'FP64', shape: [-1] },
    ),
  };
}

function featureList(pre: Preprocessing): string {
  const names = pre.features.map((f) => f.name);
  return `${names.slice(0, 20).join(', ')}${names.length > 20 ? ` and ${names.length - 20} more` : ''}`;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** A client's value in a message: its kind for containers, an escaped excerpt otherwise. */
function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return value.length <= 4 && value.every((v) => typeof v === 'number') ? `[${value.join(', ')}]` : 'an array';
  if (isObject(value)) return 'an object';
  return typeof value === 'string' ? quote(value) : excerpt(String(value));
}
