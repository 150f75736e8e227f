import { createRequire as __mcCreateRequire } from 'node:module'; import { fileURLToPath as __mcFileURLToPath } from 'node:url'; import { dirname as __mcDirname } from 'node:path'; const require = __mcCreateRequire(import.meta.url); const __filename = __mcFileURLToPath(import.meta.url); const __dirname = __mcDirname(__filename);
import {
  encodeInstances
} from "./cli-chunk-8e297c67c6.js";
import {
  readModelFiles
} from "./cli-chunk-649b7577f9.js";
import {
  featureWidth
} from "./cli-chunk-5cf8645060.js";
import {
  predictionFormatter
} from "./cli-chunk-c63c95fa23.js";
import {
  ARTIFACT_FILES
} from "./cli-chunk-4293b75db3.js";
import {
  BACKENDS
} from "./cli-chunk-40530c68dd.js";
import {
  displayPath
} from "./cli-chunk-25be3d0a7c.js";
import {
  UserError
} from "./cli-chunk-55db69e02f.js";

// src/model/predictor.ts
import { join as join3 } from "node:path";

// src/model/engine.ts
import { existsSync as existsSync2 } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join as join2 } from "node:path";
import { fileURLToPath } from "node:url";

// src/model/native.ts
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { createReadStream, existsSync } from "node:fs";
import { mkdir, mkdtemp, readdir, readFile, readlink, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { promisify } from "node:util";
var NATIVE_VERSION = "4.22.0";
var NATIVE_INTEGRITY = {
  "@tensorflow/tfjs-node": "sha512-uHrXeUlfgkMxTZqHkESSV7zSdKdV0LlsBeblqkuKU9nnfxB1pC6DtoyYVaLxznzZy7WQSegjcohxxCjAf6Dc7w==",
  "@tensorflow/tfjs-node-gpu": "sha512-p//NN6DGiN4hInUmIkRffaFVMcdTREUMjPyjW04J7OXvB2zBlQimj61eFKSgRrH3f5TnOfKzb0n56he/B6a4bw=="
};
var MANIFEST = "model-ci-manifest.json";
var NativeRefused = class extends Error {
  folder;
  constructor(message, folder) {
    super(message);
    this.folder = folder;
  }
};
var jobHoldsSecrets = false;
var installedHere = /* @__PURE__ */ new Map();
function toolCacheFolder(packageName, toolCache = process.env.RUNNER_TOOL_CACHE) {
  return toolCache ? join(toolCache, "model-ci", packageName.replace("/", "+"), NATIVE_VERSION) : void 0;
}
async function nativeFolder(packageName, workspace, options = {}) {
  const secrets = options.secrets ?? jobHoldsSecrets;
  if (has(workspace, packageName)) {
    if (!secrets) return workspace;
    options.log?.(`not loading ${packageName} from the workspace: this job holds secrets and the workspace may hold a pull request's files`);
  }
  const folder = secrets ? jobFolder(packageName, options.runnerTemp) : toolCacheFolder(packageName, options.toolCache);
  if (!folder) return void 0;
  if (has(folder, packageName)) {
    const refusal = secrets ? await unlessInstalledHere(folder) : await unlessManifestMatches(folder, packageName);
    if (!refusal) {
      options.log?.(`${packageName} ${NATIVE_VERSION} verified in ${folder}`);
      return folder;
    }
    if (!options.install) throw new NativeRefused(`refused: ${refusal}`, folder);
    options.log?.(`notice: refusing ${packageName} in ${folder}: ${refusal}; reinstalling it`);
  }
  if (!options.install) return void 0;
  await install(packageName, folder, options);
  return folder;
}
function has(folder, packageName) {
  return existsSync(join(folder, "node_modules", packageName, "package.json"));
}
function jobFolder(packageName, runnerTemp = process.env.RUNNER_TEMP) {
  return runnerTemp ? join(runnerTemp, "model-ci-native", packageName.replace("/", "+"), NATIVE_VERSION) : void 0;
}
async function unlessInstalledHere(folder) {
  const recorded = installedHere.get(folder);
  if (!recorded) return "this job holds secrets and did not install it itself";
  return await treeHash(folder) === recorded ? void 0 : "its files changed since this job installed them";
}
async function unlessManifestMatches(folder, packageName) {
  let manifest;
  try {
    manifest = JSON.parse(await readFile(join(folder, MANIFEST), "utf8"));
  } catch {
    return `it has no readable ${MANIFEST}: model-ci did not install it`;
  }
  if (manifest.package !== packageName || manifest.version !== NATIVE_VERSION || manifest.integrity !== NATIVE_INTEGRITY[packageName]) {
    return `its manifest is not for the ${packageName} ${NATIVE_VERSION} tarball model-ci pins`;
  }
  return await treeHash(folder) === manifest.tree ? void 0 : "its files do not match the hash recorded when model-ci installed it";
}
async function install(packageName, folder, options) {
  const run = (args, cwd) => promisify(execFile)(options.npm ?? "npm", args, { cwd, timeout: 10 * 6e4, maxBuffer: 16 << 20 }).then((out) => out.stdout);
  options.log?.(`installing ${packageName} ${NATIVE_VERSION} into ${folder}; its install script downloads libtensorflow`);
  await rm(folder, { recursive: true, force: true });
  await mkdir(folder, { recursive: true });
  const staging = await mkdtemp(join(options.runnerTemp ?? process.env.RUNNER_TEMP ?? tmpdir(), "model-ci-pack-"));
  try {
    const [packed] = JSON.parse(
      await run(["pack", "--json", "--pack-destination", staging, options.source ?? `${packageName}@${NATIVE_VERSION}`], staging)
    );
    const expected = NATIVE_INTEGRITY[packageName];
    if (!expected || packed?.integrity !== expected) {
      throw new Error(
        `the ${packageName} tarball's integrity ${packed?.integrity ?? "(none)"} is not the ${expected ?? "(none pinned)"} model-ci pins for ${NATIVE_VERSION}; not installed`
      );
    }
    await writeFile(
      join(folder, "package.json"),
      `${JSON.stringify({ name: "model-ci-native-backend", private: true, allowScripts: { [packageName]: true } }, null, 2)}
`
    );
    await run(["install", "--no-audit", "--no-fund", "--no-save", join(staging, packed.filename.replace(/^.*[\\/]/, ""))], folder);
  } catch (error) {
    await rm(folder, { recursive: true, force: true });
    throw error;
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
  const tree = await treeHash(folder);
  const manifest = { package: packageName, version: NATIVE_VERSION, integrity: NATIVE_INTEGRITY[packageName], tree };
  await writeFile(join(folder, MANIFEST), `${JSON.stringify(manifest, null, 2)}
`);
  installedHere.set(folder, tree);
}
async function treeHash(folder) {
  const hash = createHash("sha256");
  const walk = async (dir) => {
    const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) => a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
    for (const entry of entries) {
      const path = join(dir, entry.name);
      const name = relative(folder, path);
      if (name === MANIFEST) continue;
      if (entry.isSymbolicLink()) {
        hash.update(`link\0${name}\0${await readlink(path)}\0`);
      } else if (entry.isDirectory()) {
        hash.update(`dir\0${name}\0`);
        await walk(path);
      } else if (entry.isFile()) {
        hash.update(`file\0${name}\0`);
        const content = createHash("sha256");
        for await (const chunk of createReadStream(path)) content.update(chunk);
        hash.update(`${content.digest("hex")}\0`);
      } else {
        hash.update(`other\0${name}\0`);
      }
    }
  };
  await walk(folder);
  return hash.digest("hex");
}
async function gpuLibraryVersions(root = "/") {
  const versions = {};
  const cuda = await readFile(join(root, "usr/local/cuda/version.json"), "utf8").then(
    (text) => JSON.parse(text).cuda?.version,
    () => void 0
  );
  if (cuda) versions.cuda = cuda;
  for (const header of ["usr/include/cudnn_version.h", "usr/include/x86_64-linux-gnu/cudnn_version_v8.h", "usr/local/cuda/include/cudnn_version.h"]) {
    const text = await readFile(join(root, header), "utf8").catch(() => void 0);
    const part = (name) => text ? new RegExp(`#define\\s+CUDNN_${name}\\s+(\\d+)`).exec(text)?.[1] : void 0;
    const [major, minor, patch] = [part("MAJOR"), part("MINOR"), part("PATCHLEVEL")];
    if (major && minor) {
      versions.cudnn = [major, minor, patch].filter(Boolean).join(".");
      break;
    }
  }
  return versions;
}

// src/model/engine.ts
var BACKEND_ORDER = ["tensorflow-gpu", "tensorflow", "wasm", "cpu"];
var NATIVE_PACKAGES = {
  "tensorflow-gpu": "@tensorflow/tfjs-node-gpu",
  tensorflow: "@tensorflow/tfjs-node"
};
async function loadEngine(requested, opts = {}) {
  if (!BACKENDS.includes(requested)) {
    throw new UserError(`unknown backend ${JSON.stringify(requested)}; expected one of ${BACKENDS.join(", ")}`, { field: "backend" });
  }
  if (requested === "dense" || requested === "auto" && opts.training) {
    const tfjs = await loadEngine("auto", { ...opts, log: void 0, training: false });
    return opts.training ? { ...tfjs, backend: "dense", versions: { ...tfjs.versions, "tfjs-backend": tfjs.tfjsBackend } } : tfjs;
  }
  const workspace = opts.workspace ?? process.env.GITHUB_WORKSPACE ?? process.cwd();
  const candidates = requested === "auto" ? BACKEND_ORDER : BACKEND_ORDER.slice(BACKEND_ORDER.indexOf(requested));
  const failures = [];
  for (const backend of candidates) {
    let engine;
    try {
      engine = await loadBackend(backend, workspace, opts);
    } catch (error) {
      failures.push(describeFailure(backend, workspace, error));
      continue;
    }
    if (failures.length > 0) {
      const notice = requested === "auto" ? `backend auto chose ${backend}: ${summarise(failures, workspace)}` : `backend ${requested} could not be loaded, using ${backend} instead: ${summarise(failures, workspace)}${installHint(failures[0])}`;
      opts.log?.(`notice: ${notice}`);
      if (requested !== "auto" || failures.some((failure) => !failure.missingPackage)) engine.notices.push(notice);
    }
    return engine;
  }
  throw new Error(`no TensorFlow.js backend could be loaded: ${summarise(failures, workspace)}`);
}
async function loadBackend(backend, workspace, opts) {
  const nativePackage = NATIVE_PACKAGES[backend];
  if (!nativePackage) return loadBundled(backend);
  const folder = await nativeFolder(nativePackage, workspace, { log: opts.log, secrets: opts.secrets });
  if (!folder) throw Object.assign(new Error(`Cannot find module '${nativePackage}'`), { code: "MODULE_NOT_FOUND" });
  try {
    return await loadNative(backend, nativePackage, folder);
  } catch (error) {
    throw Object.assign(error instanceof Error ? error : new Error(String(error)), { folder });
  }
}
async function loadBundled(backend) {
  const tf = await import("./cli-tensorflow-tfjs-dist-index.js");
  tf.env().set("PROD", true);
  const versions = pickVersions(tf.version);
  if (backend === "wasm") {
    const wasm = await import("./cli-tensorflow-tfjs-backend-wasm-dist-index.js");
    if (!tf.engine().registry.wasm) wasm.setWasmPaths(wasmFolder());
    versions["tfjs-backend-wasm"] = wasm.version_wasm;
  }
  await activate(tf, backend === "wasm" ? "wasm" : "cpu");
  return { tf, backend, tfjsBackend: backend, versions, notices: [] };
}
async function loadNative(backend, packageName, folder) {
  const require2 = createRequire(join2(folder, "package.json"));
  const tf = require2(packageName);
  await activate(tf, "tensorflow");
  const versions = pickVersions(tf.version);
  const binding = tf.backend().binding;
  if (binding?.TF_Version) versions.libtensorflow = binding.TF_Version;
  if (backend === "tensorflow-gpu") Object.assign(versions, await gpuLibraryVersions());
  return { tf, backend, tfjsBackend: backend, versions, notices: [] };
}
async function activate(tf, name) {
  if (!await tf.setBackend(name)) throw new Error(`tfjs could not initialise its ${name} backend${await initError(tf, name)}`);
  await tf.ready();
}
async function initError(tf, name) {
  try {
    await tf.engine().registryFactory[name]?.factory();
    return "";
  } catch (error) {
    return `: ${error instanceof Error ? error.message : String(error)}`;
  }
}
function wasmFolder() {
  const here = dirname(fileURLToPath(import.meta.url));
  if (existsSync2(join2(here, "tfjs-backend-wasm.wasm"))) return `${here}/`;
  const entry = createRequire(import.meta.url).resolve("@tensorflow/tfjs-backend-wasm");
  return `${dirname(entry)}/`;
}
function pickVersions(version) {
  const wanted = ["tfjs-core", "tfjs-layers", "tfjs-backend-cpu", "tfjs-node"];
  return Object.fromEntries(wanted.filter((key) => version[key]).map((key) => [key, version[key]]));
}
function describeFailure(backend, workspace, error) {
  const packageName = NATIVE_PACKAGES[backend];
  const code = error.code;
  const message = error instanceof Error ? error.message.split("\n")[0] : String(error);
  if (packageName && code === "MODULE_NOT_FOUND" && message.includes(`'${packageName}'`)) {
    return { backend, missingPackage: packageName, message };
  }
  const folder = error.folder ?? workspace;
  return { backend, message: packageName ? `${packageName} failed to load from ${folder}: ${message}` : `${backend}: ${message}` };
}
function installHint(requested) {
  return requested.missingPackage ? ` (to use it: npm install ${requested.missingPackage})` : "";
}
function summarise(failures, workspace) {
  const missing = failures.flatMap((f) => f.missingPackage ? [f.missingPackage] : []);
  const parts = failures.filter((f) => !f.missingPackage).map((f) => f.message);
  if (missing.length > 0) parts.push(`${missing.join(" and ")} ${missing.length > 1 ? "are" : "is"} not installed in ${workspace}`);
  return parts.join("; ");
}

// src/model/dense-plan.ts
var SELU_ALPHA = 1.6732632423543772;
var SELU_SCALE = 1.0507009873554805;
var ACTIVATIONS = {
  linear: () => {
  },
  relu: (v, o, n) => {
    for (let i = o; i < o + n; i++) if (v[i] < 0) v[i] = 0;
  },
  sigmoid: (v, o, n) => {
    for (let i = o; i < o + n; i++) v[i] = 1 / (1 + Math.exp(-v[i]));
  },
  tanh: (v, o, n) => {
    for (let i = o; i < o + n; i++) v[i] = Math.tanh(v[i]);
  },
  elu: (v, o, n) => {
    for (let i = o; i < o + n; i++) if (v[i] < 0) v[i] = Math.expm1(v[i]);
  },
  selu: (v, o, n) => {
    for (let i = o; i < o + n; i++) v[i] = SELU_SCALE * (v[i] > 0 ? v[i] : SELU_ALPHA * Math.expm1(v[i]));
  },
  softmax: (v, o, n) => {
    let max = -Infinity;
    for (let i = o; i < o + n; i++) if (v[i] > max) max = v[i];
    let sum = 0;
    for (let i = o; i < o + n; i++) sum += v[i] = Math.exp(v[i] - max);
    for (let i = o; i < o + n; i++) v[i] /= sum;
  }
};
function compileDensePlan(model) {
  if (model.getClassName() !== "Sequential") return void 0;
  const layers = [];
  for (const layer of model.layers) {
    const kind = layer.getClassName();
    if (kind === "Dropout" || kind === "InputLayer") continue;
    if (kind !== "Dense") return void 0;
    const config = layer.getConfig();
    const activation = ACTIVATIONS[config.activation];
    const weights = layer.getWeights();
    if (!activation || weights.length !== (config.useBias ? 2 : 1) || weights[0].rank !== 2) return void 0;
    const [inputs, units] = weights[0].shape;
    layers.push({
      inputs,
      units,
      kernel: weights[0].dataSync(),
      bias: config.useBias ? weights[1].dataSync() : void 0,
      activation
    });
  }
  return planOf(layers);
}
function densePlanFromFiles(topology, specs, weightData) {
  const { class_name: kind, config } = topology;
  if (kind !== "Sequential" || !Array.isArray(config?.layers)) return void 0;
  const offsets = /* @__PURE__ */ new Map();
  let offset = 0;
  for (const spec of specs) {
    if (spec.dtype !== "float32" || spec.quantization !== void 0) return void 0;
    offsets.set(spec.name, { spec, offset });
    offset += 4 * spec.shape.reduce((a, b) => a * b, 1);
  }
  const read = (name, shape) => {
    const found = offsets.get(name);
    if (!found || found.spec.shape.length !== shape.length || found.spec.shape.some((n, i) => n !== shape[i])) return void 0;
    offsets.delete(name);
    return new Float32Array(weightData.slice(found.offset, found.offset + 4 * shape.reduce((a, b) => a * b, 1)));
  };
  const layers = [];
  for (const layer of config.layers) {
    if (layer.class_name === "Dropout" || layer.class_name === "InputLayer") continue;
    const c = layer.config;
    if (layer.class_name !== "Dense" || !c || typeof c.name !== "string" || typeof c.activation !== "string" || !Object.hasOwn(ACTIVATIONS, c.activation)) {
      return void 0;
    }
    if (!Number.isInteger(c.units) || typeof c.use_bias !== "boolean" || c.dtype !== void 0 && c.dtype !== "float32") return void 0;
    const units = c.units;
    const kernelSpec = offsets.get(`${c.name}/kernel`)?.spec;
    const inputs = kernelSpec?.shape[0] ?? 0;
    const kernel = read(`${c.name}/kernel`, [inputs, units]);
    const bias = c.use_bias ? read(`${c.name}/bias`, [units]) : void 0;
    if (!kernel || c.use_bias && !bias) return void 0;
    layers.push({ inputs, units, kernel, bias, activation: ACTIVATIONS[c.activation] });
  }
  return offsets.size === 0 && offset === weightData.byteLength ? planOf(layers) : void 0;
}
function planOf(keras) {
  if (keras.length === 0 || keras.some((l, i) => i > 0 && l.inputs !== keras[i - 1].units)) return void 0;
  const layers = keras.map((l) => ({ ...l, kernel: transposed(l.kernel, l.inputs, l.units) }));
  let capacity = -1;
  let buffers = [];
  return {
    inputSize: layers[0].inputs,
    outputWidth: layers[layers.length - 1].units,
    macsPerRow: layers.reduce((sum, l) => sum + l.inputs * l.units, 0),
    run: (input, rows) => {
      if (rows > capacity) {
        capacity = rows;
        buffers = layers.map((l) => new Float32Array(rows * l.units));
      }
      let x = input;
      for (let l = 0; l < layers.length; l++) x = dense(layers[l], x, rows, buffers[l]);
      return x.subarray(0, rows * layers[layers.length - 1].units);
    }
  };
}
function transposed(kernel, inputs, units) {
  const out = new Float32Array(kernel.length);
  for (let i = 0; i < inputs; i++) for (let u = 0; u < units; u++) out[u * inputs + i] = kernel[i * units + u];
  return out;
}
function dense({ inputs, units, kernel, bias, activation }, x, rows, out) {
  for (let r = 0; r < rows; r++) {
    const xo = r * inputs;
    const oo = r * units;
    for (let u = 0; u < units; u++) {
      let sum = bias ? bias[u] : 0;
      const ko = u * inputs;
      for (let i = 0; i < inputs; i++) sum += x[xo + i] * kernel[ko + i];
      out[oo + u] = sum;
    }
    activation(out, oo, units);
  }
  return out;
}

// src/model/request-encode.ts
function fastEncoder(pre) {
  const names = pre.features.map((f) => f.name);
  let offset = 0;
  const slots = pre.features.map((f) => {
    const at = offset;
    offset += featureWidth(f);
    return f.kind === "numeric" ? { numeric: true, mean: f.mean, std: f.std, offset: at } : { numeric: false, oneHot: f.encoding === "one-hot", index: new Map(f.categories.map((c, i) => [c, i])), offset: at };
  });
  const width = slots.length;
  const { inputSize } = pre;
  const known = new Set(names);
  return (instances) => {
    const rows = instances.length;
    const out = new Float32Array(rows * inputSize);
    for (let i = 0; i < rows; i++) {
      const instance = instances[i];
      const base = i * inputSize;
      let values;
      let record;
      if (Array.isArray(instance)) {
        if (instance.length !== width) return void 0;
        values = instance;
      } else if (instance !== null && typeof instance === "object") {
        record = instance;
        let keys = 0;
        for (const key in record) {
          if (!Object.hasOwn(record, key)) continue;
          if (!known.has(key)) return void 0;
          keys++;
        }
        if (keys !== width) return void 0;
      } else {
        return void 0;
      }
      for (let j = 0; j < width; j++) {
        const value = values ? values[j] : record[names[j]];
        const slot = slots[j];
        if (slot.numeric) {
          if (typeof value !== "number") return void 0;
          const encoded = Math.fround((value - slot.mean) / slot.std);
          if (encoded - encoded !== 0) return void 0;
          out[base + slot.offset] = encoded;
        } else {
          if (typeof value !== "string") return void 0;
          const code = slot.index.get(value);
          if (code === void 0) return void 0;
          if (slot.oneHot) out[base + slot.offset + code] = 1;
          else out[base + slot.offset] = code;
        }
      }
    }
    return out;
  };
}

// src/model/predictor.ts
var DENSE_PLAN_MAX_MACS = 1 << 16;
async function loadModel(dir, options = {}) {
  const files = await readModelFiles(dir);
  const engine = await loadEngine(options.backend ?? "auto", { workspace: options.workspace, log: options.log });
  const { tf, backend, notices } = engine;
  const modelJsonFile = displayPath(join3(files.dir, ARTIFACT_FILES.modelJson));
  let model;
  try {
    model = await tf.loadLayersModel(
      tf.io.fromMemory({ modelTopology: files.modelTopology, weightSpecs: files.weightSpecs, weightData: files.weightData })
    );
  } catch (error) {
    throw new UserError(`is not a loadable TF.js layers model: ${error.message}`, { file: modelJsonFile });
  }
  const pre = files.preprocessing;
  const inputShape = model.inputs.length === 1 ? model.inputs[0].shape : void 0;
  if (inputShape?.length !== 2 || inputShape[1] !== pre.inputSize) {
    model.dispose();
    throw new UserError(
      `takes input shape ${JSON.stringify(model.inputs.map((i) => i.shape))} but preprocessing.json encodes ${pre.inputSize} values per row: they come from different runs`,
      { file: modelJsonFile }
    );
  }
  const outputShape = model.outputs.length === 1 ? model.outputs[0].shape : void 0;
  const outputWidth = outputShape?.length === 2 ? outputShape[1] ?? 0 : 0;
  const expected = outputWidths(pre);
  if (!expected.includes(outputWidth)) {
    model.dispose();
    throw new UserError(
      `outputs ${JSON.stringify(model.outputs.map((o) => o.shape))} but a ${pre.task} model with these classes outputs ${expected.join(" or ")} per row`,
      {
        file: modelJsonFile
      }
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
    version: modelHash.replace(/^sha256:/, "").slice(0, 12),
    outputWidth,
    densePlan
  };
}
function verifiedDensePlan(tf, model) {
  const plan = compileDensePlan(model);
  if (!plan) return void 0;
  const rows = 16;
  const probe = Float32Array.from({ length: rows * plan.inputSize }, (_, k) => 3 * Math.sin(k * 12.9898 + 78.233));
  const fromPlan = plan.run(probe, rows);
  const fromTf = forwardWithTf(tf, model, probe, rows, plan.inputSize);
  const agrees = fromTf.length === fromPlan.length && fromTf.every((y, k) => Math.abs(y - fromPlan[k]) <= 1e-5 * Math.max(1, Math.abs(y)));
  return agrees ? plan : void 0;
}
function forwardWithTf(tf, model, input, rows, inputSize) {
  let output;
  tf.tidy(() => {
    const y = model.apply(tf.tensor2d(input, [rows, inputSize]), { training: false });
    output = y.dataSync();
  });
  return output;
}
async function loadBatchModel(dir, options = {}) {
  const files = await readModelFiles(dir);
  const pre = files.preprocessing;
  const plan = densePlanFromFiles(files.modelTopology, files.weightSpecs, files.weightData);
  if (plan && plan.inputSize === pre.inputSize && outputWidths(pre).includes(plan.outputWidth)) {
    return { preprocessing: pre, outputWidth: plan.outputWidth, forward: plan.run, dispose: () => {
    } };
  }
  const loaded = await loadModel(dir, options);
  const { densePlan, tf, model } = loaded;
  return {
    preprocessing: pre,
    outputWidth: loaded.outputWidth,
    forward: (encoded, rows) => densePlan ? densePlan.run(encoded, rows) : forwardWithTf(tf, model, encoded.subarray(0, rows * pre.inputSize), rows, pre.inputSize),
    dispose: () => model.dispose()
  };
}
function outputWidths(pre) {
  return pre.task === "regression" ? [1] : pre.task === "binary-classification" ? [1, 2] : [pre.classes?.length ?? 0];
}
function createPredictor(loaded) {
  const { preprocessing: pre, outputWidth } = loaded;
  const decode = outputDecoder(pre, outputWidth);
  const forward = requestForward(loaded);
  const fast = fastEncoder(pre);
  return {
    predict(instances, field = "instances") {
      const rows = instances.length;
      const output = forward(fast(instances) ?? encodeChecked(pre, instances, field), rows);
      const predictions = new Array(rows);
      for (let i = 0; i < rows; i++) predictions[i] = decode(output, i * outputWidth);
      return predictions;
    }
  };
}
function createJsonPredictor(loaded) {
  const { preprocessing: pre, outputWidth } = loaded;
  const forward = requestForward(loaded);
  const fast = fastEncoder(pre);
  const row = predictionFormatter(pre, outputWidth, "jsonl").row;
  return (instances, field, outputKey, observe) => {
    const rows = instances.length;
    const output = forward(fast(instances) ?? encodeChecked(pre, instances, field), rows);
    observe?.(output, rows);
    let body = `{${JSON.stringify(outputKey)}:[`;
    for (let i = 0; i < rows; i++) {
      const text = row(output, i * outputWidth);
      body += (i === 0 ? "" : ",") + text.slice(0, -1);
    }
    return `${body}]}`;
  };
}
function requestForward({ tf, model, preprocessing: pre, densePlan }) {
  return (encoded, rows) => densePlan && rows * densePlan.macsPerRow <= DENSE_PLAN_MAX_MACS ? densePlan.run(encoded, rows) : forwardWithTf(tf, model, encoded, rows, pre.inputSize);
}
function encodeChecked(pre, instances, field = "instances") {
  rejectUnencodableValues(pre, instances, field);
  const encoded = encodeInstances(pre, instances, field);
  checkFinite(pre, encoded, field);
  return encoded;
}
function outputDecoder(pre, width) {
  if (pre.task === "regression") {
    const { mean, std } = pre.targetScale ?? { mean: 0, std: 1 };
    return (output, offset) => output[offset] * std + mean;
  }
  const classes = pre.classes;
  if (width === 1) {
    return (output, offset) => {
      const p = output[offset];
      return { label: classes[p >= 0.5 ? 1 : 0], probabilities: [1 - p, p] };
    };
  }
  return (output, offset) => {
    const probabilities = new Array(width);
    let best = 0;
    for (let k = 0; k < width; k++) {
      probabilities[k] = output[offset + k];
      if (probabilities[k] > probabilities[best]) best = k;
    }
    return { label: classes[best], probabilities };
  };
}
function rejectUnencodableValues(pre, instances, field) {
  for (let i = 0; i < instances.length; i++) {
    const instance = instances[i];
    if (instance === null || typeof instance !== "object" || Array.isArray(instance) && instance.length !== pre.features.length) continue;
    const values = Array.isArray(instance) ? instance : pre.features.map((f) => instance[f.name]);
    for (let j = 0; j < values.length; j++) {
      const value = values[j];
      const where = { field: `${field}[${i}].${pre.features[j].name}` };
      if (value === Infinity || value === -Infinity) {
        throw new UserError("expected a finite number, got one beyond the range of a 64-bit float (magnitude above about 1.8e308)", where);
      }
      if (value === null || typeof value !== "object") continue;
      throw new UserError(`expected a single value, got ${Array.isArray(value) ? "an array" : "an object"}`, where);
    }
  }
}
function checkFinite(pre, encoded, field) {
  for (let k = 0; k < encoded.length; k++) {
    if (Number.isFinite(encoded[k])) continue;
    const row = Math.floor(k / pre.inputSize);
    let column = k - row * pre.inputSize;
    const feature = pre.features.find((f) => (column -= featureWidth(f)) < 0);
    throw new UserError("expected a number within float32 range after standardisation (about \xB13.4e38)", { field: `${field}[${row}].${feature?.name}` });
  }
}

export {
  loadEngine,
  loadModel,
  loadBatchModel,
  createPredictor,
  createJsonPredictor,
  encodeChecked
};
