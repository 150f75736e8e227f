import { createRequire as __mcCreateRequire } from 'node:module'; import { fileURLToPath as __mcFileURLToPath } from 'node:url'; import { dirname as __mcDirname } from 'node:path'; const require = __mcCreateRequire(import.meta.url); const __filename = __mcFileURLToPath(import.meta.url); const __dirname = __mcDirname(__filename);
import {
  BACKENDS
} from "./action-chunk-40530c68dd.js";
import {
  UserError
} from "./action-chunk-55db69e02f.js";
import {
  gpuLibraryVersions,
  nativeFolder
} from "./action-chunk-773d882dc0.js";

// src/model/engine.ts
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
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
  const tf = await import("./action-tensorflow-tfjs-dist-index.js");
  tf.env().set("PROD", true);
  const versions = pickVersions(tf.version);
  if (backend === "wasm") {
    const wasm = await import("./action-tensorflow-tfjs-backend-wasm-dist-index.js");
    if (!tf.engine().registry.wasm) wasm.setWasmPaths(wasmFolder());
    versions["tfjs-backend-wasm"] = wasm.version_wasm;
  }
  await activate(tf, backend === "wasm" ? "wasm" : "cpu");
  return { tf, backend, tfjsBackend: backend, versions, notices: [] };
}
async function loadNative(backend, packageName, folder) {
  const require2 = createRequire(join(folder, "package.json"));
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
  if (existsSync(join(here, "tfjs-backend-wasm.wasm"))) return `${here}/`;
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

export {
  NATIVE_PACKAGES,
  loadEngine
};
