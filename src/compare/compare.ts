/** Main's baseline ⟷ this run: the pure comparison the report and the gate read. */
import type { MetricConfig, Scalar } from '../domain/config.ts';
import { UserError } from '../errors.ts';
import { ARTIFACT_FILES, type DataFileStats, type Metrics } from '../domain/run-artifacts.ts';
import type { PairedPredictions } from '../domain/paired-predictions.ts';
import { diffData, diffParams } from './inputs-diff.ts';
import { metricRows } from './metric-rows.ts';
import { pairedBootstrap } from './paired-bootstrap.ts';
import { diffPredictions } from './prediction-diff.ts';
import type { BaselineSource, Comparison, ConfigReview } from './types.ts';
import { decideVerdict } from './verdict.ts';

/** What one side of the comparison measured and was made from. */
export interface RunSide {
  metrics: Metrics;
  /** Flattened params (`train.epochs`). */
  params: Record<string, Scalar>;
  data: Record<string, DataFileStats>;
}

export interface CompareInput {
  model: string;
  /** From the config: names, directions and gates, in the order the user listed them. */
  metrics: readonly MetricConfig[];
  /** Main's side; absent when there is no baseline at all (then every metric is new and only thresholds gate). */
  base?: RunSide;
  head: RunSide;
  baseline: BaselineSource;
  headCommit?: string;
  /** A PR's: which config judged it and what it changes in model-ci.yml. */
  config?: ConfigReview;
  /**
   * Main's and the PR's models on the same rows: then every row gets a paired interval of Δ (within noise
   * when it contains zero), gates may ask for significance, and the report says what changed row by row.
   */
  paired?: PairedPredictions;
}

/**
 * Rows for every metric either side has, params and data diffs, gates and the verdict.
 * Throws `UserError` when a metric is not a finite number (a diverged training, a corrupt or
 * older baseline record) or when a configured metric was measured by neither side.
 */
export function compareRuns(input: CompareInput): Comparison {
  const { base, head } = input;
  checkFinite(head.metrics, 'this run', { file: ARTIFACT_FILES.metrics });
  if (base) checkFinite(base.metrics, describeBaseline(input.baseline), {});
  for (const config of input.metrics) {
    if (!(config.name in head.metrics) && !(base && config.name in base.metrics)) {
      throw new UserError(
        `metric "${config.name}" is listed in model-ci.yml but neither this run nor main's baseline measured it; measured: ${
          Object.keys(head.metrics).join(', ') || 'nothing'
        }`,
        { field: 'metrics' },
      );
    }
  }
  const noise = base && input.paired ? pairedBootstrap(input.paired) : undefined;
  const rows = metricRows(input.metrics, base?.metrics, head.metrics, noise);
  const comparison: Comparison = {
    model: input.model,
    verdict: decideVerdict(rows, base !== undefined),
    rows,
    params: base ? diffParams(base.params, head.params) : [],
    data: base ? diffData(base.data, head.data) : [],
    baseline: base ? input.baseline : { kind: 'none' },
    failedGates: rows.filter((row) => row.gatePassed === false),
  };
  if (input.headCommit !== undefined) comparison.headCommit = input.headCommit;
  if (input.config !== undefined) comparison.config = input.config;
  if (noise && input.paired) {
    comparison.noise = { rows: noise.rows, resamples: noise.resamples, seed: noise.seed };
    comparison.predictions = diffPredictions(input.paired);
  }
  return comparison;
}

function checkFinite(metrics: Metrics, side: string, location: { file?: string }): void {
  for (const [name, value] of Object.entries(metrics)) {
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      const hint = typeof value === 'number' ? ' (did training diverge? check the learning rate)' : '';
      throw new UserError(
        `metric "${name}" of ${side} is ${typeof value === 'number' ? String(value) : JSON.stringify(value)}${hint}; expected a finite number`,
        {
          ...location,
          field: `metrics.${name}`,
        },
      );
    }
  }
}

function describeBaseline(source: BaselineSource): string {
  return source.commit ? `main's baseline (commit ${source.commit.slice(0, 7)})` : "main's baseline";
}
