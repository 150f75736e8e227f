/**
 * Mode `pr`: on a pull request, retrain when data or params changed, compare against main's baseline,
 * and publish the report (job summary, sticky comment, report files for the fork split); fail the step
 * when a gated metric regressed.
 */
import * as core from '@actions/core';
import { join, resolve } from 'node:path';
import { createBaselineStore } from '../baseline/store.ts';
import { isUserError, UserError } from '../errors.ts';
import { runPullRequest } from '../flow/pull-request.ts';
import { listPullFiles, type PullFile } from '../github/pulls.ts';
import type { ChangedFile } from '../changes/types.ts';
import { readEvent } from '../github/events.ts';
import { renderErrorReport } from '../report/error-report.ts';
import { renderReport, type ReportLinks } from '../report/report.ts';
import type { RunContext } from './context.ts';
import { actionLogger } from './log.ts';
import { peekModelName } from './model-name.ts';
import { gitHubClient, postComment, writeSummary } from './publish.ts';
import { writeReportArtifact, type ReportArtifact } from './report-artifact.ts';
import type { ModeRunner } from './runner.ts';
import type { Settings } from './inputs.ts';

const runPr: ModeRunner = async (settings, context) => {
  const event = readEvent(context.eventName, context.payload);
  if (event.kind === 'ignored') {
    core.info(`model-ci: nothing to do: ${event.reason}`);
    return;
  }
  if (event.kind !== 'pull_request') {
    throw new UserError(`mode \`pr\` runs on pull_request events (opened, synchronize, reopened), not on ${describeEvent(event)}`, { field: 'mode' });
  }
  const gh = settings.token ? gitHubClient(settings, context) : undefined;
  const links: ReportLinks = { run: context.runUrl || undefined, summary: context.runUrl || undefined, repository: `${context.serverUrl}/${context.owner}/${context.repo}` };
  // A fork's token is read-only: its comment is posted by the workflow_run job from the report files.
  const comment = settings.comment && !event.isFork && gh !== undefined;
  if (event.isFork && settings.comment) core.info('fork pull request: the token is read-only, so the report goes to the report files for the workflow_run job to post');

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
      changedFilesFallback: gh
        ? async (reason) => {
            core.warning(`git could not list the changed files (${reason}); using GitHub's file list`);
            const listed = await listPullFiles(gh, context.owner, context.repo, event.number);
            if (listed.truncated) {
              // A watched path may hide past GitHub's limit: "nothing changed" cannot be concluded.
              throw new UserError(
                `git could not diff this PR (${reason}) and GitHub lists only its first ${listed.files.length} files; set \`force-retrain: true\` to retrain regardless`,
              );
            }
            return listed.files.map(toChangedFile);
          }
        : undefined,
    });
  } catch (error) {
    if (!isUserError(error)) throw error;
    // Say what is wrong where the author looks, instead of leaving a stale report up; then fail the step.
    const model = peekModelName(join(context.workspace, settings.config));
    const problems = [{ message: error.message, ...error.location }];
    const title = 'model-ci could not evaluate this pull request';
    const markdown = renderErrorReport({ model, title, problems, links });
    await writeSummary(markdown);
    await writeReportArtifact(resolve(context.workspace, settings.reportDir), { kind: 'error', pr: event.number, headSha: event.headSha, model, title, problems });
    if (comment) await postComment(gh, settings, context, event.number, model, markdown);
    throw error;
  }

  core.setOutput('retrained', String(result.kind === 'compared'));
  if (result.kind === 'skipped') {
    core.info(`model-ci: nothing retrained: ${result.reason}`);
    core.setOutput('verdict', 'skipped');
    await writeSummary(`model-ci · ${result.model}: nothing retrained — ${result.reason}\n`);
    return;
  }

  const report = { ...result.report, links, baseRef: event.baseRef };
  const markdown = renderReport(report);
  const reportDir = resolve(context.workspace, settings.reportDir);
  const artifact: ReportArtifact = { kind: 'report', pr: event.number, headSha: event.headSha, model: result.model, report: result.report, baseRef: event.baseRef };
  await writeReportArtifact(reportDir, artifact, markdown);
  await writeSummary(markdown);
  if (comment) await postComment(gh, settings, context, event.number, result.model, markdown);

  setResultOutputs(result.comparison.verdict, result.headRun.metrics, result.headRun.engine.backend, join(reportDir, 'report.md'));
  failOnGates(settings, result.comparison.failedGates, settings.config);
};

export default runPr;

export function setResultOutputs(verdict: string, metrics: Record<string, number>, backend: string, reportPath: string): void {
  core.setOutput('verdict', verdict);
  core.setOutput('metrics', JSON.stringify(metrics));
  core.setOutput('backend', backend);
  core.setOutput('report-path', reportPath);
}

/** One annotation per failed gate, naming the metric, then a failed step (unless the workflow opted out). */
export function failOnGates(settings: Settings, failed: readonly { name: string; gateReason?: string }[], configFile: string): void {
  if (failed.length === 0) return;
  for (const row of failed) core.error(`${row.name}: ${row.gateReason ?? 'gate failed'}`, { title: `model-ci gate: ${row.name}`, file: configFile });
  const names = failed.map((row) => row.name).join(', ');
  if (settings.failOnRegression) core.setFailed(`gated metric${failed.length > 1 ? 's' : ''} regressed: ${names}`);
  else core.warning(`gated metric${failed.length > 1 ? 's' : ''} regressed (fail-on-regression is off): ${names}`);
}

function describeEvent(event: { kind: string }): string {
  return `a ${event.kind} event`;
}

function toChangedFile(file: PullFile): ChangedFile {
  const status = file.status === 'removed' ? 'deleted' : file.status === 'added' || file.status === 'renamed' ? file.status : 'modified';
  return { path: file.filename, status, ...(file.previousFilename ? { previousPath: file.previousFilename } : {}) };
}
