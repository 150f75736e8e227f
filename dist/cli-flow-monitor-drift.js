import { createRequire as __mcCreateRequire } from 'node:module'; import { fileURLToPath as __mcFileURLToPath } from 'node:url'; import { dirname as __mcDirname } from 'node:path'; const require = __mcCreateRequire(import.meta.url); const __filename = __mcFileURLToPath(import.meta.url); const __dirname = __mcDirname(__filename);
import {
  DRIFT_METRICS,
  Registry,
  registerDriftCounters
} from "./cli-chunk-9dbdf43fca.js";
import "./cli-chunk-a06b141fe7.js";
import {
  DRIFT_CATEGORY_BINS
} from "./cli-chunk-5cf8645060.js";
import {
  DEFAULT_THRESHOLDS,
  featureDrift
} from "./cli-chunk-9ab6690bb5.js";
import "./cli-chunk-89980272e8.js";
import {
  UserError,
  quote
} from "./cli-chunk-55db69e02f.js";
import "./cli-chunk-e3b0c44298.js";

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

// src/monitor/server-metrics.ts
function observationFromMetrics(samples, source, expected = {}) {
  const info = samples.find((s) => s.name === "model_ci_model_info" && s.value === 1);
  if (!info)
    throw new UserError("holds no model_ci_model_info sample: it is not a model-ci model server's /metrics (or the model is still loading)", { file: source });
  const model = { name: info.labels.name ?? "", version: info.labels.version ?? "", task: info.labels.task ?? "" };
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
export {
  metricsUrl,
  monitorDrift
};
