/**
 * The GitHub side of publishing: one client, and the model's sticky PR comment (truncated to fit).
 */
import * as core from '@actions/core';
import { createGitHubClient, type GitHub } from '../github/client.ts';
import { upsertStickyComment } from '../github/sticky.ts';
import { commentMarker } from '../report/marker.ts';
import { truncateReport } from '../report/truncate.ts';
import type { RunContext } from './context.ts';
import type { Settings } from './inputs.ts';
import { actionLogger } from './log.ts';

export function gitHubClient(settings: Settings, context: RunContext): GitHub {
  return createGitHubClient({ token: settings.token, baseUrl: context.apiUrl, log: actionLogger });
}

export async function postComment(gh: GitHub, settings: Settings, context: RunContext, issueNumber: number, model: string, markdown: string): Promise<number> {
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
}
