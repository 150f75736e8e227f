/**
 * Loads and validates `model-ci.yml`. Relative paths are resolved against the
 * config's folder; `watch` patterns are relative to the repository root.
 *
 * ```yaml
 * name: breast-cancer                # lowercase, digits, . _ - : names the image and the serving URL
 * task: binary-classification        # multiclass-classification | regression
 * data:
 *   train: data/train.csv
 *   test: data/test.csv              # or: split: { test: 0.2, seed: 42, stratify: true, method: hash } (the default)
 *   target: target
 *   features: [a, b]                 # optional; default: every column but the target, in file order
 *   categorical: one-hot             # or index: how text columns are encoded
 *   categorical_columns: [zip]       # optional: number-looking columns that are categories
 *   gate: { max_removed_share: 0.2, max_psi: 0.25 }  # optional: fail when a PR removes more than 20% of
 *                                    # main's rows, or shifts a feature's distribution by a PSI over 0.25
 * params: params.yaml                # default params.yaml
 * watch: ["data/**", "params.yaml"]  # optional; default: the data files, the params file and this file
 * backend: auto                      # dense | tensorflow-gpu | tensorflow | wasm | cpu
 * metrics:                           # optional; default: every metric of the task
 *   - name: accuracy
 *     gate: { tolerance: 0.01 }      # may not drop more than 0.01 below main; "2%" = relative to main;
 *                                    # `confidence: 0.95` beside it: only a significant drop fails
 *   - name: log_loss
 *     gate: { threshold: 0.2 }       # may never exceed 0.2
 *   - name: f1
 *     gate: { beats: [majority, linear] }  # must be better than these reference models on the same test rows
 *   - roc_auc
 * sweep:                             # optional: a hyperparameter grid; each combination is a candidate job
 *   train.learning_rate: [0.001, 0.01]
 *   model.hidden_units: [[16], [32, 16]]
 * card:                              # optional, plain text for the model card of each deploy
 *   intended_use: Screening aid for clinicians; not a diagnosis.
 *   limitations: Trained on one hospital's records.
 *   license: mit                     # also: description
 * ```
 */
import { MODEL_NAME } from '../domain/record.ts';
import { realpath } from 'node:fs/promises';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { isMap, isScalar } from 'yaml';
import { METRICS, defaultMetrics } from '../metrics/catalog.ts';
import { confinePath, realInput, repositoryRoot } from './confine.ts';
import { displayPath } from '../display-path.ts';
import { didYouMean } from './suggest.ts';
import {
  BACKENDS,
  SPLIT_METHODS,
  REFERENCE_NAMES,
  TASKS,
  type ReferenceName,
  type DataConfig,
  type DataGate,
  type Direction,
  type Gate,
  type MetricConfig,
  type ModelCiConfig,
  type ModelCardConfig,
  type SplitConfig,
  type Task,
} from '../domain/config.ts';
import {
  boolean,
  expected,
  fail,
  isPresent,
  items,
  mapping,
  number,
  oneOf,
  optional,
  parseYaml,
  plain,
  readYamlFile,
  required,
  string,
  stringList,
  type Field,
} from './yaml-fields.ts';

export { loadParams } from './params.ts';

const ROOT_KEYS = ['name', 'task', 'data', 'params', 'watch', 'backend', 'metrics', 'sweep', 'card'] as const;
const CARD_KEYS = ['description', 'intended_use', 'limitations', 'license'] as const;
/** A card section is a few paragraphs; the card is served and shown in the job summary. */
const MAX_CARD_TEXT = 4000;
const DATA_KEYS = ['train', 'test', 'split', 'target', 'features', 'categorical', 'categorical_columns', 'gate'] as const;
const DATA_GATE_KEYS = ['max_removed_share', 'max_psi'] as const;
const SPLIT_KEYS = ['test', 'seed', 'stratify', 'method'] as const;
const METRIC_KEYS = ['name', 'direction', 'gate'] as const;
const GATE_KEYS = ['tolerance', 'threshold', 'confidence', 'beats'] as const;
/**
 * A gate's `confidence`: below one half it asks for less than a coin flip; above 0.999 the percentile
 * interval's ends rest on the last one or two of the bootstrap's 2000 resamples.
 */
const CONFIDENCE_RANGE = { min: 0.5, max: 0.999 } as const;
const DIRECTIONS: readonly Direction[] = ['higher', 'lower'];
const ENCODINGS = ['one-hot', 'index'] as const;

export const DEFAULT_PARAMS_FILE = 'params.yaml';
export const DEFAULT_SPLIT = { test: 0.2, seed: 42, method: 'hash' } as const;

