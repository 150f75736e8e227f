/**
 * Mode `candidate`: one job of a sweep's matrix. Trains the PR's model with the candidate's params (looked
 * up by id in the config's sweep, so the config stays the source of truth) and writes its result file.
 */
import * as core from '@actions/core';
import { join, resolve } from 'node:path';
import { loadConfig } from '../../config/load.ts';
import { UserError } from '../../errors.ts';
import { judgeConfigAgainst } from '../../flow/pull-request/base-config.ts';
import { findCandidate } from '../../flow/sweep-candidates.ts';
import { readEvent } from '../../github/events.ts';
import { trainModel } from '../../train/pipeline.ts';
import { writeCandidateFile } from '../candidate-file.ts';
import { actionLogger } from '../core-logger.ts';
import type { ModeRunner } from './mode-table.ts';

const runCandidate: ModeRunner = async ({ settings, context, kit }) => {
  if (!settings.candidate)
    throw new UserError('mode `candidate` needs the `candidate` input: the matrix id, e.g. `${{ matrix.candidate }}`', { field: 'candidate' });
  const event = readEvent(context.eventName, context.payload);
  if (event.kind === 'pull_request' && event.target) {
    // A base checkout beside a write token and secrets: training the head here would train the base.
    throw new UserError(`mode \`candidate\` does not run on pull_request_target; run the sweep on pull_request (a fork's comment goes through workflow_run)`, {
      field: 'mode',
    });
  }
  const headSha = event.kind === 'pull_request' ? event.headSha : context.sha;
  const configFile = join(context.workspace, settings.config);
  const prConfig = await loadConfig(configFile, { repoRoot: context.workspace });
  const candidate = findCandidate(prConfig, settings.candidate);
  core.info(`candidate ${candidate.id}: ${candidate.name}`);
  // Scored on the base's split with the base's metrics, as mode pr scores a PR: the sweep job gates on them.
  const { config } =
    event.kind === 'pull_request'
      ? await judgeConfigAgainst({ repoRoot: context.workspace, configPath: settings.config, log: actionLogger.info }, event.baseSha, prConfig)
      : { config: prConfig };
  const run = await core.group(`train candidate ${candidate.id}`, () =>
    trainModel(configFile, {
      config,
      out: resolve(context.workspace, settings.artifactsDir, candidate.id),
      backend: settings.backend,
      workspace: context.workspace,
      paramsOverride: candidate.params,
      log: actionLogger.info,
    }),
  );
  const file = await writeCandidateFile(resolve(context.workspace, settings.reportDir), headSha, {
    id: candidate.id,
    name: candidate.name,
    params: candidate.params,
    backend: run.engine.backend,
    run: { metrics: run.metrics, params: run.params.flat, data: run.manifest.data },
  });
  core.setOutput('retrained', 'true');
  kit.setResultOutputs('trained', run.metrics, run.engine.backend, file);
};

export default runCandidate;
