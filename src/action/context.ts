/** The workflow run the action is in, read from the runner's GITHUB_* variables and event file. */
import { readFileSync } from 'node:fs';
import { UserError } from '../errors.ts';

export interface RunContext {
  eventName: string;
  /** The webhook payload of the event; typed readers in src/github/events.ts make sense of it. */
  payload: Record<string, unknown>;
  owner: string;
  repo: string;
  sha: string;
  ref: string;
  actor: string;
  workspace: string;
  serverUrl: string;
  apiUrl: string;
  runId: string;
  /** Link to this workflow run, for the report's footer. */
  runUrl: string;
  /** The repository's default branch, from the payload when it says. */
  defaultBranch: string;
}

export function readRunContext(env: NodeJS.ProcessEnv = process.env): RunContext {
  const eventPath = env.GITHUB_EVENT_PATH;
  const repository = env.GITHUB_REPOSITORY ?? '';
  if (!eventPath || !env.GITHUB_EVENT_NAME || !repository.includes('/')) {
    throw new UserError(
      'not running inside GitHub Actions (GITHUB_EVENT_PATH, GITHUB_EVENT_NAME and GITHUB_REPOSITORY are required); outside Actions use the `model-ci` command line',
    );
  }
  let payload: Record<string, unknown>;
  try {
    payload = JSON.parse(readFileSync(eventPath, 'utf8')) as Record<string, unknown>;
  } catch (error) {
    throw new UserError(`cannot read the event payload: ${(error as Error).message}`, { file: eventPath });
  }
  const [owner, repo] = repository.split('/') as [string, string];
  const serverUrl = env.GITHUB_SERVER_URL ?? 'https://github.com';
  const runId = env.GITHUB_RUN_ID ?? '';
  const repoPayload = payload.repository as { default_branch?: unknown } | undefined;
  return {
    eventName: env.GITHUB_EVENT_NAME,
    payload,
    owner,
    repo,
    sha: env.GITHUB_SHA ?? '',
    ref: env.GITHUB_REF ?? '',
    actor: env.GITHUB_ACTOR ?? '',
    workspace: env.GITHUB_WORKSPACE ?? process.cwd(),
    serverUrl,
    apiUrl: env.GITHUB_API_URL ?? 'https://api.github.com',
    runId,
    runUrl: runId ? `${serverUrl}/${owner}/${repo}/actions/runs/${runId}` : '',
    defaultBranch: typeof repoPayload?.default_branch === 'string' ? repoPayload.default_branch : 'main',
  };
}