export { MODEL_NAME };

export interface LoadConfigOptions {
  /** Bounds every path the config names (default: the work tree holding the config, see `repositoryRoot`). */
  repoRoot?: string;
  /**
   * The config's text when it does not come from `file` on disk (the base commit's config, read from git's
   * objects); paths in it still resolve against `file`'s folder. `shown` names it in messages.
   */
  text?: { content: string; shown: string };
}

/** Every path the config names (the config itself, data, params, watch) stays inside `repoRoot` (src/config/confine.ts). */
export async function loadConfig(file: string, opts: LoadConfigOptions = {}): Promise<ModelCiConfig> {
  const named = resolve(file);
  // Real paths from here on: a data path is checked, recorded and read in the same (symlink-free) form.
  const repoRoot = await realpath(opts.repoRoot ?? repositoryRoot(dirname(named))).catch(() => resolve(opts.repoRoot ?? dirname(named)));
  const at = { file: opts.text?.shown ?? displayPath(named), field: 'config' };
  const confined = confinePath(repoRoot, repoRoot, relative(repoRoot, named) || '.', at);
  // Text from git's objects has no file on disk to resolve; its name was confined above.
  const configFile = opts.text ? confined : await realInput(repoRoot, confined, at);
  const root = dirname(configFile);
  const doc = opts.text ? parseYaml(opts.text.content, opts.text.shown) : await readYamlFile(configFile);
  if (!isPresent(doc)) fail(doc, 'the config is empty; it needs at least `name`, `task` and `data`');
  const keys = mapping(doc, ROOT_KEYS);

  const name = string(required(keys, 'name', doc, 'the model name, e.g. `name: churn`'));
  if (!MODEL_NAME.test(name)) {
    fail(
      keys.get('name')!,
      `\`name\` must be lowercase letters and digits, optionally joined by single . _ or - (it names the Docker image and the serving URL), got ${JSON.stringify(name)}`,
    );
  }
  const task = oneOf(required(keys, 'task', doc, `one of ${TASKS.join(', ')}`), TASKS);
  const data = readData(required(keys, 'data', doc, 'the training data, e.g. `data: { train: data/train.csv, target: label }`'), task, root, repoRoot);
  const paramsField = keys.get('params');
  const params = paramsField
    ? confinedPath(paramsField, root, repoRoot)
    : confinePath(repoRoot, root, DEFAULT_PARAMS_FILE, { file: doc.source.file, field: 'params' });
  const watched = [data.train, ...(data.test ? [data.test] : []), params, configFile];
  const watch = optional(keys, 'watch', (f) => readWatch(f, repoRoot), defaultWatch(watched, repoRoot));
  const backend = optional(keys, 'backend', (f) => oneOf(f, BACKENDS), 'auto');
  const metrics = optional(keys, 'metrics', (f) => readMetrics(f, task), defaultMetrics(task).map(catalogMetric));

  const sweep = keys.get('sweep');
  const card = keys.get('card');
  return {
    file: configFile,
    root,
    name,
    task,
    data,
    params,
    watch,
    metrics,
    backend,
    ...(sweep ? { sweep: readSweep(sweep) } : {}),
    ...(card ? { card: readCard(card) } : {}),
  };
}

function readCard(field: Field): ModelCardConfig {
  const keys = mapping(field, CARD_KEYS);
  const text = (key: string): string | undefined => {
    const value = keys.get(key);
    if (!value) return undefined;
    const read = string(value);
    if (read.length > MAX_CARD_TEXT) fail(value, `at most ${MAX_CARD_TEXT} characters, got ${read.length}`);
    return read;
  };
  const license = text('license');
  if (license !== undefined && !/^[A-Za-z0-9.+-]{1,64}$/.test(license)) {
    fail(keys.get('license')!, `expected an SPDX licence identifier such as mit or apache-2.0, got ${JSON.stringify(license.slice(0, 40))}`);
  }
  const card: ModelCardConfig = {};
  const description = text('description');
  const intendedUse = text('intended_use');
  const limitations = text('limitations');
  if (description !== undefined) card.description = description;
  if (intendedUse !== undefined) card.intendedUse = intendedUse;
  if (limitations !== undefined) card.limitations = limitations;
  if (license !== undefined) card.license = license;
  return card;
}

/** Params a sweep may vary: the model-ci sections of params.yaml, leaf keys only. */
export const SWEEPABLE = [
  'model.hidden_units',
  'model.activation',
  'model.dropout',
  'train.epochs',
  'train.batch_size',
  'train.learning_rate',
  'train.optimizer',
  'train.seed',
  'train.validation_split',
] as const;
/** A sweep is a job matrix: GitHub allows 256 jobs, and each one trains; more is a mistake. */
export const MAX_SWEEP_CANDIDATES = 64;

