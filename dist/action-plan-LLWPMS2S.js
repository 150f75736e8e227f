import { createRequire as __mcCreateRequire } from 'node:module'; import { fileURLToPath as __mcFileURLToPath } from 'node:url'; import { dirname as __mcDirname } from 'node:path'; const require = __mcCreateRequire(import.meta.url); const __filename = __mcFileURLToPath(import.meta.url); const __dirname = __mcDirname(__filename);
import {
  changedFiles,
  decideRetrain
} from "./action-chunk-PS5QMXXB.js";
import "./action-chunk-SQZ5FKLJ.js";
import {
  sweepCandidates
} from "./action-chunk-QX3JZJIA.js";
import {
  readEvent
} from "./action-chunk-LQH2JAV6.js";
import "./action-chunk-E25KGV3P.js";
import "./action-chunk-GBMA2WFK.js";
import "./action-chunk-SWRELE74.js";
import {
  loadConfig
} from "./action-chunk-AEV3ON4H.js";
import "./action-chunk-EXVVL7ZD.js";
import "./action-chunk-VRFJ3H7T.js";
import "./action-chunk-E4N4ZUJS.js";
import "./action-chunk-ABDEFCN6.js";
import {
  gitHubClient
} from "./action-chunk-P7JV7L3J.js";
import "./action-chunk-DYGCQGUX.js";
import {
  actionLogger
} from "./action-chunk-63QA22LC.js";
import {
  info,
  setOutput
} from "./action-chunk-HE2N44BQ.js";
import {
  getPull
} from "./action-chunk-SEAZMY75.js";
import "./action-chunk-E4545SVN.js";
import "./action-chunk-P2BHVZ2N.js";
import "./action-chunk-QFPM7OST.js";
import "./action-chunk-TVGUXHZX.js";

// src/action/plan.ts
import { join } from "node:path";

// src/flow/route.ts
function routeRunner(input) {
  const hosted = (reason, backend = input.backend === "tensorflow-gpu" ? "auto" : input.backend) => ({
    runsOn: [input.hostedRunner],
    backend,
    reason
  });
  if (!input.gpuRunnerLabels) return hosted("no GPU runner is configured");
  if (input.isFork) return hosted("the pull request comes from a fork: never routed to a self-hosted runner");
  if (input.backend === "cpu" || input.backend === "wasm") return hosted(`the ${input.backend} backend needs no GPU`, input.backend);
  return { runsOn: input.gpuRunnerLabels, backend: "tensorflow-gpu", reason: "a GPU runner is configured and the code is from this repository" };
}

// src/action/plan.ts
var runPlan = async (settings, context) => {
  const config = await loadConfig(join(context.workspace, settings.config), { repoRoot: context.workspace });
  const event = readEvent(context.eventName, context.payload);
  let isFork = false;
  let retrain = { retrain: true, reason: `${context.eventName} event` };
  if (event.kind === "pull_request") {
    isFork = event.isFork;
    const changed = await changedFiles({ cwd: context.workspace, base: event.baseSha, head: event.headSha, log: actionLogger.info });
    retrain = decideRetrain({ changed: changed.files, watch: config.watch, force: settings.forceRetrain });
  } else if (event.kind === "issue_comment" && event.isPullRequest) {
    isFork = (await getPull(gitHubClient(settings, context), context.owner, context.repo, event.issueNumber)).isFork;
  }
  const route = routeRunner({
    gpuRunnerLabels: settings.gpuRunnerLabels,
    hostedRunner: settings.hostedRunner,
    isFork,
    backend: settings.backend ?? config.backend
  });
  info(`plan: ${retrain.retrain ? "retrain" : "no retrain"} (${retrain.reason}); runs-on ${JSON.stringify(route.runsOn)}, backend ${route.backend}: ${route.reason}`);
  setOutput("retrained", String(retrain.retrain));
  if (config.sweep) {
    const candidates = sweepCandidates(config.sweep);
    info(`sweep: ${candidates.length} candidates: ${candidates.map((c) => `${c.id} ${c.name}`).join("; ")}`);
    setOutput("matrix", JSON.stringify({ candidate: candidates.map((c) => c.id) }));
  }
  setOutput("runs-on", JSON.stringify(route.runsOn));
  setOutput("backend", route.backend);
};
var plan_default = runPlan;
export {
  plan_default as default
};
