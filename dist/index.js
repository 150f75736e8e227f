import { createRequire as __mcCreateRequire } from 'node:module'; import { fileURLToPath as __mcFileURLToPath } from 'node:url'; import { dirname as __mcDirname } from 'node:path'; const require = __mcCreateRequire(import.meta.url); const __filename = __mcFileURLToPath(import.meta.url); const __dirname = __mcDirname(__filename);
import {
  BACKENDS
} from "./action-chunk-949e6a9a52.js";
import {
  error,
  getInput,
  info,
  setFailed,
  setSecret
} from "./action-chunk-fb78514aca.js";
import {
  UserError,
  isUserError
} from "./action-chunk-55db69e02f.js";
import "./action-chunk-e3b0c44298.js";

// src/action/context.ts
import { readFileSync } from "node:fs";
function readRunContext(env = process.env) {
  const eventPath = env.GITHUB_EVENT_PATH;
  const repository = env.GITHUB_REPOSITORY ?? "";
  if (!eventPath || !env.GITHUB_EVENT_NAME || !repository.includes("/")) {
    throw new UserError(
      "not running inside GitHub Actions (GITHUB_EVENT_PATH, GITHUB_EVENT_NAME and GITHUB_REPOSITORY are required); outside Actions use the `model-ci` command line"
    );
  }
  let payload;
  try {
    payload = JSON.parse(readFileSync(eventPath, "utf8"));
  } catch (error2) {
    throw new UserError(`cannot read the event payload: ${error2.message}`, { file: eventPath });
  }
  const [owner, repo] = repository.split("/");
  const serverUrl = env.GITHUB_SERVER_URL ?? "https://github.com";
  const runId = env.GITHUB_RUN_ID ?? "";
  const repoPayload = payload.repository;
  return {
    eventName: env.GITHUB_EVENT_NAME,
    payload,
    owner,
    repo,
    sha: env.GITHUB_SHA ?? "",
    ref: env.GITHUB_REF ?? "",
    actor: env.GITHUB_ACTOR ?? "",
    workspace: env.GITHUB_WORKSPACE ?? process.cwd(),
    serverUrl,
    apiUrl: env.GITHUB_API_URL ?? "https://api.github.com",
    runId,
    runUrl: runId ? `${serverUrl}/${owner}/${repo}/actions/runs/${runId}` : "",
    defaultBranch: typeof repoPayload?.default_branch === "string" ? repoPayload.default_branch : "main"
  };
}

// src/action/inputs.ts
var MODES = ["auto", "pr", "deploy", "comment", "command", "plan", "rollback", "train", "candidate", "sweep"];
function readSettings(read = (name) => getInput(name)) {
  const token = read("github-token");
  const registryPassword = read("registry-password");
  if (token) setSecret(token);
  if (registryPassword) setSecret(registryPassword);
  const backend = read("backend");
  return {
    mode: oneOf("mode", read("mode") || "auto", MODES),
    config: read("config") || "model-ci.yml",
    token,
    backend: backend ? oneOf("backend", backend, BACKENDS) : void 0,
    forceRetrain: bool("force-retrain", read("force-retrain"), false),
    failOnRegression: bool("fail-on-regression", read("fail-on-regression"), true),
    comment: bool("comment", read("comment"), true),
    reportDir: read("report-dir") || "model-ci-report",
    artifactsDir: read("artifacts-dir") || ".model-ci",
    baselineBranch: read("baseline-branch") || "model-ci/baselines",
    image: read("image"),
    registryUsername: read("registry-username"),
    registryPassword,
    baseImage: read("base-image") || "node:24-slim",
    push: bool("push", read("push"), true),
    rollbackTo: read("rollback-to"),
    gpuRunnerLabels: labels(read("gpu-runner-labels")),
    hostedRunner: read("hosted-runner") || "ubuntu-latest",
    botLogin: read("bot-login") || "github-actions[bot]",
    candidate: read("candidate"),
    installNativeBackend: bool("install-native-backend", read("install-native-backend"), false),
    allowPullRequestTarget: bool("allow-pull-request-target", read("allow-pull-request-target"), false)
  };
}
function oneOf(name, value, allowed) {
  if (allowed.includes(value)) return value;
  throw new UserError(`input \`${name}\` must be one of ${allowed.join(", ")}; got ${JSON.stringify(value)}`, { field: name });
}
function bool(name, value, fallback) {
  if (value === "") return fallback;
  if (["true", "True", "TRUE"].includes(value)) return true;
  if (["false", "False", "FALSE"].includes(value)) return false;
  throw new UserError(`input \`${name}\` must be true or false; got ${JSON.stringify(value)}`, { field: name });
}
function labels(value) {
  if (value.trim() === "") return void 0;
  let parsed;
  try {
    parsed = JSON.parse(value);
  } catch {
    throw new UserError(`input \`gpu-runner-labels\` must be a JSON list such as ["self-hosted","linux","gpu"]; got ${JSON.stringify(value)}`, {
      field: "gpu-runner-labels"
    });
  }
  if (!Array.isArray(parsed) || parsed.length === 0 || !parsed.every((l) => typeof l === "string" && l.trim() !== "")) {
    throw new UserError(`input \`gpu-runner-labels\` must be a non-empty JSON list of label strings; got ${value}`, {
      field: "gpu-runner-labels"
    });
  }
  return parsed;
}

