/**
 * The one GitHub REST client model-ci uses: Octokit with retries (5xx, timeouts)
 * and throttling (primary and secondary rate limits), both bounded so a run
 * never waits forever on GitHub.
 *
 * The token is NOT masked here: the action must call `core.setSecret(token)`
 * before anything can log it (this module stays free of @actions/core so the
 * CLI can use it too).
 */
import { Octokit } from '@octokit/rest';
import { retry } from '@octokit/plugin-retry';
import { throttling, type ThrottlingOptions } from '@octokit/plugin-throttling';
import { VERSION } from '../version.ts';

const GitHubOctokit = Octokit.plugin(retry, throttling);

/** An authenticated, retrying, throttled Octokit. */
export type GitHub = InstanceType<typeof GitHubOctokit>;

export interface GitHubLog {
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
}

export interface GitHubClientOptions {
  token: string;
  /** `GITHUB_API_URL` (GitHub Enterprise Server, or a test server); default https://api.github.com. */
  baseUrl?: string;
  userAgent?: string;
  log?: GitHubLog;
  /** Per attempt: a hung connection is abandoned and retried like a 5xx. */
  timeoutMs?: number;
  /** Retries after a 5xx, a timeout or a rate limit, each. */
  retries?: number;
  /** Rate limits whose reset is further away than this fail instead of stalling the job. */
  maxRateLimitWaitSeconds?: number;
  /**
   * Milliseconds per unit of `retry-after` and of the retry back-off (1, 4, 9 units).
   * 1000 in production; tests shrink it so a `retry-after: 1` costs milliseconds.
   */
  retryAfterBaseMs?: number;
  /**
   * GitHub asks integrations to space writes (1 s) and notifying writes such as new
   * comments (3 s); the throttling plugin does so process-wide. Tests that make many
   * writes turn it off.
   */
  paceWrites?: boolean;
}

export const DEFAULT_GITHUB_API_URL = 'https://api.github.com';

const defaultLog: GitHubLog = {
  debug: () => {},
  info: () => {},
  warn: (message) => console.warn(message),
};

export function createGitHubClient(options: GitHubClientOptions): GitHub {
  const {
    token,
    baseUrl = DEFAULT_GITHUB_API_URL,
    userAgent = `model-ci/${VERSION}`,
    log = defaultLog,
    timeoutMs = 30_000,
    retries = 3,
    maxRateLimitWaitSeconds = 120,
    retryAfterBaseMs = 1000,
    paceWrites = true,
  } = options;
  if (!token) throw new Error('createGitHubClient: a token is required');

  const onLimit = (kind: string) => (retryAfter: number, request: { method: string; url: string }, _octokit: unknown, retryCount: number) => {
    const what = `${kind} on ${request.method} ${request.url}`;
    if (retryCount >= retries) {
      log.warn(`GitHub ${what}: giving up after ${retries} retries`);
      return false;
    }
    if (retryAfter > maxRateLimitWaitSeconds) {
      log.warn(`GitHub ${what}: reset is ${retryAfter} s away (more than ${maxRateLimitWaitSeconds} s), giving up`);
      return false;
    }
    log.warn(`GitHub ${what}: retrying in ${retryAfter} s (retry ${retryCount + 1} of ${retries})`);
    return true;
  };

  const throttle: ThrottlingOptions = {
    onRateLimit: onLimit('rate limit'),
    onSecondaryRateLimit: onLimit('secondary rate limit'),
    retryAfterBaseValue: retryAfterBaseMs,
    ...(paceWrites ? {} : { write: unpacedGroup, notifications: unpacedGroup }),
  };

  return new GitHubOctokit({
    auth: token,
    baseUrl: baseUrl.replace(/\/+$/, ''),
    userAgent,
    // Octokit logs every failed attempt as an error, retried or not; what matters
    // reaches the caller as the final error or as a rate-limit warning above.
    log: { debug: log.debug, info: log.debug, warn: log.warn, error: log.debug },
    request: { fetch: fetchWithTimeout(timeoutMs) },
    retry: { retries, retryAfterBaseValue: retryAfterBaseMs },
    throttle,
  });
}

/**
 * The throttling plugin awaits `group.key(id).schedule(options, task)` before each
 * write; this stand-in runs the task at once, i.e. no spacing between writes.
 */
const unpacedGroup = {
  key: () => ({ schedule: (_options: unknown, task: () => Promise<unknown>) => task() }),
} as unknown as NonNullable<Extract<ThrottlingOptions, { onRateLimit: unknown }>['write']>;

/**
 * Octokit has no timeout of its own. Its fetch wrapper turns a plain Error into a
 * RequestError with status 500, which the retry plugin then retries.
 */
function fetchWithTimeout(timeoutMs: number): typeof fetch {
  return async (input, init) => {
    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = init?.signal ? AbortSignal.any([init.signal, timeout]) : timeout;
    try {
      return await fetch(input, { ...init, signal });
    } catch (error) {
      if (timeout.aborted) throw new Error(`GitHub API did not answer within ${timeoutMs} ms`, { cause: error });
      throw error;
    }
  };
}

/** The HTTP status of a failed Octokit request, if it got that far. */
export function httpStatus(error: unknown): number | undefined {
  if (typeof error === 'object' && error !== null && 'status' in error && typeof error.status === 'number') {
    return error.status;
  }
  return undefined;
}

/** GitHub's own explanation in an error response (`message` plus any `errors[].message`). */
export function gitHubMessage(error: unknown): string {
  const data = (error as { response?: { data?: unknown } })?.response?.data;
  if (typeof data === 'object' && data !== null) {
    const { message, errors } = data as { message?: unknown; errors?: unknown };
    const details = Array.isArray(errors) ? errors.map((e) => (typeof e === 'string' ? e : (e as { message?: string })?.message)).filter(Boolean) : [];
    const head = typeof message === 'string' ? message : '';
    return [head, ...details].filter(Boolean).join(': ') || String((error as Error).message);
  }
  return error instanceof Error ? error.message : String(error);
}
