import { createRequire as __mcCreateRequire } from 'node:module'; import { fileURLToPath as __mcFileURLToPath } from 'node:url'; import { dirname as __mcDirname } from 'node:path'; const require = __mcCreateRequire(import.meta.url); const __filename = __mcFileURLToPath(import.meta.url); const __dirname = __mcDirname(__filename);

// src/domain/config.ts
var TASKS = ["binary-classification", "multiclass-classification", "regression"];
var BACKENDS = ["auto", "dense", "tensorflow-gpu", "tensorflow", "wasm", "cpu"];
var REFERENCE_NAMES = ["majority", "prior", "mean", "linear"];
var SPLIT_METHODS = ["hash", "shuffle"];

export {
  TASKS,
  BACKENDS,
  REFERENCE_NAMES,
  SPLIT_METHODS
};