// src/action/mode.ts
var BY_EVENT = {
  pull_request: "pr",
  pull_request_target: "pr",
  push: "deploy",
  issue_comment: "command",
  workflow_run: "comment"
};
function resolveMode(mode, eventName, rollbackTo, allowPullRequestTarget = false) {
  if (eventName === "pull_request_target" && (mode === "auto" || mode === "pr") && !allowPullRequestTarget) {
    throw new UserError(
      `mode \`${mode}\` refuses the pull_request_target event: it runs with a write token and the repository's secrets, so training a fork's code there hands both to that code. Use the \`pull_request\` event (forks get a read-only token; post the report from a workflow_run job), or set \`allow-pull-request-target: true\` if this workflow never checks out or runs the PR's code with secrets`,
      { field: "allow-pull-request-target" }
    );
  }
  if (mode !== "auto") return mode;
  if (eventName === "workflow_dispatch") return rollbackTo ? "rollback" : "deploy";
  const picked = BY_EVENT[eventName];
  if (picked) return picked;
  throw new UserError(
    `mode \`auto\` does not know what to do on a \`${eventName}\` event; set the \`mode\` input (pr, deploy, comment, command, plan, rollback, train)`,
    { field: "mode" }
  );
}

// src/main.ts
var MODES2 = {
  pr: () => import("./action-action-pr.js"),
  comment: () => import("./action-action-comment.js"),
  deploy: () => import("./action-action-deploy.js"),
  rollback: () => import("./action-action-rollback.js"),
  command: () => import("./action-action-command.js"),
  plan: () => import("./action-action-plan.js"),
  train: () => import("./action-action-train.js"),
  candidate: () => import("./action-action-candidate.js"),
  sweep: () => import("./action-action-sweep.js")
};
var TRAINING_MODES = /* @__PURE__ */ new Set(["pr", "deploy", "command", "train", "candidate", "sweep"]);
var SECRET_MODES = /* @__PURE__ */ new Set(["deploy", "command", "rollback"]);
async function run() {
  try {
    const settings = readSettings();
    const context = readRunContext();
    const mode = resolveMode(settings.mode, context.eventName, settings.rollbackTo, settings.allowPullRequestTarget);
    info(`model-ci: mode ${mode} on ${context.eventName} (${context.owner}/${context.repo}@${context.sha.slice(0, 7)})`);
    if (SECRET_MODES.has(mode) || context.eventName === "pull_request_target") (await import("./action-train-native.js")).markJobHoldsSecrets();
    if (settings.installNativeBackend && TRAINING_MODES.has(mode)) await (await import("./action-action-native-backend.js")).prepareNativeBackend(settings, context);
    const { default: runMode } = await MODES2[mode]();
    await runMode(settings, context);
  } catch (error2) {
    if (isUserError(error2)) {
      setFailed(error2.describe());
    } else {
      error(error2 instanceof Error ? error2.stack ?? error2.message : String(error2));
      setFailed(`model-ci failed unexpectedly: ${error2 instanceof Error ? error2.message : String(error2)}`);
    }
  }
}

// src/index.ts
await run();
