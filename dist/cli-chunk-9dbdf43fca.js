import { createRequire as __mcCreateRequire } from 'node:module'; import { fileURLToPath as __mcFileURLToPath } from 'node:url'; import { dirname as __mcDirname } from 'node:path'; const require = __mcCreateRequire(import.meta.url); const __filename = __mcFileURLToPath(import.meta.url); const __dirname = __mcDirname(__filename);
import {
  categoryBin,
  numericBin
} from "./cli-chunk-a06b141fe7.js";

// src/serve/drift-counters.ts
var DRIFT_METRICS = {
  available: "model_ci_drift_bins_available",
  referenceShare: "model_ci_feature_reference_share",
  inputs: "model_ci_feature_inputs_total",
  outOfRange: "model_ci_feature_out_of_range_total",
  unseen: "model_ci_feature_unseen_category_total",
  predictionReferenceShare: "model_ci_prediction_reference_share",
  predictions: "model_ci_predictions_total"
};
function registerDriftCounters(registry, pre) {
  const features = pre.features.map((feature, index) => counted(feature, index)).filter((c) => c !== void 0);
  const predictionDrift = pre.predictionDrift;
  const predictionCounts = new Float64Array(predictionDrift?.shares.length ?? 0);
  const available = features.length === pre.features.length && predictionDrift !== void 0;
  registry.gauge(
    DRIFT_METRICS.available,
    "1 when the model's preprocessing.json holds drift bins for every feature and the predictions; 0 when it predates them (retrain to get them)."
  ).set({}, available ? 1 : 0);
  registry.collected(DRIFT_METRICS.referenceShare, "gauge", "Share of the training rows in each drift bin of a feature.", (emit) => {
    for (const f of features)
      f.drift.shares.forEach((share, bin) => {
        emit({ feature: f.name, bin: String(bin) }, share);
      });
  });
  registry.collected(DRIFT_METRICS.inputs, "counter", "Inputs to predict per feature and drift bin (training quantile bins; categories).", (emit) => {
    for (const f of features)
      f.counts.forEach((count, bin) => {
        emit({ feature: f.name, bin: String(bin) }, count);
      });
  });
  registry.collected(DRIFT_METRICS.outOfRange, "counter", "Numeric inputs below the training minimum or above the training maximum.", (emit) => {
    for (const f of features) {
      if (!f.numeric) continue;
      emit({ feature: f.name, side: "below" }, f.outside[0]);
      emit({ feature: f.name, side: "above" }, f.outside[1]);
    }
  });
  registry.collected(DRIFT_METRICS.unseen, "counter", "Categorical inputs that are not a category of the training split.", (emit) => {
    for (const f of features) if (!f.numeric) emit({ feature: f.name }, f.outside[0]);
  });
  if (predictionDrift) {
    const classLabel = (bin) => {
      if (!pre.classes) return {};
      const members = pre.classes.filter((_, k) => categoryBin(predictionDrift, k) === bin);
      return { class: members.length === 1 ? members[0] : `(${members.length} others)` };
    };
    registry.collected(DRIFT_METRICS.predictionReferenceShare, "gauge", "Share of the training labels (or target values) in each prediction bin.", (emit) => {
      predictionDrift.shares.forEach((share, bin) => {
        emit({ bin: String(bin), ...classLabel(bin) }, share);
      });
    });
    registry.collected(
      DRIFT_METRICS.predictions,
      "counter",
      "Predictions per class (classifier) or per training quantile bin of the target (regressor).",
      (emit) => {
        predictionCounts.forEach((count, bin) => {
          emit({ bin: String(bin), ...classLabel(bin) }, count);
        });
      }
    );
  }
  const classIndex = new Map((pre.classes ?? []).map((label, k) => [label, k]));
  return {
    observeInputs(rows) {
      for (let r = 0; r < rows.length; r++) {
        const row = rows[r];
        if (row === null || typeof row !== "object") continue;
        if (Array.isArray(row)) {
          for (let j = 0; j < features.length; j++) observe(features[j], row[features[j].index]);
        } else {
          const record = row;
          for (let j = 0; j < features.length; j++) observe(features[j], record[features[j].name]);
        }
      }
    },
    observeOutput(output, rows) {
      if (!predictionDrift) return;
      const width = output.length / Math.max(rows, 1);
      for (let r = 0; r < rows; r++) {
        if (pre.task === "regression") {
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
        if (typeof p === "number") {
          if (predictionDrift.edges) predictionCounts[numericBin(predictionDrift.edges, p)]++;
        } else {
          const k = classIndex.get(p.label);
          if (k !== void 0) predictionCounts[categoryBin(predictionDrift, k)]++;
        }
      }
    }
  };
}
function counted(feature, index) {
  const drift = feature.drift;
  if (!drift) return void 0;
  const numeric = feature.kind === "numeric";
  return {
    name: feature.name,
    index,
    drift,
    numeric,
    counts: new Float64Array(drift.shares.length),
    outside: new Float64Array(2),
    edges: Float64Array.from(drift.edges ?? []),
    min: numeric ? feature.min ?? -Infinity : 0,
    max: numeric ? feature.max ?? Infinity : 0,
    binOf: numeric ? void 0 : new Map(feature.categories.map((category, k) => [category, categoryBin(drift, k)]))
  };
}
function observe(c, value) {
  if (c.numeric) {
    if (typeof value !== "number") return;
    const edges = c.edges;
    const n = edges.length;
    let bin2 = 0;
    while (bin2 < n && value > edges[bin2]) bin2++;
    c.counts[bin2]++;
    if (value < c.min) c.outside[0]++;
    else if (value > c.max) c.outside[1]++;
    return;
  }
  if (typeof value !== "string" && typeof value !== "number") return;
  const bin = c.binOf.get(typeof value === "string" ? value : String(value));
  if (bin === void 0) c.outside[0]++;
  else c.counts[bin]++;
}

// src/serve/prometheus.ts
var Registry = class {
  #families = [];
  counter(name, help) {
    const series = /* @__PURE__ */ new Map();
    this.#families.push((lines) => renderSeries(lines, name, "counter", help, series));
    return {
      inc(labels = {}, by = 1) {
        seriesFor(series, labels).value += by;
      }
    };
  }
  /** A gauge whose value is read when scraped (e.g. memory), or set explicitly. */
  gauge(name, help, read) {
    const series = /* @__PURE__ */ new Map();
    this.#families.push((lines) => {
      if (read) seriesFor(series, {}).value = read();
      renderSeries(lines, name, "gauge", help, series);
    });
    return {
      set(labels, value) {
        seriesFor(series, labels).value = value;
      }
    };
  }
  histogram(name, help, buckets) {
    const series = /* @__PURE__ */ new Map();
    this.#families.push((lines) => renderHistogram(lines, name, help, buckets, series));
    return {
      observe(labels, value) {
        const key = labelKey(labels);
        let s = series.get(key);
        if (!s) {
          s = { labels, counts: new Array(buckets.length + 1).fill(0), sum: 0, count: 0 };
          series.set(key, s);
        }
        let i = 0;
        while (i < buckets.length && value > buckets[i]) i++;
        s.counts[i]++;
        s.sum += value;
        s.count++;
      }
    };
  }
  /**
   * A family whose series are read when scraped, for counts kept in typed arrays on the hot path
   * (drift bins): `collect` emits each series; labels must come from a fixed set, as everywhere.
   */
  collected(name, type, help, collect) {
    this.#families.push((lines) => {
      header(lines, name, type, help);
      collect((labels, value) => lines.push(`${name}${formatLabels(labels)} ${formatValue(value)}`));
    });
  }
  render() {
    const lines = [];
    for (const family of this.#families) family(lines);
    return `${lines.join("\n")}
`;
  }
};
var PROMETHEUS_CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";
function labelKey(labels) {
  return JSON.stringify(labels);
}
function seriesFor(series, labels) {
  const key = labelKey(labels);
  let s = series.get(key);
  if (!s) {
    s = { labels, value: 0 };
    series.set(key, s);
  }
  return s;
}
function header(lines, name, type, help) {
  lines.push(`# HELP ${name} ${help.replace(/\\/g, "\\\\").replace(/\n/g, "\\n")}`, `# TYPE ${name} ${type}`);
}
function renderSeries(lines, name, type, help, series) {
  header(lines, name, type, help);
  for (const s of series.values()) lines.push(`${name}${formatLabels(s.labels)} ${formatValue(s.value)}`);
}
function renderHistogram(lines, name, help, buckets, series) {
  header(lines, name, "histogram", help);
  for (const s of series.values()) {
    let cumulative = 0;
    buckets.forEach((le, i) => {
      cumulative += s.counts[i];
      lines.push(`${name}_bucket${formatLabels({ ...s.labels, le: formatValue(le) })} ${cumulative}`);
    });
    lines.push(`${name}_bucket${formatLabels({ ...s.labels, le: "+Inf" })} ${s.count}`);
    lines.push(`${name}_sum${formatLabels(s.labels)} ${formatValue(s.sum)}`);
    lines.push(`${name}_count${formatLabels(s.labels)} ${s.count}`);
  }
}
function formatLabels(labels) {
  const parts = Object.entries(labels).map(([k, v]) => `${k}="${v.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, "\\n")}"`);
  return parts.length ? `{${parts.join(",")}}` : "";
}
function formatValue(value) {
  if (Number.isNaN(value)) return "NaN";
  if (value === Infinity) return "+Inf";
  if (value === -Infinity) return "-Inf";
  return String(value);
}

export {
  DRIFT_METRICS,
  registerDriftCounters,
  Registry,
  PROMETHEUS_CONTENT_TYPE
};
