/** What a PR changes in model-ci.yml: every changed key, shown like the params diff. Pure. */
import { relative, sep } from 'node:path';
import { isBaseDecided } from '../config/base-decides.ts';
import type { Gate, ModelCiConfig, Scalar } from '../domain/config.ts';
import { diffParams } from './inputs-diff.ts';
import type { ConfigChange } from './types.ts';

/**
 * Changed keys (added, removed or different), sorted. `baseDecides`: the base's config judged the PR, so a
 * change to a gate, a metric or the split is marked as applying after merge.
 */
export function diffConfig(base: ModelCiConfig, head: ModelCiConfig, baseDecides: boolean): ConfigChange[] {
  return diffParams(flattenConfig(base), flattenConfig(head)).map((change) => ({ ...change, afterMerge: baseDecides && isBaseDecided(change.key) }));
}

/**
 * One scalar per setting, by dotted key: paths relative to the config's folder (both sides resolve against
 * the same folder), lists as JSON text, each metric's direction and gate under `metrics.<name>`, and
 * `metrics` itself the names in order (the first metric ranks sweep candidates).
 */
export function flattenConfig(config: ModelCiConfig): Record<string, Scalar> {
  const path = (file: string) => relative(config.root, file).split(sep).join('/');
  const { data } = config;
  const flat: Record<string, Scalar> = {
    name: config.name,
    task: config.task,
    backend: config.backend,
    params: path(config.params),
    watch: JSON.stringify(config.watch),
    'data.train': path(data.train),
    'data.target': data.target,
    'data.categorical': data.categorical,
    metrics: config.metrics.map((metric) => metric.name).join(', '),
  };
  if (data.test !== undefined) flat['data.test'] = path(data.test);
  if (data.split) {
    flat['data.split.test'] = data.split.test;
    flat['data.split.seed'] = data.split.seed;
    flat['data.split.stratify'] = data.split.stratify;
    flat['data.split.method'] = data.split.method;
  }
  if (data.features) flat['data.features'] = JSON.stringify(data.features);
  if (data.categoricalColumns) flat['data.categorical_columns'] = JSON.stringify(data.categoricalColumns);
  if (data.gate?.maxRemovedShare !== undefined) flat['data.gate.max_removed_share'] = data.gate.maxRemovedShare;
  if (data.gate?.maxPsi !== undefined) flat['data.gate.max_psi'] = data.gate.maxPsi;
  for (const metric of config.metrics) {
    flat[`metrics.${metric.name}.direction`] = metric.direction;
    if (metric.gate) Object.assign(flat, flattenGate(`metrics.${metric.name}.gate`, metric.gate));
  }
  for (const [key, values] of Object.entries(config.sweep ?? {})) flat[`sweep.${key}`] = JSON.stringify(values);
  return flat;
}

/** A relative tolerance reads as the user wrote it: `"2%"`. */
function flattenGate(prefix: string, gate: Gate): Record<string, Scalar> {
  const flat: Record<string, Scalar> = {};
  if (gate.tolerance !== undefined) flat[`${prefix}.tolerance`] = gate.relative ? `${+(gate.tolerance * 100).toPrecision(12)}%` : gate.tolerance;
  if (gate.threshold !== undefined) flat[`${prefix}.threshold`] = gate.threshold;
  if (gate.confidence !== undefined) flat[`${prefix}.confidence`] = gate.confidence;
  if (gate.beats !== undefined) flat[`${prefix}.beats`] = JSON.stringify(gate.beats);
  return flat;
}
