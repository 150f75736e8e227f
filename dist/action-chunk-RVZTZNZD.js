import { createRequire as __mcCreateRequire } from 'node:module'; import { fileURLToPath as __mcFileURLToPath } from 'node:url'; import { dirname as __mcDirname } from 'node:path'; const require = __mcCreateRequire(import.meta.url); const __filename = __mcFileURLToPath(import.meta.url); const __dirname = __mcDirname(__filename);
import {
  BACKENDS
} from "./action-chunk-VRFJ3H7T.js";
import {
  UserError
} from "./action-chunk-QFPM7OST.js";

// src/train/native.ts
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { promisify } from "node:util";
var NATIVE_VERSION = "4.22.0";
function toolCacheFolder(packageName, toolCache = process.env.RUNNER_TOOL_CACHE) {
  return toolCache ? join(toolCache, "model-ci", packageName.replace("/", "+"), NATIVE_VERSION) : void 0;
}
async function nativeFolder(packageName, workspace, options = {}) {
  const has = (folder2) => existsSync(join(folder2, "node_modules", packageName, "package.json"));
  if (has(workspace)) return workspace;
  const folder = toolCacheFolder(packageName, options.toolCache);
  if (!folder) return void 0;
  if (has(folder)) {
    options.log?.(`${packageName} ${NATIVE_VERSION} found in the tool cache (${folder})`);
    return folder;
  }
  if (!options.install) return void 0;
  options.log?.(`installing ${packageName} ${NATIVE_VERSION} into the tool cache (${folder}); its install script downloads libtensorflow`);
  await mkdir(folder, { recursive: true });
  await writeFile(join(folder, "package.json"), `${JSON.stringify({ name: "model-ci-native-backend", private: true, allowScripts: { [packageName]: true } }, null, 2)}
`);
  await promisify(execFile)(options.npm ?? "npm", ["install", "--no-audit", "--no-fund", "--no-save", options.source ?? `${packageName}@${NATIVE_VERSION}`], {
    cwd: folder,
    timeout: 10 * 6e4,
    maxBuffer: 16 << 20
  });
  return folder;
}
async function gpuLibraryVersions(root = "/") {
  const versions = {};
  const cuda = await readFile(join(root, "usr/local/cuda/version.json"), "utf8").then((text) => JSON.parse(text).cuda?.version, () => void 0);
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

// src/train/engine.ts
import { existsSync as existsSync2 } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join as join2 } from "node:path";
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
  const folder = await nativeFolder(nativePackage, workspace, { log: opts.log }) ?? workspace;
  try {
    return await loadNative(backend, nativePackage, folder);
  } catch (error) {
    throw Object.assign(error instanceof Error ? error : new Error(String(error)), { folder });
  }
}
async function loadBundled(backend) {
  const tf = await import("./action-dist-EUCP6U4G.js");
  tf.env().set("PROD", true);
  const versions = pickVersions(tf.version);
  if (backend === "wasm") {
    const wasm = await import("./action-dist-2VYMVMVX.js");
    if (!tf.engine().registry.wasm) wasm.setWasmPaths(wasmFolder());
    versions["tfjs-backend-wasm"] = wasm.version_wasm;
  }
  await activate(tf, backend === "wasm" ? "wasm" : "cpu");
  return { tf, backend, versions, notices: [] };
}
async function loadNative(backend, packageName, folder) {
  const require2 = createRequire(join2(folder, "package.json"));
  const tf = require2(packageName);
  await activate(tf, "tensorflow");
  const versions = pickVersions(tf.version);
  const binding = tf.backend().binding;
  if (binding?.TF_Version) versions.libtensorflow = binding.TF_Version;
  if (backend === "tensorflow-gpu") Object.assign(versions, await gpuLibraryVersions());
  return { tf, backend, versions, notices: [] };
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

export {
  nativeFolder,
  NATIVE_PACKAGES,
  loadEngine
};
