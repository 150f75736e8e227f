/**
 * Mode `sweep`: after a sweep's candidate jobs, reads their result files, judges them (src/flow/judge-sweep.ts)
 * in one table, names the best, and posts it as the model's sticky comment. Fails when no candidate passes its
 * gates: none should be merged as it is.
 */
import * as core from '@actions/core';
import { resolve } from 'node:path';
import { UserError } from '../../errors.ts';
import { judgeSweep } from '../../flow/judge-sweep.ts';
import { renderCandidates } from '../../report/candidates.ts';
import { readCandidateFiles } from '../candidate-file.ts';
import { actionLogger } from '../core-logger.ts';
import type { ModeRunner } from './mode-table.ts';

const runSweep: ModeRunner<'pull_request'> = async ({ settings, context, kit, event }) => {
  if (event.target) {
    // A base checkout beside a write token and secrets: training the head here would train the base.
    throw new UserError(`mode \`sweep\` does not run on pull_request_target; run the sweep on pull_request (a fork's comment goes through workflow_run)`, {
      field: 'mode',
    });
  }
  const results = await readCandidateFiles(resolve(context.workspace, settings.reportDir), event.headSha);
  const { config, ranking } = await judgeSweep({
    repoRoot: context.workspace,
    configPath: settings.config,
    artifactsDir: resolve(context.workspace, settings.artifactsDir),
    store: kit.store(),
    log: actionLogger,
    workspace: context.workspace,
    baseSha: event.baseSha,
    headSha: event.headSha,
    results,
  });
  const markdown = renderCandidates({
    model: config.name,
    ranking,
    metrics: config.metrics.map((metric) => metric.name),
    baseRef: event.baseRef,
    links: kit.links,
  });
  await kit.summary(markdown);
  if (settings.comment && !event.isFork && settings.token) await kit.comment(event.number, config.name, markdown);

  const { best } = ranking;
  core.setOutput('best-candidate', best ? best.name.split(' ')[0] : '');
  core.setOutput('verdict', best ? best.comparison.verdict : 'gate-failed');
  if (!best) {
    if (settings.failOnRegression) core.setFailed(`no candidate of the sweep passes its gates (${results.length} tried)`);
    else core.warning(`no candidate of the sweep passes its gates (${results.length} tried)`);
  } else {
    core.info(`best candidate: ${best.name}`);
  }
};

export default runSweep;
