import { createRequire as __mcCreateRequire } from 'node:module'; import { fileURLToPath as __mcFileURLToPath } from 'node:url'; import { dirname as __mcDirname } from 'node:path'; const require = __mcCreateRequire(import.meta.url); const __filename = __mcFileURLToPath(import.meta.url); const __dirname = __mcDirname(__filename);
import {
  writeCandidateFile
} from "./action-chunk-51c70538ba.js";
import {
  findCandidate
} from "./action-chunk-9ea5f9aee2.js";
import {
  judgeConfigAgainst
} from "./action-chunk-17ddbd85c3.js";
import "./action-chunk-92161225ff.js";
import {
  trainModel
} from "./action-chunk-67fe986c38.js";
import "./action-chunk-bc1fafee27.js";
import "./action-chunk-50f4f1432b.js";
import "./action-chunk-d2a1d9ef9d.js";
import "./action-chunk-e5fccb96bd.js";
import "./action-chunk-e5a79ce89a.js";
import "./action-chunk-7d1a89a2f0.js";
import "./action-chunk-f8c3a7d0f4.js";
import {
  readEvent
} from "./action-chunk-fef4885785.js";
import "./action-chunk-5595f77bb2.js";
import "./action-chunk-4293b75db3.js";
import "./action-chunk-89980272e8.js";
import "./action-chunk-18413418a4.js";
import {
  actionLogger
} from "./action-chunk-6afa78d0c2.js";
import {
  group,
  info,
  setOutput
} from "./action-chunk-fb78514aca.js";
import "./action-chunk-40eeb72f53.js";
import "./action-chunk-413a98cce8.js";
import {
  loadConfig
} from "./action-chunk-831e54c8a1.js";
import "./action-chunk-fa08236832.js";
import "./action-chunk-a4e2cf860a.js";
import "./action-chunk-afcbbfc458.js";
import "./action-chunk-40530c68dd.js";
import "./action-chunk-25be3d0a7c.js";
import "./action-chunk-4a2bad3387.js";
import "./action-chunk-4fcbb936ca.js";
import "./action-chunk-82396b2bd9.js";
import {
  UserError
} from "./action-chunk-55db69e02f.js";
import "./action-chunk-773d882dc0.js";
import "./action-chunk-e3b0c44298.js";

// src/action/modes/candidate.ts
import { join, resolve } from "node:path";
var runCandidate = async ({ settings, context, kit }) => {
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
  kit.setResultOutputs("trained", run.metrics, run.engine.backend, file);
};
var candidate_default = runCandidate;
export {
  candidate_default as default
};
