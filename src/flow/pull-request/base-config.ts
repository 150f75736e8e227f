/**
 * The base commit's model-ci.yml, read from git's objects (not from the PR's checkout, which the PR
 * controls), and the decision of which config judges the PR: see src/config/base-decides.ts.
 */
import { join, relative, sep } from 'node:path';
import { diffConfig } from '../../compare/config-diff.ts';
import type { ConfigReview } from '../../compare/types.ts';
import { decideConfig, type ConfigDecision } from '../../config/base-decides.ts';
import { loadConfig } from '../../config/load.ts';
import type { ModelCiConfig } from '../../domain/config.ts';
import { isUserError, UserError } from '../../errors.ts';
import { resolveCommit } from '../../git/history.ts';
import { git, tryGit } from '../../git/git.ts';

export interface JudgedConfig extends ConfigDecision {
  review: ConfigReview;
}

/**
 * `pr` is the PR's validated config (loaded from `configPath` under `repoRoot`); the base's is validated
 * the same way, its paths resolved against the same folder, so both sides name the same files.
 */
export async function judgeConfig(options: { repoRoot: string; configPath: string }, baseSha: string, pr: ModelCiConfig): Promise<JudgedConfig> {
  const { repoRoot } = options;
  const configFile = join(repoRoot, options.configPath);
  const file = relative(repoRoot, configFile).split(sep).join('/');
  const shown = `${file} at ${baseSha.slice(0, 7)}`;
  // A missing commit must not read as "the base has no config": that would let the PR judge itself.
  if ((await tryGit(['cat-file', '-e', `${baseSha}^{commit}`], { cwd: repoRoot })) === null) {
    throw new UserError(
      `the base commit ${baseSha.slice(0, 7)} is not in this checkout, so its ${file} cannot judge this PR; fetch it (actions/checkout with fetch-depth: 0)`,
      {
        field: 'base',
      },
    );
  }
  // `<commit>:<path>` names the blob; --verify --quiet says "no such path" with an exit code, not an error.
  const blob = await tryGit(['rev-parse', '--verify', '--quiet', `${baseSha}:${file}`], { cwd: repoRoot });
  let base: ModelCiConfig | undefined;
  let missing = `the base commit ${baseSha.slice(0, 7)} has no ${file} (this PR introduces the model)`;
  if (blob !== null) {
    const content = await git(['cat-file', 'blob', blob.trim()], { cwd: repoRoot });
    try {
      base = await loadConfig(configFile, { repoRoot, text: { content, shown } });
    } catch (error) {
      if (!isUserError(error)) throw error;
      // A broken base config is the base's problem, which this PR may be fixing; the report says so.
      missing = `the base's config is invalid (${error.describe()})`;
    }
  }
  const decision = decideConfig(base, pr, missing);
  const changes = base ? diffConfig(base, pr, decision.decidedBy === 'base') : [];
  return { ...decision, review: { file, decidedBy: decision.decidedBy, ...(decision.note ? { note: decision.note } : {}), changes } };
}

/**
 * For the sweep's modes, which get the base as the event names it: the commit is fetched when the checkout
 * lacks it (mode pr has resolved it already, with the changed files).
 */
export async function judgeConfigAgainst(
  options: { repoRoot: string; configPath: string; log?: (line: string) => void },
  base: string,
  pr: ModelCiConfig,
): Promise<JudgedConfig> {
  const baseSha = await resolveCommit(base, { cwd: options.repoRoot, remote: 'origin', fetch: true, field: 'base', log: options.log });
  return judgeConfig(options, baseSha, pr);
}
