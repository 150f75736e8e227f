import { createRequire as __mcCreateRequire } from 'node:module'; import { fileURLToPath as __mcFileURLToPath } from 'node:url'; import { dirname as __mcDirname } from 'node:path'; const require = __mcCreateRequire(import.meta.url); const __filename = __mcFileURLToPath(import.meta.url); const __dirname = __mcDirname(__filename);
import {
  renderErrorReport,
  writeReportArtifact
} from "./action-chunk-2EDNZ64B.js";
import {
  peekModelName
} from "./action-chunk-4E53DJ7Y.js";
import {
  renderReport
} from "./action-chunk-EILFFW7Y.js";
import "./action-chunk-RGYJ3JAM.js";
import {
  writeSummary
} from "./action-chunk-H66N6MT7.js";
import "./action-chunk-CFDHDJV2.js";
import {
  failOnGates,
  setResultOutputs
} from "./action-chunk-ZDYM73AP.js";
import "./action-chunk-E4N4ZUJS.js";
import "./action-chunk-ABDEFCN6.js";
import {
  gitHubClient,
  postComment
} from "./action-chunk-P7JV7L3J.js";
import "./action-chunk-DYGCQGUX.js";
import "./action-chunk-63QA22LC.js";
import "./action-chunk-HE2N44BQ.js";
import "./action-chunk-E4545SVN.js";
import "./action-chunk-P2BHVZ2N.js";
import "./action-chunk-QFPM7OST.js";
import "./action-chunk-TVGUXHZX.js";

// src/action/pr-publish.ts
import { join, resolve } from "node:path";
async function publishPullRequestReport(settings, context, event, result) {
  const markdown = renderReport({ ...result.report, links: links(context), baseRef: event.baseRef });
  const reportDir = resolve(context.workspace, settings.reportDir);
  await writeReportArtifact(reportDir, { kind: "report", pr: event.number, headSha: event.headSha, model: result.model, report: result.report, baseRef: event.baseRef }, markdown);
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
  await writeReportArtifact(resolve(context.workspace, settings.reportDir), { kind: "error", pr: event.number, headSha: event.headSha, model, title, problems });
  if (canComment(settings, event)) await postComment(gitHubClient(settings, context), settings, context, event.number, model, markdown);
}
var canComment = (settings, event) => settings.comment && !event.isFork && settings.token !== "";
function links(context) {
  return { run: context.runUrl || void 0, summary: context.runUrl || void 0, repository: `${context.serverUrl}/${context.owner}/${context.repo}` };
}
export {
  publishPullRequestError,
  publishPullRequestReport
};
