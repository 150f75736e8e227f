/** Mode `train`: train and evaluate the model of the checkout, write its artifacts, and expose the metrics (for custom pipelines). */
import * as core from '@actions/core';
import { join, resolve } from 'node:path';
import { trainModel } from '../../train/pipeline.ts';
import { actionLogger } from '../core-logger.ts';
import type { ModeRunner } from './mode-table.ts';

const runTrain: ModeRunner = async ({ settings, context, kit }) => {
  const out = resolve(context.workspace, settings.artifactsDir, 'model');
  const run = await core.group('train', () =>
    trainModel(join(context.workspace, settings.config), { out, backend: settings.backend, workspace: context.workspace, log: actionLogger.info }),
  );
  core.setOutput('retrained', 'true');
  kit.setResultOutputs('trained', run.metrics, run.engine.backend, '');
  core.info(`trained ${run.config.name} on ${run.engine.backend}: ${JSON.stringify(run.metrics)} → ${out}`);
};

export default runTrain;
