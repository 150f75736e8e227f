/**
 * `params.yaml`, DVC style: the `model` and `train` sections are model-ci's and
 * are checked key by key; any other top-level section belongs to other pipeline
 * stages and is only kept (in `flat`) so that diffs and hashes see it.
 *
 * ```yaml
 * model:
 *   hidden_units: [16, 8]     # or one number; [] = no hidden layer (see below)
 *   activation: relu          # tanh | sigmoid | elu | selu | linear
 *   dropout: 0.1              # [0, 1)
 * train:
 *   epochs: 50
 *   batch_size: 32
 *   learning_rate: 0.001      # (0, 10]
 *   optimizer: adam           # sgd | rmsprop | adagrad
 *   seed: 42
 *   validation_split: 0.2     # [0, 1)
 *   early_stopping: { patience: 10, min_delta: 0 }   # needs validation_split > 0
 * ```
 *
 * `hidden_units: []` leaves only the output layer: logistic regression for a binary task, softmax
 * (multinomial logistic) regression for a multiclass one, linear regression for a regression one. It is
 * the baseline a deeper network has to beat; `activation` and `dropout` then have nothing to act on.
 */
import type { ModelParams, Optimizer, Params, Scalar, TrainParams } from '../domain/config.ts';
import { isMap, isScalar, isSeq } from 'yaml';
import { UserError } from '../errors.ts';
import { limit, overLimit } from '../limits.ts';
import { boolean, fail, isPresent, items, mapping, number, oneOf, optional, plain, readYamlFile, withOverrides, type Field } from './yaml-fields.ts';

export const ACTIVATIONS: readonly ModelParams['activation'][] = ['relu', 'tanh', 'sigmoid', 'elu', 'selu', 'linear'];
export const OPTIMIZERS: readonly Optimizer[] = ['adam', 'sgd', 'rmsprop', 'adagrad'];

export const DEFAULT_MODEL_PARAMS: ModelParams = { hiddenUnits: [16], activation: 'relu', dropout: 0 };
export const DEFAULT_TRAIN_PARAMS: TrainParams = {
  epochs: 50,
  batchSize: 32,
  learningRate: 0.001,
  optimizer: 'adam',
  seed: 42,
  validationSplit: 0,
};
const DEFAULT_EARLY_STOPPING = { patience: 10, minDelta: 0 };

const MODEL_KEYS = ['hidden_units', 'activation', 'dropout'] as const;
const TRAIN_KEYS = ['epochs', 'batch_size', 'learning_rate', 'optimizer', 'seed', 'validation_split', 'early_stopping'] as const;
const EARLY_STOPPING_KEYS = ['patience', 'min_delta'] as const;

const UNITS = { integer: true, min: 1, limit: 'units' } as const;
// Seeds feed 32-bit PRNGs.
const SEED = { integer: true, min: 0, max: 2 ** 32 - 1 };

/**
 * Reads params.yaml; `overrides` (a sweep candidate's values, by dotted key) replace what the file
 * says and are checked like the file's own values, naming the sweep when one is wrong.
 */
export async function loadParams(file: string, overrides: Record<string, unknown> = {}): Promise<Params> {
  const read = await readYamlFile(file);
  const keys = Object.keys(overrides);
  if (keys.length === 0 && !isPresent(read)) return { model: readModel(undefined), train: readTrain(undefined), flat: {} };
  const root = keys.length > 0 ? withOverrides(read, overrides) : read;
  try {
    const sections = mapping(root, null);
    checkKeys(root);
    const model = readModel(sections.get('model'));
    const train = readTrain(sections.get('train'));
    return { model, train, flat: flatten(plain(root)) };
  } catch (error) {
    const key = error instanceof UserError ? keys.find((k) => error.location.field?.startsWith(k)) : undefined;
    if (key === undefined) throw error;
    throw new UserError(`${(error as UserError).message} (the value ${JSON.stringify(overrides[key])} comes from the config's sweep)`, {
      field: `sweep.${key}`,
    });
  }
}

// A params key as DVC and model-ci write them; INI lines (`url = https://…`) and text that YAML happens
// to read as a mapping are not.
const KEY = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,63}$/;

/**
 * Every key, at any depth, must be a plain name: other stages' sections are kept in `flat` (and shown in
 * the report's params diff) only when the file reads as params. The key is not quoted: the file may be
 * anything.
 */
