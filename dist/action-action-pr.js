import { createRequire as __mcCreateRequire } from 'node:module'; import { fileURLToPath as __mcFileURLToPath } from 'node:url'; import { dirname as __mcDirname } from 'node:path'; const require = __mcCreateRequire(import.meta.url); const __filename = __mcFileURLToPath(import.meta.url); const __dirname = __mcDirname(__filename);
import {
  runPullRequest
} from "./action-chunk-f2f265e316.js";
import {
  createBaselineStore
} from "./action-chunk-de7e3d99be.js";
import "./action-chunk-4b574b9bdf.js";
import {
  readEvent
} from "./action-chunk-fef4885785.js";
import {
  withPullRequestHead
} from "./action-chunk-fe883b627b.js";
import "./action-chunk-40eeb72f53.js";
import {
  writeSummary
} from "./action-chunk-4b3261de69.js";
import "./action-chunk-0c7a57a20e.js";
import {
  actionLogger
} from "./action-chunk-90713e0a1a.js";
import {
  info,
  setOutput,
  warning
} from "./action-chunk-fb78514aca.js";
import "./action-chunk-413a98cce8.js";
import {
  UserError,
  isUserError
} from "./action-chunk-55db69e02f.js";
import "./action-chunk-e3b0c44298.js";

// src/action/pr.ts
import { resolve } from "node:path";
var runPr = async (settings, context) => {
  const event = readEvent(context.eventName, context.payload);
  if (event.kind === "ignored") {
    info(`model-ci: nothing to do: ${event.reason}`);
    return;
  }
  if (event.kind !== "pull_request") {
    throw new UserError(`mode \`pr\` runs on pull_request events (opened, synchronize, reopened), not on a ${event.kind} event`, { field: "mode" });
  }
  if (event.isFork && !event.target && settings.comment)
    info("fork pull request: the token is read-only, so the report goes to the report files for the workflow_run job to post");
  const evaluate = (repoRoot) => runPullRequest({
    repoRoot,
    configPath: settings.config,
    base: event.baseSha,
    head: event.headSha,
    force: settings.forceRetrain,
    backend: settings.backend,
    artifactsDir: resolve(context.workspace, settings.artifactsDir),
    store: createBaselineStore({ cwd: context.workspace, branch: settings.baselineBranch, log: actionLogger.info }),
    log: actionLogger,
    workspace: context.workspace,
    trackedInputs: event.target,
    changedFilesFallback: settings.token ? (reason) => filesFromApi(settings, context, event.number, reason) : void 0
  });
  let result;
  try {
    result = event.target ? await withPullRequestHead(context.workspace, event, evaluate) : await evaluate(context.workspace);
  } catch (error) {
    if (!isUserError(error)) throw error;
    const { publishPullRequestError } = await import("./action-action-pr-publish.js");
    await publishPullRequestError(settings, context, event, error);
    throw error;
  }
  setOutput("retrained", String(result.kind === "compared"));
  if (result.kind === "skipped") {
    info(`model-ci: nothing retrained: ${result.reason}`);
    setOutput("verdict", "skipped");
    await writeSummary(`model-ci \xB7 ${result.model}: nothing retrained \u2014 ${result.reason}
`);
    return;
  }
  const { publishPullRequestReport } = await import("./action-action-pr-publish.js");
  await publishPullRequestReport(settings, context, event, result);
};
var pr_default = runPr;
async function filesFromApi(settings, context, number, reason) {
  warning(`git could not list the changed files (${reason}); using GitHub's file list`);
  const [{ gitHubClient }, { listPullFiles }] = await Promise.all([import("./action-action-publish.js"), import("./action-github-pulls.js")]);
  const listed = await listPullFiles(gitHubClient(settings, context), context.owner, context.repo, number);
  if (listed.truncated) {
    throw new UserError(
      `git could not diff this PR (${reason}) and GitHub lists only its first ${listed.files.length} files; set \`force-retrain: true\` to retrain regardless`
    );
  }
  return listed.files.map((file) => {
    const status = file.status === "removed" ? "deleted" : file.status === "added" || file.status === "renamed" ? file.status : "modified";
    return { path: file.filename, status, ...file.previousFilename ? { previousPath: file.previousFilename } : {} };
  });
}
export {
  pr_default as default
};
