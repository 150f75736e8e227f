import { createRequire as __mcCreateRequire } from 'node:module'; import { fileURLToPath as __mcFileURLToPath } from 'node:url'; import { dirname as __mcDirname } from 'node:path'; const require = __mcCreateRequire(import.meta.url); const __filename = __mcFileURLToPath(import.meta.url); const __dirname = __mcDirname(__filename);
import {
  METRICS,
  defaultMetrics
} from "./cli-chunk-a4e2cf860a.js";
import {
  MODEL_NAME
} from "./cli-chunk-4fcbb936ca.js";
import {
  formatBytes,
  limit,
  overLimit
} from "./cli-chunk-82396b2bd9.js";
import {
  didYouMean
} from "./cli-chunk-fa08236832.js";
import {
  BACKENDS,
  REFERENCE_NAMES,
  SPLIT_METHODS,
  TASKS
} from "./cli-chunk-40530c68dd.js";
import {
  displayPath
} from "./cli-chunk-25be3d0a7c.js";
import {
  UserError,
  excerpt,
  fileErrorReason,
  quote,
  showName
} from "./cli-chunk-55db69e02f.js";
import {
  git
} from "./cli-chunk-4a2bad3387.js";
import {
  LineCounter,
  isAlias,
  isMap,
  isScalar,
  isSeq,
  parseDocument,
  visit
} from "./cli-chunk-2ca2999deb.js";

// src/config/load.ts
import { realpath as realpath2 } from "node:fs/promises";
import { dirname as dirname2, isAbsolute as isAbsolute2, relative as relative2, resolve as resolve3, sep as sep2 } from "node:path";

// src/config/confine.ts
import { existsSync } from "node:fs";
import { realpath, stat } from "node:fs/promises";
import { dirname, isAbsolute, join, relative, resolve, sep } from "node:path";
function repositoryRoot(dir) {
  for (let at = resolve(dir); ; at = dirname(at)) {
    if (existsSync(join(at, ".git"))) return at;
    if (dirname(at) === at) return resolve(dir);
  }
}
function refuse(at, why) {
  throw new UserError(`\`${at.field}\` ${why}`, at);
}
function inside(repoRoot, path) {
  const rel = relative(repoRoot, path);
  if (rel === "" || rel === ".." || rel.startsWith(`..${sep}`) || isAbsolute(rel)) return void 0;
  return rel.split(sep).join("/");
}
function intoGit(rel) {
  return rel.split("/").some((part) => part.toLowerCase() === ".git");
}
function confinePath(repoRoot, base, value, at) {
  const shown = quote(value);
  if (isAbsolute(value) || /^[a-zA-Z]:|^[\\/]/.test(value)) refuse(at, `must be a relative path inside the repository; got the absolute path ${shown}`);
  const path = resolve(base, value);
  const rel = inside(repoRoot, path);
  if (rel === void 0) refuse(at, `must stay inside the repository; ${shown} leads out of it`);
  if (intoGit(rel)) refuse(at, `may not name git's own files (\`.git\`); got ${shown}`);
  return path;
}
async function realInput(repoRoot, path, at) {
  let real;
  try {
    real = await realpath(path);
  } catch (error) {
    const code = error.code;
    if (code === "ENOENT" || code === "ENOTDIR") refuse(at, `names ${displayRel(repoRoot, path)}, which does not exist`);
    if (code === "ELOOP") refuse(at, `names ${displayRel(repoRoot, path)}, a symlink that loops`);
    throw error;
  }
  const root = await realpath(repoRoot);
  const shown = displayRel(root, path);
  const rel = inside(root, real);
  if (rel === void 0) refuse(at, `names ${shown}, which is a symlink leading out of the repository`);
  if (intoGit(rel)) refuse(at, `names ${shown}, which leads into git's own files (\`.git\`)`);
  if (!(await stat(real)).isFile()) refuse(at, `names ${shown}, which is not a file`);
  return real;
}
function displayRel(root, path) {
  return quote(inside(root, path) ?? path);
}
async function assertTracked(repoRoot, commit, files) {
  if (files.length === 0) return;
  const root = await realpath(repoRoot);
  const rels = files.map(({ path, real, at }) => {
    const rel = inside(root, real);
    if (inside(root, path) !== rel) refuse(at, `names ${displayRel(root, path)}, a symlink; a run that holds secrets trains regular files of the commit only`);
    return rel;
  });
  const listing = await git(["--literal-pathspecs", "ls-tree", "-z", commit, "--", ...rels], { cwd: root });
  const regular = /* @__PURE__ */ new Set();
  for (const entry of listing.split("\0")) {
    const match = /^(\d+) (\w+) [0-9a-f]+\t(.*)$/s.exec(entry);
    if (match && (match[1] === "100644" || match[1] === "100755") && match[2] === "blob") regular.add(match[3]);
  }
  files.forEach(({ at }, i) => {
    if (!regular.has(rels[i])) {
      refuse(
        at,
        `names ${quote(rels[i])}, which is not a file committed in ${commit.slice(0, 7)}; a run that holds secrets trains the commit's files only (not ignored or generated ones)`
      );
    }
  });
}
async function confineInputs(config, options = {}) {
  const repoRoot = repositoryRoot(config.root);
  const named = [["data.train", config.data.train]];
  if (config.data.test) named.push(["data.test", config.data.test]);
  if (options.params ?? true) named.push(["params", config.params]);
  const files = await Promise.all(
    named.map(async ([field, path]) => {
      const at = { file: displayPath(config.file), field };
      return { field, path, at, real: await realInput(repoRoot, path, at) };
    })
  );
  if (options.trackedAt) await assertTracked(repoRoot, options.trackedAt, files);
  const real = (field) => files.find((file) => file.field === field)?.real;
  const test = real("data.test");
  return { ...config, params: real("params") ?? config.params, data: { ...config.data, train: real("data.train"), ...test ? { test } : {} } };
}