function readSweep(field: Field): Record<string, unknown[]> {
  const grid: Record<string, unknown[]> = {};
  for (const [key, values] of mapping(field, SWEEPABLE)) {
    const list = items(values).map(plain);
    if (list.length === 0) expected(values, 'a non-empty list of values to try');
    grid[key] = list;
  }
  if (Object.keys(grid).length === 0) expected(field, `params to vary, e.g. \`train.learning_rate: [0.001, 0.01]\` (any of ${SWEEPABLE.join(', ')})`);
  const size = Object.values(grid).reduce((n, list) => n * list.length, 1);
  if (size > MAX_SWEEP_CANDIDATES) fail(field, `the sweep makes ${size} candidates; at most ${MAX_SWEEP_CANDIDATES} (each is a training job)`);
  return grid;
}

/** The field's path, resolved against `base` and confined to the work tree (src/config/confine.ts). */
function confinedPath(field: Field, base: string, repoRoot: string): string {
  return confinePath(repoRoot, base, string(field), { file: field.source.file, line: field.line, field: field.path });
}

function readData(field: Field, task: Task, root: string, repoRoot: string): DataConfig {
  const keys = mapping(field, DATA_KEYS);
  const classification = task !== 'regression';
  const path = (f: Field) => confinedPath(f, root, repoRoot);

  const target = string(required(keys, 'target', field, 'the column to predict'));
  const notTarget = (list: Field, names: string[], what: string) => {
    const at = names.indexOf(target);
    if (at >= 0) fail(items(list)[at], `\`${list.path}\` lists the target column ${JSON.stringify(target)}; ${what}`);
    return names;
  };
  const data: DataConfig = {
    train: path(required(keys, 'train', field, 'the training CSV, e.g. `train: data/train.csv`')),
    target,
    categorical: optional(keys, 'categorical', (f) => oneOf(f, ENCODINGS), 'one-hot'),
  };
  const features = keys.get('features');
  if (features) {
    const names = stringList(features);
    if (names.length === 0) expected(features, 'a non-empty list of column names');
    data.features = notTarget(features, names, 'the target cannot also be an input');
  }
  const categoricalColumns = keys.get('categorical_columns');
  if (categoricalColumns) {
    const what = classification ? 'the target of a classification is always read as labels' : 'a regression target must be numeric';
    data.categoricalColumns = notTarget(categoricalColumns, stringList(categoricalColumns), what);
  }

  const gate = keys.get('gate');
  if (gate) data.gate = readDataGate(gate);

  const test = keys.get('test');
  const split = keys.get('split');
  if (test && split) fail(split, 'give either `data.test` (a test file) or `data.split` (hold out rows of the training file), not both');
  if (test) data.test = path(test);
  else data.split = split ? readSplit(split, classification) : { ...DEFAULT_SPLIT, stratify: classification };
  return data;
}

function readDataGate(field: Field): DataGate {
  const keys = mapping(field, DATA_GATE_KEYS);
  const gate: DataGate = {};
  const removed = keys.get('max_removed_share');
  if (removed) gate.maxRemovedShare = number(removed, { min: 0, max: 1 });
  const psi = keys.get('max_psi');
  if (psi) gate.maxPsi = number(psi, { min: 0, minExclusive: true });
  if (gate.maxRemovedShare === undefined && gate.maxPsi === undefined) expected(field, 'a mapping with `max_removed_share` and/or `max_psi`');
  return gate;
}

function readSplit(field: Field, classification: boolean): SplitConfig {
  const keys = mapping(field, SPLIT_KEYS);
  const stratify = keys.get('stratify');
  if (stratify && boolean(stratify) && !classification) {
    fail(stratify, '`data.split.stratify` keeps class proportions, so it applies to classification only');
  }
  return {
    test: optional(keys, 'test', (f) => number(f, { min: 0, max: 1, minExclusive: true, maxExclusive: true }), DEFAULT_SPLIT.test),
    seed: optional(keys, 'seed', (f) => number(f, { integer: true, min: 0, max: 2 ** 32 - 1 }), DEFAULT_SPLIT.seed),
    stratify: stratify ? boolean(stratify) : classification,
    method: optional(keys, 'method', (f) => oneOf(f, SPLIT_METHODS), DEFAULT_SPLIT.method),
  };
}

function toPosix(path: string): string {
  return path.split(sep).join('/');
}

