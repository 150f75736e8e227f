import { createRequire as __mcCreateRequire } from 'node:module'; import { fileURLToPath as __mcFileURLToPath } from 'node:url'; import { dirname as __mcDirname } from 'node:path'; const require = __mcCreateRequire(import.meta.url); const __filename = __mcFileURLToPath(import.meta.url); const __dirname = __mcDirname(__filename);
import {
  DRIFT_BINS,
  DRIFT_CATEGORY_BINS,
  featureWidth
} from "./cli-chunk-5cf8645060.js";
import {
  hashModel
} from "./cli-chunk-5595f77bb2.js";
import {
  ARTIFACT_FILES
} from "./cli-chunk-4293b75db3.js";
import {
  TASKS
} from "./cli-chunk-40530c68dd.js";
import {
  displayPath
} from "./cli-chunk-25be3d0a7c.js";
import {
  UserError
} from "./cli-chunk-55db69e02f.js";

// src/model/model-files.ts
import { readFile } from "node:fs/promises";
import { join, relative, resolve, sep } from "node:path";
var BYTES_PER_ELEMENT = { float32: 4, int32: 4, bool: 1, complex64: 8, uint8: 1, uint16: 2, float16: 2 };
async function readModelFiles(dir) {
  const root = resolve(dir);
  const modelJsonBytes = await readRequired(root, ARTIFACT_FILES.modelJson);
  const modelJson = parseJson(modelJsonBytes, join(root, ARTIFACT_FILES.modelJson));
  const { modelTopology, weightSpecs, paths } = checkModelJson(modelJson, join(root, ARTIFACT_FILES.modelJson));
  const shards = [];
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
  const run = runBytes ? checkRun(parseJson(runBytes, join(root, ARTIFACT_FILES.run)), join(root, ARTIFACT_FILES.run)) : void 0;
  const weightData = weights.buffer.slice(weights.byteOffset, weights.byteOffset + weights.byteLength);
  return {
    dir: root,
    modelTopology,
    weightSpecs,
    weightData,
    preprocessing,
    metrics,
    run,
    contentHash: hashModel({ modelJson: modelJsonBytes, weights, preprocessing: preprocessingBytes.toString("utf8") })
  };
}
async function readRequired(root, name) {
  const file = resolve(root, name);
  try {
    return await readFile(file);
  } catch (error) {
    const code = error.code;
    const why = code === "ENOENT" ? "is missing from the model folder" : `cannot be read (${code ?? String(error)})`;
    throw new UserError(`${name} ${why}; a model folder holds model.json, weights.bin and preprocessing.json`, { file: displayPath(file) });
  }
}
async function readOptional(file) {
  try {
    return await readFile(file);
  } catch (error) {
    if (error.code === "ENOENT") return void 0;
    throw new UserError(`cannot be read (${error.code ?? String(error)})`, { file: displayPath(file) });
  }
}
function parseJson(bytes, file) {
  try {
    return JSON.parse(bytes.toString("utf8"));
  } catch (error) {
    throw new UserError(`is not valid JSON: ${error.message}`, { file: displayPath(file) });
  }
}
function fail(file, field, expected) {
  throw new UserError(`expected ${expected}`, { file: displayPath(file), field });
}
var isObject = (value) => typeof value === "object" && value !== null && !Array.isArray(value);
var isFiniteNumber = (value) => typeof value === "number" && Number.isFinite(value);
function checkModelJson(value, file) {
  if (!isObject(value)) fail(file, "model.json", "a TF.js layers model (an object with modelTopology and weightsManifest)");
  if (value.format !== void 0 && value.format !== "layers-model") {
    fail(file, "format", `"layers-model" (got ${JSON.stringify(value.format)}; graph models are not served)`);
  }
  if (!isObject(value.modelTopology)) fail(file, "modelTopology", "an object (the Keras model config)");
  if (!Array.isArray(value.weightsManifest)) fail(file, "weightsManifest", "an array of { paths, weights }");
  const weightSpecs = [];
  const paths = [];
  value.weightsManifest.forEach((group, g) => {
    if (!isObject(group) || !Array.isArray(group.paths) || !Array.isArray(group.weights)) {
      fail(file, `weightsManifest[${g}]`, "an object with paths (file names) and weights (specs)");
    }
    group.paths.forEach((path, p) => {
      if (typeof path !== "string" || path === "") fail(file, `weightsManifest[${g}].paths[${p}]`, "a file name");
      paths.push(path);
    });
    group.weights.forEach((spec, w) => {
      const where = `weightsManifest[${g}].weights[${w}]`;
      if (!isObject(spec) || typeof spec.name !== "string" || typeof spec.dtype !== "string") fail(file, where, "an object with name, shape and dtype");
      if (!Array.isArray(spec.shape) || !spec.shape.every((d) => Number.isInteger(d) && d >= 0))
        fail(file, `${where}.shape`, "an array of non-negative integers");
      const elementType = isObject(spec.quantization) && typeof spec.quantization.dtype === "string" ? spec.quantization.dtype : spec.dtype;
      if (!(elementType in BYTES_PER_ELEMENT)) fail(file, `${where}.dtype`, `one of ${Object.keys(BYTES_PER_ELEMENT).join(", ")}`);
      weightSpecs.push(spec);
    });
  });
  return { modelTopology: value.modelTopology, weightSpecs, paths };
}
function shardPath(root, path) {
  const full = resolve(root, path);
  if (!full.startsWith(root + sep)) {
    throw new UserError(`weight file ${JSON.stringify(path)} is outside the model folder`, {
      file: displayPath(join(root, ARTIFACT_FILES.modelJson)),
      field: "weightsManifest"
    });
  }
  return relative(root, full);
}
function checkWeightBytes(specs, actual, paths, root) {
  const expected = specs.reduce((sum, spec) => {
    const elementType = spec.quantization?.dtype ?? spec.dtype;
    return sum + spec.shape.reduce((n, d) => n * d, 1) * BYTES_PER_ELEMENT[elementType];
  }, 0);
  if (expected !== actual) {
    throw new UserError(
      `${paths.length === 1 ? "holds" : `with ${paths.slice(1).join(", ")} hold`} ${actual} bytes but model.json's weightsManifest describes ${expected}: the weights do not belong to this model.json, or the file is truncated`,
      { file: displayPath(join(root, paths[0] ?? ARTIFACT_FILES.weights)) }
    );
  }
}
function checkPreprocessing(value, file) {
  if (!isObject(value)) fail(file, "preprocessing.json", "an object");
  if (value.version !== 1) fail(file, "version", `1 (got ${JSON.stringify(value.version)})`);
  if (!TASKS.includes(value.task)) fail(file, "task", `one of ${TASKS.join(", ")}`);
  if (typeof value.target !== "string") fail(file, "target", "the name of the target column");
  if (!Array.isArray(value.features) || value.features.length === 0) fail(file, "features", "a non-empty array of feature specs");
  const names = /* @__PURE__ */ new Set();
  const features = value.features.map((feature, i) => {
    const spec = checkFeature(feature, file, `features[${i}]`);
    if (names.has(spec.name)) fail(file, `features[${i}].name`, `a unique name (${JSON.stringify(spec.name)} appears twice)`);
    names.add(spec.name);
    return spec;
  });
  const width = features.reduce((sum, f) => sum + featureWidth(f), 0);
  if (value.inputSize !== width) fail(file, "inputSize", `${width}, the total width of the features (got ${JSON.stringify(value.inputSize)})`);
  const task = value.task;
  if (task !== "regression") {
    const count = task === "binary-classification" ? "exactly 2" : "at least 2";
    const classes = value.classes;
    if (!Array.isArray(classes) || !classes.every((c) => typeof c === "string") || (task === "binary-classification" ? classes.length !== 2 : classes.length < 2)) {
      fail(file, "classes", `${count} class labels (strings) for ${task}`);
    }
  }
  if (value.predictionDrift !== void 0) {
    const bins = task === "regression" ? void 0 : value.classes.length;
    checkDrift(value.predictionDrift, file, "predictionDrift", task === "regression" ? "numeric" : "categorical", bins);
  }
  if (value.targetScale !== void 0) {
    const scale = value.targetScale;
    if (!isObject(scale) || !isFiniteNumber(scale.mean) || !isFiniteNumber(scale.std) || scale.std <= 0) {
      fail(file, "targetScale", "{ mean, std } with a positive std");
    }
  }
  return value;
}
function checkFeature(value, file, where) {
  if (!isObject(value) || typeof value.name !== "string" || value.name === "") fail(file, `${where}.name`, "a non-empty feature name");
  if (value.kind === "numeric") {
    if (!isFiniteNumber(value.mean)) fail(file, `${where}.mean`, "a finite number");
    if (!isFiniteNumber(value.std) || value.std <= 0) fail(file, `${where}.std`, "a positive number");
    for (const bound of ["min", "max"]) {
      if (value[bound] !== void 0 && !isFiniteNumber(value[bound])) fail(file, `${where}.${bound}`, "a finite number");
    }
    if (value.drift !== void 0) checkDrift(value.drift, file, `${where}.drift`, "numeric");
  } else if (value.kind === "categorical") {
    if (value.encoding !== "one-hot" && value.encoding !== "index") fail(file, `${where}.encoding`, '"one-hot" or "index"');
    if (!Array.isArray(value.categories) || !value.categories.every((c) => typeof c === "string")) fail(file, `${where}.categories`, "an array of strings");
    if (value.drift !== void 0) checkDrift(value.drift, file, `${where}.drift`, "categorical", value.categories.length);
  } else {
    fail(file, `${where}.kind`, '"numeric" or "categorical"');
  }
  return value;
}
function checkDrift(value, file, where, kind, categories) {
  if (!isObject(value) || !Array.isArray(value.shares) || !value.shares.every((s) => isFiniteNumber(s) && s >= 0)) {
    fail(file, `${where}.shares`, "an array of bin shares (numbers \u2265 0)");
  }
  const bins = value.shares.length;
  const limit = kind === "numeric" ? DRIFT_BINS : DRIFT_CATEGORY_BINS;
  if (bins === 0 || bins > limit) fail(file, `${where}.shares`, `1 to ${limit} bins (got ${bins})`);
  if (kind === "numeric") {
    const edges = value.edges;
    if (!Array.isArray(edges) || edges.length !== bins - 1 || !edges.every((e, i) => isFiniteNumber(e) && (i === 0 || e > edges[i - 1]))) {
      fail(file, `${where}.edges`, `${bins - 1} ascending finite cut points, one fewer than the shares`);
    }
    return;
  }
  const categoryBins = value.categoryBins;
  if (categoryBins === void 0) {
    if (bins !== categories) fail(file, `${where}.shares`, `one share per category (${categories}), got ${bins}`);
  } else if (!Array.isArray(categoryBins) || categoryBins.length !== categories || !categoryBins.every((b) => Number.isInteger(b) && b >= 0 && b < bins)) {
    fail(file, `${where}.categoryBins`, `one bin index (0 to ${bins - 1}) per category (${categories})`);
  }
}
function checkMetrics(value, file) {
  if (!isObject(value)) fail(file, "metrics.json", "an object of metric name \u2192 number");
  for (const [name, metric] of Object.entries(value)) {
    if (typeof metric !== "number") fail(file, name, "a number");
  }
  return value;
}
function checkRun(value, file) {
  if (!isObject(value) || value.schema !== 1) fail(file, "schema", "run.json schema 1");
  if (!isObject(value.hashes)) fail(file, "hashes", "an object of content hashes");
  return value;
}

export {
  readModelFiles,
  checkPreprocessing
};
