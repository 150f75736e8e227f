import { createRequire as __mcCreateRequire } from 'node:module'; import { fileURLToPath as __mcFileURLToPath } from 'node:url'; import { dirname as __mcDirname } from 'node:path'; const require = __mcCreateRequire(import.meta.url); const __filename = __mcFileURLToPath(import.meta.url); const __dirname = __mcDirname(__filename);
import {
  peekModelName,
  runPullRequest
} from "./chunk-IKJDYQAE.js";
import {
  renderErrorReport,
  writeReportArtifact
} from "./chunk-KXCGM42R.js";
import {
  renderReport
} from "./chunk-AADEROUG.js";
import {
  listPullFiles,
  readEvent
} from "./chunk-ID7VQIZD.js";
import {
  createBaselineStore
} from "./chunk-HMAK5SCA.js";
import {
  actionLogger,
  gitHubClient,
  postComment,
  writeSummary
} from "./chunk-O2QFVXDL.js";
import {
  error,
  info,
  setFailed,
  setOutput,
  warning
} from "./chunk-MKMLDSNF.js";
import {
  UserError,
  isUserError
} from "./chunk-C5KZMDF4.js";

// src/action/pr.ts
import { join, resolve } from "node:path";
var runPr = async (settings, context) => {
  const event = readEvent(context.eventName, context.payload);
  if (event.kind === "ignored") {
    info(`model-ci: nothing to do: ${event.reason}`);
    return;
  }
  if (event.kind !== "pull_request") {
    throw new UserError(`mode \`pr\` runs on pull_request events (opened, synchronize, reopened), not on ${describeEvent(event)}`, { field: "mode" });
  }
  const gh = settings.token ? gitHubClient(settings, context) : void 0;
  const links = { run: context.runUrl || void 0, summary: context.runUrl || void 0, repository: `${context.serverUrl}/${context.owner}/${context.repo}` };
  const comment = settings.comment && !event.isFork && gh !== void 0;
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
      changedFilesFallback: gh ? async (reason) => {
        warning(`git could not list the changed files (${reason}); using GitHub's file list`);
        const listed = await listPullFiles(gh, context.owner, context.repo, event.number);
        if (listed.truncated) {
          throw new UserError(
            `git could not diff this PR (${reason}) and GitHub lists only its first ${listed.files.length} files; set \`force-retrain: true\` to retrain regardless`
          );
        }
        return listed.files.map(toChangedFile);
      } : void 0
    });
  } catch (error2) {
    if (!isUserError(error2)) throw error2;
    const model = peekModelName(join(context.workspace, settings.config));
    const problems = [{ message: error2.message, ...error2.location }];
    const title = "model-ci could not evaluate this pull request";
    const markdown2 = renderErrorReport({ model, title, problems, links });
    await writeSummary(markdown2);
    await writeReportArtifact(resolve(context.workspace, settings.reportDir), { kind: "error", pr: event.number, headSha: event.headSha, model, title, problems });
    if (comment) await postComment(gh, settings, context, event.number, model, markdown2);
    throw error2;
  }
  setOutput("retrained", String(result.kind === "compared"));
  if (result.kind === "skipped") {
    info(`model-ci: nothing retrained: ${result.reason}`);
    setOutput("verdict", "skipped");
    await writeSummary(`model-ci \xB7 ${result.model}: nothing retrained \u2014 ${result.reason}
`);
    return;
  }
  const report = { ...result.report, links, baseRef: event.baseRef };
  const markdown = renderReport(report);
  const reportDir = resolve(context.workspace, settings.reportDir);
  const artifact = { kind: "report", pr: event.number, headSha: event.headSha, model: result.model, report: result.report, baseRef: event.baseRef };
  await writeReportArtifact(reportDir, artifact, markdown);
  await writeSummary(markdown);
  if (comment) await postComment(gh, settings, context, event.number, result.model, markdown);
  setResultOutputs(result.comparison.verdict, result.headRun.metrics, result.headRun.engine.backend, join(reportDir, "report.md"));
  failOnGates(settings, result.comparison.failedGates, settings.config);
};
var pr_default = runPr;
function setResultOutputs(verdict, metrics, backend, reportPath) {
  setOutput("verdict", verdict);
  setOutput("metrics", JSON.stringify(metrics));
  setOutput("backend", backend);
  setOutput("report-path", reportPath);
}
function failOnGates(settings, failed, configFile) {
  if (failed.length === 0) return;
  for (const row of failed) error(`${row.name}: ${row.gateReason ?? "gate failed"}`, { title: `model-ci gate: ${row.name}`, file: configFile });
  const names = failed.map((row) => row.name).join(", ");
  if (settings.failOnRegression) setFailed(`gated metric${failed.length > 1 ? "s" : ""} regressed: ${names}`);
  else warning(`gated metric${failed.length > 1 ? "s" : ""} regressed (fail-on-regression is off): ${names}`);
}
function describeEvent(event) {
  return `a ${event.kind} event`;
}
function toChangedFile(file) {
  const status = file.status === "removed" ? "deleted" : file.status === "added" || file.status === "renamed" ? file.status : "modified";
  return { path: file.filename, status, ...file.previousFilename ? { previousPath: file.previousFilename } : {} };
}

export {
  pr_default,
  setResultOutputs,
  failOnGates
};
