/**
 * Mode `plan`: decides, without training, whether the next job should retrain, on which runner and with
 * which backend, so a workflow can route training to a self-hosted GPU runner (`runs-on: ${{ fromJSON(…) }}`).
 */
import * as core from '@actions/core';
import { join } from 'node:path';
import { changedFiles } from '../../changes/diff.ts';
import { decideRetrain } from '../../changes/watch.ts';
import { loadConfig } from '../../config/load.ts';
import { routeRunner } from '../../github/runner-route.ts';
import { sweepCandidates } from '../../flow/sweep-candidates.ts';
import { readEvent } from '../../github/events.ts';
import { codeTrust } from '../../github/trust.ts';
import { getPull } from '../../github/pulls.ts';
import { actionLogger } from '../core-logger.ts';
import type { ModeRunner } from './mode-table.ts';

const runPlan: ModeRunner = async ({ settings, context, kit }) => {
  const config = await loadConfig(join(context.workspace, settings.config), { repoRoot: context.workspace });
  const event = readEvent(context.eventName, context.payload);
  let retrain = { retrain: true, reason: `${context.eventName} event` };
  let pull: { headRepoFullName: string | null } | undefined;
  if (event.kind === 'pull_request') {
    const changed = await changedFiles({ cwd: context.workspace, base: event.baseSha, head: event.headSha, log: actionLogger.info });
    retrain = decideRetrain({ changed: changed.files, watch: config.watch, force: settings.forceRetrain });
  } else if (event.kind === 'issue_comment' && event.isPullRequest) {
    // A command on a fork's PR runs in the base repository's context: the PR's head is what decides.
    pull = await getPull(await kit.gitHub(), context.owner, context.repo, event.issueNumber);
  }
  const trust = codeTrust({ eventName: context.eventName, payload: context.payload, repository: `${context.owner}/${context.repo}`, pull });
  const route = routeRunner({
    gpuRunnerLabels: settings.gpuRunnerLabels,
    hostedRunner: settings.hostedRunner,
    trust,
    backend: settings.backend ?? config.backend,
  });
  core.info(
    `plan: ${retrain.retrain ? 'retrain' : 'no retrain'} (${retrain.reason}); runs-on ${JSON.stringify(route.runsOn)}, backend ${route.backend}: ${route.reason}`,
  );
  core.setOutput('retrained', String(retrain.retrain));
  if (config.sweep) {
    const candidates = sweepCandidates(config.sweep);
    core.info(`sweep: ${candidates.length} candidates: ${candidates.map((c) => `${c.id} ${c.name}`).join('; ')}`);
    core.setOutput('matrix', JSON.stringify({ candidate: candidates.map((c) => c.id) }));
  }
  core.setOutput('runs-on', JSON.stringify(route.runsOn));
  core.setOutput('backend', route.backend);
};

export default runPlan;
