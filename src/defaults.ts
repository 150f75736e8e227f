/**
 * model-ci's default values, one constant each: the action's inputs, the CLI and the docs use these, and
 * `action.yml` states the same (tests/docs/defaults.test.ts compares them).
 */

/** The model-ci config, relative to the repository root. */
export const DEFAULT_CONFIG = 'model-ci.yml';
/** The base image of the model server image: Debian/glibc, for TensorFlow.js's native packages. */
export const DEFAULT_BASE_IMAGE = 'node:24-slim';
/** The orphan branch holding the baseline records. */
export const DEFAULT_BASELINE_BRANCH = 'model-ci/baselines';
/** Where mode `pr` writes the report files a `workflow_run` job posts. */
export const DEFAULT_REPORT_DIR = 'model-ci-report';
/** Where trained models go (git-ignored). */
export const DEFAULT_ARTIFACTS_DIR = '.model-ci';
/** The author of model-ci's comments: its own comments are found, and never taken for commands, by this login. */
export const DEFAULT_BOT_LOGIN = 'github-actions[bot]';
/** The confidence of the paired intervals of Δ in a report, and of a gate's `confidence` where no gate sets one. */
export const DEFAULT_CONFIDENCE = 0.95;
/** The runner a training job goes to when it may not or need not use a GPU runner. */
export const DEFAULT_HOSTED_RUNNER = 'ubuntu-latest';
/** Population stability index from which `monitor` calls a feature drifted (conventional: 0.1 moderate, 0.25 significant). */
export const DEFAULT_DRIFT_THRESHOLD = 0.25;

/** The action inputs whose defaults are these constants, by input name. */
export const ACTION_INPUT_DEFAULTS = {
  config: DEFAULT_CONFIG,
  'base-image': DEFAULT_BASE_IMAGE,
  'baseline-branch': DEFAULT_BASELINE_BRANCH,
  'report-dir': DEFAULT_REPORT_DIR,
  'artifacts-dir': DEFAULT_ARTIFACTS_DIR,
  'bot-login': DEFAULT_BOT_LOGIN,
  'hosted-runner': DEFAULT_HOSTED_RUNNER,
  'drift-threshold': String(DEFAULT_DRIFT_THRESHOLD),
} as const;
