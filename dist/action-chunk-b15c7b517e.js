import { createRequire as __mcCreateRequire } from 'node:module'; import { fileURLToPath as __mcFileURLToPath } from 'node:url'; import { dirname as __mcDirname } from 'node:path'; const require = __mcCreateRequire(import.meta.url); const __filename = __mcFileURLToPath(import.meta.url); const __dirname = __mcDirname(__filename);
import {
  changedFiles,
  decideRetrain,
  resolvePullCommits
} from "./action-chunk-4b574b9bdf.js";
import {
  parse
} from "./action-chunk-afcbbfc458.js";
import {
  MODEL_NAME
} from "./action-chunk-4fcbb936ca.js";
import {
  limit
} from "./action-chunk-82396b2bd9.js";

// src/flow/pull-request/decide.ts
import { join } from "node:path";
async function runPullRequest(options) {
  const { repoRoot, log } = options;
  const changes = listChanges(options);
  changes.catch(() => {
  });
  const { loadConfig } = await import("./action-config-load.js");
  const configFile = join(repoRoot, options.configPath);
  const config = await loadConfig(configFile, { repoRoot });
  const { commits, changed } = await changes;
  const { base: baseSha, head: headSha } = commits;
  const decision = decideRetrain({ changed: changed.files, watch: config.watch, force: options.force });
  if (!decision.retrain) return { kind: "skipped", model: config.name, reason: decision.reason, baseSha, headSha };
  log.info(`retraining ${config.name}: ${decision.reason}`);
  const { evaluatePullRequest } = await import("./action-flow-pull-request-train-and-compare.js");
  return evaluatePullRequest(options, { config, configFile, baseSha, headSha, reason: decision.reason });
}
async function listChanges(options) {
  const fetch = options.fetch ?? true;
  const commits = await resolvePullCommits({ cwd: options.repoRoot, base: options.base, head: options.head, fetch, log: options.log.info });
  const changed = await changedFiles({
    cwd: options.repoRoot,
    base: options.base,
    head: options.head,
    resolved: commits,
    fetch,
    fallback: options.changedFilesFallback,
    log: options.log.info
  });
  return { commits, changed };
}

// src/action/model-name.ts
import { readFileSync, statSync } from "node:fs";
import { basename, dirname } from "node:path";
function peekModelName(configFile) {
  try {
    if (statSync(configFile).size <= limit("yamlBytes")) {
      const doc = parse(readFileSync(configFile, "utf8"), { maxAliasCount: limit("yamlAliases") });
      const name = typeof doc?.name === "string" ? doc.name.trim() : "";
      if (MODEL_NAME.test(name)) return name;
    }
  } catch {
  }
  return basename(dirname(configFile)) || "model";
}

export {
  runPullRequest,
  peekModelName
};
