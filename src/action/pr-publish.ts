/** Mode `pr`, once there is something to say: render the report (or what went wrong) and publish it. */
import { join, resolve } from 'node:path';
import type { UserError } from '../errors.ts';
import type { PullRequestResult } from '../flow/pull-request.ts';
import type { PullRequestEvent } from '../github/events.ts';
import { renderErrorReport } from '../report/error-report.ts';
import { renderReport, type ReportLinks } from '../report/report.ts';
import type { RunContext } from './context.ts';
import type { Settings } from './inputs.ts';
import { peekModelName } from './model-name.ts';
import { gitHubClient, postComment } from './publish.ts';
import { writeReportArtifact } from './report-artifact.ts';
import { failOnGates, setResultOutputs } from './results.ts';
import { writeSummary } from './summary.ts';

export async function publishPullRequestReport(
  settings: Settings,
  context: RunContext,
  event: PullRequestEvent,
  result: Extract<PullRequestResult, { kind: 'compared' }>,
): Promise<void> {
  const markdown = renderReport({ ...result.report, links: links(context), baseRef: event.baseRef });
  const reportDir = resolve(context.workspace, settings.reportDir);
  await writeReportArtifact(
    reportDir,
    { kind: 'report', pr: event.number, headSha: event.headSha, model: result.model, report: result.report, baseRef: event.baseRef },
    markdown,
  );
  await writeSummary(markdown);
  if (canComment(settings, event)) await postComment(gitHubClient(settings, context), settings, context, event.number, result.model, markdown);
  setResultOutputs(result.comparison.verdict, result.headRun.metrics, result.headRun.engine.backend, join(reportDir, 'report.md'));
  failOnGates(settings, result.comparison.failedGates, settings.config);
}

export async function publishPullRequestError(settings: Settings, context: RunContext, event: PullRequestEvent, error: UserError): Promise<void> {
  const model = peekModelName(join(context.workspace, settings.config));
  const problems = [{ message: error.message, ...error.location }];
  const title = 'model-ci could not evaluate this pull request';
  const markdown = renderErrorReport({ model, title, problems, links: links(context) });
  await writeSummary(markdown);
  await writeReportArtifact(resolve(context.workspace, settings.reportDir), {
    kind: 'error',
    pr: event.number,
    headSha: event.headSha,
    model,
    title,
    problems,
  });
  if (canComment(settings, event)) await postComment(gitHubClient(settings, context), settings, context, event.number, model, markdown);
}

// A fork's pull_request token is read-only: its comment is posted by the workflow_run job from the report
// files. pull_request_target's token can write, a fork's PR included.
const canComment = (settings: Settings, event: PullRequestEvent) => settings.comment && (!event.isFork || event.target) && settings.token !== '';

function links(context: RunContext): ReportLinks {
  return { run: context.runUrl || undefined, summary: context.runUrl || undefined, repository: `${context.serverUrl}/${context.owner}/${context.repo}` };
}
