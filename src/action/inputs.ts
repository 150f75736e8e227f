/**
 * Turns the action's raw inputs into one typed settings object, validated up front so a typo in a
 * workflow fails in the first second with the input's name, not half-way through a training run.
 */
import * as core from '@actions/core';
import { BACKENDS, type BackendName } from '../domain/config.ts';
import { UserError } from '../errors.ts';
import {
  DEFAULT_ARTIFACTS_DIR,
  DEFAULT_BASE_IMAGE,
  DEFAULT_BASELINE_BRANCH,
  DEFAULT_BOT_LOGIN,
  DEFAULT_CONFIG,
  DEFAULT_DRIFT_THRESHOLD,
  DEFAULT_HOSTED_RUNNER,
  DEFAULT_REPORT_DIR,
} from '../defaults.ts';

export const MODES = ['auto', 'pr', 'deploy', 'comment', 'command', 'plan', 'rollback', 'train', 'candidate', 'sweep', 'monitor'] as const;
export type Mode = (typeof MODES)[number];

export interface Settings {
  mode: Mode;
  config: string;
  token: string;
  backend?: BackendName;
  forceRetrain: boolean;
  failOnRegression: boolean;
  comment: boolean;
  reportDir: string;
  artifactsDir: string;
  baselineBranch: string;
  image: string;
  registryUsername: string;
  registryPassword: string;
  baseImage: string;
  push: boolean;
  rollbackTo: string;
  gpuRunnerLabels?: string[];
  hostedRunner: string;
  botLogin: string;
  /** Mode `candidate`: the sweep candidate's id from the plan's matrix. */
  candidate: string;
  installNativeBackend: boolean;
  /** Opt-in to modes auto/pr on pull_request_target (write token and secrets beside the PR's code). */
  allowPullRequestTarget: boolean;
  /** Mode `monitor`: the model server (or its /metrics URL). */
  monitorUrl: string;
  /** Mode `monitor`: PSI from which a feature has drifted. */
  driftThreshold: number;
  /** Mode `monitor`: open or update one issue when features drift. */
  driftIssue: boolean;
}

/** Reads inputs the way the runner passes them (INPUT_<NAME> variables) through @actions/core. */
export function readSettings(read: (name: string) => string = (name) => core.getInput(name)): Settings {
  const token = read('github-token');
  const registryPassword = read('registry-password');
  // Masked before anything can log them.
  if (token) core.setSecret(token);
  if (registryPassword) core.setSecret(registryPassword);

  const backend = read('backend');
  return {
    mode: oneOf('mode', read('mode') || 'auto', MODES),
    config: read('config') || DEFAULT_CONFIG,
    token,
    backend: backend ? oneOf('backend', backend, BACKENDS) : undefined,
    forceRetrain: bool('force-retrain', read('force-retrain'), false),
    failOnRegression: bool('fail-on-regression', read('fail-on-regression'), true),
    comment: bool('comment', read('comment'), true),
    reportDir: read('report-dir') || DEFAULT_REPORT_DIR,
    artifactsDir: read('artifacts-dir') || DEFAULT_ARTIFACTS_DIR,
    baselineBranch: read('baseline-branch') || DEFAULT_BASELINE_BRANCH,
    image: read('image'),
    registryUsername: read('registry-username'),
    registryPassword,
    baseImage: read('base-image') || DEFAULT_BASE_IMAGE,
    push: bool('push', read('push'), true),
    rollbackTo: read('rollback-to'),
    gpuRunnerLabels: labels(read('gpu-runner-labels')),
    hostedRunner: read('hosted-runner') || DEFAULT_HOSTED_RUNNER,
    botLogin: read('bot-login') || DEFAULT_BOT_LOGIN,
    candidate: read('candidate'),
    installNativeBackend: bool('install-native-backend', read('install-native-backend'), false),
    allowPullRequestTarget: bool('allow-pull-request-target', read('allow-pull-request-target'), false),
    monitorUrl: read('monitor-url'),
    driftThreshold: positiveNumber('drift-threshold', read('drift-threshold') || String(DEFAULT_DRIFT_THRESHOLD)),
    driftIssue: bool('drift-issue', read('drift-issue'), true),
  };
}

function oneOf<T extends string>(name: string, value: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UserError(`input \`${name}\` must be one of ${allowed.join(', ')}; got ${JSON.stringify(value)}`, { field: name });
}

// YAML 1.2 "core schema" booleans, as @actions/core's getBooleanInput accepts; anything else is a typo.
function bool(name: string, value: string, fallback: boolean): boolean {
  if (value === '') return fallback;
  if (['true', 'True', 'TRUE'].includes(value)) return true;
  if (['false', 'False', 'FALSE'].includes(value)) return false;
  throw new UserError(`input \`${name}\` must be true or false; got ${JSON.stringify(value)}`, { field: name });
}

function positiveNumber(name: string, value: string): number {
  const number = Number(value);
  if (value.trim() === '' || !Number.isFinite(number) || number <= 0) {
    throw new UserError(`input \`${name}\` must be a number above 0; got ${JSON.stringify(value)}`, { field: name });
  }
  return number;
}

function labels(value: string): string[] | undefined {
  if (value.trim() === '') return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    // A bare label ("gpu") or a comma list is a common slip: say what shape is expected.
    throw new UserError(`input \`gpu-runner-labels\` must be a JSON list such as ["self-hosted","linux","gpu"]; got ${JSON.stringify(value)}`, {
      field: 'gpu-runner-labels',
    });
  }
  if (!Array.isArray(parsed) || parsed.length === 0 || !parsed.every((l) => typeof l === 'string' && l.trim() !== '')) {
    throw new UserError(`input \`gpu-runner-labels\` must be a non-empty JSON list of label strings; got ${value}`, {
      field: 'gpu-runner-labels',
    });
  }
  return parsed as string[];
}
