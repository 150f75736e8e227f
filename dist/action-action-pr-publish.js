import { createRequire as __mcCreateRequire } from 'node:module'; import { fileURLToPath as __mcFileURLToPath } from 'node:url'; import { dirname as __mcDirname } from 'node:path'; const require = __mcCreateRequire(import.meta.url); const __filename = __mcFileURLToPath(import.meta.url); const __dirname = __mcDirname(__filename);
import {
  renderErrorReport,
  writeReportArtifact
} from "./action-chunk-e94260ba1a.js";
import "./action-chunk-1b931d9861.js";
import {
  peekModelName
} from "./action-chunk-256ce24795.js";
import {
  renderReport
} from "./action-chunk-1a035e3934.js";
import "./action-chunk-3f2ec671fc.js";
import {
  writeSummary
} from "./action-chunk-4b3261de69.js";
import {
  failOnGates,
  setResultOutputs
} from "./action-chunk-c73047ee21.js";
import "./action-chunk-f0f553e796.js";
import "./action-chunk-9631ec5816.js";
import "./action-chunk-7a5ab46020.js";
import "./action-chunk-0c7a57a20e.js";
import "./action-chunk-949e6a9a52.js";
import {
  gitHubClient,
  postComment
} from "./action-chunk-e48134fbee.js";
import "./action-chunk-34a48b51a2.js";
import "./action-chunk-7ba064f90f.js";
import "./action-chunk-90713e0a1a.js";
import "./action-chunk-fb78514aca.js";
import "./action-chunk-413a98cce8.js";
import "./action-chunk-55db69e02f.js";
import "./action-chunk-e3b0c44298.js";

// src/action/pr-publish.ts
import { join, resolve } from "node:path";
async function publishPullRequestReport(settings, context, event, result) {
  const markdown = renderReport({ ...result.report, links: links(context), baseRef: event.baseRef });
  const reportDir = resolve(context.workspace, settings.reportDir);
  await writeReportArtifact(
    reportDir,
    { kind: "report", pr: event.number, headSha: event.headSha, model: result.model, report: result.report, baseRef: event.baseRef },
    markdown
  );
  await writeSummary(markdown);
  if (canComment(settings, event)) await postComment(gitHubClient(settings, context), settings, context, event.number, result.model, markdown);
  setResultOutputs(result.comparison.verdict, result.headRun.metrics, result.headRun.engine.backend, join(reportDir, "report.md"));
  failOnGates(settings, result.comparison.failedGates, settings.config);
}
async function publishPullRequestError(settings, context, event, error) {
  const model = peekModelName(join(context.workspace, settings.config));
  const problems = [{ message: error.message, ...error.location }];
  const title = "model-ci could not evaluate this pull request";
  const markdown = renderErrorReport({ model, title, problems, links: links(context) });
  await writeSummary(markdown);
  await writeReportArtifact(resolve(context.workspace, settings.reportDir), {
    kind: "error",
    pr: event.number,
    headSha: event.headSha,
    model,
    title,
    problems
  });
  if (canComment(settings, event)) await postComment(gitHubClient(settings, context), settings, context, event.number, model, markdown);
}
var canComment = (settings, event) => settings.comment && (!event.isFork || event.target) && settings.token !== "";
function links(context) {
  return { run: context.runUrl || void 0, summary: context.runUrl || void 0, repository: `${context.serverUrl}/${context.owner}/${context.repo}` };
}
export {
  publishPullRequestError,
  publishPullRequestReport
};
