/**
 * The sweep use case: every candidate's result, judged against main's baseline by the base's config
 * (a sweep must not loosen its own gate either), ranked in one comparison. Reading the result files
 * and publishing the ranking are the caller's.
 */
import { join } from 'node:path';
import type { Ranking } from '../compare/candidates.ts';
import { loadConfig } from '../config/load.ts';
import type { ConcreteBackend, ModelCiConfig } from '../domain/config.ts';
import { UserError } from '../errors.ts';
import { judgeConfigAgainst } from './pull-request/base-config.ts';
import { type BaselineOptions, findBaseline } from './pull-request/train-and-compare.ts';
import { type CandidateResult, findCandidate, rankSweep } from './sweep-candidates.ts';

export interface SweepOptions extends BaselineOptions {
  /** The pull request's base and head commits, as the event names them (the base is fetched when missing). */
  baseSha: string;
  headSha: string;
  results: readonly CandidateResult[];
}

export interface SweepOutcome {
  /** The config that judged: the base's metrics and gates. */
  config: ModelCiConfig;
  ranking: Ranking;
}

export async function judgeSweep(options: SweepOptions): Promise<SweepOutcome> {
  const { results, log } = options;
  const prConfig = await loadConfig(join(options.repoRoot, options.configPath), { repoRoot: options.repoRoot });
  const { config } = await judgeConfigAgainst({ ...options, log: log.info }, options.baseSha, prConfig);
  // Each result must be a candidate of this config's sweep, with the params the config gives it.
  for (const result of results) {
    const expected = findCandidate(config, result.id);
    if (JSON.stringify(expected.params) !== JSON.stringify(result.params)) {
      throw new UserError(`candidate ${result.id}'s result was trained with other params than the config's sweep gives it (the sweep changed?)`, {
        field: 'candidate',
      });
    }
  }
  const baseline = await log.group(`baseline of ${config.name}`, () =>
    findBaseline(options, config.name, options.baseSha, results[0].backend as ConcreteBackend),
  );
  const ranking = rankSweep({
    model: config.name,
    metrics: config.metrics,
    base: baseline.side,
    baseline: baseline.source,
    headCommit: options.headSha,
    results,
  });
  return { config, ranking };
}
