import { createRequire as __mcCreateRequire } from 'node:module'; import { fileURLToPath as __mcFileURLToPath } from 'node:url'; import { dirname as __mcDirname } from 'node:path'; const require = __mcCreateRequire(import.meta.url); const __filename = __mcFileURLToPath(import.meta.url); const __dirname = __mcDirname(__filename);
import {
  sweepCandidates
} from "./action-chunk-9ea5f9aee2.js";
import "./action-chunk-92161225ff.js";
import "./action-chunk-50f4f1432b.js";
import "./action-chunk-d2a1d9ef9d.js";
import "./action-chunk-e5fccb96bd.js";
import "./action-chunk-f8c3a7d0f4.js";
import {
  getPull
} from "./action-chunk-0d62e16402.js";
import {
  changedFiles,
  decideRetrain
} from "./action-chunk-4b574b9bdf.js";
import {
  readEvent
} from "./action-chunk-fef4885785.js";
import "./action-chunk-4293b75db3.js";
import "./action-chunk-89980272e8.js";
import {
  actionLogger
} from "./action-chunk-6afa78d0c2.js";
import {
  info,
  setOutput
} from "./action-chunk-fb78514aca.js";
import "./action-chunk-40eeb72f53.js";
import "./action-chunk-34a48b51a2.js";
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
import "./action-chunk-55db69e02f.js";
import "./action-chunk-e3b0c44298.js";

// src/action/modes/plan.ts
import { join } from "node:path";

// src/github/runner-route.ts
function routeRunner(input) {
  const hosted = (reason, backend = input.backend === "tensorflow-gpu" ? "auto" : input.backend) => ({
    runsOn: [input.hostedRunner],
    backend,
    reason
  });
  if (!input.gpuRunnerLabels) return hosted("no GPU runner is configured");
  if (!input.trust.trusted) return hosted(`${input.trust.reason}: never routed to a self-hosted runner`);
  if (input.backend === "cpu" || input.backend === "wasm") return hosted(`the ${input.backend} backend needs no GPU`, input.backend);
  return {
    runsOn: input.gpuRunnerLabels,
    backend: "tensorflow-gpu",
    reason: `a GPU runner is configured and the code is this repository's own (${input.trust.reason})`
  };
}

// src/github/trust.ts
var OWN_CODE_EVENTS = {
  push: "a push to this repository runs its own code",
  workflow_dispatch: "a workflow_dispatch is started by someone with write access",
  schedule: "a schedule runs the default branch"
};
var WORKFLOW_RUN_HEAD_EVENTS = /* @__PURE__ */ new Set(["push", "pull_request", "workflow_dispatch", "schedule"]);
function codeTrust(input) {
  const { eventName, payload, repository } = input;
  const untrusted = (reason) => ({ trusted: false, reason: `${reason}: treated as a fork` });
  const sameRepo = (field, value) => {
    if (typeof value !== "string" || value === "") return untrusted(`${eventName}: ${field} is ${value === null ? "null (a deleted fork)" : "missing"}`);
    if (value !== repository) return untrusted(`${eventName}: ${field} is ${JSON.stringify(value)}, not ${repository}`);
    return { trusted: true, reason: `${eventName}: ${field} is ${repository}` };
  };
  const own = OWN_CODE_EVENTS[eventName];
  if (own) return { trusted: true, reason: own };
  switch (eventName) {
    case "pull_request":
    case "pull_request_target": {
      const base = at(payload, "pull_request", "base", "repo", "full_name");
      if (base !== repository) return untrusted(`${eventName}: pull_request.base.repo.full_name is not ${repository}`);
      return sameRepo("pull_request.head.repo.full_name", fullName(at(payload, "pull_request", "head", "repo")));
    }
    case "workflow_run": {
      const event = at(payload, "workflow_run", "event");
      if (typeof event !== "string" || !WORKFLOW_RUN_HEAD_EVENTS.has(event)) {
        return untrusted(
          `workflow_run of a ${typeof event === "string" ? JSON.stringify(event) : "missing"} event, whose head_repository does not name the code that ran`
        );
      }
      return sameRepo("workflow_run.head_repository.full_name", fullName(at(payload, "workflow_run", "head_repository")));
    }
    case "issue_comment": {
      if (!isObject(at(payload, "issue", "pull_request"))) return untrusted("issue_comment on an issue, not a pull request");
      if (!input.pull) return untrusted("issue_comment: the pull request was not looked up");
      return sameRepo("the pull request's head.repo.full_name", input.pull.headRepoFullName);
    }
    default:
      return untrusted(`${eventName || "an unnamed"} event: model-ci cannot tell whose code it runs`);
  }
}
function fullName(repo) {
  return repo === null ? null : at(repo, "full_name");
}
function at(value, ...path) {
  let node = value;
  for (const key of path) node = isObject(node) ? node[key] : void 0;
  return node;
}
function isObject(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

// src/action/modes/plan.ts
var runPlan = async ({ settings, context, kit }) => {
  const config = await loadConfig(join(context.workspace, settings.config), { repoRoot: context.workspace });
  const event = readEvent(context.eventName, context.payload);
  let retrain = { retrain: true, reason: `${context.eventName} event` };
  let pull;
  if (event.kind === "pull_request") {
    const changed = await changedFiles({ cwd: context.workspace, base: event.baseSha, head: event.headSha, log: actionLogger.info });
    retrain = decideRetrain({ changed: changed.files, watch: config.watch, force: settings.forceRetrain });
  } else if (event.kind === "issue_comment" && event.isPullRequest) {
    pull = await getPull(await kit.gitHub(), context.owner, context.repo, event.issueNumber);
  }
  const trust = codeTrust({ eventName: context.eventName, payload: context.payload, repository: `${context.owner}/${context.repo}`, pull });
  const route = routeRunner({
    gpuRunnerLabels: settings.gpuRunnerLabels,
    hostedRunner: settings.hostedRunner,
    trust,
    backend: settings.backend ?? config.backend
  });
  info(
    `plan: ${retrain.retrain ? "retrain" : "no retrain"} (${retrain.reason}); runs-on ${JSON.stringify(route.runsOn)}, backend ${route.backend}: ${route.reason}`
  );
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
