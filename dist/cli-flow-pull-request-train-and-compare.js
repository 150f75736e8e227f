import { createRequire as __mcCreateRequire } from 'node:module'; import { fileURLToPath as __mcFileURLToPath } from 'node:url'; import { dirname as __mcDirname } from 'node:path'; const require = __mcCreateRequire(import.meta.url); const __filename = __mcFileURLToPath(import.meta.url); const __dirname = __mcDirname(__filename);
import {
  compareRuns,
  diffParams
} from "./cli-chunk-9f0ab9e328.js";
import "./cli-chunk-4ce564b355.js";
import {
  trainModel
} from "./cli-chunk-d7c2c76510.js";
import "./cli-chunk-cd81231bff.js";
import "./cli-chunk-19e7804730.js";
import "./cli-chunk-5595f77bb2.js";
import "./cli-chunk-40eeb72f53.js";
import "./cli-chunk-1d7994cc6d.js";
import "./cli-chunk-89980272e8.js";
import "./cli-chunk-413a98cce8.js";
import "./cli-chunk-4293b75db3.js";
import {
  loadConfig
} from "./cli-chunk-ee9543e104.js";
import "./cli-chunk-4fcbb936ca.js";
import "./cli-chunk-fa08236832.js";
import "./cli-chunk-40530c68dd.js";
import {
  git,
  tryGit
} from "./cli-chunk-4a2bad3387.js";
import "./cli-chunk-75b5eb63a8.js";
import "./cli-chunk-82396b2bd9.js";
import "./cli-chunk-25be3d0a7c.js";
import {
  UserError,
  isUserError
} from "./cli-chunk-55db69e02f.js";
import "./cli-chunk-e3b0c44298.js";

// src/flow/pull-request/train-and-compare.ts
import { existsSync } from "node:fs";
import { join as join3 } from "node:path";

// src/flow/pull-request/base-config.ts
import { join, relative as relative2, sep as sep2 } from "node:path";

// src/compare/config-diff.ts
import { relative, sep } from "node:path";

// src/config/base-decides.ts
var BASE_DECIDES = ["metrics", "data.split", "data.test"];
function isBaseDecided(key) {
  return BASE_DECIDES.some((prefix) => key === prefix || key.startsWith(`${prefix}.`));
}
function decideConfig(base, pr, missing = "the base commit has no model-ci config") {
  if (!base) return { config: pr, decidedBy: "pr", note: `${missing}: this PR's config applies` };
  if (base.task !== pr.task) {
    return {
      config: pr,
      decidedBy: "pr",
      note: `this PR changes the task from ${base.task} to ${pr.task}, which the base's metrics do not apply to: this PR's config applies`
    };
  }
  const data = { ...pr.data };
  delete data.test;
  delete data.split;
  if (base.data.test !== void 0) data.test = base.data.test;
  if (base.data.split !== void 0) data.split = { ...base.data.split };
  return { config: { ...pr, data, metrics: base.metrics.map((metric) => ({ ...metric })) }, decidedBy: "base" };
}

// src/compare/config-diff.ts
function diffConfig(base, head, baseDecides) {
  return diffParams(flattenConfig(base), flattenConfig(head)).map((change) => ({ ...change, afterMerge: baseDecides && isBaseDecided(change.key) }));
}
function flattenConfig(config) {
  const path = (file) => relative(config.root, file).split(sep).join("/");
  const { data } = config;
  const flat = {
    name: config.name,
    task: config.task,
    backend: config.backend,
    params: path(config.params),
    watch: JSON.stringify(config.watch),
    "data.train": path(data.train),
    "data.target": data.target,
    "data.categorical": data.categorical,
    metrics: config.metrics.map((metric) => metric.name).join(", ")
  };
  if (data.test !== void 0) flat["data.test"] = path(data.test);
  if (data.split) {
    flat["data.split.test"] = data.split.test;
    flat["data.split.seed"] = data.split.seed;
    flat["data.split.stratify"] = data.split.stratify;
  }
  if (data.features) flat["data.features"] = JSON.stringify(data.features);
  if (data.categoricalColumns) flat["data.categorical_columns"] = JSON.stringify(data.categoricalColumns);
  for (const metric of config.metrics) {
    flat[`metrics.${metric.name}.direction`] = metric.direction;
    if (metric.gate) Object.assign(flat, flattenGate(`metrics.${metric.name}.gate`, metric.gate));
  }
  for (const [key, values] of Object.entries(config.sweep ?? {})) flat[`sweep.${key}`] = JSON.stringify(values);
  return flat;
}
function flattenGate(prefix, gate) {
  const flat = {};
  if (gate.tolerance !== void 0) flat[`${prefix}.tolerance`] = gate.relative ? `${+(gate.tolerance * 100).toPrecision(12)}%` : gate.tolerance;
  if (gate.threshold !== void 0) flat[`${prefix}.threshold`] = gate.threshold;
  return flat;
}

