/**
 * The pull-request flow, shared by the action (mode `pr`) and the CLI (`model-ci report`):
 * changed paths → retrain? → train the PR → find main's baseline (record, nearest ancestor, or train the
 * base commit here) → compare. Rendering and posting are the caller's.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { BaselineStore } from '../baseline/store.ts';
import { changedFiles } from '../changes/diff.ts';
import type { ChangedFile } from '../changes/types.ts';
import { decideRetrain } from '../changes/watch.ts';
import { compareRuns, type RunSide } from '../compare/compare.ts';
import type { BaselineSource, Comparison } from '../compare/types.ts';
import { loadConfig } from '../config/load.ts';
import type { BackendName } from '../config/types.ts';
import { isUserError } from '../errors.ts';
import { resolveCommit } from '../git/history.ts';
import type { ReportInput } from '../report/report.ts';
import { trainModel, type TrainRun } from '../train/pipeline.ts';
import type { Evaluation, History } from '../train/types.ts';
import type { Logger } from './logger.ts';
import { withWorktree } from './worktree.ts';

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
    };

export async function runPullRequest(options: PullRequestOptions): Promise<PullRequestResult> {
  const { repoRoot, log } = options;
  const configFile = join(repoRoot, options.configPath);
  const config = await loadConfig(configFile, { repoRoot });
  const fetch = options.fetch ?? true;
  const baseSha = await resolveCommit(options.base, { cwd: repoRoot, remote: 'origin', fetch, field: 'base', log: log.info });
  const headSha = await resolveCommit(options.head, { cwd: repoRoot, remote: 'origin', fetch, field: 'head', log: log.info });

  const changed = await changedFiles({ cwd: repoRoot, base: baseSha, head: headSha, fetch, fallback: options.changedFilesFallback, log: log.info });
  const decision = decideRetrain({ changed: changed.files, watch: config.watch, force: options.force });
  if (!decision.retrain) return { kind: 'skipped', model: config.name, reason: decision.reason, baseSha, headSha };
  log.info(`retraining ${config.name}: ${decision.reason}`);

  const headRun = await log.group(`train ${config.name} (this PR)`, () =>
    trainModel(configFile, { out: join(options.artifactsDir, 'head'), backend: options.backend, workspace: options.workspace, log: log.info }),
  );
  const baseline = await log.group(`baseline of ${config.name}`, () => findBaseline(options, config.name, baseSha, headRun));

  const side = (run: TrainRun): RunSide => ({ metrics: run.metrics, params: run.params.flat, data: run.manifest.data });
  const comparison = compareRuns({
    model: config.name,
    metrics: config.metrics,
    base: baseline.side,
    head: side(headRun),
    baseline: baseline.source,
    headCommit: headSha,
  });
  const report: ReportInput = {
    comparison,
    head: {
      history: headRun.history,
      evaluation: headRun.evaluation,
      backend: headRun.engine.backend,
      backendNotices: headRun.engine.notices,
      trainingMs: Math.round(headRun.durations.trainMs),
      seed: headRun.params.train.seed,
    },
    base: baseline.side ? { history: baseline.history, evaluation: baseline.evaluation, backend: baseline.backend } : undefined,
  };
  return { kind: 'compared', model: config.name, reason: decision.reason, baseSha, headSha, comparison, report, headRun, baseRun: baseline.run };
}

interface FoundBaseline {
  source: BaselineSource;
  side?: RunSide;
  history?: History;
  evaluation?: Evaluation;
  backend?: string;
  run?: TrainRun;
}

/** The record of the base commit, else of its nearest recorded ancestor, else the base trained here. */
async function findBaseline(options: PullRequestOptions, model: string, baseSha: string, headRun: TrainRun): Promise<FoundBaseline> {
  const { store, log } = options;
  await store.fetch();
  const nearest = await store.findNearest(model, baseSha);
  let note: string | undefined;
  if (nearest && 'record' in nearest) {
    const { record, behind } = nearest;
    log.info(behind === 0 ? `baseline: record of ${baseSha.slice(0, 7)}` : `baseline: record of ancestor ${record.commit.slice(0, 7)}, ${behind} commits behind the base`);
    return {
      source: { kind: behind === 0 ? 'record' : 'ancestor', commit: record.commit, behind },
      side: { metrics: record.metrics, params: record.params, data: record.data },
      history: record.history,
      evaluation: record.evaluation,
      backend: record.backend,
    };
  }
  if (nearest && 'unusable' in nearest) {
    note = `the record of ${nearest.commit.slice(0, 7)} is unusable (${nearest.unusable})`;
    log.warn(`${note}; training the base commit instead`);
  }
  return trainBase(options, baseSha, headRun, note);
}

async function trainBase(options: PullRequestOptions, baseSha: string, headRun: TrainRun, note?: string): Promise<FoundBaseline> {
  const { log } = options;
  return withWorktree(options.repoRoot, baseSha, async (dir) => {
    const configFile = join(dir, options.configPath);
    if (!existsSync(configFile)) {
      log.info(`baseline: the base commit has no ${options.configPath}; this PR introduces the model`);
      return { source: { kind: 'none', commit: baseSha, note: note ?? `the base commit has no ${options.configPath}` } };
    }
    log.info(`baseline: no record for ${baseSha.slice(0, 7)} or its ancestors; training the base commit on ${headRun.engine.backend}`);
    try {
      // The same backend as the PR, so the comparison measures the change, not the backend.
      const run = await trainModel(configFile, { out: join(options.artifactsDir, 'base'), backend: headRun.engine.backend, workspace: options.workspace, log: log.info });
      return {
        source: { kind: 'trained', commit: baseSha, note },
        side: { metrics: run.metrics, params: run.params.flat, data: run.manifest.data },
        history: run.history,
        evaluation: run.evaluation,
        backend: run.engine.backend,
        run,
      };
    } catch (error) {
      if (!isUserError(error)) throw error;
      // A broken base is main's problem, not this PR's: report without a baseline and say why.
      const why = `the base commit could not be trained: ${error.describe()}`;
      log.warn(why);
      return { source: { kind: 'none', commit: baseSha, note: why } };
    }
  });
}
