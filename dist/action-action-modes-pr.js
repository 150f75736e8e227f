import { createRequire as __mcCreateRequire } from 'node:module'; import { fileURLToPath as __mcFileURLToPath } from 'node:url'; import { dirname as __mcDirname } from 'node:path'; const require = __mcCreateRequire(import.meta.url); const __filename = __mcFileURLToPath(import.meta.url); const __dirname = __mcDirname(__filename);
import {
  peekModelName,
  runPullRequest
} from "./action-chunk-b15c7b517e.js";
import "./action-chunk-4b574b9bdf.js";
import {
  withPullRequestHead
} from "./action-chunk-7a2e6707a8.js";
import {
  actionLogger
} from "./action-chunk-6afa78d0c2.js";
import {
  info,
  setOutput,
  warning
} from "./action-chunk-fb78514aca.js";
import "./action-chunk-40eeb72f53.js";
import "./action-chunk-afcbbfc458.js";
import "./action-chunk-4a2bad3387.js";
import "./action-chunk-4fcbb936ca.js";
import "./action-chunk-82396b2bd9.js";
import {
  UserError,
  isUserError
} from "./action-chunk-55db69e02f.js";
import "./action-chunk-e3b0c44298.js";

// src/action/modes/pr.ts
import { join, resolve } from "node:path";
var runPr = async (run) => {
  const { settings, context, kit, event } = run;
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
    store: kit.store(),
    log: actionLogger,
    workspace: context.workspace,
    trackedInputs: event.target,
    changedFilesFallback: settings.token ? (reason) => filesFromApi(run, reason) : void 0
  });
  let result;
  try {
    result = event.target ? await withPullRequestHead(context.workspace, event, evaluate) : await evaluate(context.workspace);
  } catch (error) {
    if (!isUserError(error)) throw error;
    await publishError(run, error);
    throw error;
  }
  setOutput("retrained", String(result.kind === "compared"));
  if (result.kind === "skipped") {
    info(`model-ci: nothing retrained: ${result.reason}`);
    setOutput("verdict", "skipped");
    await kit.summary(`model-ci \xB7 ${result.model}: nothing retrained \u2014 ${result.reason}
`);
    return;
  }
  await publishReport(run, result);
};
var pr_default = runPr;
async function publishReport({ settings, context, kit, event }, result) {
  const [{ renderReport }, { writeReportArtifact }] = await Promise.all([import("./action-report-report.js"), import("./action-action-report-artifact.js")]);
  const markdown = renderReport({ ...result.report, links: kit.links, baseRef: event.baseRef });
  const reportDir = resolve(context.workspace, settings.reportDir);
  await writeReportArtifact(
    reportDir,
    { kind: "report", pr: event.number, headSha: event.headSha, model: result.model, report: result.report, baseRef: event.baseRef },
    markdown
  );
  await kit.summary(markdown);
  if (canComment(settings, event)) await kit.comment(event.number, result.model, markdown);
  kit.setResultOutputs(result.comparison.verdict, result.headRun.metrics, result.headRun.engine.backend, join(reportDir, "report.md"));
  kit.failOnGates(result.comparison.failedGates);
}
async function publishError({ settings, context, kit, event }, error) {
  const [{ renderErrorReport }, { writeReportArtifact }] = await Promise.all([import("./action-report-error-report.js"), import("./action-action-report-artifact.js")]);
  const model = peekModelName(join(context.workspace, settings.config));
  const problems = [{ message: error.message, ...error.location }];
  const title = "model-ci could not evaluate this pull request";
  const markdown = renderErrorReport({ model, title, problems, links: kit.links });
  await kit.summary(markdown);
  await writeReportArtifact(resolve(context.workspace, settings.reportDir), {
    kind: "error",
    pr: event.number,
    headSha: event.headSha,
    model,
    title,
    problems
  });
  if (canComment(settings, event)) await kit.comment(event.number, model, markdown);
}
var canComment = (settings, event) => settings.comment && (!event.isFork || event.target) && settings.token !== "";
async function filesFromApi({ context, kit, event }, reason) {
  warning(`git could not list the changed files (${reason}); using GitHub's file list`);
  const { listPullFiles } = await import("./action-github-pulls.js");
  const listed = await listPullFiles(await kit.gitHub(), context.owner, context.repo, event.number);
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
