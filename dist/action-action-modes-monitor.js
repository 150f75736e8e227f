import { createRequire as __mcCreateRequire } from 'node:module'; import { fileURLToPath as __mcFileURLToPath } from 'node:url'; import { dirname as __mcDirname } from 'node:path'; const require = __mcCreateRequire(import.meta.url); const __filename = __mcFileURLToPath(import.meta.url); const __dirname = __mcDirname(__filename);
import {
  DRIFT_CATEGORY_BINS,
  categoryBin,
  numericBin
} from "./action-chunk-7d1a89a2f0.js";
import {
  DEFAULT_DRIFT_THRESHOLD
} from "./action-chunk-89980272e8.js";
import {
  info,
  setFailed,
  setOutput
} from "./action-chunk-fb78514aca.js";
import {
  escapeCell
} from "./action-chunk-7ba064f90f.js";
import {
  loadConfig
} from "./action-chunk-831e54c8a1.js";
import "./action-chunk-fa08236832.js";
import "./action-chunk-a4e2cf860a.js";
import "./action-chunk-afcbbfc458.js";
import "./action-chunk-40530c68dd.js";
import "./action-chunk-25be3d0a7c.js";
import "./action-chunk-4a2bad3387.js";
import "./action-chunk-4fcbb936ca.js";
import "./action-chunk-82396b2bd9.js";
import {
  UserError,
  quote
} from "./action-chunk-55db69e02f.js";
import "./action-chunk-e3b0c44298.js";

// src/action/modes/monitor.ts
import { join } from "node:path";

// src/monitor/drift.ts
var DEFAULT_THRESHOLDS = { drift: DEFAULT_DRIFT_THRESHOLD, moderate: 0.1, minInputs: 100 };
var FLOOR = 1e-4;
function populationStabilityIndex(reference, counts, extra = 0) {
  const total = counts.reduce((a, b) => a + b, 0) + extra;
  if (total === 0) return 0;
  let psi2 = 0;
  const bins = extra > 0 ? [...counts, extra] : counts;
  bins.forEach((count, i) => {
    const expected = Math.max(reference[i] ?? 0, FLOOR);
    const observed = Math.max(count / total, FLOOR);
    psi2 += (observed - expected) * Math.log(observed / expected);
  });
  return psi2;
}
function featureDrift(observation, thresholds) {
  const inputs = observation.counts.reduce((a, b) => a + b, 0) + observation.unseen;
  const psi2 = populationStabilityIndex(observation.reference, observation.counts, observation.unseen);
  const status = inputs < thresholds.minInputs ? "too-few-inputs" : psi2 >= thresholds.drift ? "drift" : psi2 >= thresholds.moderate ? "moderate" : "stable";
  return { name: observation.name, inputs, psi: psi2, status, outOfRange: observation.outOfRange, unseen: observation.unseen };
}