// src/flow/pull-request/base-config.ts
async function judgeConfig(options, baseSha, pr) {
  const { repoRoot } = options;
  const configFile = join(repoRoot, options.configPath);
  const file = relative2(repoRoot, configFile).split(sep2).join("/");
  const shown = `${file} at ${baseSha.slice(0, 7)}`;
  if (await tryGit(["cat-file", "-e", `${baseSha}^{commit}`], { cwd: repoRoot }) === null) {
    throw new UserError(
      `the base commit ${baseSha.slice(0, 7)} is not in this checkout, so its ${file} cannot judge this PR; fetch it (actions/checkout with fetch-depth: 0)`,
      {
        field: "base"
      }
    );
  }
  const blob = await tryGit(["rev-parse", "--verify", "--quiet", `${baseSha}:${file}`], { cwd: repoRoot });
  let base;
  let missing = `the base commit ${baseSha.slice(0, 7)} has no ${file} (this PR introduces the model)`;
  if (blob !== null) {
    const content = await git(["cat-file", "blob", blob.trim()], { cwd: repoRoot });
    try {
      base = await loadConfig(configFile, { repoRoot, text: { content, shown } });
    } catch (error) {
      if (!isUserError(error)) throw error;
      missing = `the base's config is invalid (${error.describe()})`;
    }
  }
  const decision = decideConfig(base, pr, missing);
  const changes = base ? diffConfig(base, pr, decision.decidedBy === "base") : [];
  return { ...decision, review: { file, decidedBy: decision.decidedBy, ...decision.note ? { note: decision.note } : {}, changes } };
}

// src/git/worktree.ts
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join as join2 } from "node:path";
async function withWorktree(repoRoot, commit, fn) {
  const parent = await mkdtemp(join2(tmpdir(), "model-ci-base-"));
  const dir = join2(parent, "tree");
  await git(["worktree", "add", "--detach", "--force", dir, commit], { cwd: repoRoot });
  try {
    return await fn(dir);
  } finally {
    await git(["worktree", "remove", "--force", dir], { cwd: repoRoot }).catch(() => void 0);
    await rm(parent, { recursive: true, force: true });
    await git(["worktree", "prune"], { cwd: repoRoot }).catch(() => void 0);
  }
}

// src/flow/pull-request/train-and-compare.ts
async function evaluatePullRequest(options, decided) {
  const { log } = options;
  const { configFile, baseSha, headSha } = decided;
  const recordsFetched = options.store.fetch();
  recordsFetched.catch(() => {
  });
  const judged = await judgeConfig(options, baseSha, decided.config);
  const { config } = judged;
  if (judged.note) log.info(judged.note);
  const proposed = judged.review.changes.filter((change) => change.afterMerge).map((change) => change.key);
  if (proposed.length > 0) log.info(`${judged.review.file} at the base judges this PR; its changes to ${proposed.join(", ")} apply after merge`);
  const headRun = await log.group(
    `train ${config.name} (this PR)`,
    () => trainModel(configFile, {
      config,
      out: join3(options.artifactsDir, "head"),
      backend: options.backend,
      workspace: options.workspace,
      log: log.info,
      trackedAt: options.trackedInputs ? headSha : void 0
    })
  );
  const baseline = await log.group(`baseline of ${config.name}`, () => findBaseline(options, config.name, baseSha, headRun.engine.backend, recordsFetched));
  const side = (run) => ({ metrics: run.metrics, params: run.params.flat, data: run.manifest.data });
  const comparison = compareRuns({
    model: config.name,
    metrics: config.metrics,
    base: baseline.side,
    head: side(headRun),
    baseline: baseline.source,
    headCommit: headSha,
    config: judged.review
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
  return { kind: "compared", model: config.name, reason: decided.reason, baseSha, headSha, comparison, report, headRun, baseRun: baseline.run };
}
async function findBaseline(options, model, baseSha, backend, recordsFetched) {
  const { store, log } = options;
  await (recordsFetched ?? store.fetch());
  const nearest = await store.findNearest(model, baseSha);
  let note;
  if (nearest && "record" in nearest) {
    const { record, behind } = nearest;
    log.info(
      behind === 0 ? `baseline: record of ${baseSha.slice(0, 7)}` : `baseline: record of ancestor ${record.commit.slice(0, 7)}, ${behind} commits behind the base`
    );
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
  return trainBase(options, baseSha, backend, note);
}
async function trainBase(options, baseSha, backend, note) {
  const { log } = options;
  return withWorktree(options.repoRoot, baseSha, async (dir) => {
    const configFile = join3(dir, options.configPath);
    if (!existsSync(configFile)) {
      log.info(`baseline: the base commit has no ${options.configPath}; this PR introduces the model`);
      return { source: { kind: "none", commit: baseSha, note: note ?? `the base commit has no ${options.configPath}` } };
    }
    log.info(`baseline: no record for ${baseSha.slice(0, 7)} or its ancestors; training the base commit on ${backend}`);
    try {
      const trackedAt = options.trackedInputs ? baseSha : void 0;
      const run = await trainModel(configFile, { out: join3(options.artifactsDir, "base"), backend, workspace: options.workspace, log: log.info, trackedAt });
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
export {
  evaluatePullRequest,
  findBaseline
};
