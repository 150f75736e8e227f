import { createRequire as __mcCreateRequire } from 'node:module'; import { fileURLToPath as __mcFileURLToPath } from 'node:url'; import { dirname as __mcDirname } from 'node:path'; const require = __mcCreateRequire(import.meta.url); const __filename = __mcFileURLToPath(import.meta.url); const __dirname = __mcDirname(__filename);
import {
  runPullRequest
} from "./action-chunk-MFK7J4J5.js";
import {
  createBaselineStore
} from "./action-chunk-YRGWHSPI.js";
import "./action-chunk-PS5QMXXB.js";
import "./action-chunk-SQZ5FKLJ.js";
import {
  readEvent
} from "./action-chunk-LQH2JAV6.js";
import "./action-chunk-E25KGV3P.js";
import {
  writeSummary
} from "./action-chunk-H66N6MT7.js";
import {
  actionLogger
} from "./action-chunk-63QA22LC.js";
import {
  info,
  setOutput,
  warning
} from "./action-chunk-HE2N44BQ.js";
import "./action-chunk-P2BHVZ2N.js";
import {
  UserError,
  isUserError
} from "./action-chunk-QFPM7OST.js";
import "./action-chunk-TVGUXHZX.js";

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
  if (event.isFork && settings.comment) info("fork pull request: the token is read-only, so the report goes to the report files for the workflow_run job to post");
  let result;
  try {
    result = await runPullRequest({
      repoRoot: context.workspace,
      configPath: settings.config,
      base: event.baseSha,
      head: event.headSha,
      force: settings.forceRetrain,
      backend: settings.backend,
      artifactsDir: resolve(context.workspace, settings.artifactsDir),
      store: createBaselineStore({ cwd: context.workspace, branch: settings.baselineBranch, log: actionLogger.info }),
      log: actionLogger,
      workspace: context.workspace,
      changedFilesFallback: settings.token ? (reason) => filesFromApi(settings, context, event.number, reason) : void 0
    });
  } catch (error) {
    if (!isUserError(error)) throw error;
    const { publishPullRequestError } = await import("./action-pr-publish-QK3ID3HL.js");
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
  const { publishPullRequestReport } = await import("./action-pr-publish-QK3ID3HL.js");
  await publishPullRequestReport(settings, context, event, result);
};
var pr_default = runPr;
async function filesFromApi(settings, context, number, reason) {
  warning(`git could not list the changed files (${reason}); using GitHub's file list`);
  const [{ gitHubClient }, { listPullFiles }] = await Promise.all([import("./action-publish-WKSJLNEW.js"), import("./action-pulls-FZWY6QLM.js")]);
  const listed = await listPullFiles(gitHubClient(settings, context), context.owner, context.repo, number);
  if (listed.truncated) {
    throw new UserError(`git could not diff this PR (${reason}) and GitHub lists only its first ${listed.files.length} files; set \`force-retrain: true\` to retrain regardless`);
  }
  return listed.files.map((file) => {
    const status = file.status === "removed" ? "deleted" : file.status === "added" || file.status === "renamed" ? file.status : "modified";
    return { path: file.filename, status, ...file.previousFilename ? { previousPath: file.previousFilename } : {} };
  });
}
export {
  pr_default as default
};