/** Files outside the repository cannot change in a commit, so they are not watched. */
function defaultWatch(files: string[], repoRoot: string): string[] {
  const inside = files.map((file) => relative(repoRoot, file)).filter((rel) => rel !== '' && !rel.startsWith('..') && !isAbsolute(rel));
  return [...new Set(inside.map(toPosix))];
}

function readWatch(field: Field, repoRoot: string): string[] {
  const patterns = stringList(field);
  // Patterns are relative to the repository root, not to the config's folder.
  for (const [i, item] of items(field).entries()) {
    confinePath(repoRoot, repoRoot, patterns[i].replace(/^!/, ''), { file: item.source.file, line: item.line, field: item.path });
  }
  if (patterns.length === 0) expected(field, 'a non-empty list of path patterns');
  return patterns;
}

function catalogMetric(name: string): MetricConfig {
  return { name, direction: METRICS[name].direction };
}

function readMetrics(field: Field, task: Task): MetricConfig[] {
  const list = items(field).map((item) => readMetric(item, task));
  if (list.length === 0) expected(field, 'a non-empty list of metrics');
  const seen = new Set<string>();
  list.forEach((metric, i) => {
    if (seen.has(metric.name)) fail(items(field)[i], `metric \`${metric.name}\` is listed twice`);
    seen.add(metric.name);
  });
  return list;
}

function readMetric(field: Field, task: Task): MetricConfig {
  const keys = isMap(field.node) ? mapping(field, METRIC_KEYS) : undefined;
  const nameField = keys ? required(keys, 'name', field, 'the metric name, e.g. `name: accuracy`') : field;
  const name = string(nameField);
  const info = METRICS[name];
  if (!info) {
    fail(nameField, `unknown metric ${JSON.stringify(name)}${didYouMean(name, Object.keys(METRICS))}; metrics for ${task}: ${defaultMetrics(task).join(', ')}`);
  }
  if (!info.tasks.includes(task)) {
    fail(nameField, `metric \`${name}\` does not apply to ${task}; metrics for ${task}: ${defaultMetrics(task).join(', ')}`);
  }
  const metric = catalogMetric(name);
  if (keys) {
    metric.direction = optional(keys, 'direction', (f) => oneOf(f, DIRECTIONS), info.direction);
    const gate = keys.get('gate');
    if (gate) metric.gate = readGate(gate, task);
  }
  return metric;
}

/** The reference models of a task (src/reference/reference-models.ts `referencesOf` says the same). */
function referencesFor(task: Task): ReferenceName[] {
  return task === 'regression' ? ['mean', 'linear'] : ['majority', 'prior', 'linear'];
}

function readBeats(field: Field, task: Task): ReferenceName[] {
  const names = stringList(field);
  if (names.length === 0) expected(field, `a non-empty list of reference models (${referencesFor(task).join(', ')})`);
  items(field).forEach((item) => {
    const name = oneOf(item, REFERENCE_NAMES);
    if (!referencesFor(task).includes(name))
      fail(item, `reference model \`${name}\` does not apply to ${task}; its reference models: ${referencesFor(task).join(', ')}`);
  });
  return names as ReferenceName[];
}

const PERCENT = /^(\d+(?:\.\d+)?)\s*%$/;

function readGate(field: Field, task: Task): Gate {
  const keys = mapping(field, GATE_KEYS);
  const gate: Gate = {};
  const tolerance = keys.get('tolerance');
  if (tolerance) {
    const text = isScalar(tolerance.node) ? tolerance.node.value : undefined;
    const percent = typeof text === 'string' ? PERCENT.exec(text.trim()) : null;
    if (percent) {
      gate.tolerance = Number(percent[1]) / 100;
      gate.relative = true;
    } else if (typeof text === 'string') {
      expected(tolerance, 'a number (absolute) or a percentage such as "2%" (relative to main)');
    } else {
      gate.tolerance = number(tolerance, { min: 0 });
    }
  }
  const threshold = keys.get('threshold');
  if (threshold) gate.threshold = number(threshold);
  const confidence = keys.get('confidence');
  if (confidence) {
    gate.confidence = number(confidence, CONFIDENCE_RANGE);
    // Significance qualifies a comparison with main; a threshold is an absolute bound with nothing to test.
    if (gate.tolerance === undefined) expected(confidence, 'set only beside a `tolerance` (`tolerance: 0` fails any significant regression)');
  }
  const beats = keys.get('beats');
  if (beats) gate.beats = readBeats(beats, task);
  if (gate.tolerance === undefined && gate.threshold === undefined && gate.beats === undefined) {
    expected(field, 'a mapping with `tolerance`, `threshold` and/or `beats`');
  }
  return gate;
}
