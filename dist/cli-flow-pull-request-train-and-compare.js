import { createRequire as __mcCreateRequire } from 'node:module'; import { fileURLToPath as __mcFileURLToPath } from 'node:url'; import { dirname as __mcDirname } from 'node:path'; const require = __mcCreateRequire(import.meta.url); const __filename = __mcFileURLToPath(import.meta.url); const __dirname = __mcDirname(__filename);
import {
  applyBeatsGates,
  diffData
} from "./cli-chunk-afe352c118.js";
import {
  compareRuns,
  diffParams
} from "./cli-chunk-fc38cb9dd1.js";
import "./cli-chunk-9dc7177ef9.js";
import "./cli-chunk-40eeb72f53.js";
import {
  addedInputs,
  dataFileKey,
  evaluate,
  listNames,
  loadDataset,
  pairPredictions,
  pairingProblem,
  predictRows,
  rowKeys,
  trainModel
} from "./cli-chunk-a7fff9f74d.js";
import {
  encodeTable
} from "./cli-chunk-da0da7856f.js";
import "./cli-chunk-a06b141fe7.js";
import {
  readCsvFile
} from "./cli-chunk-75b5eb63a8.js";
import {
  cellText,
  column,
  lineOfRow
} from "./cli-chunk-19e7804730.js";
import {
  loadModel
} from "./cli-chunk-a8ec06f77a.js";
import "./cli-chunk-8e297c67c6.js";
import "./cli-chunk-649b7577f9.js";
import "./cli-chunk-5cf8645060.js";
import "./cli-chunk-5595f77bb2.js";
import "./cli-chunk-1d7994cc6d.js";
import "./cli-chunk-89980272e8.js";
import "./cli-chunk-c63c95fa23.js";
import "./cli-chunk-413a98cce8.js";
import "./cli-chunk-4293b75db3.js";
import {
  confineInputs,
  loadConfig
} from "./cli-chunk-831e54c8a1.js";
import "./cli-chunk-a4e2cf860a.js";
import "./cli-chunk-4fcbb936ca.js";
import {
  formatBytes,
  limit
} from "./cli-chunk-82396b2bd9.js";
import "./cli-chunk-fa08236832.js";
import "./cli-chunk-40530c68dd.js";
import "./cli-chunk-25be3d0a7c.js";
import {
  UserError,
  isUserError,
  shorten
} from "./cli-chunk-55db69e02f.js";
import {
  GitError,
  git,
  gitBytes,
  tryGit
} from "./cli-chunk-4a2bad3387.js";
import "./cli-chunk-2ca2999deb.js";
import "./cli-chunk-e3b0c44298.js";

// src/flow/pull-request/train-and-compare.ts
import { existsSync as existsSync2 } from "node:fs";
import { join as join5 } from "node:path";

// src/compare/data-gates.ts
function applyDataGates(comparison, failures) {
  if (failures.length === 0) return comparison;
  const failed = failures.map(({ name, reason }) => ({ name, direction: "lower", status: "worse", gatePassed: false, gateReason: reason }));
  return { ...comparison, failedGates: [...comparison.failedGates, ...failed], verdict: "gate-failed" };
}

// src/changes/data-files.ts
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, relative, sep } from "node:path";

// src/git/blob.ts
async function readBlobAt(repoRoot, commit, path, maxBytes) {
  const entry = (await git(["ls-tree", "-l", "--full-tree", commit, "--", path], { cwd: repoRoot })).split("	")[0].trim();
  if (entry === "") return { kind: "missing" };
  const [mode, type, object, size] = entry.split(/\s+/);
  if (type !== "blob" || mode !== "100644" && mode !== "100755") return { kind: "not-a-file", mode };
  if (Number(size) > maxBytes) return { kind: "too-big", bytes: Number(size) };
  return { kind: "blob", bytes: await gitBytes(["cat-file", "blob", object], { cwd: repoRoot }) };
}

