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
import type { TrendPoint } from '../../report/trend.ts';
import { GitError } from '../../git/git.ts';
import { trainModel, type TrainRun } from '../../train/pipeline.ts';
import type { Evaluation, History } from '../../domain/run-artifacts.ts';
import { judgeConfig } from './base-config.ts';
import type { PullRequestOptions, PullRequestResult } from './decide.ts';
import { withWorktree } from '../../git/worktree.ts';
import type { BaselineRecord } from '../../domain/record.ts';
import { mainDataRows, scoreOnSameRows, unavailable, type PairedOutcome } from './paired-rows.ts';

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
  const found = await log.group(`baseline of ${config.name}`, () => findBaseline(options, config.name, baseSha, headRun.engine.backend, recordsFetched));
  const { baseline, outcome } = await log.group(`score ${config.name} of main and of this PR on the same rows`, () =>
    withMainOnSameRows(options, { found, baseSha, config, headRun }),
  );
  if (outcome)
    log.info(
      outcome.paired
        ? `both models scored on ${outcome.rows.rows} test rows, ${outcome.rows.newRows} of them new`
        : `not on the same rows: ${outcome.rows.unavailable}`,
    );

  const trend = await mainTrend(options, config.name, baseSha);

  const side = (run: TrainRun): RunSide => ({ metrics: run.metrics, params: run.params.flat, data: run.manifest.data });
  // Main's column is main's model on the PR's rows whenever it could be scored there.
  const baseSide = baseline.side && outcome?.paired ? { ...baseline.side, metrics: outcome.baseMetrics } : baseline.side;
  const compared = compareRuns({
    model: config.name,
    metrics: config.metrics,
    base: baseSide,
    head: side(headRun),
    baseline: baseline.source,
    headCommit: headSha,
    config: judged.review,
    // Intervals, McNemar and what changed prediction by prediction need both models on the same rows.
    ...(outcome?.paired && baseSide ? { paired: outcome.paired } : {}),
  });
  if (outcome && compared.baseline.kind !== 'none') compared.paired = outcome.rows;
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
    base: baseline.side
      ? { history: baseline.history, evaluation: outcome?.paired ? outcome.baseEvaluation : baseline.evaluation, backend: baseline.backend }
      : undefined,
    ...(trend.length > 0 ? { trend } : {}),
    references: {
      testRows: headRun.manifest.testRows,
      results: references.map(({ name, metrics }) => ({ name, metrics })),
      notes: headRun.references?.notes,
    },
    dataChanges,
  };
  return {
    kind: 'compared',
    model: config.name,
    reason: decided.reason,
    baseSha,
    headSha,
    comparison,
    report,
    headRun,
    baseRun: baseline.run,
    ...(outcome?.paired ? { paired: outcome.paired } : {}),
  };
}

/**
 * Main's model on the PR's test rows. The model comes from main's record, else from the base trained here
 * (an older record carries no model, or its stored model was refused); `outcome` is absent when there is
 * no baseline at all, and otherwise says how many rows both were scored on, or why they were not.
 */
async function withMainOnSameRows(
  options: PullRequestOptions,
  { found, baseSha, config, headRun }: { found: FoundBaseline; baseSha: string; config: ModelCiConfig; headRun: TrainRun },
): Promise<{ baseline: FoundBaseline; outcome?: PairedOutcome }> {
  const { log } = options;
  if (found.source.kind === 'none') return { baseline: found };
  const backend = headRun.engine.backend;
  let baseline = found;
  let model: { dir: string; commit: string } | undefined;
  let why = '';
  if (found.run) model = { dir: found.run.out, commit: baseSha };
  else if (found.record?.storedModel) {
    const read = await options.store.readModel(found.record.storedModel, join(options.artifactsDir, 'base-model'));
    if ('dir' in read) model = { dir: read.dir, commit: found.record.commit };
    else why = `main's stored model was refused (${read.refused})`;
  } else if (found.record) why = `the record of ${found.record.commit.slice(0, 7)} carries no model (written before model-ci stored them)`;
  if (!model) {
    log.warn(`${why}: training the base commit to score it on this PR's rows`);
    const trained = await trainBase(options, baseSha, backend, why);
    if (!trained.run) return { baseline: found, outcome: unavailable(`${why}, and the base commit could not be trained here (${trained.source.note})`) };
    baseline = { ...trained, record: found.record };
    model = { dir: trained.run.out, commit: baseSha };
  }
  const main = await mainDataRows(options, model.commit);
  if ('unavailable' in main) return { baseline, outcome: unavailable(main.unavailable) };
  const outcome = await scoreOnSameRows({
    config,
    headDir: headRun.out,
    baseDir: model.dir,
    main,
    backend,
    workspace: options.workspace,
    trackedAt: options.trackedInputs ? headRun.manifest.commit : undefined,
  });
  if (found.record && outcome.paired) outcome.rows.recorded = found.record.metrics;
  return { baseline, outcome };
}

/** Main's last records for the report's trend; the trend is context, so a history it cannot read is a warning, not a failed run. */
async function mainTrend({ store, log }: PullRequestOptions, model: string, baseSha: string): Promise<TrendPoint[]> {
  try {
    const records = await store.recent(model, baseSha);
    return records.flatMap((entry) => ('record' in entry ? [{ commit: entry.commit, metrics: entry.record.metrics }] : []));
  } catch (error) {
    if (!isUserError(error) && !(error instanceof GitError)) throw error;
    log.warn(`the report has no trend of ${model}: ${(error as Error).message}`);
    return [];
  }
}

export type BaselineOptions = Pick<PullRequestOptions, 'repoRoot' | 'configPath' | 'artifactsDir' | 'store' | 'log' | 'workspace' | 'trackedInputs'>;

export interface FoundBaseline {
  source: BaselineSource;
  side?: RunSide;
  history?: History;
  evaluation?: Evaluation;
  backend?: string;
  run?: TrainRun;
  /** The record the baseline came from (absent when trained here with no record). */
  record?: BaselineRecord;
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
      record,
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
