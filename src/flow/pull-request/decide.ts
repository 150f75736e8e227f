/**
 * The pull-request flow, shared by the action (mode `pr`) and the CLI (`model-ci report`):
 * changed paths → retrain? → train the PR → find main's baseline (record, nearest ancestor, or train the
 * base commit here) → compare. Rendering and posting are the caller's.
 *
 * This half decides and is loaded up front; ./train-and-compare.ts trains and compares, and is imported only past
 * the decision, so a PR that retrains nothing never loads TensorFlow.js (tests/action/pr.e2e.test.ts).
 */
import { join } from 'node:path';
import type { BaselineStore } from '../../baseline/store.ts';
import { changedFiles, resolvePullCommits } from '../../changes/diff.ts';
import type { ChangedFile } from '../../changes/types.ts';
import { decideRetrain } from '../../changes/watch.ts';
import type { Comparison } from '../../compare/types.ts';
import type { BackendName } from '../../domain/config.ts';
import type { ReportInput } from '../../report/report.ts';
import type { PairedPredictions } from '../../domain/paired-predictions.ts';
import type { TrainRun } from '../../train/pipeline.ts';
import type { Logger } from '../../logger.ts';

export interface PullRequestOptions {
  /** The checked-out repository: the PR's head (or the merge commit actions/checkout makes). */
  repoRoot: string;
  /** model-ci.yml, relative to repoRoot. */
  configPath: string;
  /** The PR's base and head: SHAs, branches or tags. */
  base: string;
  head: string;
  force?: boolean;
  backend?: BackendName;
  /** Where the PR's model (`<dir>/head`) and a base trained here (`<dir>/base`) are written. */
  artifactsDir: string;
  store: BaselineStore;
  log: Logger;
  /** Where @tensorflow/tfjs-node(-gpu) may be installed. */
  workspace?: string;
  /** May missing commits be fetched from `origin` (a shallow checkout)? */
  fetch?: boolean;
  /**
   * The run holds secrets (mode `command`): the head and a base trained here read only regular files of
   * their commit (src/config/confine.ts), never an ignored file or a symlink of the runner's disk.
   */
  trackedInputs?: boolean;
  /** GitHub's file list, when git cannot produce the diff. */
  changedFilesFallback?: (reason: string) => Promise<ChangedFile[]>;
}

export type PullRequestResult =
  | { kind: 'skipped'; model: string; reason: string; baseSha: string; headSha: string }
  | {
      kind: 'compared';
      model: string;
      reason: string;
      baseSha: string;
      headSha: string;
      comparison: Comparison;
      report: ReportInput;
      headRun: TrainRun;
      baseRun?: TrainRun;
      /** Main's and the PR's models on the PR's test rows; absent when they could not be (`comparison.paired` says why). */
      paired?: PairedPredictions;
    };

export async function runPullRequest(options: PullRequestOptions): Promise<PullRequestResult> {
  const { repoRoot, log } = options;
  // git's processes (and the fetch a shallow checkout needs) run while the config parser loads and
  // parses: on a PR that retrains nothing these two are most of the run (bench/pr.ts).
  const changes = listChanges(options);
  changes.catch(() => {}); // awaited below, after the config, whose errors come first
  const { loadConfig } = await import('../../config/load.ts');
  const configFile = join(repoRoot, options.configPath);
  const config = await loadConfig(configFile, { repoRoot });
  const { commits, changed } = await changes;
  const { base: baseSha, head: headSha } = commits;

  const decision = decideRetrain({ changed: changed.files, watch: config.watch, force: options.force });
  if (!decision.retrain) return { kind: 'skipped', model: config.name, reason: decision.reason, baseSha, headSha };
  log.info(`retraining ${config.name}: ${decision.reason}`);

  // Everything past the decision (TensorFlow.js, the baseline store, the comparison) loads only now.
  const { evaluatePullRequest } = await import('./train-and-compare.ts');
  return evaluatePullRequest(options, { config, configFile, baseSha, headSha, reason: decision.reason });
}

/** The PR's base and head as commits, and the files changed between their merge base and the head. */
async function listChanges(options: PullRequestOptions) {
  const fetch = options.fetch ?? true;
  // Resolved once, here: the base must be here to train it, so an unknown revision is an error, never a fallback.
  const commits = await resolvePullCommits({ cwd: options.repoRoot, base: options.base, head: options.head, fetch, log: options.log.info });
  const changed = await changedFiles({
    cwd: options.repoRoot,
    base: options.base,
    head: options.head,
    resolved: commits,
    fetch,
    fallback: options.changedFilesFallback,
    log: options.log.info,
  });
  return { commits, changed };
}