// src/monitor/prometheus-text.ts
var SAMPLE = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})?[ \t]+(\S+)(?:[ \t]+-?\d+)?$/;
var LABEL = /\s*([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"\s*(?:,|$)/y;
function parsePrometheusText(text, source) {
  const samples = [];
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    if (line === "" || line.startsWith("#")) continue;
    const notPrometheus = (why) => new UserError(`is not Prometheus text exposition format: line ${i + 1} ${quote(line)} ${why}; expected a /metrics endpoint's answer`, { file: source });
    const match = SAMPLE.exec(line);
    if (!match) throw notPrometheus("is neither a comment nor `name{labels} value`");
    const value = parseValue(match[3]);
    if (value === void 0) throw notPrometheus(`has the value ${quote(match[3])}, not a number`);
    const labels = {};
    const body = match[2] ?? "";
    LABEL.lastIndex = 0;
    while (LABEL.lastIndex < body.length) {
      const start = LABEL.lastIndex;
      const label = LABEL.exec(body);
      if (!label || label.index !== start) throw notPrometheus("has malformed labels");
      labels[label[1]] = label[2].replace(/\\(.)/g, (_, c) => c === "n" ? "\n" : c);
    }
    samples.push({ name: match[1], labels, value });
  }
  if (samples.length === 0) throw new UserError("holds no metric samples; expected a /metrics endpoint's answer", { file: source });
  return samples;
}
function parseValue(text) {
  if (text === "NaN") return Number.NaN;
  if (text === "+Inf") return Infinity;
  if (text === "-Inf") return -Infinity;
  const value = Number(text);
  return text !== "" && !Number.isNaN(value) ? value : void 0;
}

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

// src/monitor/server-metrics.ts
function observationFromMetrics(samples, source, expected = {}) {
  const info2 = samples.find((s) => s.name === "model_ci_model_info" && s.value === 1);
  if (!info2)
    throw new UserError("holds no model_ci_model_info sample: it is not a model-ci model server's /metrics (or the model is still loading)", { file: source });
  const model = { name: info2.labels.name ?? "", version: info2.labels.version ?? "", task: info2.labels.task ?? "" };
  const served = `model ${quote(model.name)} version ${quote(model.version)}`;
  if (expected.name !== void 0 && model.name !== expected.name) {
    throw new UserError(`comes from a server of ${served}, not of ${quote(expected.name)}: point the monitor at ${quote(expected.name)}'s server`, {
      file: source
    });
  }
  if (expected.version !== void 0 && model.version !== expected.version) {
    throw new UserError(`comes from a server of ${served}, not version ${quote(expected.version)}`, { file: source });
  }
  return { model, ...countsFromMetrics(samples, source, served) };
}
function countsFromMetrics(samples, source, what) {
  const available = samples.find((s) => s.name === DRIFT_METRICS.available);
  if (available?.value !== 1) {
    throw new UserError(
      `cannot compute drift for ${what}: its preprocessing.json has no drift bins (it was trained before model-ci fitted them); retrain and redeploy to monitor it`,
      { file: source }
    );
  }
  const byFeature = /* @__PURE__ */ new Map();
  const feature = (name) => {
    let f = byFeature.get(name);
    if (!f) {
      f = { name, reference: [], counts: [], outOfRange: 0, unseen: 0 };
      byFeature.set(name, f);
    }
    return f;
  };
  const binOf = (sample) => {
    const bin = Number(sample.labels.bin);
    if (!Number.isInteger(bin) || bin < 0 || bin >= DRIFT_CATEGORY_BINS) {
      throw new UserError(`has ${sample.name} with bin ${quote(sample.labels.bin ?? "")}, not a bin number below ${DRIFT_CATEGORY_BINS}`, { file: source });
    }
    return bin;
  };
  const predictions = { reference: [], counts: [], labels: [] };
  for (const sample of samples) {
    switch (sample.name) {
      case DRIFT_METRICS.referenceShare:
        feature(sample.labels.feature ?? "").reference[binOf(sample)] = sample.value;
        break;
      case DRIFT_METRICS.inputs:
        feature(sample.labels.feature ?? "").counts[binOf(sample)] = sample.value;
        break;
      case DRIFT_METRICS.outOfRange:
        feature(sample.labels.feature ?? "").outOfRange += sample.value;
        break;
      case DRIFT_METRICS.unseen:
        feature(sample.labels.feature ?? "").unseen += sample.value;
        break;
      case DRIFT_METRICS.predictionReferenceShare:
        predictions.reference[binOf(sample)] = sample.value;
        predictions.labels[binOf(sample)] = sample.labels.class ?? `bin ${sample.labels.bin}`;
        break;
      case DRIFT_METRICS.predictions:
        predictions.counts[binOf(sample)] = sample.value;
        break;
    }
  }
  const features = [...byFeature.values()];
  for (const f of features) {
    if (f.reference.length !== f.counts.length || f.reference.some((r) => r === void 0) || f.counts.some((c) => c === void 0)) {
      throw new UserError(`has drift bins of feature ${quote(f.name)} that do not match its training shares`, { file: source });
    }
  }
  return { features, predictions: predictions.reference.length > 0 ? predictions : void 0 };
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

// src/flow/monitor-drift.ts
var MAX_METRICS_BYTES = 8 * 1024 * 1024;
async function monitorDrift(options) {
  const thresholds = { ...DEFAULT_THRESHOLDS, ...options.thresholds };
  let observation;
  let source;
  if (options.source.kind === "server") {
    const url = metricsUrl(options.source.url);
    source = url;
    const text = await fetchMetrics(url, options.timeoutMs ?? 1e4);
    observation = observationFromMetrics(parsePrometheusText(text, url), url, options.expected);
  } else {
    const { file, rows, preprocessing } = options.source;
    source = file;
    const registry = new Registry();
    registerDriftCounters(registry, preprocessing).observeInputs(rows);
    observation = countsFromMetrics(parsePrometheusText(registry.render(), file), file, `the model of ${preprocessing.target}`);
  }
  const features = observation.features.map((f) => featureDrift(f, thresholds));
  const prediction = observation.predictions ? featureDrift(
    { name: "(predictions)", reference: observation.predictions.reference, counts: observation.predictions.counts, outOfRange: 0, unseen: 0 },
    thresholds
  ) : void 0;
  const drifted = features.filter((f) => f.status === "drift").map((f) => f.name);
  const judged = features.filter((f) => f.status !== "too-few-inputs");
  return {
    source,
    model: observation.model,
    features,
    prediction,
    thresholds,
    drifted,
    maxPsi: judged.reduce((max, f) => Math.max(max, f.psi), 0)
  };
}
function metricsUrl(text) {
  let url;
  try {
    url = new URL(text);
  } catch {
    throw new UserError(`${quote(text)} is not a URL; expected the model server's address, like http://localhost:8501`, { field: "url" });
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") throw new UserError(`${quote(text)} is not an http(s) URL`, { field: "url" });
  if (url.pathname === "/" || url.pathname === "") url.pathname = "/metrics";
  return url.href;
}
async function fetchMetrics(url, timeoutMs) {
  let response;
  try {
    response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs), headers: { Accept: "text/plain" } });
  } catch (error) {
    const cause = error.cause;
    const why = error.name === "TimeoutError" ? `no answer within ${timeoutMs / 1e3} s` : cause?.code === "ECONNREFUSED" ? "connection refused (is the server running, on that port?)" : cause?.code === "ENOTFOUND" ? "no such host" : cause?.message ?? error.message;
    throw new UserError(`cannot read the model server's metrics: ${why}`, { file: url });
  }
  if (!response.ok) {
    await response.body?.cancel();
    throw new UserError(`answered HTTP ${response.status}; expected 200 with Prometheus text (is this a model-ci server's /metrics?)`, { file: url });
  }
  const chunks = [];
  let size = 0;
  for await (const chunk of response.body) {
    size += chunk.length;
    if (size > MAX_METRICS_BYTES) {
      throw new UserError(`answered more than ${MAX_METRICS_BYTES / 1024 / 1024} MiB; a model server's /metrics is far smaller`, { file: url });
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString("utf8");
}

// src/monitor/report.ts
var STATUS = { stable: "stable", moderate: "moderate shift", drift: "DRIFT", "too-few-inputs": "too few inputs" };
function psi(value) {
  return value.toFixed(3);
}
function headline(report) {
  const model = report.model ? `${report.model.name} (version ${report.model.version})` : "the model";
  const verdict = report.drifted.length > 0 ? `${report.drifted.length} of ${report.features.length} features drifted` : `no feature drifted (${report.features.length} checked)`;
  return `drift of ${model}: ${verdict}; max PSI ${psi(report.maxPsi)} (drift at \u2265 ${report.thresholds.drift}, moderate at \u2265 ${report.thresholds.moderate})`;
}
function driftMarkdown(report) {
  const lines = [
    `### ${report.drifted.length > 0 ? "\u26A0\uFE0F" : "\u2705"} ${escapeCell(headline(report))}`,
    "",
    `Inputs counted by the model server (source: ${escapeCell(report.source)}) against the training split's drift bins (population stability index).`,
    "",
    "| feature | inputs | PSI | status | out of training range | unseen categories |",
    "| --- | ---: | ---: | --- | ---: | ---: |"
  ];
  for (const f of [...report.features, ...report.prediction ? [report.prediction] : []]) {
    lines.push(`| ${escapeCell(f.name)} | ${f.inputs} | ${psi(f.psi)} | ${STATUS[f.status]} | ${f.outOfRange} | ${f.unseen} |`);
  }
  lines.push("", "Retrain on recent data and redeploy when features drift; the counts are cumulative since the server started.");
  return `${lines.join("\n")}
`;
}

// src/action/modes/monitor.ts
var runMonitor = async ({ settings, context, kit }) => {
  if (!settings.monitorUrl) {
    throw new UserError("mode `monitor` needs `monitor-url`: the deployed model server (http://host:8501) or its /metrics URL", { field: "monitor-url" });
  }
  const config = await loadConfig(join(context.workspace, settings.config), { repoRoot: context.workspace });
  const report = await monitorDrift({
    source: { kind: "server", url: settings.monitorUrl },
    expected: { name: config.name },
    thresholds: { drift: settings.driftThreshold }
  });
  const markdown = driftMarkdown(report);
  info(markdown);
  await kit.summary(markdown);
  setOutput("drifted-features", JSON.stringify(report.drifted));
  setOutput("max-psi", report.maxPsi.toFixed(4));
  if (report.drifted.length === 0) return;
  if (settings.driftIssue) {
    const [gh, { upsertDriftIssue }, { driftIssueMarker }] = await Promise.all([
      kit.gitHub(),
      import("./action-github-drift-issue.js"),
      import("./action-report-marker.js")
    ]);
    const issue = await upsertDriftIssue(gh, {
      owner: context.owner,
      repo: context.repo,
      marker: driftIssueMarker(config.name),
      title: `Input drift: ${config.name}`,
      body: `${markdown}
${context.runUrl ? `Last checked by [this run](${context.runUrl}).
` : ""}`,
      botLogin: settings.botLogin
    });
    info(`drift issue #${issue.number} ${issue.action}`);
    setOutput("drift-issue", String(issue.number));
  }
  setFailed(
    `input drift: ${report.drifted.length} feature${report.drifted.length === 1 ? "" : "s"} at PSI \u2265 ${report.thresholds.drift}; retrain and redeploy`
  );
};
var monitor_default = runMonitor;
export {
  monitor_default as default
};
