import { createRequire as __mcCreateRequire } from 'node:module'; import { fileURLToPath as __mcFileURLToPath } from 'node:url'; import { dirname as __mcDirname } from 'node:path'; const require = __mcCreateRequire(import.meta.url); const __filename = __mcFileURLToPath(import.meta.url); const __dirname = __mcDirname(__filename);
import {
  diffPredictions,
  pairedBootstrap,
  percentileInterval
} from "./action-chunk-50f4f1432b.js";
import {
  decideVerdict,
  evaluateGate,
  nearlyEqual,
  regression,
  withinTolerance
} from "./action-chunk-e5fccb96bd.js";
import {
  ARTIFACT_FILES
} from "./action-chunk-4293b75db3.js";
import {
  DEFAULT_CONFIDENCE
} from "./action-chunk-89980272e8.js";
import {
  METRICS
} from "./action-chunk-a4e2cf860a.js";
import {
  UserError
} from "./action-chunk-55db69e02f.js";

// src/compare/metric-rows.ts
function metricRows(configs, base, head, noise) {
  const configured = new Map(configs.map((config) => [config.name, config]));
  const others = [.../* @__PURE__ */ new Set([...Object.keys(base ?? {}), ...Object.keys(head)])].filter((name) => !configured.has(name)).sort(byCodePoint);
  const ordered = [
    ...configs.filter((config) => config.name in head || base !== void 0 && config.name in base),
    ...others.map((name) => ({ name, direction: METRICS[name]?.direction ?? guessDirection(name) }))
  ];
  return ordered.map((config) => metricRow(config, base?.[config.name], head[config.name], noise));
}
function metricRow(config, base, head, noise) {
  const paired = base === void 0 || head === void 0 ? void 0 : noise?.metrics[config.name];
  const interval = paired && percentileInterval(paired.deltas, config.gate?.confidence ?? DEFAULT_CONFIDENCE);
  const mcnemar = paired && config.name === "accuracy" ? noise?.mcnemar : void 0;
  const row = { name: config.name, direction: config.direction, status: rowStatus(config, base, head, interval) };
  if (base !== void 0) row.base = base;
  if (head !== void 0) row.head = head;
  if (base !== void 0 && head !== void 0) {
    row.delta = head - base;
    if (base !== 0) row.deltaPct = (head - base) / Math.abs(base) * 100;
  }
  if (interval) row.interval = interval;
  if (mcnemar) row.mcnemar = mcnemar;
  if (config.gate) {
    row.gate = config.gate;
    const evidence = interval && noise ? { interval, rows: noise.rows, ...mcnemar ? { mcnemar } : {} } : void 0;
    const result = evaluateGate(config.direction, config.gate, base, head, evidence);
    row.gatePassed = result.passed;
    if (result.reason) row.gateReason = result.reason;
    if (result.note) row.gateNote = result.note;
  }
  return row;
}
function rowStatus(config, base, head, interval) {
  if (head === void 0) return "removed";
  if (base === void 0) return "new";
  if (nearlyEqual(base, head)) return "unchanged";
  if (interval && interval.low <= 0 && interval.high >= 0) return "within-noise";
  const improves = interval ? config.direction === "higher" === interval.low > 0 : regression(config.direction, base, head) < 0;
  if (improves) return "better";
  return config.gate && withinTolerance(config.direction, config.gate, base, head) ? "within-tolerance" : "worse";
}
function guessDirection(name) {
  return /(^|[_-])(loss|mse|mae|rmse|mape|error|err)$|^(loss|mse|mae|rmse|mape|error)/i.test(name) ? "lower" : "higher";
}
function byCodePoint(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}

// src/compare/inputs-diff.ts
function diffParams(base, head) {
  const keys = [.../* @__PURE__ */ new Set([...Object.keys(base), ...Object.keys(head)])].sort(byCodePoint);
  const changes = [];
  for (const key of keys) {
    const inBase = Object.hasOwn(base, key);
    const inHead = Object.hasOwn(head, key);
    if (inBase && inHead && Object.is(base[key], head[key])) continue;
    const change = { key };
    if (inBase) change.base = base[key];
    if (inHead) change.head = head[key];
    changes.push(change);
  }
  return changes;
}
function diffData(base, head) {
  const files = [.../* @__PURE__ */ new Set([...Object.keys(base), ...Object.keys(head)])].sort(byCodePoint);
  return files.map((file) => {
    const before = Object.hasOwn(base, file) ? base[file] : void 0;
    const after = Object.hasOwn(head, file) ? head[file] : void 0;
    const change = {
      file,
      change: !before ? "added" : !after ? "removed" : before.hash === after.hash ? "unchanged" : "modified"
    };
    if (before) Object.assign(change, { baseRows: before.rows, baseHash: before.hash });
    if (after) Object.assign(change, { headRows: after.rows, headHash: after.hash });
    return change;
  });
}

// src/compare/compare.ts
function compareRuns(input) {
  const { base, head } = input;
  checkFinite(head.metrics, "this run", { file: ARTIFACT_FILES.metrics });
  if (base) checkFinite(base.metrics, describeBaseline(input.baseline), {});
  for (const config of input.metrics) {
    if (!(config.name in head.metrics) && !(base && config.name in base.metrics)) {
      throw new UserError(
        `metric "${config.name}" is listed in model-ci.yml but neither this run nor main's baseline measured it; measured: ${Object.keys(head.metrics).join(", ") || "nothing"}`,
        { field: "metrics" }
      );
    }
  }
  const noise = base && input.paired ? pairedBootstrap(input.paired) : void 0;
  const rows = metricRows(input.metrics, base?.metrics, head.metrics, noise);
  const comparison = {
    model: input.model,
    verdict: decideVerdict(rows, base !== void 0),
    rows,
    params: base ? diffParams(base.params, head.params) : [],
    data: base ? diffData(base.data, head.data) : [],
    baseline: base ? input.baseline : { kind: "none" },
    failedGates: rows.filter((row) => row.gatePassed === false)
  };
  if (input.headCommit !== void 0) comparison.headCommit = input.headCommit;
  if (input.config !== void 0) comparison.config = input.config;
  if (noise && input.paired) {
    comparison.noise = { rows: noise.rows, resamples: noise.resamples, seed: noise.seed };
    comparison.predictions = diffPredictions(input.paired);
  }
  return comparison;
}
function checkFinite(metrics, side, location) {
  for (const [name, value] of Object.entries(metrics)) {
    if (typeof value !== "number" || !Number.isFinite(value)) {
      const hint = typeof value === "number" ? " (did training diverge? check the learning rate)" : "";
      throw new UserError(
        `metric "${name}" of ${side} is ${typeof value === "number" ? String(value) : JSON.stringify(value)}${hint}; expected a finite number`,
        {
          ...location,
          field: `metrics.${name}`
        }
      );
    }
  }
}
function describeBaseline(source) {
  return source.commit ? `main's baseline (commit ${source.commit.slice(0, 7)})` : "main's baseline";
}

export {
  diffParams,
  compareRuns
};
