/**
 * Mode `candidate`: one job of a sweep's matrix. Trains the PR's model with the candidate's params (looked
 * up by id in the config's sweep, so the config stays the source of truth) and writes its result file.
 */
import * as core from '@actions/core';
import { join, resolve } from 'node:path';
import { loadConfig } from '../config/load.ts';
import { UserError } from '../errors.ts';
import { findCandidate } from '../flow/sweep.ts';
import { readEvent } from '../github/events.ts';
import { trainModel } from '../train/pipeline.ts';
import { writeCandidateFile } from './candidate-file.ts';
import { actionLogger } from './log.ts';
import { setResultOutputs } from './results.ts';
import type { ModeRunner } from './runner.ts';

const runCandidate: ModeRunner = async (settings, context) => {
  if (!settings.candidate) throw new UserError('mode `candidate` needs the `candidate` input: the matrix id, e.g. `${{ matrix.candidate }}`', { field: 'candidate' });
  const event = readEvent(context.eventName, context.payload);
  const headSha = event.kind === 'pull_request' ? event.headSha : context.sha;
  const configFile = join(context.workspace, settings.config);
  const candidate = findCandidate(await loadConfig(configFile, { repoRoot: context.workspace }), settings.candidate);
  core.info(`candidate ${candidate.id}: ${candidate.name}`);
  const run = await core.group(`train candidate ${candidate.id}`, () =>
    trainModel(configFile, {
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
  setResultOutputs('trained', run.metrics, run.engine.backend, file);
};

export default runCandidate;
