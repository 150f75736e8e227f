/**
 * Mode `deploy`: on a push (merge) to the default branch or a release tag, train, gate, build the model
 * server image, push it, verify the digest, and record the commit's baseline (default branch only).
 */
import * as core from '@actions/core';
import { join, resolve } from 'node:path';
import { serverBundleFiles } from '../../docker/build-context.ts';
import { connectEngine } from '../../docker/connect.ts';
import { runDeploy } from '../../flow/deploy-model.ts';
import { serverDistDir } from '../../docker/server-dist.ts';
import { manifestFiles, modelManifests } from '../../kubernetes/manifests.ts';
import { writeManifestFiles } from '../../kubernetes/write-manifests.ts';
import { renderDeploySummary } from '../../report/deploy-summary.ts';
import { actionLogger } from '../core-logger.ts';
import { imageName, registryAuth } from '../registry-auth.ts';
import type { ModeRunner } from './mode-table.ts';

const runDeployMode: ModeRunner<'push' | 'workflow_dispatch'> = async ({ settings, context, kit, event }) => {
  if (event.kind === 'push' && event.deleted) {
    core.info(`model-ci: ${event.ref} was deleted: nothing to deploy`);
    return;
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
    store: kit.store(),
    log: actionLogger,
    workspace: context.workspace,
    docker: await connectEngine(),
    image,
    baseImage: settings.baseImage,
    serverFiles: await serverBundleFiles(serverDistDir()),
    push: settings.push,
    auth: settings.push ? registryAuth(settings, context) : undefined,
    repositoryUrl: kit.repositoryUrl,
    runUrl: context.runUrl || undefined,
    record: onDefaultBranch,
  });

  const { digest } = outcome.image;
  core.setOutput('image', outcome.image.image);
  core.setOutput('tags', outcome.image.tags.join('\n'));
  if (digest) {
    core.setOutput('digest', digest);
    // What a cluster needs to run this exact image: see `model-ci manifests` for the options.
    const dir = join(resolve(context.workspace, settings.artifactsDir), 'manifests');
    await writeManifestFiles(dir, manifestFiles(modelManifests({ model: outcome.model, image: `${outcome.image.image}@${digest}` })));
    core.setOutput('manifests', dir);
  }
  core.setOutput('model-version', outcome.image.version);
  core.setOutput('retrained', String(outcome.reusedFrom === undefined));
  kit.setResultOutputs(outcome.comparison.verdict, outcome.metrics, outcome.backend, '');
  await kit.summary(
    renderDeploySummary({
      model: outcome.model,
      comparison: outcome.comparison,
      image: outcome.image.image,
      tags: outcome.image.tags,
      digest,
      backend: outcome.backend,
      recorded: outcome.record !== undefined,
      reusedFrom: outcome.reusedFrom,
    }) + (outcome.card ? `\n<details><summary>Model card</summary>\n\n${outcome.card}\n</details>\n` : ''),
  );
  kit.failOnGates(outcome.comparison.failedGates);
};

export default runDeployMode;