// src/config/yaml-fields.ts
import { open } from "node:fs/promises";
async function readYamlFile(file) {
  const shown = displayPath(file);
  return parseYaml(await readBounded(file, shown), shown);
}
function parseYaml(text, shown) {
  const bytes = Buffer.byteLength(text);
  if (bytes > limit("yamlBytes")) throw tooBig(bytes, shown);
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const [syntaxError] = doc.errors;
  if (syntaxError) {
    const { line, col } = lines.linePos(syntaxError.pos[0]);
    throw new UserError(`invalid YAML: ${syntaxError.message.split("\n")[0].slice(0, 120)}`, { file: shown, line, column: col });
  }
  checkAliases(doc, shown);
  const source = { file: shown, lines, doc };
  const node = doc.contents;
  return { source, path: "", node: resolve2(source, node), line: lineOf(source, node) ?? 1, keyLine: 1 };
}
async function readBounded(file, shown) {
  let handle;
  try {
    handle = await open(file, "r");
  } catch (error) {
    throw new UserError(`cannot read the file: ${fileErrorReason(error)}`, { file: shown });
  }
  try {
    const stat2 = await handle.stat();
    if (stat2.isDirectory()) throw new UserError("cannot read the file: it is a directory", { file: shown });
    if (!stat2.isFile()) throw new UserError("cannot read the file: it is not a regular file", { file: shown });
    if (stat2.size > limit("yamlBytes")) throw tooBig(stat2.size, shown);
    return await handle.readFile("utf8");
  } finally {
    await handle.close();
  }
}
function tooBig(bytes, shown) {
  return new UserError(`the file is ${formatBytes(bytes)} (${bytes} bytes), ${overLimit("yamlBytes")}`, { file: shown });
}
function checkAliases(doc, shown) {
  const max = limit("yamlAliases");
  let count = 0;
  visit(doc, {
    Alias() {
      count++;
      return count > max ? visit.BREAK : void 0;
    }
  });
  const refuse2 = (what) => new UserError(`${what}, ${overLimit("yamlAliases")}`, { file: shown });
  if (count > max) throw refuse2("the file has too many YAML aliases (*name)");
  if (count === 0) return;
  try {
    doc.toJS({ maxAliasCount: max });
  } catch (error) {
    if (error instanceof ReferenceError && /alias/i.test(error.message)) {
      if (/excessive/i.test(error.message)) throw refuse2("the file's YAML aliases (*name) expand it too much");
      throw new UserError(`invalid YAML: ${error.message.slice(0, 120)}`, { file: shown });
    }
    throw error;
  }
}
function withOverrides(root, overrides) {
  const { doc } = root.source;
  if (!isMap(doc.contents)) doc.contents = doc.createNode({});
  for (const [key, value] of Object.entries(overrides)) doc.setIn(key.split("."), doc.createNode(value));
  const node = doc.contents;
  return { ...root, node, line: lineOf(root.source, node) ?? 1 };
}
function resolve2(source, node) {
  return isAlias(node) ? node.resolve(source.doc) ?? null : node;
}
function lineOf(source, node) {
  const range = node?.range;
  return range ? source.lines.linePos(range[0]).line : void 0;
}
function fail(field, message) {
  throw new UserError(message, { file: field.source.file, line: field.line, field: field.path || void 0 });
}
function label(field) {
  return field.path ? `\`${field.path}\`` : "the file";
}
function found(field) {
  const { node } = field;
  if (node === null || isScalar(node) && node.value === null) return "nothing";
  if (isMap(node)) return "a mapping";
  if (isSeq(node)) return "a list";
  if (isScalar(node)) {
    const value = node.value;
    return typeof value === "string" ? `the string ${quote(value)}` : excerpt(String(value));
  }
  return "something else";
}
function expected(field, what) {
  fail(field, `${label(field)} must be ${what}, got ${found(field)}`);
}
function child(parent, path, node, keyLine) {
  const resolved = resolve2(parent.source, node);
  return { source: parent.source, path, node: resolved, line: lineOf(parent.source, resolved) ?? keyLine, keyLine };
}
function join2(parent, key) {
  return parent.path ? `${parent.path}.${key}` : key;
}
function isPresent(field) {
  return field !== void 0 && field.node !== null && !(isScalar(field.node) && field.node.value === null);
}
function mapping(field, allowed) {
  if (!isMap(field.node)) expected(field, "a mapping of keys to values");
  const entries = /* @__PURE__ */ new Map();
  for (const pair of field.node.items) {
    const keyNode = pair.key;
    const keyLine = lineOf(field.source, keyNode) ?? field.line;
    const key = isScalar(keyNode) ? String(keyNode.value) : typeof keyNode === "string" ? keyNode : void 0;
    if (key === void 0) fail({ ...field, line: keyLine }, `keys in ${label(field)} must be plain names`);
    if (allowed && !allowed.includes(key)) {
      const path = join2(field, key);
      throw new UserError(`unknown key ${showName(path)}${didYouMean(key, allowed)}; expected one of: ${allowed.join(", ")}`, {
        file: field.source.file,
        line: keyLine,
        field: excerpt(path)
      });
    }
    entries.set(key, child(field, join2(field, key), pair.value, keyLine));
  }
  return entries;
}
function required(entries, key, parent, what) {
  const field = entries.get(key);
  const line = field?.keyLine ?? parent.keyLine;
  if (isPresent(field)) return field;
  const path = join2(parent, key);
  return fail({ ...parent, line, path }, `missing required key \`${path}\`: ${what}`);
}
function items(field) {
  if (!isSeq(field.node)) expected(field, "a list");
  return field.node.items.map((node, i) => child(field, `${field.path}[${i}]`, node, field.line));
}
function scalar(field) {
  return isScalar(field.node) ? field.node.value : void 0;
}
function string(field) {
  const value = scalar(field);
  if (typeof value !== "string" || value.trim() === "") expected(field, "a non-empty string");
  return value;
}
function boolean(field) {
  const value = scalar(field);
  if (typeof value !== "boolean") expected(field, "true or false");
  return value;
}
function oneOf(field, values) {
  const value = scalar(field);
  if (typeof value === "string" && values.includes(value)) return value;
  const hint = typeof value === "string" ? didYouMean(value, values) : "";
  return fail(field, `${label(field)} must be one of ${values.join(", ")}, got ${found(field)}${hint}`);
}
function describeRange(range) {
  const kind = range.integer ? "an integer" : "a number";
  const { min, max } = range;
  if (min !== void 0 && max !== void 0) {
    return `${kind} in ${range.minExclusive ? "(" : "["}${min}, ${max}${range.maxExclusive ? ")" : "]"}`;
  }
  if (min !== void 0) return `${kind} ${range.minExclusive ? ">" : "\u2265"} ${min}`;
  if (max !== void 0) return `${kind} ${range.maxExclusive ? "<" : "\u2264"} ${max}`;
  return kind;
}
function number(field, range = {}) {
  const value = scalar(field);
  const ok = typeof value === "number" && Number.isFinite(value) && (!range.integer || Number.isInteger(value)) && (range.min === void 0 || (range.minExclusive ? value > range.min : value >= range.min)) && (range.max === void 0 || (range.maxExclusive ? value < range.max : value <= range.max));
  if (!ok) expected(field, describeRange(range));
  if (range.limit && value > limit(range.limit)) fail(field, `${label(field)} is ${value}, ${overLimit(range.limit)}`);
  return value;
}
function stringList(field) {
  const values = items(field).map(string);
  const seen = /* @__PURE__ */ new Set();
  items(field).forEach((item, i) => {
    if (seen.has(values[i])) fail(item, `\`${field.path}\` lists ${JSON.stringify(values[i])} twice`);
    seen.add(values[i]);
  });
  return values;
}
function plain(field) {
  return field.node === null ? null : field.node.toJSON();
}
function optional(entries, key, read, fallback) {
  const field = entries.get(key);
  return field === void 0 ? fallback : read(field);
}

