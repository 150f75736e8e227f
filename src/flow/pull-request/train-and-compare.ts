/**
 * The expensive half of the pull-request flow, loaded only when something must be retrained: train the
 * PR, find main's baseline (record, nearest recorded ancestor, or the base commit trained here), compare.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { applyBeatsGates } from '../../compare/beats-gate.ts';
import { compareRuns, type RunSide } from '../../compare/compare.ts';
import { applyDataGates } from '../../compare/data-gates.ts';
import { diffDataFiles } from '../../changes/data-files.ts';
import { dataGateFailures } from '../../changes/data-gates.ts';
import type { BaselineSource } from '../../compare/types.ts';
import type { ConcreteBackend, ModelCiConfig } from '../../domain/config.ts';
import { isUserError } from '../../errors.ts';
import type { ReportInput } from '../../report/report.ts';
import { trainModel, type TrainRun } from '../../train/pipeline.ts';
import type { Evaluation, History } from '../../domain/run-artifacts.ts';
import { judgeConfig } from './base-config.ts';
import type { PullRequestOptions, PullRequestResult } from './decide.ts';
import { withWorktree } from '../../git/worktree.ts';

export interface Decided {
  config: ModelCiConfig;
  configFile: string;
  baseSha: string;
  headSha: string;
  reason: string;
}

export async function evaluatePullRequest(options: PullRequestOptions, decided: Decided): Promise<PullRequestResult> {
  const { log } = options;
  const { configFile, baseSha, headSha } = decided;
  // The baselines branch is fetched while the PR trains: from GitHub that fetch is a network round trip.
  const recordsFetched = options.store.fetch();
  recordsFetched.catch(() => {}); // awaited in findBaseline
  // Base decides, PR proposes: the PR's model is evaluated on the base's split and gated by its metrics.
  const judged = await judgeConfig(options, baseSha, decided.config);
  const { config } = judged;
  if (judged.note) log.info(judged.note);
  const proposed = judged.review.changes.filter((change) => change.afterMerge).map((change) => change.key);
  if (proposed.length > 0) log.info(`${judged.review.file} at the base judges this PR; its changes to ${proposed.join(', ')} apply after merge`);
  const headRun = await log.group(`train ${config.name} (this PR)`, () =>
    trainModel(configFile, {
      config,
      out: join(options.artifactsDir, 'head'),
      backend: options.backend,
      workspace: options.workspace,
      log: log.info,
      trackedAt: options.trackedInputs ? headSha : undefined,
      references: true,
    }),
  );
  const baseline = await log.group(`baseline of ${config.name}`, () => findBaseline(options, config.name, baseSha, headRun.engine.backend, recordsFetched));

  const side = (run: TrainRun): RunSide => ({ metrics: run.metrics, params: run.params.flat, data: run.manifest.data });
  const compared = compareRuns({
    model: config.name,
    metrics: config.metrics,
    base: baseline.side,
    head: side(headRun),
    baseline: baseline.source,
    headCommit: headSha,
    config: judged.review,
  });
  const references = headRun.references?.results ?? [];
  const dataChanges = await log.group('data changes', () => diffDataFiles({ repoRoot: options.repoRoot, baseSha, config }));
  const comparison = applyDataGates(applyBeatsGates(compared, references), dataGateFailures(dataChanges.diffs, config.data.gate));
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
    references: {
      testRows: headRun.manifest.testRows,
      results: references.map(({ name, metrics }) => ({ name, metrics })),
      notes: headRun.references?.notes,
    },
    dataChanges,
  };
  return { kind: 'compared', model: config.name, reason: decided.reason, baseSha, headSha, comparison, report, headRun, baseRun: baseline.run };
}

export type BaselineOptions = Pick<PullRequestOptions, 'repoRoot' | 'configPath' | 'artifactsDir' | 'store' | 'log' | 'workspace' | 'trackedInputs'>;

export interface FoundBaseline {
  source: BaselineSource;
  side?: RunSide;
  history?: History;
  evaluation?: Evaluation;
  backend?: string;
  run?: TrainRun;
}

/**
 * The record of the base commit, else of its nearest recorded ancestor, else the base trained here on
 * `backend` (the PR's: the comparison then measures the change, not the backend).
 */
export async function findBaseline(
  options: BaselineOptions,
  model: string,
  baseSha: string,
  backend: ConcreteBackend,
  /** `store.fetch()` when the caller already started it. */
  recordsFetched?: Promise<void>,
): Promise<FoundBaseline> {
  const { store, log } = options;
  await (recordsFetched ?? store.fetch());
  const nearest = await store.findNearest(model, baseSha);
  let note: string | undefined;
  if (nearest && 'record' in nearest) {
    const { record, behind } = nearest;
    log.info(
      behind === 0
        ? `baseline: record of ${baseSha.slice(0, 7)}`
        : `baseline: record of ancestor ${record.commit.slice(0, 7)}, ${behind} commits behind the base`,
    );
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
  return trainBase(options, baseSha, backend, note);
}

async function trainBase(options: BaselineOptions, baseSha: string, backend: ConcreteBackend, note?: string): Promise<FoundBaseline> {
  const { log } = options;
  return withWorktree(options.repoRoot, baseSha, async (dir) => {
    const configFile = join(dir, options.configPath);
    if (!existsSync(configFile)) {
      log.info(`baseline: the base commit has no ${options.configPath}; this PR introduces the model`);
      return { source: { kind: 'none', commit: baseSha, note: note ?? `the base commit has no ${options.configPath}` } };
    }
    log.info(`baseline: no record for ${baseSha.slice(0, 7)} or its ancestors; training the base commit on ${backend}`);
    try {
      const trackedAt = options.trackedInputs ? baseSha : undefined;
      const run = await trainModel(configFile, { out: join(options.artifactsDir, 'base'), backend, workspace: options.workspace, log: log.info, trackedAt });
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
