import { createRequire as __mcCreateRequire } from 'node:module'; import { fileURLToPath as __mcFileURLToPath } from 'node:url'; import { dirname as __mcDirname } from 'node:path'; const require = __mcCreateRequire(import.meta.url); const __filename = __mcFileURLToPath(import.meta.url); const __dirname = __mcDirname(__filename);
import {
  judgeConfig
} from "./action-chunk-17ddbd85c3.js";
import {
  compareRuns
} from "./action-chunk-9f0ab9e328.js";
import {
  trainModel
} from "./action-chunk-ea15b0ecc1.js";
import {
  withWorktree
} from "./action-chunk-7a2e6707a8.js";
import {
  isUserError
} from "./action-chunk-55db69e02f.js";

// src/flow/pull-request/train-and-compare.ts
import { existsSync } from "node:fs";
import { join } from "node:path";
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
      out: join(options.artifactsDir, "head"),
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
    const configFile = join(dir, options.configPath);
    if (!existsSync(configFile)) {
      log.info(`baseline: the base commit has no ${options.configPath}; this PR introduces the model`);
      return { source: { kind: "none", commit: baseSha, note: note ?? `the base commit has no ${options.configPath}` } };
    }
    log.info(`baseline: no record for ${baseSha.slice(0, 7)} or its ancestors; training the base commit on ${backend}`);
    try {
      const trackedAt = options.trackedInputs ? baseSha : void 0;
      const run = await trainModel(configFile, { out: join(options.artifactsDir, "base"), backend, workspace: options.workspace, log: log.info, trackedAt });
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
