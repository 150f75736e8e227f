import { createRequire as __mcCreateRequire } from 'node:module'; import { fileURLToPath as __mcFileURLToPath } from 'node:url'; import { dirname as __mcDirname } from 'node:path'; const require = __mcCreateRequire(import.meta.url); const __filename = __mcFileURLToPath(import.meta.url); const __dirname = __mcDirname(__filename);
import {
  diffParams
} from "./action-chunk-92161225ff.js";
import {
  resolveCommit
} from "./action-chunk-40eeb72f53.js";
import {
  loadConfig
} from "./action-chunk-831e54c8a1.js";
import {
  git,
  tryGit
} from "./action-chunk-4a2bad3387.js";
import {
  UserError,
  isUserError
} from "./action-chunk-55db69e02f.js";

// src/flow/pull-request/base-config.ts
import { join, relative as relative2, sep as sep2 } from "node:path";

// src/compare/config-diff.ts
import { relative, sep } from "node:path";

// src/config/base-decides.ts
var BASE_DECIDES = ["metrics", "data.split", "data.test", "data.gate"];
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
  delete data.gate;
  if (base.data.gate !== void 0) data.gate = { ...base.data.gate };
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
    flat["data.split.method"] = data.split.method;
  }
  if (data.features) flat["data.features"] = JSON.stringify(data.features);
  if (data.categoricalColumns) flat["data.categorical_columns"] = JSON.stringify(data.categoricalColumns);
  if (data.gate?.maxRemovedShare !== void 0) flat["data.gate.max_removed_share"] = data.gate.maxRemovedShare;
  if (data.gate?.maxPsi !== void 0) flat["data.gate.max_psi"] = data.gate.maxPsi;
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
  if (gate.confidence !== void 0) flat[`${prefix}.confidence`] = gate.confidence;
  if (gate.beats !== void 0) flat[`${prefix}.beats`] = JSON.stringify(gate.beats);
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
async function judgeConfigAgainst(options, base, pr) {
  const baseSha = await resolveCommit(base, { cwd: options.repoRoot, remote: "origin", fetch: true, field: "base", log: options.log });
  return judgeConfig(options, baseSha, pr);
}

export {
  judgeConfig,
  judgeConfigAgainst
};
