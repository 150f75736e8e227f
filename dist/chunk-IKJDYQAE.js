import { createRequire as __mcCreateRequire } from 'node:module'; import { fileURLToPath as __mcFileURLToPath } from 'node:url'; import { dirname as __mcDirname } from 'node:path'; const require = __mcCreateRequire(import.meta.url); const __filename = __mcFileURLToPath(import.meta.url); const __dirname = __mcDirname(__filename);
import {
  changedFiles,
  decideRetrain
} from "./chunk-DOKTCUVK.js";
import {
  ARTIFACT_FILES,
  trainModel
} from "./chunk-RP6XDFB7.js";
import {
  evaluateGate,
  nearlyEqual,
  regression,
  withinTolerance
} from "./chunk-AADEROUG.js";
import {
  git,
  resolveCommit
} from "./chunk-ZOWBQWBA.js";
import {
  METRICS,
  loadConfig,
  require_dist
} from "./chunk-UX6ZKB65.js";
import {
  UserError,
  isUserError
} from "./chunk-C5KZMDF4.js";
import {
  __toESM
} from "./chunk-X7SRBJM7.js";

// src/flow/worktree.ts
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
async function withWorktree(repoRoot, commit, fn) {
  const parent = await mkdtemp(join(tmpdir(), "model-ci-base-"));
  const dir = join(parent, "tree");
  await git(["worktree", "add", "--detach", "--force", dir, commit], { cwd: repoRoot });
  try {
    return await fn(dir);
  } finally {
    await git(["worktree", "remove", "--force", dir], { cwd: repoRoot }).catch(() => void 0);
    await rm(parent, { recursive: true, force: true });
    await git(["worktree", "prune"], { cwd: repoRoot }).catch(() => void 0);
  }
}

// src/flow/pull-request.ts
import { existsSync } from "node:fs";
import { join as join2 } from "node:path";

