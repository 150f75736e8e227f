import { createRequire as __mcCreateRequire } from 'node:module'; import { fileURLToPath as __mcFileURLToPath } from 'node:url'; import { dirname as __mcDirname } from 'node:path'; const require = __mcCreateRequire(import.meta.url); const __filename = __mcFileURLToPath(import.meta.url); const __dirname = __mcDirname(__filename);
import {
  changedFiles,
  decideRetrain
} from "./action-chunk-QJIT7EBP.js";
import {
  resolveCommit
} from "./action-chunk-QUJR3PJL.js";
import {
  loadConfig
} from "./action-chunk-B62RWQSY.js";

// src/flow/pull-request.ts
import { join } from "node:path";
async function runPullRequest(options) {
  const { repoRoot, log } = options;
  const configFile = join(repoRoot, options.configPath);
  const config = await loadConfig(configFile, { repoRoot });
  const fetch = options.fetch ?? true;
  const baseSha = await resolveCommit(options.base, { cwd: repoRoot, remote: "origin", fetch, field: "base", log: log.info });
  const headSha = await resolveCommit(options.head, { cwd: repoRoot, remote: "origin", fetch, field: "head", log: log.info });
  const changed = await changedFiles({ cwd: repoRoot, base: baseSha, head: headSha, fetch, fallback: options.changedFilesFallback, log: log.info });
  const decision = decideRetrain({ changed: changed.files, watch: config.watch, force: options.force });
  if (!decision.retrain) return { kind: "skipped", model: config.name, reason: decision.reason, baseSha, headSha };
  log.info(`retraining ${config.name}: ${decision.reason}`);
  const { evaluatePullRequest } = await import("./action-pull-request-evaluate-NZBYADOI.js");
  return evaluatePullRequest(options, { config, configFile, baseSha, headSha, reason: decision.reason });
}

export {
  runPullRequest
};
