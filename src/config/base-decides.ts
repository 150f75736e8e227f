/**
 * Base decides, PR proposes: a pull request must not be the judge of itself. Its model is trained from its
 * own params, data and network, but evaluated on the split of the base branch's config and gated by the
 * base's metrics; its changes to those apply after merge. Pure: two validated configs in, one config out.
 */
import type { ModelCiConfig } from '../domain/config.ts';

/** The parts of model-ci.yml that judge a PR, as dotted keys: a PR's change to them applies after merge. */
export const BASE_DECIDES = ['metrics', 'data.split', 'data.test', 'data.gate'] as const;

export function isBaseDecided(key: string): boolean {
  return BASE_DECIDES.some((prefix) => key === prefix || key.startsWith(`${prefix}.`));
}

export interface ConfigDecision {
  /** What the PR is trained, evaluated and gated with. */
  config: ModelCiConfig;
  /** `base`: the base's gates, metrics and split apply; `pr`: the PR's config applies whole (`note` says why). */
  decidedBy: 'base' | 'pr';
  note?: string;
}

/**
 * The PR's config with the base's `metrics` (names, directions, gates, order), `data.split`, `data.test`
 * and `data.gate`.
 * Without a usable base config (`base` undefined: the PR introduces the model, or the base's config is
 * invalid, said in `missing`) the PR's config applies. A PR that changes the task cannot be judged by gates
 * written for another task: its own config applies, and the report shows the task change.
 */
export function decideConfig(base: ModelCiConfig | undefined, pr: ModelCiConfig, missing = 'the base commit has no model-ci config'): ConfigDecision {
  if (!base) return { config: pr, decidedBy: 'pr', note: `${missing}: this PR's config applies` };
  if (base.task !== pr.task) {
    return {
      config: pr,
      decidedBy: 'pr',
      note: `this PR changes the task from ${base.task} to ${pr.task}, which the base's metrics do not apply to: this PR's config applies`,
    };
  }
  const data = { ...pr.data };
  delete data.test;
  delete data.split;
  if (base.data.test !== undefined) data.test = base.data.test;
  if (base.data.split !== undefined) data.split = { ...base.data.split };
  delete data.gate;
  if (base.data.gate !== undefined) data.gate = { ...base.data.gate };
  return { config: { ...pr, data, metrics: base.metrics.map((metric) => ({ ...metric })) }, decidedBy: 'base' };
}
