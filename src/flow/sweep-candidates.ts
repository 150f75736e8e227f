/**
 * Hyperparameter sweeps. Pure: the config's grid → candidates (the job matrix); one candidate's run →
 * the file its job hands to the sweep job; all candidates + main's baseline → the ranked comparison.
 */
import { rankCandidates, type Candidate, type Ranking } from '../compare/candidates.ts';
import { compareRuns, type RunSide } from '../compare/compare.ts';
import type { BaselineSource } from '../compare/types.ts';
import type { MetricConfig, ModelCiConfig, Scalar } from '../domain/config.ts';
import { UserError } from '../errors.ts';

export interface SweepCandidate {
  /** `c1`, `c2`, … in grid order: stable for the same grid. */
  id: string;
  /** `learning_rate=0.01 hidden_units=[32,16]`. */
  name: string;
  /** The swept params' values, by dotted key. */
  params: Record<string, unknown>;
}

/** Every combination of the grid's values, the first key varying slowest. */
export function sweepCandidates(grid: Record<string, unknown[]>): SweepCandidate[] {
  const keys = Object.keys(grid);
  let combinations: Record<string, unknown>[] = [{}];
  for (const key of keys) combinations = combinations.flatMap((combination) => grid[key].map((value) => ({ ...combination, [key]: value })));
  return combinations.map((params, i) => ({
    id: `c${i + 1}`,
    name: keys.map((key) => `${key.slice(key.lastIndexOf('.') + 1)}=${JSON.stringify(params[key])}`).join(' '),
    params,
  }));
}

/** The candidate `id` of the config's sweep; the matrix passes ids, the config stays the source of truth. */
export function findCandidate(config: ModelCiConfig, id: string): SweepCandidate {
  if (!config.sweep) throw new UserError('mode `candidate` needs a `sweep` in the config', { file: config.file, field: 'sweep' });
  const candidates = sweepCandidates(config.sweep);
  const found = candidates.find((candidate) => candidate.id === id);
  if (!found)
    throw new UserError(`no sweep candidate ${JSON.stringify(id)}: the sweep has ${candidates[0].id}…${candidates.at(-1)!.id}`, { field: 'candidate' });
  return found;
}

import type { CandidateResult } from '../schemas/candidate.ts';

export type { CandidateResult };

export interface SweepInput {
  model: string;
  metrics: readonly MetricConfig[];
  base?: RunSide;
  baseline: BaselineSource;
  headCommit?: string;
  results: readonly CandidateResult[];
}

export function rankSweep(input: SweepInput): Ranking {
  const candidates: Candidate[] = input.results.map((result) => ({
    name: `${result.id} ${result.name}`,
    params: Object.fromEntries(Object.entries(result.params).map(([key, value]) => [key, asScalar(value)])),
    comparison: compareRuns({
      model: input.model,
      metrics: input.metrics,
      base: input.base,
      head: result.run,
      baseline: input.baseline,
      headCommit: input.headCommit,
    }),
  }));
  return rankCandidates(candidates, input.metrics);
}

// Lists (hidden_units) are shown as the params diff shows them: JSON text.
function asScalar(value: unknown): Scalar {
  return value === null || ['string', 'number', 'boolean'].includes(typeof value) ? (value as Scalar) : JSON.stringify(value);
}
