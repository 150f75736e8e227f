/**
 * Counts what the server is asked to predict into the drift bins fitted on the training split
 * (preprocessing.json): per feature, inputs per bin, numbers outside the training range and
 * categories training never saw; and the predictions per class (or per bin of the target), exported
 * on /metrics beside the training shares. `model-ci monitor` turns them into drift per feature.
 *
 * Every label value comes from the training schema (feature names, bin numbers, class labels), never
 * from a request, so the series count is fixed when the model loads. Counts live in typed arrays: a
 * request pays a type check, a comparison or two and a binary search per feature.
 */
import { categoryBin, numericBin } from '../data/drift-bins.ts';
import type { DriftBins, FeatureSpec, Preprocessing } from '../data/preprocessing.ts';
import type { Prediction } from '../model/predictor.ts';
import type { Registry } from './prometheus.ts';

export interface DriftCounters {
  /** Counts request rows as sent (arrays in feature order or objects by name); values of the wrong type are skipped (the encoder refuses them). */
  observeInputs(rows: readonly unknown[]): void;
  observePredictions(predictions: readonly Prediction[]): void;
  /** The same from the network's raw output (rows × width, as `evaluate` reads it), for the v1 path that never builds prediction objects. */
  observeOutput(output: Float32Array, rows: number): void;
}

/** Metric names `model-ci monitor` reads (src/monitor/server-metrics.ts). */
export const DRIFT_METRICS = {
  available: 'model_ci_drift_bins_available',
  referenceShare: 'model_ci_feature_reference_share',
  inputs: 'model_ci_feature_inputs_total',
  outOfRange: 'model_ci_feature_out_of_range_total',
  unseen: 'model_ci_feature_unseen_category_total',
  predictionReferenceShare: 'model_ci_prediction_reference_share',
  predictions: 'model_ci_predictions_total',
} as const;

/** One shape for every feature, so the counting loop stays monomorphic. */
interface Counted {
  name: string;
  index: number;
  drift: DriftBins;
  numeric: boolean;
  counts: Float64Array;
  /** Numeric: [below min, above max]. Categorical: [unseen]. */
  outside: Float64Array;
  edges: Float64Array;
  min: number;
  max: number;
  /** Categorical: category → bin. */
  binOf: Map<string, number> | undefined;
}