// src/compare/metric-rows.ts
function metricRows(configs, base, head) {
  const configured = new Map(configs.map((config) => [config.name, config]));
  const others = [.../* @__PURE__ */ new Set([...Object.keys(base ?? {}), ...Object.keys(head)])].filter((name) => !configured.has(name)).sort(byCodePoint);
  const ordered = [
    ...configs.filter((config) => config.name in head || base !== void 0 && config.name in base),
    ...others.map((name) => ({ name, direction: METRICS[name]?.direction ?? guessDirection(name) }))
  ];
  return ordered.map((config) => metricRow(config, base?.[config.name], head[config.name]));
}
function metricRow(config, base, head) {
  const row = { name: config.name, direction: config.direction, status: rowStatus(config, base, head) };
  if (base !== void 0) row.base = base;
  if (head !== void 0) row.head = head;
  if (base !== void 0 && head !== void 0) {
    row.delta = head - base;
    if (base !== 0) row.deltaPct = (head - base) / Math.abs(base) * 100;
  }
  if (config.gate) {
    row.gate = config.gate;
    const result = evaluateGate(config.direction, config.gate, base, head);
    row.gatePassed = result.passed;
    if (result.reason) row.gateReason = result.reason;
  }
  return row;
}
function rowStatus(config, base, head) {
  if (head === void 0) return "removed";
  if (base === void 0) return "new";
  if (nearlyEqual(base, head)) return "unchanged";
  if (regression(config.direction, base, head) < 0) return "better";
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

// src/compare/verdict.ts
function decideVerdict(rows, hasBaseline) {
  if (rows.some((row) => row.gatePassed === false)) return "gate-failed";
  if (!hasBaseline) return "no-baseline";
  const better = rows.some((row) => row.status === "better");
  const worse = rows.some((row) => row.status === "worse");
  if (better && worse) return "mixed";
  if (better) return "better";
  if (worse) return "worse";
  return "unchanged";
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
  const rows = metricRows(input.metrics, base?.metrics, head.metrics);
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
  return comparison;
}
function checkFinite(metrics, side, location) {
  for (const [name, value] of Object.entries(metrics)) {
    if (typeof value !== "number" || !Number.isFinite(value)) {
      const hint = typeof value === "number" ? " (did training diverge? check the learning rate)" : "";
      throw new UserError(`metric "${name}" of ${side} is ${typeof value === "number" ? String(value) : JSON.stringify(value)}${hint}; expected a finite number`, {
        ...location,
        field: `metrics.${name}`
      });
    }
  }
}
function describeBaseline(source) {
  return source.commit ? `main's baseline (commit ${source.commit.slice(0, 7)})` : "main's baseline";
}

// src/flow/pull-request.ts
async function runPullRequest(options) {
  const { repoRoot, log } = options;
  const configFile = join2(repoRoot, options.configPath);
  const config = await loadConfig(configFile, { repoRoot });
  const fetch = options.fetch ?? true;
  const baseSha = await resolveCommit(options.base, { cwd: repoRoot, remote: "origin", fetch, field: "base", log: log.info });
  const headSha = await resolveCommit(options.head, { cwd: repoRoot, remote: "origin", fetch, field: "head", log: log.info });
  const changed = await changedFiles({ cwd: repoRoot, base: baseSha, head: headSha, fetch, fallback: options.changedFilesFallback, log: log.info });
  const decision = decideRetrain({ changed: changed.files, watch: config.watch, force: options.force });
  if (!decision.retrain) return { kind: "skipped", model: config.name, reason: decision.reason, baseSha, headSha };
  log.info(`retraining ${config.name}: ${decision.reason}`);
  const headRun = await log.group(
    `train ${config.name} (this PR)`,
    () => trainModel(configFile, { out: join2(options.artifactsDir, "head"), backend: options.backend, workspace: options.workspace, log: log.info })
  );
  const baseline = await log.group(`baseline of ${config.name}`, () => findBaseline(options, config.name, baseSha, headRun));
  const side = (run) => ({ metrics: run.metrics, params: run.params.flat, data: run.manifest.data });
  const comparison = compareRuns({
    model: config.name,
    metrics: config.metrics,
    base: baseline.side,
    head: side(headRun),
    baseline: baseline.source,
    headCommit: headSha
  });
  const report = {
    comparison,
    head: {
      history: headRun.history,
      evaluation: headRun.evaluation,
      backend: headRun.engine.backend,
      backendNotices: headRun.engine.notices,
      trainingMs: Math.round(headRun.durations.trainMs),
      seed: headRun.params.train.seed
    },
    base: baseline.side ? { history: baseline.history, evaluation: baseline.evaluation, backend: baseline.backend } : void 0
  };
  return { kind: "compared", model: config.name, reason: decision.reason, baseSha, headSha, comparison, report, headRun, baseRun: baseline.run };
}
async function findBaseline(options, model, baseSha, headRun) {
  const { store, log } = options;
  await store.fetch();
  const nearest = await store.findNearest(model, baseSha);
  let note;
  if (nearest && "record" in nearest) {
    const { record, behind } = nearest;
    log.info(behind === 0 ? `baseline: record of ${baseSha.slice(0, 7)}` : `baseline: record of ancestor ${record.commit.slice(0, 7)}, ${behind} commits behind the base`);
    return {
      source: { kind: behind === 0 ? "record" : "ancestor", commit: record.commit, behind },
      side: { metrics: record.metrics, params: record.params, data: record.data },
      history: record.history,
      evaluation: record.evaluation,
      backend: record.backend
    };
  }
  if (nearest && "unusable" in nearest) {
    note = `the record of ${nearest.commit.slice(0, 7)} is unusable (${nearest.unusable})`;
    log.warn(`${note}; training the base commit instead`);
  }
  return trainBase(options, baseSha, headRun, note);
}
async function trainBase(options, baseSha, headRun, note) {
  const { log } = options;
  return withWorktree(options.repoRoot, baseSha, async (dir) => {
    const configFile = join2(dir, options.configPath);
    if (!existsSync(configFile)) {
      log.info(`baseline: the base commit has no ${options.configPath}; this PR introduces the model`);
      return { source: { kind: "none", commit: baseSha, note: note ?? `the base commit has no ${options.configPath}` } };
    }
    log.info(`baseline: no record for ${baseSha.slice(0, 7)} or its ancestors; training the base commit on ${headRun.engine.backend}`);
    try {
      const run = await trainModel(configFile, { out: join2(options.artifactsDir, "base"), backend: headRun.engine.backend, workspace: options.workspace, log: log.info });
      return {
        source: { kind: "trained", commit: baseSha, note },
        side: { metrics: run.metrics, params: run.params.flat, data: run.manifest.data },
        history: run.history,
        evaluation: run.evaluation,
        backend: run.engine.backend,
        run
      };
    } catch (error) {
      if (!isUserError(error)) throw error;
      const why = `the base commit could not be trained: ${error.describe()}`;
      log.warn(why);
      return { source: { kind: "none", commit: baseSha, note: why } };
    }
  });
}

// src/action/model-name.ts
var import_yaml = __toESM(require_dist(), 1);
import { readFileSync } from "node:fs";
import { basename, dirname } from "node:path";
function peekModelName(configFile) {
  try {
    const doc = (0, import_yaml.parse)(readFileSync(configFile, "utf8"));
    if (typeof doc?.name === "string" && doc.name.trim() !== "") return doc.name.trim();
  } catch {
  }
  return basename(dirname(configFile)) || "model";
}

export {
  compareRuns,
  withWorktree,
  runPullRequest,
  peekModelName
};
