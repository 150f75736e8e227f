import { createRequire as __mcCreateRequire } from 'node:module'; import { fileURLToPath as __mcFileURLToPath } from 'node:url'; import { dirname as __mcDirname } from 'node:path'; const require = __mcCreateRequire(import.meta.url); const __filename = __mcFileURLToPath(import.meta.url); const __dirname = __mcDirname(__filename);

// src/defaults.ts
var DEFAULT_CONFIG = "model-ci.yml";
var DEFAULT_BASE_IMAGE = "node:24-slim";
var DEFAULT_BASELINE_BRANCH = "model-ci/baselines";
var DEFAULT_ARTIFACTS_DIR = ".model-ci";

export {
  DEFAULT_CONFIG,
  DEFAULT_BASE_IMAGE,
  DEFAULT_BASELINE_BRANCH,
  DEFAULT_ARTIFACTS_DIR
};
