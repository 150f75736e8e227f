/** The pure comparison of a PR's run against main's baseline; input of the report. */
import type { Direction, Gate, Scalar } from '../domain/config.ts';
import type { McNemar } from '../metrics/mcnemar.ts';
import type { PredictionDiff } from './prediction-diff.ts';

/** `within-noise`: the paired interval of Δ contains zero, so the change may be chance alone. */
export type RowStatus = 'better' | 'worse' | 'within-noise' | 'within-tolerance' | 'unchanged' | 'new' | 'removed';

/** A paired bootstrap interval of Δ = PR − main, on the same rows. */
export interface DeltaInterval {
  low: number;
  high: number;
  confidence: number;
}

export interface MetricRow {
  name: string;
  direction: Direction;
  base?: number;
  head?: number;
  delta?: number;
  /** Relative change in percent of |base|; undefined when base is 0 or missing. */
  deltaPct?: number;
  status: RowStatus;
  gate?: Gate;
  /** undefined: not gated; otherwise whether the gate passed and why not. */
  gatePassed?: boolean;
  gateReason?: string;
  /** Why a gate with `confidence` passed a regression beyond its tolerance (not significant; too few rows to tell). */
  gateNote?: string;
  /** With paired predictions: the interval of Δ (at the gate's confidence, else the default). */
  interval?: DeltaInterval;
  /** accuracy, with paired predictions: McNemar's exact test. */
  mcnemar?: McNemar;
}

/**
 * `no-baseline`: nothing to compare against (first model on main); only gate thresholds were checked.
 * Rows `within-tolerance` count as unchanged: the config declared that much regression acceptable.
 */
export type Verdict = 'better' | 'worse' | 'mixed' | 'within-noise' | 'unchanged' | 'gate-failed' | 'no-baseline';

export interface ParamChange {
  key: string;
  base?: Scalar;
  head?: Scalar;
}

export interface DataChange {
  file: string;
  change: 'added' | 'removed' | 'modified' | 'unchanged';
  baseRows?: number;
  headRows?: number;
  baseHash?: string;
  headHash?: string;
}

/** A changed key of model-ci.yml (`metrics.accuracy.gate.tolerance`), like a params change. */
export interface ConfigChange {
  key: string;
  base?: Scalar;
  head?: Scalar;
  /** A gate, metric or split change: the base's value judged this PR; the PR's applies once merged. */
  afterMerge: boolean;
}

/** Which config judged the PR, and what the PR changes in it. */
export interface ConfigReview {
  /** The config file, relative to the repository (as the action's `config` input names it). */
  file: string;
  decidedBy: 'base' | 'pr';
  /** Why the PR's own config applies (`decidedBy: 'pr'`). */
  note?: string;
  changes: ConfigChange[];
}

/** Where the baseline came from. */
export interface BaselineSource {
  kind: 'record' | 'ancestor' | 'trained' | 'none';
  commit?: string;
  /** Commits between the PR's base and the ancestor that had a record. */
  behind?: number;
  /** Why the baseline is not the base commit's record (an unusable record, a base that failed to train). */
  note?: string;
}

/**
 * Whether main's and the PR's metrics were measured on the same rows. `rows`: the PR's test rows, which
 * both models were scored on (main's column of the table is main's model on these rows); `newRows`: those
 * not in main's data at all; `seenInTraining`: those main's model was trained on (its split differed), which
 * flatter main. `recorded`: main's numbers as its record has them, on main's own test rows: a note only.
 * `unavailable`: why the two columns are not on the same rows, said in the report.
 */
export interface PairedRows {
  /** Set when the two columns are not on the same rows: why, in words for the report. The counts are then 0. */
  unavailable?: string;
  rows: number;
  newRows: number;
  seenInTraining: number;
  /** The CSV the rows came from, relative to the config's folder. */
  file?: string;
  recorded?: Record<string, number>;
  /** Worth saying beside the counts (columns only the PR's model reads). */
  note?: string;
}

export interface Comparison {
  model: string;
  verdict: Verdict;
  rows: MetricRow[];
  params: ParamChange[];
  data: DataChange[];
  baseline: BaselineSource;
  headCommit?: string;
  failedGates: MetricRow[];
  /** Absent where no PR is judged (a main build, a report from an older version). */
  config?: ConfigReview;
  /** Main's and the PR's models were scored on the same rows: how the intervals were drawn. */
  noise?: { rows: number; resamples: number; seed: number };
  /** The same rows, prediction by prediction. */
  predictions?: PredictionDiff;
  /** Absent where nothing was paired (a main build, no baseline, a report from an older version). */
  paired?: PairedRows;
}
