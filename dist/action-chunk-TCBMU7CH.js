import { createRequire as __mcCreateRequire } from 'node:module'; import { fileURLToPath as __mcFileURLToPath } from 'node:url'; import { dirname as __mcDirname } from 'node:path'; const require = __mcCreateRequire(import.meta.url); const __filename = __mcFileURLToPath(import.meta.url); const __dirname = __mcDirname(__filename);
import {
  changedFiles,
  decideRetrain,
  resolvePullCommits
} from "./action-chunk-PS5QMXXB.js";
import {
  loadConfig
} from "./action-chunk-SU6DDTM6.js";

// src/flow/pull-request.ts
import { join } from "node:path";
async function runPullRequest(options) {
  const { repoRoot, log } = options;
  const configFile = join(repoRoot, options.configPath);
  const config = await loadConfig(configFile, { repoRoot });
  const fetch = options.fetch ?? true;
  const commits = await resolvePullCommits({ cwd: repoRoot, base: options.base, head: options.head, fetch, log: log.info });
  const { base: baseSha, head: headSha } = commits;
  const changed = await changedFiles({
    cwd: repoRoot,
    base: options.base,
    head: options.head,
    resolved: commits,
    fetch,
    fallback: options.changedFilesFallback,
    log: log.info
  });
  const decision = decideRetrain({ changed: changed.files, watch: config.watch, force: options.force });
  if (!decision.retrain) return { kind: "skipped", model: config.name, reason: decision.reason, baseSha, headSha };
  log.info(`retraining ${config.name}: ${decision.reason}`);
  const { evaluatePullRequest } = await import("./action-pull-request-evaluate-U5TMHNJD.js");
  return evaluatePullRequest(options, { config, configFile, baseSha, headSha, reason: decision.reason });
}

export {
  runPullRequest
};
