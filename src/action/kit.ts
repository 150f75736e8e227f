/**
 * What every mode of one run uses, built once by src/main.ts: the report's links, the baseline store,
 * the GitHub client, and publishing (job summary, the model's sticky comment, outputs, the gate's verdict).
 * The GitHub client and the comment's renderers load on first use: a PR that retrains nothing loads no Octokit.
 */
import * as core from '@actions/core';
import { type BaselineStore, createBaselineStore } from '../baseline/store.ts';
import type { GitHub } from '../github/client.ts';
import type { ReportLinks } from '../report/report.ts';
import type { RunContext } from './context.ts';
import type { Settings } from './inputs.ts';
import { actionLogger } from './core-logger.ts';

export interface RunKit {
  /** Links for a report's footer: this run and the repository. */
  links: ReportLinks;
  repositoryUrl: string;
  /** The baselines branch of the checkout (created on first use). */
  store(): BaselineStore;
  /** The Octokit client for `github-token` (loaded and created on first use). */
  gitHub(): Promise<GitHub>;
  /** Appends to the job summary; without GITHUB_STEP_SUMMARY (a local run) there is nowhere to write, which is not an error. */
  summary(markdown: string): Promise<void>;
  /** Creates or updates the model's sticky comment on an issue or PR (truncated to fit); sets `comment-id`. */
  comment(issueNumber: number, model: string, markdown: string): Promise<number>;
  /** The outputs of a run that trained: verdict, metrics, backend, report path. */
  setResultOutputs(verdict: string, metrics: Record<string, number>, backend: string, reportPath: string): void;
  /** One annotation per failed gate, naming the metric, then a failed step (unless the workflow opted out). */
  failOnGates(failed: readonly { name: string; gateReason?: string }[]): void;
}

export function createRunKit(settings: Settings, context: RunContext): RunKit {
  const repositoryUrl = `${context.serverUrl}/${context.owner}/${context.repo}`;
  let store: BaselineStore | undefined;
  let gitHub: Promise<GitHub> | undefined;
  const kit: RunKit = {
    links: { run: context.runUrl || undefined, summary: context.runUrl || undefined, repository: repositoryUrl },
    repositoryUrl,
    store: () => (store ??= createBaselineStore({ cwd: context.workspace, branch: settings.baselineBranch, log: actionLogger.info })),
    gitHub: () =>
      (gitHub ??= import('../github/client.ts').then(({ createGitHubClient }) =>
        createGitHubClient({ token: settings.token, baseUrl: context.apiUrl, log: actionLogger }),
      )),
    async summary(markdown) {
      if (!process.env.GITHUB_STEP_SUMMARY) return;
      await core.summary.addRaw(markdown, true).write();
    },
    async comment(issueNumber, model, markdown) {
      const [gh, { upsertStickyComment }, { commentMarker }, { truncateReport }] = await Promise.all([
        kit.gitHub(),
        import('../github/sticky.ts'),
        import('../report/marker.ts'),
        import('../report/truncate.ts'),
      ]);
      const result = await upsertStickyComment(gh, {
        owner: context.owner,
        repo: context.repo,
        issueNumber,
        marker: commentMarker(model),
        body: truncateReport(markdown, undefined, context.runUrl || undefined),
        botLogin: settings.botLogin,
      });
      core.info(`sticky comment ${result.action} (#${result.id})${result.deletedDuplicates ? `, ${result.deletedDuplicates} duplicate(s) removed` : ''}`);
      core.setOutput('comment-id', String(result.id));
      return result.id;
    },
    setResultOutputs(verdict, metrics, backend, reportPath) {
      core.setOutput('verdict', verdict);
      core.setOutput('metrics', JSON.stringify(metrics));
      core.setOutput('backend', backend);
      core.setOutput('report-path', reportPath);
    },
    failOnGates(failed) {
      if (failed.length === 0) return;
      for (const row of failed) core.error(`${row.name}: ${row.gateReason ?? 'gate failed'}`, { title: `model-ci gate: ${row.name}`, file: settings.config });
      const names = failed.map((row) => row.name).join(', ');
      if (settings.failOnRegression) core.setFailed(`gated metric${failed.length > 1 ? 's' : ''} regressed: ${names}`);
      else core.warning(`gated metric${failed.length > 1 ? 's' : ''} regressed (fail-on-regression is off): ${names}`);
    },
  };
  return kit;
}
