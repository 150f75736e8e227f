import { createRequire as __mcCreateRequire } from 'node:module'; import { fileURLToPath as __mcFileURLToPath } from 'node:url'; import { dirname as __mcDirname } from 'node:path'; const require = __mcCreateRequire(import.meta.url); const __filename = __mcFileURLToPath(import.meta.url); const __dirname = __mcDirname(__filename);
import {
  hashModel
} from "./cli-chunk-5595f77bb2.js";
import {
  ARTIFACT_FILES
} from "./cli-chunk-4293b75db3.js";
import {
  MODEL_HASH
} from "./cli-chunk-4fcbb936ca.js";
import {
  formatBytes,
  limit,
  overLimit
} from "./cli-chunk-82396b2bd9.js";

// src/baseline/stored-model.ts
import { readFile, stat } from "node:fs/promises";
import { join } from "node:path";
var STORED_MODEL_FILES = [ARTIFACT_FILES.modelJson, ARTIFACT_FILES.weights, ARTIFACT_FILES.preprocessing];
function storedModelPath(hash, file) {
  if (!MODEL_HASH.test(hash)) throw new Error(`not a model hash: ${JSON.stringify(hash.slice(0, 80))}`);
  return `models/${hash.slice("sha256:".length)}/${file}`;
}
async function bundleModel(dir) {
  const sizes = await Promise.all(STORED_MODEL_FILES.map(async (file) => (await stat(join(dir, file))).size));
  const bytes = sizes.reduce((a, b) => a + b, 0);
  if (bytes > limit("storedModelBytes")) return { skipped: `the model's files are ${formatBytes(bytes)}, ${overLimit("storedModelBytes")}` };
  const files = /* @__PURE__ */ new Map();
  for (const file of STORED_MODEL_FILES) files.set(file, await readFile(join(dir, file)));
  return { stored: { hash: hashOf(files), bytes }, files };
}
function storedModelProblem(stored, files) {
  const bytes = [...files.values()].reduce((sum, data) => sum + data.length, 0);
  if (bytes !== stored.bytes) return `its files hold ${bytes} bytes, the record says ${stored.bytes}`;
  const preprocessing = files.get(ARTIFACT_FILES.preprocessing) ?? Buffer.alloc(0);
  if (!Buffer.from(preprocessing.toString("utf8"), "utf8").equals(preprocessing)) return `its ${ARTIFACT_FILES.preprocessing} is not UTF-8 text`;
  const actual = hashOf(files);
  if (actual !== stored.hash) return `its files hash to ${actual.slice(0, 19)}\u2026, not the record's model hash ${stored.hash.slice(0, 19)}\u2026`;
  return null;
}
function hashOf(files) {
  const part = (file) => files.get(file) ?? Buffer.alloc(0);
  return hashModel({
    modelJson: part(ARTIFACT_FILES.modelJson),
    weights: part(ARTIFACT_FILES.weights),
    preprocessing: part(ARTIFACT_FILES.preprocessing).toString("utf8")
  });
}

export {
  STORED_MODEL_FILES,
  storedModelPath,
  bundleModel,
  storedModelProblem
};
