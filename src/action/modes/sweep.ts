/**
 * Mode `sweep`: after a sweep's candidate jobs, compares every candidate against main's baseline in one
 * table, names the best, and posts it as the model's sticky comment. Fails when no candidate passes its
 * gates: none should be merged as it is.
 */
import * as core from '@actions/core';
import { join, resolve } from 'node:path';
import { loadConfig } from '../../config/load.ts';
import type { ConcreteBackend } from '../../config/types.ts';
import { UserError } from '../../errors.ts';
import { judgeConfigAgainst } from '../../flow/pull-request/base-config.ts';
import { findBaseline } from '../../flow/pull-request/evaluate.ts';
import { findCandidate, rankSweep } from '../../flow/sweep-candidates.ts';
import { renderCandidates } from '../../report/candidates.ts';
import { readCandidateFiles } from '../candidate-file.ts';
import { actionLogger } from '../core-logger.ts';
import type { ModeRunner } from './table.ts';

const runSweep: ModeRunner<'pull_request'> = async ({ settings, context, kit, event }) => {
  if (event.target) {
    // A base checkout beside a write token and secrets: training the head here would train the base.
    throw new UserError(`mode \`sweep\` does not run on pull_request_target; run the sweep on pull_request (a fork's comment goes through workflow_run)`, {
      field: 'mode',
    });
  }
  const configFile = join(context.workspace, settings.config);
  const prConfig = await loadConfig(configFile, { repoRoot: context.workspace });
  // The base's metrics and gates rank and gate the candidates: a sweep must not loosen its own gate either.
  const { config } = await judgeConfigAgainst({ repoRoot: context.workspace, configPath: settings.config, log: actionLogger.info }, event.baseSha, prConfig);
  const results = await readCandidateFiles(resolve(context.workspace, settings.reportDir), event.headSha);
  // Each result must be a candidate of this config's sweep, with the params the config gives it.
  for (const result of results) {
    const expected = findCandidate(config, result.id);
    if (JSON.stringify(expected.params) !== JSON.stringify(result.params)) {
      throw new UserError(`candidate ${result.id}'s result was trained with other params than the config's sweep gives it (the sweep changed?)`, {
        field: 'candidate',
      });
    }
  }
  const baseline = await core.group(`baseline of ${config.name}`, () =>
    findBaseline(
      {
        repoRoot: context.workspace,
        configPath: settings.config,
        artifactsDir: resolve(context.workspace, settings.artifactsDir),
        store: kit.store(),
        log: actionLogger,
        workspace: context.workspace,
      },
      config.name,
      event.baseSha,
      results[0].backend as ConcreteBackend,
    ),
  );
  const ranking = rankSweep({
    model: config.name,
    metrics: config.metrics,
    base: baseline.side,
    baseline: baseline.source,
    headCommit: event.headSha,
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
