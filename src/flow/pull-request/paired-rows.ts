/**
 * Both models on the same rows: main's model (from its record, or the base trained here) and the PR's,
 * scored on the PR's test rows, each through its own preprocessing, decoded into one `PairedPredictions`.
 * Main's column of the metrics table is then main's model on these rows; when that cannot be done, the
 * outcome says why in words, and the report says it instead of comparing silently.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { PairedRows } from '../../compare/types.ts';
import { confineInputs } from '../../config/confine.ts';
import { loadConfig } from '../../config/load.ts';
import { dataFileKey, loadDataset } from '../../data/dataset.ts';
import { encodeTable } from '../../data/fit-preprocessing.ts';
import { rowKeys } from '../../data/row-key.ts';
import { cellText, column, lineOfRow } from '../../data/table.ts';
import type { ConcreteBackend, ModelCiConfig } from '../../domain/config.ts';
import type { PairedPredictions } from '../../domain/paired-predictions.ts';
import type { Evaluation, Metrics } from '../../domain/run-artifacts.ts';
import { isUserError } from '../../errors.ts';
import { withWorktree } from '../../git/worktree.ts';
import { evaluate } from '../../metrics/evaluate.ts';
import { addedInputs, listNames, pairingProblem, pairPredictions } from '../../metrics/row-predictions.ts';
import { loadModel, type LoadedModel } from '../../model/predictor.ts';
import { predictRows } from '../../train/fit.ts';

/** Main's data rows by content key: every row, and the ones its split trained on. */
export interface MainRows {
  all: Set<string>;
  train: Set<string>;
}

export type PairedOutcome =
  | { rows: PairedRows; paired: PairedPredictions; baseMetrics: Metrics; baseEvaluation: Evaluation }
  | { rows: PairedRows & { unavailable: string }; paired?: undefined; baseMetrics?: undefined; baseEvaluation?: undefined };

export function unavailable(reason: string): { rows: PairedRows & { unavailable: string } } {
  return { rows: { unavailable: reason, rows: 0, newRows: 0, seenInTraining: 0 } };
}

/** A key's first 64 bits: enough to tell rows apart, a quarter of the memory in a set of a million rows. */
const short = (key: string) => key.slice(0, 16);

/**
 * Main's data at `commit`, read from git's objects (a worktree of that commit, its inputs confined to it)
 * and split as main's config there splits it: the rows the model recorded at `commit` was trained and scored on.
 */
export async function mainDataRows(options: { repoRoot: string; configPath: string }, commit: string): Promise<MainRows | { unavailable: string }> {
  return withWorktree(options.repoRoot, commit, async (dir) => {
    const file = join(dir, options.configPath);
    if (!existsSync(file)) return { unavailable: `${commit.slice(0, 7)} has no ${options.configPath}` };
    try {
      const config = await confineInputs(await loadConfig(file), { params: false, trackedAt: commit });
      const dataset = await loadDataset(config);
      const all = new Set(rowKeys(dataset.train.table).map(short));
      if (dataset.test.table !== dataset.train.table) for (const key of rowKeys(dataset.test.table)) all.add(short(key));
      return { all, train: new Set(rowKeys(dataset.train.table, dataset.train.rows).map(short)) };
    } catch (error) {
      if (!isUserError(error)) throw error;
      return { unavailable: `main's data at ${commit.slice(0, 7)} could not be read (${error.message})` };
    }
  });
}

export interface SameRowsInput {
  /** The config that judged the PR (its split is the base's). */
  config: ModelCiConfig;
  headDir: string;
  baseDir: string;
  main: MainRows;
  backend: ConcreteBackend;
  workspace?: string;
  trackedAt?: string;
}

export async function scoreOnSameRows(input: SameRowsInput): Promise<PairedOutcome> {
  const { config } = input;
  const dataset = await loadDataset(await confineInputs(config, { params: false, trackedAt: input.trackedAt }));
  const test = dataset.test;
  const options = { backend: input.backend, workspace: input.workspace };
  const head = await loadModel(input.headDir, options);
  let base: LoadedModel | undefined;
  try {
    base = await loadModel(input.baseDir, options);
    const headEncoded = encodeTable(head.preprocessing, test);
    const target = column(test.table, config.data.target);
    const truthClasses = head.preprocessing.classes ? [...new Set(Array.from(test.rows, (row) => cellText(target, row)))] : [];
    const problem = pairingProblem(
      base.preprocessing,
      head.preprocessing,
      test.table.columns.map((c) => c.name),
      truthClasses,
    );
    if (problem) return unavailable(problem);
    let baseEncoded: ReturnType<typeof encodeTable>;
    try {
      baseEncoded = encodeTable(base.preprocessing, test);
    } catch (error) {
      if (!isUserError(error)) throw error;
      return unavailable(`main's model cannot read the PR's test rows: ${error.message}`);
    }
    const headOutput = await predictRows(head.tf, head.model, headEncoded.x, headEncoded.rows);
    const baseOutput = await predictRows(base.tf, base.model, baseEncoded.x, baseEncoded.rows);
    const { metrics: measured, evaluation: baseEvaluation } = evaluate(base.preprocessing, baseEncoded.y, baseOutput);
    const baseMetrics = Object.fromEntries(config.metrics.filter((m) => m.name in measured).map((m) => [m.name, measured[m.name]]));

    const keys = rowKeys(test.table, test.rows).map(short);
    const isNew = Uint8Array.from(keys, (key) => (input.main.all.has(key) ? 0 : 1));
    const seenInTraining = keys.reduce((count, key) => count + (input.main.train.has(key) ? 1 : 0), 0);
    const file = dataFileKey(config, config.data.test ?? config.data.train);
    const paired = pairPredictions({
      base: { pre: base.preprocessing, output: baseOutput },
      head: { pre: head.preprocessing, output: headOutput },
      headTargets: headEncoded.y,
      file,
      lines: Uint32Array.from(test.rows, (row) => lineOfRow(test.table, row)),
      isNew,
    });
    const added = addedInputs(base.preprocessing, head.preprocessing);
    const newRows = isNew.reduce((a, b) => a + b, 0);
    return {
      paired,
      baseMetrics,
      baseEvaluation,
      rows: {
        rows: paired.rows,
        newRows,
        seenInTraining,
        file,
        ...(added.length > 0 ? { note: `the PR's model also reads ${listNames(added, 'column')}, which main's does not` } : {}),
      },
    };
  } finally {
    head.model.dispose();
    base?.model.dispose();
  }
}
