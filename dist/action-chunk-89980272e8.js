import { createRequire as __mcCreateRequire } from 'node:module'; import { fileURLToPath as __mcFileURLToPath } from 'node:url'; import { dirname as __mcDirname } from 'node:path'; const require = __mcCreateRequire(import.meta.url); const __filename = __mcFileURLToPath(import.meta.url); const __dirname = __mcDirname(__filename);

// src/defaults.ts
var DEFAULT_CONFIG = "model-ci.yml";
var DEFAULT_BASE_IMAGE = "node:24-slim";
var DEFAULT_BASELINE_BRANCH = "model-ci/baselines";
var DEFAULT_REPORT_DIR = "model-ci-report";
var DEFAULT_ARTIFACTS_DIR = ".model-ci";
var DEFAULT_BOT_LOGIN = "github-actions[bot]";
var DEFAULT_CONFIDENCE = 0.95;
var DEFAULT_HOSTED_RUNNER = "ubuntu-latest";
var DEFAULT_DRIFT_THRESHOLD = 0.25;
var ACTION_INPUT_DEFAULTS = {
  config: DEFAULT_CONFIG,
  "base-image": DEFAULT_BASE_IMAGE,
  "baseline-branch": DEFAULT_BASELINE_BRANCH,
  "report-dir": DEFAULT_REPORT_DIR,
  "artifacts-dir": DEFAULT_ARTIFACTS_DIR,
  "bot-login": DEFAULT_BOT_LOGIN,
  "hosted-runner": DEFAULT_HOSTED_RUNNER,
  "drift-threshold": String(DEFAULT_DRIFT_THRESHOLD)
};

export {
  DEFAULT_CONFIG,
  DEFAULT_BASE_IMAGE,
  DEFAULT_BASELINE_BRANCH,
  DEFAULT_REPORT_DIR,
  DEFAULT_ARTIFACTS_DIR,
  DEFAULT_BOT_LOGIN,
  DEFAULT_CONFIDENCE,
  DEFAULT_HOSTED_RUNNER,
  DEFAULT_DRIFT_THRESHOLD
};
