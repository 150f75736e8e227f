import { createRequire as __mcCreateRequire } from 'node:module'; import { fileURLToPath as __mcFileURLToPath } from 'node:url'; import { dirname as __mcDirname } from 'node:path'; const require = __mcCreateRequire(import.meta.url); const __filename = __mcFileURLToPath(import.meta.url); const __dirname = __mcDirname(__filename);
import {
  readReportArtifact
} from "./action-chunk-65b836ed7b.js";
import "./action-chunk-50f4f1432b.js";
import "./action-chunk-d2a1d9ef9d.js";
import {
  renderErrorReport
} from "./action-chunk-47e8c2b8fc.js";
import {
  renderReport
} from "./action-chunk-948fca9dba.js";
import "./action-chunk-6fa89fedaf.js";
import "./action-chunk-afe352c118.js";
import "./action-chunk-e5fccb96bd.js";
import "./action-chunk-e5a79ce89a.js";
import "./action-chunk-7d1a89a2f0.js";
import "./action-chunk-f8c3a7d0f4.js";
import {
  getPull
} from "./action-chunk-0d62e16402.js";
import "./action-chunk-18413418a4.js";
import {
  info,
  setOutput
} from "./action-chunk-fb78514aca.js";
import "./action-chunk-34a48b51a2.js";
import "./action-chunk-413a98cce8.js";
import "./action-chunk-7ba064f90f.js";
import "./action-chunk-983340aefc.js";
import "./action-chunk-a4e2cf860a.js";
import "./action-chunk-40530c68dd.js";
import "./action-chunk-25be3d0a7c.js";
import "./action-chunk-4fcbb936ca.js";
import "./action-chunk-82396b2bd9.js";
import {
  UserError
} from "./action-chunk-55db69e02f.js";
import "./action-chunk-e3b0c44298.js";

// src/action/modes/comment.ts
import { resolve } from "node:path";
var runComment = async ({ settings, context, kit, event }) => {
  if (event.event !== "pull_request") {
    info(`model-ci: the workflow run was started by ${event.event}, not a pull request: nothing to post`);
    return;
  }
  if (!settings.token) throw new UserError("mode `comment` needs `github-token` with pull-requests: write", { field: "github-token" });
  const artifact = await readReportArtifact(resolve(context.workspace, settings.reportDir));
  const gh = await kit.gitHub();
  if (!await belongsToRun(gh, context, event, artifact)) return;
  const links = {
    run: `${context.serverUrl}/${context.owner}/${context.repo}/actions/runs/${event.runId}`,
    summary: `${context.serverUrl}/${context.owner}/${context.repo}/actions/runs/${event.runId}`,
    repository: `${context.serverUrl}/${context.owner}/${context.repo}`
  };
  const markdown = artifact.kind === "report" ? renderReport({ ...artifact.report, links, baseRef: artifact.baseRef }) : renderErrorReport({ model: artifact.model, title: artifact.title, problems: artifact.problems, links });
  await kit.summary(markdown);
  await kit.comment(artifact.pr, artifact.model, markdown);
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
    throw new UserError(
      `the report artifact names PR #${artifact.pr}, but workflow run ${run.runId} ran for ${run.pullRequests.map((pr) => `#${pr.number}`).join(", ")}`,
      {
        field: "pr"
      }
    );
  }
  const pull = await getPull(gh, context.owner, context.repo, artifact.pr);
  if (pull.headRepoFullName !== run.headRepoFullName) {
    throw new UserError(
      `the report artifact names PR #${artifact.pr}, whose head is in ${pull.headRepoFullName ?? "a deleted repository"}, but workflow run ${run.runId} built ${run.headRepoFullName ?? "a deleted repository"}`,
      {
        field: "pr"
      }
    );
  }
  if (run.headBranch !== null && pull.headRef !== run.headBranch) {
    throw new UserError(`the report artifact names PR #${artifact.pr}, whose head branch is not the one workflow run ${run.runId} built`, { field: "pr" });
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