// src/config/params.ts
var ACTIVATIONS = ["relu", "tanh", "sigmoid", "elu", "selu", "linear"];
var OPTIMIZERS = ["adam", "sgd", "rmsprop", "adagrad"];
var DEFAULT_MODEL_PARAMS = { hiddenUnits: [16], activation: "relu", dropout: 0 };
var DEFAULT_TRAIN_PARAMS = {
  epochs: 50,
  batchSize: 32,
  learningRate: 1e-3,
  optimizer: "adam",
  seed: 42,
  validationSplit: 0
};
var DEFAULT_EARLY_STOPPING = { patience: 10, minDelta: 0 };
var MODEL_KEYS = ["hidden_units", "activation", "dropout"];
var TRAIN_KEYS = ["epochs", "batch_size", "learning_rate", "optimizer", "seed", "validation_split", "early_stopping"];
var EARLY_STOPPING_KEYS = ["patience", "min_delta"];
var UNITS = { integer: true, min: 1, limit: "units" };
var SEED = { integer: true, min: 0, max: 2 ** 32 - 1 };
async function loadParams(file, overrides = {}) {
  const read = await readYamlFile(file);
  const keys = Object.keys(overrides);
  if (keys.length === 0 && !isPresent(read)) return { model: readModel(void 0), train: readTrain(void 0), flat: {} };
  const root = keys.length > 0 ? withOverrides(read, overrides) : read;
  try {
    const sections = mapping(root, null);
    checkKeys(root);
    const model = readModel(sections.get("model"));
    const train = readTrain(sections.get("train"));
    return { model, train, flat: flatten(plain(root)) };
  } catch (error) {
    const key = error instanceof UserError ? keys.find((k) => error.location.field?.startsWith(k)) : void 0;
    if (key === void 0) throw error;
    throw new UserError(`${error.message} (the value ${JSON.stringify(overrides[key])} comes from the config's sweep)`, {
      field: `sweep.${key}`
    });
  }
}
var KEY = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,63}$/;
function checkKeys(field) {
  if (isMap(field.node)) {
    for (const [key, inner] of mapping(field, null)) {
      if (!KEY.test(key)) {
        const where = field.path ? `a key of \`${field.path}\`` : "a top-level key";
        fail(
          { ...inner, line: inner.keyLine, path: field.path },
          `${where} is not a params name (letters, digits, _ . -, at most 64 characters); is this file a params file?`
        );
      }
      checkKeys(inner);
    }
  } else if (isSeq(field.node)) {
    items(field).forEach(checkKeys);
  }
}
function readModel(field) {
  if (!isPresent(field)) return { ...DEFAULT_MODEL_PARAMS, hiddenUnits: [...DEFAULT_MODEL_PARAMS.hiddenUnits] };
  const keys = mapping(field, MODEL_KEYS);
  const d = DEFAULT_MODEL_PARAMS;
  return {
    hiddenUnits: optional(keys, "hidden_units", hiddenUnits, [...d.hiddenUnits]),
    activation: optional(keys, "activation", (f) => oneOf(f, ACTIVATIONS), d.activation),
    dropout: optional(keys, "dropout", (f) => number(f, { min: 0, max: 1, maxExclusive: true }), d.dropout)
  };
}
function hiddenUnits(field) {
  if (isScalar(field.node)) return [number(field, UNITS)];
  const layers = items(field);
  if (layers.length > limit("layers")) fail(field, `\`${field.path}\` lists ${layers.length} layers, ${overLimit("layers")}`);
  return layers.map((item) => number(item, UNITS));
}
function readTrain(field) {
  if (!isPresent(field)) return { ...DEFAULT_TRAIN_PARAMS };
  const keys = mapping(field, TRAIN_KEYS);
  const d = DEFAULT_TRAIN_PARAMS;
  const params = {
    epochs: optional(keys, "epochs", (f) => number(f, { integer: true, min: 1, limit: "epochs" }), d.epochs),
    batchSize: optional(keys, "batch_size", (f) => number(f, { integer: true, min: 1, limit: "batchSize" }), d.batchSize),
    learningRate: optional(keys, "learning_rate", (f) => number(f, { min: 0, minExclusive: true, max: 10 }), d.learningRate),
    optimizer: optional(keys, "optimizer", (f) => oneOf(f, OPTIMIZERS), d.optimizer),
    seed: optional(keys, "seed", (f) => number(f, SEED), d.seed),
    validationSplit: optional(keys, "validation_split", (f) => number(f, { min: 0, max: 1, maxExclusive: true }), d.validationSplit)
  };
  const earlyStopping = keys.get("early_stopping");
  const stopping = earlyStopping && readEarlyStopping(earlyStopping);
  if (earlyStopping && stopping) {
    if (params.validationSplit === 0) {
      fail(earlyStopping, "`train.early_stopping` watches the validation loss, so it needs `train.validation_split` > 0");
    }
    params.earlyStopping = stopping;
  }
  return params;
}
function readEarlyStopping(field) {
  if (!isPresent(field)) return void 0;
  if (isScalar(field.node)) return boolean(field) ? { ...DEFAULT_EARLY_STOPPING } : void 0;
  const keys = mapping(field, EARLY_STOPPING_KEYS);
  const d = DEFAULT_EARLY_STOPPING;
  return {
    patience: optional(keys, "patience", (f) => number(f, { integer: true, min: 1 }), d.patience),
    minDelta: optional(keys, "min_delta", (f) => number(f, { min: 0 }), d.minDelta)
  };
}
function flatten(value, prefix = "", out = {}) {
  if (value !== null && typeof value === "object" && !Array.isArray(value)) {
    for (const [key, inner] of Object.entries(value)) flatten(inner, prefix ? `${prefix}.${key}` : key, out);
  } else if (prefix) {
    out[prefix] = Array.isArray(value) ? JSON.stringify(value) : value;
  }
  return out;
}