function checkKeys(field: Field): void {
  if (isMap(field.node)) {
    for (const [key, inner] of mapping(field, null)) {
      if (!KEY.test(key)) {
        const where = field.path ? `a key of \`${field.path}\`` : 'a top-level key';
        fail(
          { ...inner, line: inner.keyLine, path: field.path },
          `${where} is not a params name (letters, digits, _ . -, at most 64 characters); is this file a params file?`,
        );
      }
      checkKeys(inner);
    }
  } else if (isSeq(field.node)) {
    items(field).forEach(checkKeys);
  }
}

function readModel(field: Field | undefined): ModelParams {
  if (!isPresent(field)) return { ...DEFAULT_MODEL_PARAMS, hiddenUnits: [...DEFAULT_MODEL_PARAMS.hiddenUnits] };
  const keys = mapping(field, MODEL_KEYS);
  const d = DEFAULT_MODEL_PARAMS;
  return {
    hiddenUnits: optional(keys, 'hidden_units', hiddenUnits, [...d.hiddenUnits]),
    activation: optional(keys, 'activation', (f) => oneOf(f, ACTIVATIONS), d.activation),
    dropout: optional(keys, 'dropout', (f) => number(f, { min: 0, max: 1, maxExclusive: true }), d.dropout),
  };
}

function hiddenUnits(field: Field): number[] {
  if (isScalar(field.node)) return [number(field, UNITS)];
  const layers = items(field);
  if (layers.length > limit('layers')) fail(field, `\`${field.path}\` lists ${layers.length} layers, ${overLimit('layers')}`);
  return layers.map((item) => number(item, UNITS));
}

function readTrain(field: Field | undefined): TrainParams {
  if (!isPresent(field)) return { ...DEFAULT_TRAIN_PARAMS };
  const keys = mapping(field, TRAIN_KEYS);
  const d = DEFAULT_TRAIN_PARAMS;
  const params: TrainParams = {
    epochs: optional(keys, 'epochs', (f) => number(f, { integer: true, min: 1, limit: 'epochs' }), d.epochs),
    batchSize: optional(keys, 'batch_size', (f) => number(f, { integer: true, min: 1, limit: 'batchSize' }), d.batchSize),
    learningRate: optional(keys, 'learning_rate', (f) => number(f, { min: 0, minExclusive: true, max: 10 }), d.learningRate),
    optimizer: optional(keys, 'optimizer', (f) => oneOf(f, OPTIMIZERS), d.optimizer),
    seed: optional(keys, 'seed', (f) => number(f, SEED), d.seed),
    validationSplit: optional(keys, 'validation_split', (f) => number(f, { min: 0, max: 1, maxExclusive: true }), d.validationSplit),
  };
  const earlyStopping = keys.get('early_stopping');
  const stopping = earlyStopping && readEarlyStopping(earlyStopping);
  if (earlyStopping && stopping) {
    if (params.validationSplit === 0) {
      fail(earlyStopping, '`train.early_stopping` watches the validation loss, so it needs `train.validation_split` > 0');
    }
    params.earlyStopping = stopping;
  }
  return params;
}

/** `early_stopping: false` (or no value) turns it off, `true` uses the defaults, a mapping sets patience and min_delta. */
function readEarlyStopping(field: Field): TrainParams['earlyStopping'] {
  if (!isPresent(field)) return undefined;
  if (isScalar(field.node)) return boolean(field) ? { ...DEFAULT_EARLY_STOPPING } : undefined;
  const keys = mapping(field, EARLY_STOPPING_KEYS);
  const d = DEFAULT_EARLY_STOPPING;
  return {
    patience: optional(keys, 'patience', (f) => number(f, { integer: true, min: 1 }), d.patience),
    minDelta: optional(keys, 'min_delta', (f) => number(f, { min: 0 }), d.minDelta),
  };
}

/**
 * Dotted paths to scalar leaves. A list is one value (its JSON), as `dvc params diff`
 * shows it: `model.hidden_units: [16,8]` reads better in a diff than one row per index.
 */
export function flatten(value: unknown, prefix = '', out: Record<string, Scalar> = {}): Record<string, Scalar> {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    for (const [key, inner] of Object.entries(value)) flatten(inner, prefix ? `${prefix}.${key}` : key, out);
  } else if (prefix) {
    out[prefix] = Array.isArray(value) ? JSON.stringify(value) : (value as Scalar);
  }
  return out;
}
