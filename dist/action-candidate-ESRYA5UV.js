import { createRequire as __mcCreateRequire } from 'node:module'; import { fileURLToPath as __mcFileURLToPath } from 'node:url'; import { dirname as __mcDirname } from 'node:path'; const require = __mcCreateRequire(import.meta.url); const __filename = __mcFileURLToPath(import.meta.url); const __dirname = __mcDirname(__filename);
import {
  writeCandidateFile
} from "./action-chunk-RZUDBWIL.js";
import {
  findCandidate
} from "./action-chunk-QX3JZJIA.js";
import {
  readEvent
} from "./action-chunk-LQH2JAV6.js";
import "./action-chunk-GBMA2WFK.js";
import {
  trainModel
} from "./action-chunk-V3MGC6FM.js";
import "./action-chunk-RVZTZNZD.js";
import "./action-chunk-SWRELE74.js";
import {
  loadConfig
} from "./action-chunk-AEV3ON4H.js";
import "./action-chunk-EXVVL7ZD.js";
import "./action-chunk-VRFJ3H7T.js";
import "./action-chunk-CFDHDJV2.js";
import {
  setResultOutputs
} from "./action-chunk-ZDYM73AP.js";
import "./action-chunk-E4N4ZUJS.js";
import "./action-chunk-ABDEFCN6.js";
import {
  actionLogger
} from "./action-chunk-63QA22LC.js";
import {
  group,
  info,
  setOutput
} from "./action-chunk-HE2N44BQ.js";
import "./action-chunk-P2BHVZ2N.js";
import {
  UserError
} from "./action-chunk-QFPM7OST.js";
import "./action-chunk-TVGUXHZX.js";

// src/action/candidate.ts
import { join, resolve } from "node:path";
var runCandidate = async (settings, context) => {
  if (!settings.candidate) throw new UserError("mode `candidate` needs the `candidate` input: the matrix id, e.g. `${{ matrix.candidate }}`", { field: "candidate" });
  const event = readEvent(context.eventName, context.payload);
  const headSha = event.kind === "pull_request" ? event.headSha : context.sha;
  const configFile = join(context.workspace, settings.config);
  const candidate = findCandidate(await loadConfig(configFile, { repoRoot: context.workspace }), settings.candidate);
  info(`candidate ${candidate.id}: ${candidate.name}`);
  const run = await group(
    `train candidate ${candidate.id}`,
    () => trainModel(configFile, {
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
