/**
 * Mode `pr`: on a pull request, retrain when data or params changed, compare against main's baseline,
 * and publish the report (job summary, sticky comment, report files for the fork split); fail the step
 * when a gated metric regressed.
 *
 * Only the decision is imported up front: a PR that retrains nothing finishes without loading the
 * GitHub client, the renderers or TensorFlow.js.
 */
import * as core from '@actions/core';
import { resolve } from 'node:path';
import { createBaselineStore } from '../baseline/store.ts';
import type { ChangedFile } from '../changes/types.ts';
import { isUserError, UserError } from '../errors.ts';
import { runPullRequest } from '../flow/pull-request.ts';
import { withPullRequestHead } from '../flow/worktree.ts';
import { readEvent } from '../github/events.ts';
import { actionLogger } from './log.ts';
import type { ModeRunner } from './runner.ts';
import { writeSummary } from './summary.ts';

const runPr: ModeRunner = async (settings, context) => {
  const event = readEvent(context.eventName, context.payload);
  if (event.kind === 'ignored') {
    core.info(`model-ci: nothing to do: ${event.reason}`);
    return;
  }
  if (event.kind !== 'pull_request') {
    throw new UserError(`mode \`pr\` runs on pull_request events (opened, synchronize, reopened), not on a ${event.kind} event`, { field: 'mode' });
  }
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
      store: createBaselineStore({ cwd: context.workspace, branch: settings.baselineBranch, log: actionLogger.info }),
      log: actionLogger,
      workspace: context.workspace,
      trackedInputs: event.target,
      changedFilesFallback: settings.token ? (reason) => filesFromApi(settings, context, event.number, reason) : undefined,
    });
  let result: Awaited<ReturnType<typeof evaluate>>;
  try {
    result = event.target ? await withPullRequestHead(context.workspace, event, evaluate) : await evaluate(context.workspace);
  } catch (error) {
    if (!isUserError(error)) throw error;
    // Say what is wrong where the author looks, instead of leaving a stale report up; then fail the step.
    const { publishPullRequestError } = await import('./pr-publish.ts');
    await publishPullRequestError(settings, context, event, error);
    throw error;
  }

  core.setOutput('retrained', String(result.kind === 'compared'));
  if (result.kind === 'skipped') {
    core.info(`model-ci: nothing retrained: ${result.reason}`);
    core.setOutput('verdict', 'skipped');
    await writeSummary(`model-ci · ${result.model}: nothing retrained — ${result.reason}\n`);
    return;
  }
  const { publishPullRequestReport } = await import('./pr-publish.ts');
  await publishPullRequestReport(settings, context, event, result);
};

export default runPr;

/** GitHub's file list, when git cannot diff (history too deep to fetch). */
async function filesFromApi(settings: Parameters<ModeRunner>[0], context: Parameters<ModeRunner>[1], number: number, reason: string): Promise<ChangedFile[]> {
  core.warning(`git could not list the changed files (${reason}); using GitHub's file list`);
  const [{ gitHubClient }, { listPullFiles }] = await Promise.all([import('./publish.ts'), import('../github/pulls.ts')]);
  const listed = await listPullFiles(gitHubClient(settings, context), context.owner, context.repo, number);
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
