import { createRequire as __mcCreateRequire } from 'node:module'; import { fileURLToPath as __mcFileURLToPath } from 'node:url'; import { dirname as __mcDirname } from 'node:path'; const require = __mcCreateRequire(import.meta.url); const __filename = __mcFileURLToPath(import.meta.url); const __dirname = __mcDirname(__filename);
import {
  writeCandidateFile
} from "./action-chunk-8badc10aa0.js";
import {
  findCandidate
} from "./action-chunk-2af520e303.js";
import {
  readEvent
} from "./action-chunk-fef4885785.js";
import {
  judgeConfigAgainst
} from "./action-chunk-2e81b14362.js";
import "./action-chunk-9f0ab9e328.js";
import "./action-chunk-40eeb72f53.js";
import {
  trainModel
} from "./action-chunk-6441d629b6.js";
import "./action-chunk-7099422b82.js";
import "./action-chunk-96abf0e6f9.js";
import "./action-chunk-0f2d6ff849.js";
import "./action-chunk-1b931d9861.js";
import {
  setResultOutputs
} from "./action-chunk-c73047ee21.js";
import "./action-chunk-f0f553e796.js";
import {
  loadConfig
} from "./action-chunk-9631ec5816.js";
import "./action-chunk-7a5ab46020.js";
import "./action-chunk-0c7a57a20e.js";
import "./action-chunk-949e6a9a52.js";
import {
  actionLogger
} from "./action-chunk-90713e0a1a.js";
import {
  group,
  info,
  setOutput
} from "./action-chunk-fb78514aca.js";
import "./action-chunk-413a98cce8.js";
import {
  UserError
} from "./action-chunk-55db69e02f.js";
import "./action-chunk-e3b0c44298.js";

// src/action/candidate.ts
import { join, resolve } from "node:path";
var runCandidate = async (settings, context) => {
  if (!settings.candidate)
    throw new UserError("mode `candidate` needs the `candidate` input: the matrix id, e.g. `${{ matrix.candidate }}`", { field: "candidate" });
  const event = readEvent(context.eventName, context.payload);
  if (event.kind === "pull_request" && event.target) {
    throw new UserError(`mode \`candidate\` does not run on pull_request_target; run the sweep on pull_request (a fork's comment goes through workflow_run)`, {
      field: "mode"
    });
  }
  const headSha = event.kind === "pull_request" ? event.headSha : context.sha;
  const configFile = join(context.workspace, settings.config);
  const prConfig = await loadConfig(configFile, { repoRoot: context.workspace });
  const candidate = findCandidate(prConfig, settings.candidate);
  info(`candidate ${candidate.id}: ${candidate.name}`);
  const { config } = event.kind === "pull_request" ? await judgeConfigAgainst({ repoRoot: context.workspace, configPath: settings.config, log: actionLogger.info }, event.baseSha, prConfig) : { config: prConfig };
  const run = await group(
    `train candidate ${candidate.id}`,
    () => trainModel(configFile, {
      config,
      out: resolve(context.workspace, settings.artifactsDir, candidate.id),
      backend: settings.backend,
      workspace: context.workspace,
      paramsOverride: candidate.params,
      log: actionLogger.info
    })
  );
  const file = await writeCandidateFile(resolve(context.workspace, settings.reportDir), headSha, {
    id: candidate.id,
    name: candidate.name,
    params: candidate.params,
    backend: run.engine.backend,
    run: { metrics: run.metrics, params: run.params.flat, data: run.manifest.data }
  });
  setOutput("retrained", "true");
  setResultOutputs("trained", run.metrics, run.engine.backend, file);
};
var candidate_default = runCandidate;
export {
  candidate_default as default
};