export function registerDriftCounters(registry: Registry, pre: Preprocessing): DriftCounters {
  const features = pre.features.map((feature, index) => counted(feature, index)).filter((c): c is Counted => c !== undefined);
  const predictionDrift = pre.predictionDrift;
  const predictionCounts = new Float64Array(predictionDrift?.shares.length ?? 0);
  const available = features.length === pre.features.length && predictionDrift !== undefined;

  registry
    .gauge(
      DRIFT_METRICS.available,
      "1 when the model's preprocessing.json holds drift bins for every feature and the predictions; 0 when it predates them (retrain to get them).",
    )
    .set({}, available ? 1 : 0);
  registry.collected(DRIFT_METRICS.referenceShare, 'gauge', 'Share of the training rows in each drift bin of a feature.', (emit) => {
    for (const f of features)
      f.drift.shares.forEach((share, bin) => {
        emit({ feature: f.name, bin: String(bin) }, share);
      });
  });
  registry.collected(DRIFT_METRICS.inputs, 'counter', 'Inputs to predict per feature and drift bin (training quantile bins; categories).', (emit) => {
    for (const f of features)
      f.counts.forEach((count, bin) => {
        emit({ feature: f.name, bin: String(bin) }, count);
      });
  });
  registry.collected(DRIFT_METRICS.outOfRange, 'counter', 'Numeric inputs below the training minimum or above the training maximum.', (emit) => {
    for (const f of features) {
      if (!f.numeric) continue;
      emit({ feature: f.name, side: 'below' }, f.outside[0]);
      emit({ feature: f.name, side: 'above' }, f.outside[1]);
    }
  });
  registry.collected(DRIFT_METRICS.unseen, 'counter', 'Categorical inputs that are not a category of the training split.', (emit) => {
    for (const f of features) if (!f.numeric) emit({ feature: f.name }, f.outside[0]);
  });
  if (predictionDrift) {
    const classLabel = (bin: number): Record<string, string> => {
      if (!pre.classes) return {};
      const members = pre.classes.filter((_, k) => categoryBin(predictionDrift, k) === bin);
      return { class: members.length === 1 ? members[0] : `(${members.length} others)` };
    };
    registry.collected(DRIFT_METRICS.predictionReferenceShare, 'gauge', 'Share of the training labels (or target values) in each prediction bin.', (emit) => {
      predictionDrift.shares.forEach((share, bin) => {
        emit({ bin: String(bin), ...classLabel(bin) }, share);
      });
    });
    registry.collected(
      DRIFT_METRICS.predictions,
      'counter',
      'Predictions per class (classifier) or per training quantile bin of the target (regressor).',
      (emit) => {
        predictionCounts.forEach((count, bin) => {
          emit({ bin: String(bin), ...classLabel(bin) }, count);
        });
      },
    );
  }

  const classIndex = new Map((pre.classes ?? []).map((label, k) => [label, k]));
  return {
    observeInputs(rows) {
      for (let r = 0; r < rows.length; r++) {
        const row = rows[r];
        if (row === null || typeof row !== 'object') continue;
        if (Array.isArray(row)) {
          for (let j = 0; j < features.length; j++) observe(features[j], row[features[j].index]);
        } else {
          // An inherited property (`constructor`) is never a number or a string: observe skips it.
          const record = row as Record<string, unknown>;
          for (let j = 0; j < features.length; j++) observe(features[j], record[features[j].name]);
        }
      }
    },
    observeOutput(output, rows) {
      if (!predictionDrift) return;
      const width = output.length / Math.max(rows, 1);
      for (let r = 0; r < rows; r++) {
        if (pre.task === 'regression') {
          if (predictionDrift.edges && pre.targetScale)
            predictionCounts[numericBin(predictionDrift.edges, output[r] * pre.targetScale.std + pre.targetScale.mean)]++;
          continue;
        }
        let k = 0;
        if (width === 1) k = output[r] >= 0.5 ? 1 : 0;
        else for (let j = 1; j < width; j++) if (output[r * width + j] > output[r * width + k]) k = j;
        predictionCounts[categoryBin(predictionDrift, k)]++;
      }
    },
    observePredictions(predictions) {
      if (!predictionDrift) return;
      for (const p of predictions) {
        if (typeof p === 'number') {
          if (predictionDrift.edges) predictionCounts[numericBin(predictionDrift.edges, p)]++;
        } else {
          const k = classIndex.get(p.label);
          if (k !== undefined) predictionCounts[categoryBin(predictionDrift, k)]++;
        }
      }
    },
  };
}

function counted(feature: FeatureSpec, index: number): Counted | undefined {
  const drift = feature.drift;
  if (!drift) return undefined;
  const numeric = feature.kind === 'numeric';
  return {
    name: feature.name,
    index,
    drift,
    numeric,
    counts: new Float64Array(drift.shares.length),
    outside: new Float64Array(2),
    edges: Float64Array.from(drift.edges ?? []),
    min: numeric ? (feature.min ?? -Infinity) : 0,
    max: numeric ? (feature.max ?? Infinity) : 0,
    binOf: numeric ? undefined : new Map(feature.categories.map((category, k) => [category, categoryBin(drift, k)])),
  };
}

/** Counts one value; a value of the wrong type is the encoder's to refuse, not counted. */
function observe(c: Counted, value: unknown): void {
  if (c.numeric) {
    // JSON has no NaN; a number beyond double range parses as ±Infinity and lands in an end bin (and is then refused).
    if (typeof value !== 'number') return;
    // The bin is the number of edges below the value. With at most 9 edges a scan that stops at the first
    // edge not below it measured fastest in a micro-benchmark (about 6 ns a value of CPU time, against 9 for
    // a binary search, whose every step is a coin flip for the branch predictor).
    const edges = c.edges;
    const n = edges.length;
    let bin = 0;
    while (bin < n && value > edges[bin]) bin++;
    c.counts[bin]++;
    if (value < c.min) c.outside[0]++;
    else if (value > c.max) c.outside[1]++;
    return;
  }
  if (typeof value !== 'string' && typeof value !== 'number') return;
  const bin = (c.binOf as Map<string, number>).get(typeof value === 'string' ? value : String(value));
  if (bin === undefined) c.outside[0]++;
  else c.counts[bin]++;
}
