/**
 * Mode `comment`: the privileged half of the fork split. Runs on `workflow_run` (never on PR code), reads
 * the report artifact the unprivileged run uploaded, proves it belongs to the PR and commit that run
 * built, renders it again with our escaping renderer, and posts it.
 */
import * as core from '@actions/core';
import { resolve } from 'node:path';
import { UserError } from '../../errors.ts';
import type { WorkflowRunEvent } from '../../github/events.ts';
import type { GitHub } from '../../github/client.ts';
import { getPull } from '../../github/pulls.ts';
import { renderErrorReport } from '../../report/error-report.ts';
import { renderReport, type ReportLinks } from '../../report/report.ts';
import type { RunContext } from '../context.ts';
import { readReportArtifact, type ReportArtifact } from '../report-artifact.ts';
import type { ModeRunner } from './mode-table.ts';

const runComment: ModeRunner<'workflow_run'> = async ({ settings, context, kit, event }) => {
  if (event.event !== 'pull_request') {
    core.info(`model-ci: the workflow run was started by ${event.event}, not a pull request: nothing to post`);
    return;
  }
  if (!settings.token) throw new UserError('mode `comment` needs `github-token` with pull-requests: write', { field: 'github-token' });

  const artifact = await readReportArtifact(resolve(context.workspace, settings.reportDir));
  const gh = await kit.gitHub();
  if (!(await belongsToRun(gh, context, event, artifact))) return;

  // Links come from this run's trusted context, never from the artifact.
  const links: ReportLinks = {
    run: `${context.serverUrl}/${context.owner}/${context.repo}/actions/runs/${event.runId}`,
    summary: `${context.serverUrl}/${context.owner}/${context.repo}/actions/runs/${event.runId}`,
    repository: `${context.serverUrl}/${context.owner}/${context.repo}`,
  };
  const markdown =
    artifact.kind === 'report'
      ? renderReport({ ...artifact.report, links, baseRef: artifact.baseRef })
      : renderErrorReport({ model: artifact.model, title: artifact.title, problems: artifact.problems, links });
  await kit.summary(markdown);
  await kit.comment(artifact.pr, artifact.model, markdown);
  core.setOutput('verdict', artifact.kind === 'report' ? artifact.report.comparison.verdict : 'error');
};

export default runComment;

/**
 * The artifact must name the commit the workflow run built, and a PR whose head is that commit in the
 * run's head repository. GitHub leaves `pull_requests` empty for forks, so the PR is asked from the API.
 * A PR that moved on since (a newer push) is not an error: the newer run will post.
 */
async function belongsToRun(gh: GitHub, context: RunContext, run: WorkflowRunEvent, artifact: ReportArtifact): Promise<boolean> {
  if (artifact.headSha !== run.headSha) {
    throw new UserError(`the report artifact is for commit ${artifact.headSha.slice(0, 12)}, but workflow run ${run.runId} built ${run.headSha.slice(0, 12)}`, {
      field: 'headSha',
    });
  }
  if (run.pullRequests.length > 0 && !run.pullRequests.some((pr) => pr.number === artifact.pr)) {
    throw new UserError(
      `the report artifact names PR #${artifact.pr}, but workflow run ${run.runId} ran for ${run.pullRequests.map((pr) => `#${pr.number}`).join(', ')}`,
      {
        field: 'pr',
      },
    );
  }
  const pull = await getPull(gh, context.owner, context.repo, artifact.pr);
  if (pull.headRepoFullName !== run.headRepoFullName) {
    throw new UserError(
      `the report artifact names PR #${artifact.pr}, whose head is in ${pull.headRepoFullName ?? 'a deleted repository'}, but workflow run ${run.runId} built ${run.headRepoFullName ?? 'a deleted repository'}`,
      {
        field: 'pr',
      },
    );
  }
  // A fork's run lists no PRs, so the branch is what ties the named PR to this run: without it, an
  // artifact could name another PR from the same fork and be posted there once that PR's head matched.
  if (run.headBranch !== null && pull.headRef !== run.headBranch) {
    throw new UserError(`the report artifact names PR #${artifact.pr}, whose head branch is not the one workflow run ${run.runId} built`, { field: 'pr' });
  }
  if (pull.headSha !== run.headSha) {
    core.info(`PR #${pull.number} has moved on to ${pull.headSha.slice(0, 7)} since ${run.headSha.slice(0, 7)} was built: not posting a stale report`);
    return false;
  }
  return true;
}