// src/config/load.ts
var ROOT_KEYS = ["name", "task", "data", "params", "watch", "backend", "metrics", "sweep", "card"];
var CARD_KEYS = ["description", "intended_use", "limitations", "license"];
var MAX_CARD_TEXT = 4e3;
var DATA_KEYS = ["train", "test", "split", "target", "features", "categorical", "categorical_columns", "gate"];
var DATA_GATE_KEYS = ["max_removed_share", "max_psi"];
var SPLIT_KEYS = ["test", "seed", "stratify", "method"];
var METRIC_KEYS = ["name", "direction", "gate"];
var GATE_KEYS = ["tolerance", "threshold", "confidence", "beats"];
var CONFIDENCE_RANGE = { min: 0.5, max: 0.999 };
var DIRECTIONS = ["higher", "lower"];
var ENCODINGS = ["one-hot", "index"];
var DEFAULT_PARAMS_FILE = "params.yaml";
var DEFAULT_SPLIT = { test: 0.2, seed: 42, method: "hash" };
async function loadConfig(file, opts = {}) {
  const named = resolve3(file);
  const repoRoot = await realpath2(opts.repoRoot ?? repositoryRoot(dirname2(named))).catch(() => resolve3(opts.repoRoot ?? dirname2(named)));
  const at = { file: opts.text?.shown ?? displayPath(named), field: "config" };
  const confined = confinePath(repoRoot, repoRoot, relative2(repoRoot, named) || ".", at);
  const configFile = opts.text ? confined : await realInput(repoRoot, confined, at);
  const root = dirname2(configFile);
  const doc = opts.text ? parseYaml(opts.text.content, opts.text.shown) : await readYamlFile(configFile);
  if (!isPresent(doc)) fail(doc, "the config is empty; it needs at least `name`, `task` and `data`");
  const keys = mapping(doc, ROOT_KEYS);
  const name = string(required(keys, "name", doc, "the model name, e.g. `name: churn`"));
  if (!MODEL_NAME.test(name)) {
    fail(
      keys.get("name"),
      `\`name\` must be lowercase letters and digits, optionally joined by single . _ or - (it names the Docker image and the serving URL), got ${JSON.stringify(name)}`
    );
  }
  const task = oneOf(required(keys, "task", doc, `one of ${TASKS.join(", ")}`), TASKS);
  const data = readData(required(keys, "data", doc, "the training data, e.g. `data: { train: data/train.csv, target: label }`"), task, root, repoRoot);
  const paramsField = keys.get("params");
  const params = paramsField ? confinedPath(paramsField, root, repoRoot) : confinePath(repoRoot, root, DEFAULT_PARAMS_FILE, { file: doc.source.file, field: "params" });
  const watched = [data.train, ...data.test ? [data.test] : [], params, configFile];
  const watch = optional(keys, "watch", (f) => readWatch(f, repoRoot), defaultWatch(watched, repoRoot));
  const backend = optional(keys, "backend", (f) => oneOf(f, BACKENDS), "auto");
  const metrics = optional(keys, "metrics", (f) => readMetrics(f, task), defaultMetrics(task).map(catalogMetric));
  const sweep = keys.get("sweep");
  const card = keys.get("card");
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
    ...sweep ? { sweep: readSweep(sweep) } : {},
    ...card ? { card: readCard(card) } : {}
  };
}
function readCard(field) {
  const keys = mapping(field, CARD_KEYS);
  const text = (key) => {
    const value = keys.get(key);
    if (!value) return void 0;
    const read = string(value);
    if (read.length > MAX_CARD_TEXT) fail(value, `at most ${MAX_CARD_TEXT} characters, got ${read.length}`);
    return read;
  };
  const license = text("license");
  if (license !== void 0 && !/^[A-Za-z0-9.+-]{1,64}$/.test(license)) {
    fail(keys.get("license"), `expected an SPDX licence identifier such as mit or apache-2.0, got ${JSON.stringify(license.slice(0, 40))}`);
  }
  const card = {};
  const description = text("description");
  const intendedUse = text("intended_use");
  const limitations = text("limitations");
  if (description !== void 0) card.description = description;
  if (intendedUse !== void 0) card.intendedUse = intendedUse;
  if (limitations !== void 0) card.limitations = limitations;
  if (license !== void 0) card.license = license;
  return card;
}
var SWEEPABLE = [
  "model.hidden_units",
  "model.activation",
  "model.dropout",
  "train.epochs",
  "train.batch_size",
  "train.learning_rate",
  "train.optimizer",
  "train.seed",
  "train.validation_split"
];
var MAX_SWEEP_CANDIDATES = 64;
function readSweep(field) {
  const grid = {};
  for (const [key, values] of mapping(field, SWEEPABLE)) {
    const list = items(values).map(plain);
    if (list.length === 0) expected(values, "a non-empty list of values to try");
    grid[key] = list;
  }
  if (Object.keys(grid).length === 0) expected(field, `params to vary, e.g. \`train.learning_rate: [0.001, 0.01]\` (any of ${SWEEPABLE.join(", ")})`);
  const size = Object.values(grid).reduce((n, list) => n * list.length, 1);
  if (size > MAX_SWEEP_CANDIDATES) fail(field, `the sweep makes ${size} candidates; at most ${MAX_SWEEP_CANDIDATES} (each is a training job)`);
  return grid;
}
function confinedPath(field, base, repoRoot) {
  return confinePath(repoRoot, base, string(field), { file: field.source.file, line: field.line, field: field.path });
}
function readData(field, task, root, repoRoot) {
  const keys = mapping(field, DATA_KEYS);
  const classification = task !== "regression";
  const path = (f) => confinedPath(f, root, repoRoot);
  const target = string(required(keys, "target", field, "the column to predict"));
  const notTarget = (list, names, what) => {
    const at = names.indexOf(target);
    if (at >= 0) fail(items(list)[at], `\`${list.path}\` lists the target column ${JSON.stringify(target)}; ${what}`);
    return names;
  };
  const data = {
    train: path(required(keys, "train", field, "the training CSV, e.g. `train: data/train.csv`")),
    target,
    categorical: optional(keys, "categorical", (f) => oneOf(f, ENCODINGS), "one-hot")
  };
  const features = keys.get("features");
  if (features) {
    const names = stringList(features);
    if (names.length === 0) expected(features, "a non-empty list of column names");
    data.features = notTarget(features, names, "the target cannot also be an input");
  }
  const categoricalColumns = keys.get("categorical_columns");
  if (categoricalColumns) {
    const what = classification ? "the target of a classification is always read as labels" : "a regression target must be numeric";
    data.categoricalColumns = notTarget(categoricalColumns, stringList(categoricalColumns), what);
  }
  const gate = keys.get("gate");
  if (gate) data.gate = readDataGate(gate);
  const test = keys.get("test");
  const split = keys.get("split");
  if (test && split) fail(split, "give either `data.test` (a test file) or `data.split` (hold out rows of the training file), not both");
  if (test) data.test = path(test);
  else data.split = split ? readSplit(split, classification) : { ...DEFAULT_SPLIT, stratify: classification };
  return data;
}
function readDataGate(field) {
  const keys = mapping(field, DATA_GATE_KEYS);
  const gate = {};
  const removed = keys.get("max_removed_share");
  if (removed) gate.maxRemovedShare = number(removed, { min: 0, max: 1 });
  const psi = keys.get("max_psi");
  if (psi) gate.maxPsi = number(psi, { min: 0, minExclusive: true });
  if (gate.maxRemovedShare === void 0 && gate.maxPsi === void 0) expected(field, "a mapping with `max_removed_share` and/or `max_psi`");
  return gate;
}
function readSplit(field, classification) {
  const keys = mapping(field, SPLIT_KEYS);
  const stratify = keys.get("stratify");
  if (stratify && boolean(stratify) && !classification) {
    fail(stratify, "`data.split.stratify` keeps class proportions, so it applies to classification only");
  }
  return {
    test: optional(keys, "test", (f) => number(f, { min: 0, max: 1, minExclusive: true, maxExclusive: true }), DEFAULT_SPLIT.test),
    seed: optional(keys, "seed", (f) => number(f, { integer: true, min: 0, max: 2 ** 32 - 1 }), DEFAULT_SPLIT.seed),
    stratify: stratify ? boolean(stratify) : classification,
    method: optional(keys, "method", (f) => oneOf(f, SPLIT_METHODS), DEFAULT_SPLIT.method)
  };
}
function toPosix(path) {
  return path.split(sep2).join("/");
}
function defaultWatch(files, repoRoot) {
  const inside2 = files.map((file) => relative2(repoRoot, file)).filter((rel) => rel !== "" && !rel.startsWith("..") && !isAbsolute2(rel));
  return [...new Set(inside2.map(toPosix))];
}
function readWatch(field, repoRoot) {
  const patterns = stringList(field);
  for (const [i, item] of items(field).entries()) {
    confinePath(repoRoot, repoRoot, patterns[i].replace(/^!/, ""), { file: item.source.file, line: item.line, field: item.path });
  }
  if (patterns.length === 0) expected(field, "a non-empty list of path patterns");
  return patterns;
}
function catalogMetric(name) {
  return { name, direction: METRICS[name].direction };
}
function readMetrics(field, task) {
  const list = items(field).map((item) => readMetric(item, task));
  if (list.length === 0) expected(field, "a non-empty list of metrics");
  const seen = /* @__PURE__ */ new Set();
  list.forEach((metric, i) => {
    if (seen.has(metric.name)) fail(items(field)[i], `metric \`${metric.name}\` is listed twice`);
    seen.add(metric.name);
  });
  return list;
}
function readMetric(field, task) {
  const keys = isMap(field.node) ? mapping(field, METRIC_KEYS) : void 0;
  const nameField = keys ? required(keys, "name", field, "the metric name, e.g. `name: accuracy`") : field;
  const name = string(nameField);
  const info = METRICS[name];
  if (!info) {
    fail(nameField, `unknown metric ${JSON.stringify(name)}${didYouMean(name, Object.keys(METRICS))}; metrics for ${task}: ${defaultMetrics(task).join(", ")}`);
  }
  if (!info.tasks.includes(task)) {
    fail(nameField, `metric \`${name}\` does not apply to ${task}; metrics for ${task}: ${defaultMetrics(task).join(", ")}`);
  }
  const metric = catalogMetric(name);
  if (keys) {
    metric.direction = optional(keys, "direction", (f) => oneOf(f, DIRECTIONS), info.direction);
    const gate = keys.get("gate");
    if (gate) metric.gate = readGate(gate, task);
  }
  return metric;
}
function referencesFor(task) {
  return task === "regression" ? ["mean", "linear"] : ["majority", "prior", "linear"];
}
function readBeats(field, task) {
  const names = stringList(field);
  if (names.length === 0) expected(field, `a non-empty list of reference models (${referencesFor(task).join(", ")})`);
  items(field).forEach((item) => {
    const name = oneOf(item, REFERENCE_NAMES);
    if (!referencesFor(task).includes(name))
      fail(item, `reference model \`${name}\` does not apply to ${task}; its reference models: ${referencesFor(task).join(", ")}`);
  });
  return names;
}
var PERCENT = /^(\d+(?:\.\d+)?)\s*%$/;
function readGate(field, task) {
  const keys = mapping(field, GATE_KEYS);
  const gate = {};
  const tolerance = keys.get("tolerance");
  if (tolerance) {
    const text = isScalar(tolerance.node) ? tolerance.node.value : void 0;
    const percent = typeof text === "string" ? PERCENT.exec(text.trim()) : null;
    if (percent) {
      gate.tolerance = Number(percent[1]) / 100;
      gate.relative = true;
    } else if (typeof text === "string") {
      expected(tolerance, 'a number (absolute) or a percentage such as "2%" (relative to main)');
    } else {
      gate.tolerance = number(tolerance, { min: 0 });
    }
  }
  const threshold = keys.get("threshold");
  if (threshold) gate.threshold = number(threshold);
  const confidence = keys.get("confidence");
  if (confidence) {
    gate.confidence = number(confidence, CONFIDENCE_RANGE);
    if (gate.tolerance === void 0) expected(confidence, "set only beside a `tolerance` (`tolerance: 0` fails any significant regression)");
  }
  const beats = keys.get("beats");
  if (beats) gate.beats = readBeats(beats, task);
  if (gate.tolerance === void 0 && gate.threshold === void 0 && gate.beats === void 0) {
    expected(field, "a mapping with `tolerance`, `threshold` and/or `beats`");
  }
  return gate;
}

export {
  confineInputs,
  loadParams,
  DEFAULT_PARAMS_FILE,
  DEFAULT_SPLIT,
  loadConfig,
  SWEEPABLE,
  MAX_SWEEP_CANDIDATES
};
