/**
 * Mode `monitor`, for a scheduled workflow: drift of the deployed model's inputs (the server's
 * /metrics) against its training split; the report goes to the job summary and, when features drift,
 * into one issue of the repository (opened or updated); outputs say which features drifted, and the
 * step fails so the workflow can retrain and redeploy.
 */
import * as core from '@actions/core';
import { join } from 'node:path';
import { loadConfig } from '../../config/load.ts';
import { UserError } from '../../errors.ts';
import { monitorDrift } from '../../flow/monitor-drift.ts';
import { driftMarkdown } from '../../monitor/report.ts';
import type { ModeRunner } from './mode-table.ts';

const runMonitor: ModeRunner = async ({ settings, context, kit }) => {
  if (!settings.monitorUrl) {
    throw new UserError('mode `monitor` needs `monitor-url`: the deployed model server (http://host:8501) or its /metrics URL', { field: 'monitor-url' });
  }
  const config = await loadConfig(join(context.workspace, settings.config), { repoRoot: context.workspace });
  const report = await monitorDrift({
    source: { kind: 'server', url: settings.monitorUrl },
    expected: { name: config.name },
    thresholds: { drift: settings.driftThreshold },
  });
  const markdown = driftMarkdown(report);
  core.info(markdown);
  await kit.summary(markdown);
  core.setOutput('drifted-features', JSON.stringify(report.drifted));
  core.setOutput('max-psi', report.maxPsi.toFixed(4));
  if (report.drifted.length === 0) return;
  if (settings.driftIssue) {
    const [gh, { upsertDriftIssue }, { driftIssueMarker }] = await Promise.all([
      kit.gitHub(),
      import('../../github/drift-issue.ts'),
      import('../../report/marker.ts'),
    ]);
    const issue = await upsertDriftIssue(gh, {
      owner: context.owner,
      repo: context.repo,
      marker: driftIssueMarker(config.name),
      title: `Input drift: ${config.name}`,
      body: `${markdown}\n${context.runUrl ? `Last checked by [this run](${context.runUrl}).\n` : ''}`,
      botLogin: settings.botLogin,
    });
    core.info(`drift issue #${issue.number} ${issue.action}`);
    core.setOutput('drift-issue', String(issue.number));
  }
  core.setFailed(
    `input drift: ${report.drifted.length} feature${report.drifted.length === 1 ? '' : 's'} at PSI ≥ ${report.thresholds.drift}; retrain and redeploy`,
  );
};

export default runMonitor;
