/** The pure comparison of a PR's run against main's baseline; input of the report. */
import type { Direction, Gate, Scalar } from '../config/types.ts';

export type RowStatus = 'better' | 'worse' | 'within-tolerance' | 'unchanged' | 'new' | 'removed';

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
}

export type Verdict = 'better' | 'worse' | 'mixed' | 'unchanged' | 'gate-failed';

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

/** Where the baseline came from. */
export interface BaselineSource {
  kind: 'record' | 'ancestor' | 'trained' | 'none';
  commit?: string;
  /** Commits between the PR's base and the ancestor that had a record. */
  behind?: number;
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
}
