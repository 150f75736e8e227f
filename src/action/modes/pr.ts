/**
 * Mode `pr`: on a pull request, retrain when data or params changed, compare against main's baseline,
 * and publish the report (job summary, sticky comment, report files for the fork split); fail the step
 * when a gated metric regressed.
 *
 * Only the decision is imported up front: a PR that retrains nothing finishes without loading the
 * GitHub client, the renderers or TensorFlow.js.
 */
import * as core from '@actions/core';
import { join, resolve } from 'node:path';
import type { ChangedFile } from '../../changes/types.ts';
import { isUserError, UserError } from '../../errors.ts';
import { type PullRequestResult, runPullRequest } from '../../flow/pull-request/decide.ts';
import { withPullRequestHead } from '../../git/worktree.ts';
import type { PullRequestEvent } from '../../github/events.ts';
import { actionLogger } from '../core-logger.ts';
import { peekModelName } from '../model-name.ts';
import type { ModeRun, ModeRunner } from './mode-table.ts';

type PrRun = ModeRun<PullRequestEvent>;

const runPr: ModeRunner<'pull_request'> = async (run) => {
  const { settings, context, kit, event } = run;
  if (event.isFork && !event.target && settings.comment)
    core.info('fork pull request: the token is read-only, so the report goes to the report files for the workflow_run job to post');

  // pull_request_target (opted into with allow-pull-request-target) holds a write token and secrets beside a
  // base checkout: the head is trained from a worktree of its commit, committed files only, as commands are.
  const evaluate = (repoRoot: string) =>
    runPullRequest({
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
      changedFilesFallback: settings.token ? (reason) => filesFromApi(run, reason) : undefined,
    });
  let result: PullRequestResult;
  try {
    result = event.target ? await withPullRequestHead(context.workspace, event, evaluate) : await evaluate(context.workspace);
  } catch (error) {
    if (!isUserError(error)) throw error;
    // Say what is wrong where the author looks, instead of leaving a stale report up; then fail the step.
    await publishError(run, error);
    throw error;
  }

  core.setOutput('retrained', String(result.kind === 'compared'));
  if (result.kind === 'skipped') {
    core.info(`model-ci: nothing retrained: ${result.reason}`);
    core.setOutput('verdict', 'skipped');
    await kit.summary(`model-ci · ${result.model}: nothing retrained — ${result.reason}\n`);
    return;
  }
  await publishReport(run, result);
};

export default runPr;

async function publishReport({ settings, context, kit, event }: PrRun, result: Extract<PullRequestResult, { kind: 'compared' }>): Promise<void> {
  const [{ renderReport }, { writeReportArtifact }] = await Promise.all([import('../../report/report.ts'), import('../report-artifact.ts')]);
  const markdown = renderReport({ ...result.report, links: kit.links, baseRef: event.baseRef });
  const reportDir = resolve(context.workspace, settings.reportDir);
  await writeReportArtifact(
    reportDir,
    { kind: 'report', pr: event.number, headSha: event.headSha, model: result.model, report: result.report, baseRef: event.baseRef },
    markdown,
  );
  await kit.summary(markdown);
  if (canComment(settings, event)) await kit.comment(event.number, result.model, markdown);
  kit.setResultOutputs(result.comparison.verdict, result.headRun.metrics, result.headRun.engine.backend, join(reportDir, 'report.md'));
  kit.failOnGates(result.comparison.failedGates);
}

async function publishError({ settings, context, kit, event }: PrRun, error: UserError): Promise<void> {
  const [{ renderErrorReport }, { writeReportArtifact }] = await Promise.all([import('../../report/error-report.ts'), import('../report-artifact.ts')]);
  const model = peekModelName(join(context.workspace, settings.config));
  const problems = [{ message: error.message, ...error.location }];
  const title = 'model-ci could not evaluate this pull request';
  const markdown = renderErrorReport({ model, title, problems, links: kit.links });
  await kit.summary(markdown);
  await writeReportArtifact(resolve(context.workspace, settings.reportDir), {
    kind: 'error',
    pr: event.number,
    headSha: event.headSha,
    model,
    title,
    problems,
  });
  if (canComment(settings, event)) await kit.comment(event.number, model, markdown);
}

// A fork's pull_request token is read-only: its comment is posted by the workflow_run job from the report
// files. pull_request_target's token can write, a fork's PR included.
const canComment = (settings: PrRun['settings'], event: PullRequestEvent) => settings.comment && (!event.isFork || event.target) && settings.token !== '';

/** GitHub's file list, when git cannot diff (history too deep to fetch). */
async function filesFromApi({ context, kit, event }: PrRun, reason: string): Promise<ChangedFile[]> {
  core.warning(`git could not list the changed files (${reason}); using GitHub's file list`);
  const { listPullFiles } = await import('../../github/pulls.ts');
  const listed = await listPullFiles(await kit.gitHub(), context.owner, context.repo, event.number);
  if (listed.truncated) {
    // A watched path may hide past GitHub's limit: "nothing changed" cannot be concluded.
    throw new UserError(
      `git could not diff this PR (${reason}) and GitHub lists only its first ${listed.files.length} files; set \`force-retrain: true\` to retrain regardless`,
    );
  }
  return listed.files.map((file) => {
    const status = file.status === 'removed' ? 'deleted' : file.status === 'added' || file.status === 'renamed' ? file.status : 'modified';
    return { path: file.filename, status, ...(file.previousFilename ? { previousPath: file.previousFilename } : {}) };
  });
}
