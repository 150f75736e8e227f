import { createRequire as __mcCreateRequire } from 'node:module'; import { fileURLToPath as __mcFileURLToPath } from 'node:url'; import { dirname as __mcDirname } from 'node:path'; const require = __mcCreateRequire(import.meta.url); const __filename = __mcFileURLToPath(import.meta.url); const __dirname = __mcDirname(__filename);
import {
  readEvent
} from "./action-chunk-LQH2JAV6.js";
import {
  readReportArtifact,
  renderErrorReport
} from "./action-chunk-2EDNZ64B.js";
import {
  renderReport
} from "./action-chunk-EILFFW7Y.js";
import "./action-chunk-RGYJ3JAM.js";
import {
  writeSummary
} from "./action-chunk-H66N6MT7.js";
import "./action-chunk-CFDHDJV2.js";
import "./action-chunk-E4N4ZUJS.js";
import {
  gitHubClient,
  postComment
} from "./action-chunk-P7JV7L3J.js";
import "./action-chunk-DYGCQGUX.js";
import "./action-chunk-63QA22LC.js";
import {
  info,
  setOutput
} from "./action-chunk-HE2N44BQ.js";
import {
  getPull
} from "./action-chunk-SEAZMY75.js";
import "./action-chunk-E4545SVN.js";
import "./action-chunk-P2BHVZ2N.js";
import {
  UserError
} from "./action-chunk-QFPM7OST.js";
import "./action-chunk-TVGUXHZX.js";

// src/action/comment.ts
import { resolve } from "node:path";
var runComment = async (settings, context) => {
  const event = readEvent(context.eventName, context.payload);
  if (event.kind === "ignored") {
    info(`model-ci: nothing to do: ${event.reason}`);
    return;
  }
  if (event.kind !== "workflow_run") throw new UserError(`mode \`comment\` runs on workflow_run events, not on a ${event.kind} event`, { field: "mode" });
  if (event.event !== "pull_request") {
    info(`model-ci: the workflow run was started by ${event.event}, not a pull request: nothing to post`);
    return;
  }
  if (!settings.token) throw new UserError("mode `comment` needs `github-token` with pull-requests: write", { field: "github-token" });
  const artifact = await readReportArtifact(resolve(context.workspace, settings.reportDir));
  const gh = gitHubClient(settings, context);
  if (!await belongsToRun(gh, context, event, artifact)) return;
  const links = {
    run: `${context.serverUrl}/${context.owner}/${context.repo}/actions/runs/${event.runId}`,
    summary: `${context.serverUrl}/${context.owner}/${context.repo}/actions/runs/${event.runId}`,
    repository: `${context.serverUrl}/${context.owner}/${context.repo}`
  };
  const markdown = artifact.kind === "report" ? renderReport({ ...artifact.report, links, baseRef: artifact.baseRef }) : renderErrorReport({ model: artifact.model, title: artifact.title, problems: artifact.problems, links });
  await writeSummary(markdown);
  await postComment(gh, settings, context, artifact.pr, artifact.model, markdown);
  setOutput("verdict", artifact.kind === "report" ? artifact.report.comparison.verdict : "error");
};
var comment_default = runComment;
async function belongsToRun(gh, context, run, artifact) {
  if (artifact.headSha !== run.headSha) {
    throw new UserError(`the report artifact is for commit ${artifact.headSha.slice(0, 12)}, but workflow run ${run.runId} built ${run.headSha.slice(0, 12)}`, {
      field: "headSha"
    });
  }
  if (run.pullRequests.length > 0 && !run.pullRequests.some((pr) => pr.number === artifact.pr)) {
    throw new UserError(`the report artifact names PR #${artifact.pr}, but workflow run ${run.runId} ran for ${run.pullRequests.map((pr) => `#${pr.number}`).join(", ")}`, {
      field: "pr"
    });
  }
  const pull = await getPull(gh, context.owner, context.repo, artifact.pr);
  if (pull.headRepoFullName !== run.headRepoFullName) {
    throw new UserError(`the report artifact names PR #${artifact.pr}, whose head is in ${pull.headRepoFullName ?? "a deleted repository"}, but workflow run ${run.runId} built ${run.headRepoFullName ?? "a deleted repository"}`, {
      field: "pr"
    });
  }
  if (pull.headSha !== run.headSha) {
    info(`PR #${pull.number} has moved on to ${pull.headSha.slice(0, 7)} since ${run.headSha.slice(0, 7)} was built: not posting a stale report`);
    return false;
  }
  return true;
}
export {
  comment_default as default
};
