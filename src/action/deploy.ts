/**
 * Mode `deploy`: on a push (merge) to the default branch or a release tag, train, gate, build the model
 * server image, push it, verify the digest, and record the commit's baseline (default branch only).
 */
import * as core from '@actions/core';
import { resolve } from 'node:path';
import { createBaselineStore } from '../baseline/store.ts';
import { serverBundleFiles } from '../docker/context.ts';
import { connectEngine } from '../docker/engine.ts';
import { UserError } from '../errors.ts';
import { runDeploy } from '../flow/deploy.ts';
import { serverDistDir } from '../flow/dist.ts';
import { readEvent } from '../github/events.ts';
import { renderDeploySummary } from '../report/deploy-summary.ts';
import { actionLogger } from './log.ts';
import { failOnGates, setResultOutputs } from './results.ts';
import { writeSummary } from './summary.ts';
import { imageName, registryAuth } from './registry-auth.ts';
import type { ModeRunner } from './runner.ts';

const runDeployMode: ModeRunner = async (settings, context) => {
  const event = readEvent(context.eventName, context.payload);
  if (event.kind === 'push' && event.deleted) {
    core.info(`model-ci: ${event.ref} was deleted: nothing to deploy`);
    return;
  }
  if (event.kind !== 'push' && event.kind !== 'workflow_dispatch') {
    throw new UserError(`mode \`deploy\` runs on push or workflow_dispatch events, not on ${event.kind === 'ignored' ? event.eventName : event.kind}`, {
      field: 'mode',
    });
  }
  const image = imageName(settings, context);
  const onDefaultBranch = context.ref === `refs/heads/${context.defaultBranch}`;
  const outcome = await runDeploy({
    repoRoot: context.workspace,
    configPath: settings.config,
    commit: context.sha,
    ref: context.ref,
    defaultBranch: context.defaultBranch,
    backend: settings.backend,
    artifactsDir: resolve(context.workspace, settings.artifactsDir),
    store: createBaselineStore({ cwd: context.workspace, branch: settings.baselineBranch, log: actionLogger.info }),
    log: actionLogger,
    workspace: context.workspace,
    docker: await connectEngine(),
    image,
    baseImage: settings.baseImage,
    serverFiles: await serverBundleFiles(serverDistDir()),
    push: settings.push,
    auth: settings.push ? registryAuth(settings, context) : undefined,
    repositoryUrl: `${context.serverUrl}/${context.owner}/${context.repo}`,
    runUrl: context.runUrl || undefined,
    record: onDefaultBranch,
  });

  const { digest } = outcome.image;
  core.setOutput('image', outcome.image.image);
  core.setOutput('tags', outcome.image.tags.join('\n'));
  if (digest) core.setOutput('digest', digest);
  core.setOutput('model-version', outcome.image.version);
  core.setOutput('retrained', String(outcome.reusedFrom === undefined));
  setResultOutputs(outcome.comparison.verdict, outcome.metrics, outcome.backend, '');
  await writeSummary(
    renderDeploySummary({
      model: outcome.model,
      comparison: outcome.comparison,
      image: outcome.image.image,
      tags: outcome.image.tags,
      digest,
      backend: outcome.backend,
      recorded: outcome.record !== undefined,
      reusedFrom: outcome.reusedFrom,
    }),
  );
  failOnGates(settings, outcome.comparison.failedGates, settings.config);
};

export default runDeployMode;