// src/changes/data-files.ts
var MAX_BLOB_BYTES = 512 * 1024 * 1024;
async function diffDataFiles(options) {
  const { repoRoot, baseSha, config } = options;
  const files = [config.data.train, ...config.data.test ? [config.data.test] : []];
  const categorical = [...config.data.categoricalColumns ?? [], ...config.task !== "regression" ? [config.data.target] : []];
  const result = { diffs: [], notes: [] };
  const scratch = await mkdtemp(join(tmpdir(), "model-ci-data-diff-"));
  try {
    for (const file of files) {
      const key = dataFileKey(config, file);
      const inRepo = relative(repoRoot, file).split(sep).join("/");
      const blob = await readBlobAt(repoRoot, baseSha, inRepo, Math.min(limit("csvBytes"), MAX_BLOB_BYTES));
      if (blob.kind === "missing") {
        result.notes.push(`${key} is new in this PR: main has no such file to compare with`);
        continue;
      }
      if (blob.kind === "not-a-file") {
        result.notes.push(`${key} is not a regular file at main's commit (git mode ${blob.mode}): not compared`);
        continue;
      }
      if (blob.kind === "too-big") {
        result.notes.push(`main's ${key} is ${formatBytes(blob.bytes)}, more than the data diff reads: not compared`);
        continue;
      }
      const baseFile = join(scratch, `base-${result.diffs.length}.csv`);
      await writeFile(baseFile, blob.bytes);
      let base;
      try {
        base = await readCsvFile(baseFile, { categorical });
      } catch (error) {
        if (!isUserError(error)) throw error;
        result.notes.push(shorten(`main's ${key} could not be read as a CSV, so it is not compared: ${error.message}`, 500));
        continue;
      }
      const head = await readCsvFile(file, { categorical });
      result.diffs.push(diffData({ file: key, base: base.table, head: head.table, target: config.data.target, task: config.task }));
    }
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
  return result;
}

// src/changes/data-gates.ts
function dataGateFailures(diffs, gate) {
  if (!gate) return [];
  const failures = [];
  for (const diff of diffs) {
    if (gate.maxRemovedShare !== void 0 && diff.baseRows > 0) {
      const share = diff.removedRows / diff.baseRows;
      if (share > gate.maxRemovedShare) {
        failures.push({
          name: "data.gate.max_removed_share",
          reason: `${diff.file}: ${diff.removedRows} of main's ${diff.baseRows} rows removed (${percent(share)}), more than the ${percent(gate.maxRemovedShare)} allowed`
        });
      }
    }
    if (gate.maxPsi !== void 0) {
      const shifted = diff.shift.filter((shift) => shift.psi > gate.maxPsi);
      if (shifted.length > 0) {
        const named = shifted.slice(0, 5).map((shift) => `${shift.column} (${shift.psi.toFixed(3)})`);
        failures.push({
          name: "data.gate.max_psi",
          reason: `${diff.file}: ${shifted.length === 1 ? "feature" : `${shifted.length} features`} shifted by a PSI over ${gate.maxPsi}: ${named.join(", ")}${shifted.length > 5 ? ", \u2026" : ""}`
        });
      }
    }
  }
  return failures;
}
function percent(share) {
  return `${+(share * 100).toFixed(1)}%`;
}

// src/flow/pull-request/base-config.ts
import { join as join2, relative as relative3, sep as sep3 } from "node:path";

// src/compare/config-diff.ts
import { relative as relative2, sep as sep2 } from "node:path";

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
  const path = (file) => relative2(config.root, file).split(sep2).join("/");
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
  const configFile = join2(repoRoot, options.configPath);
  const file = relative3(repoRoot, configFile).split(sep3).join("/");
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
import { mkdtemp as mkdtemp2, rm as rm2 } from "node:fs/promises";
import { tmpdir as tmpdir2 } from "node:os";
import { join as join3 } from "node:path";
async function withWorktree(repoRoot, commit, fn) {
  const parent = await mkdtemp2(join3(tmpdir2(), "model-ci-base-"));
  const dir = join3(parent, "tree");
  await git(["worktree", "add", "--detach", "--force", dir, commit], { cwd: repoRoot });
  try {
    return await fn(dir);
  } finally {
    await git(["worktree", "remove", "--force", dir], { cwd: repoRoot }).catch(() => void 0);
    await rm2(parent, { recursive: true, force: true });
    await git(["worktree", "prune"], { cwd: repoRoot }).catch(() => void 0);
  }
}

// src/flow/pull-request/paired-rows.ts
import { existsSync } from "node:fs";
import { join as join4 } from "node:path";
function unavailable(reason) {
  return { rows: { unavailable: reason, rows: 0, newRows: 0, seenInTraining: 0 } };
}
var short = (key) => key.slice(0, 16);
async function mainDataRows(options, commit) {
  return withWorktree(options.repoRoot, commit, async (dir) => {
    const file = join4(dir, options.configPath);
    if (!existsSync(file)) return { unavailable: `${commit.slice(0, 7)} has no ${options.configPath}` };
    try {
      const config = await confineInputs(await loadConfig(file), { params: false, trackedAt: commit });
      const dataset = await loadDataset(config);
      const all = new Set(rowKeys(dataset.train.table).map(short));
      if (dataset.test.table !== dataset.train.table) for (const key of rowKeys(dataset.test.table)) all.add(short(key));
      return { all, train: new Set(rowKeys(dataset.train.table, dataset.train.rows).map(short)) };
    } catch (error) {
      if (!isUserError(error)) throw error;
      return { unavailable: `main's data at ${commit.slice(0, 7)} could not be read (${error.message})` };
    }
  });
}
async function scoreOnSameRows(input) {
  const { config } = input;
  const dataset = await loadDataset(await confineInputs(config, { params: false, trackedAt: input.trackedAt }));
  const test = dataset.test;
  const options = { backend: input.backend, workspace: input.workspace };
  const head = await loadModel(input.headDir, options);
  let base;
  try {
    base = await loadModel(input.baseDir, options);
    const headEncoded = encodeTable(head.preprocessing, test);
    const target = column(test.table, config.data.target);
    const truthClasses = head.preprocessing.classes ? [...new Set(Array.from(test.rows, (row) => cellText(target, row)))] : [];
    const problem = pairingProblem(
      base.preprocessing,
      head.preprocessing,
      test.table.columns.map((c) => c.name),
      truthClasses
    );
    if (problem) return unavailable(problem);
    let baseEncoded;
    try {
      baseEncoded = encodeTable(base.preprocessing, test);
    } catch (error) {
      if (!isUserError(error)) throw error;
      return unavailable(`main's model cannot read the PR's test rows: ${error.message}`);
    }
    const headOutput = await predictRows(head.tf, head.model, headEncoded.x, headEncoded.rows);
    const baseOutput = await predictRows(base.tf, base.model, baseEncoded.x, baseEncoded.rows);
    const { metrics: measured, evaluation: baseEvaluation } = evaluate(base.preprocessing, baseEncoded.y, baseOutput);
    const baseMetrics = Object.fromEntries(config.metrics.filter((m) => m.name in measured).map((m) => [m.name, measured[m.name]]));
    const keys = rowKeys(test.table, test.rows).map(short);
    const isNew = Uint8Array.from(keys, (key) => input.main.all.has(key) ? 0 : 1);
    const seenInTraining = keys.reduce((count, key) => count + (input.main.train.has(key) ? 1 : 0), 0);
    const file = dataFileKey(config, config.data.test ?? config.data.train);
    const paired = pairPredictions({
      base: { pre: base.preprocessing, output: baseOutput },
      head: { pre: head.preprocessing, output: headOutput },
      headTargets: headEncoded.y,
      file,
      lines: Uint32Array.from(test.rows, (row) => lineOfRow(test.table, row)),
      isNew
    });
    const added = addedInputs(base.preprocessing, head.preprocessing);
    const newRows = isNew.reduce((a, b) => a + b, 0);
    return {
      paired,
      baseMetrics,
      baseEvaluation,
      rows: {
        rows: paired.rows,
        newRows,
        seenInTraining,
        file,
        ...added.length > 0 ? { note: `the PR's model also reads ${listNames(added, "column")}, which main's does not` } : {}
      }
    };
  } finally {
    head.model.dispose();
    base?.model.dispose();
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
      out: join5(options.artifactsDir, "head"),
      backend: options.backend,
      workspace: options.workspace,
      log: log.info,
      trackedAt: options.trackedInputs ? headSha : void 0,
      references: true
    })
  );
  const found = await log.group(`baseline of ${config.name}`, () => findBaseline(options, config.name, baseSha, headRun.engine.backend, recordsFetched));
  const { baseline, outcome } = await log.group(
    `score ${config.name} of main and of this PR on the same rows`,
    () => withMainOnSameRows(options, { found, baseSha, config, headRun })
  );
  if (outcome)
    log.info(
      outcome.paired ? `both models scored on ${outcome.rows.rows} test rows, ${outcome.rows.newRows} of them new` : `not on the same rows: ${outcome.rows.unavailable}`
    );
  const trend = await mainTrend(options, config.name, baseSha);
  const side = (run) => ({ metrics: run.metrics, params: run.params.flat, data: run.manifest.data });
  const baseSide = baseline.side && outcome?.paired ? { ...baseline.side, metrics: outcome.baseMetrics } : baseline.side;
  const compared = compareRuns({
    model: config.name,
    metrics: config.metrics,
    base: baseSide,
    head: side(headRun),
    baseline: baseline.source,
    headCommit: headSha,
    config: judged.review,
    // Intervals, McNemar and what changed prediction by prediction need both models on the same rows.
    ...outcome?.paired && baseSide ? { paired: outcome.paired } : {}
  });
  if (outcome && compared.baseline.kind !== "none") compared.paired = outcome.rows;
  const references = headRun.references?.results ?? [];
  const dataChanges = await log.group("data changes", () => diffDataFiles({ repoRoot: options.repoRoot, baseSha, config }));
  const comparison = applyDataGates(applyBeatsGates(compared, references), dataGateFailures(dataChanges.diffs, config.data.gate));
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
    base: baseline.side ? { history: baseline.history, evaluation: outcome?.paired ? outcome.baseEvaluation : baseline.evaluation, backend: baseline.backend } : void 0,
    ...trend.length > 0 ? { trend } : {},
    references: {
      testRows: headRun.manifest.testRows,
      results: references.map(({ name, metrics }) => ({ name, metrics })),
      notes: headRun.references?.notes
    },
    dataChanges
  };
  return {
    kind: "compared",
    model: config.name,
    reason: decided.reason,
    baseSha,
    headSha,
    comparison,
    report,
    headRun,
    baseRun: baseline.run,
    ...outcome?.paired ? { paired: outcome.paired } : {}
  };
}
async function withMainOnSameRows(options, { found, baseSha, config, headRun }) {
  const { log } = options;
  if (found.source.kind === "none") return { baseline: found };
  const backend = headRun.engine.backend;
  let baseline = found;
  let model;
  let why = "";
  if (found.run) model = { dir: found.run.out, commit: baseSha };
  else if (found.record?.storedModel) {
    const read = await options.store.readModel(found.record.storedModel, join5(options.artifactsDir, "base-model"));
    if ("dir" in read) model = { dir: read.dir, commit: found.record.commit };
    else why = `main's stored model was refused (${read.refused})`;
  } else if (found.record) why = `the record of ${found.record.commit.slice(0, 7)} carries no model (written before model-ci stored them)`;
  if (!model) {
    log.warn(`${why}: training the base commit to score it on this PR's rows`);
    const trained = await trainBase(options, baseSha, backend, why);
    if (!trained.run) return { baseline: found, outcome: unavailable(`${why}, and the base commit could not be trained here (${trained.source.note})`) };
    baseline = { ...trained, record: found.record };
    model = { dir: trained.run.out, commit: baseSha };
  }
  const main = await mainDataRows(options, model.commit);
  if ("unavailable" in main) return { baseline, outcome: unavailable(main.unavailable) };
  const outcome = await scoreOnSameRows({
    config,
    headDir: headRun.out,
    baseDir: model.dir,
    main,
    backend,
    workspace: options.workspace,
    trackedAt: options.trackedInputs ? headRun.manifest.commit : void 0
  });
  if (found.record && outcome.paired) outcome.rows.recorded = found.record.metrics;
  return { baseline, outcome };
}
async function mainTrend({ store, log }, model, baseSha) {
  try {
    const records = await store.recent(model, baseSha);
    return records.flatMap((entry) => "record" in entry ? [{ commit: entry.commit, metrics: entry.record.metrics }] : []);
  } catch (error) {
    if (!isUserError(error) && !(error instanceof GitError)) throw error;
    log.warn(`the report has no trend of ${model}: ${error.message}`);
    return [];
  }
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
      backend: record.backend,
      record
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
    const configFile = join5(dir, options.configPath);
    if (!existsSync2(configFile)) {
      log.info(`baseline: the base commit has no ${options.configPath}; this PR introduces the model`);
      return { source: { kind: "none", commit: baseSha, note: note ?? `the base commit has no ${options.configPath}` } };
    }
    log.info(`baseline: no record for ${baseSha.slice(0, 7)} or its ancestors; training the base commit on ${backend}`);
    try {
      const trackedAt = options.trackedInputs ? baseSha : void 0;
      const run = await trainModel(configFile, { out: join5(options.artifactsDir, "base"), backend, workspace: options.workspace, log: log.info, trackedAt });
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
