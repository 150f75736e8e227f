/**
 * Applies saved preprocessing to instances given as JSON (server, `predict`):
 * one row is either an array in feature order or an object keyed by feature name.
 * Every mistake names the instance and the feature, so a client can fix its request.
 */
import { excerpt, quote, UserError } from '../errors.ts';
import { featureWidth, type CategoricalFeature, type FeatureSpec, type Preprocessing } from './preprocessing.ts';

export type Instance = unknown[] | Record<string, unknown>;

/** Encodes `instances` into a row-major Float32Array of `instances.length × pre.inputSize`. */
export function encodeInstances(pre: Preprocessing, instances: readonly unknown[], field = 'instances'): Float32Array {
  const out = new Float32Array(instances.length * pre.inputSize);
  instances.forEach((instance, i) => {
    const where = `${field}[${i}]`;
    const values = valuesInFeatureOrder(pre.features, instance, where);
    let offset = i * pre.inputSize;
    pre.features.forEach((feature, j) => {
      offset = encodeValue(feature, values[j], out, offset, `${where}.${feature.name}`);
    });
  });
  return out;
}

function valuesInFeatureOrder(features: readonly FeatureSpec[], instance: unknown, where: string): unknown[] {
  if (Array.isArray(instance)) {
    if (instance.length !== features.length) {
      throw new UserError(`expected ${features.length} values in feature order (${features.map((f) => f.name).join(', ')}), got ${instance.length}`, {
        field: where,
      });
    }
    return instance;
  }
  if (instance === null || typeof instance !== 'object') {
    throw new UserError(`expected an array of ${features.length} values or an object keyed by feature name`, { field: where });
  }
  const record = instance as Record<string, unknown>;
  const known = new Set(features.map((f) => f.name));
  const unknown = Object.keys(record).filter((key) => !known.has(key));
  if (unknown.length > 0) {
    throw new UserError(
      `unknown feature ${unknown.slice(0, 10).map(quote).join(', ')}${unknown.length > 10 ? ', …' : ''}; features are ${[...known].join(', ')}`,
      {
        field: where,
      },
    );
  }
  const missing = features.filter((f) => !(f.name in record)).map((f) => f.name);
  if (missing.length > 0) throw new UserError(`missing feature ${missing.join(', ')}`, { field: where });
  return features.map((f) => record[f.name]);
}

function encodeValue(feature: FeatureSpec, value: unknown, out: Float32Array, offset: number, where: string): number {
  if (feature.kind === 'numeric') {
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      throw new UserError(`expected a finite number, got ${describe(value)}`, { field: where });
    }
    out[offset] = (value - feature.mean) / feature.std;
    return offset + 1;
  }
  if (typeof value !== 'string' && typeof value !== 'number') {
    throw new UserError(`expected a category (string), got ${describe(value)}`, { field: where });
  }
  const index = feature.categories.indexOf(String(value));
  // The network never saw it: one-hot would encode all zeros and index -1, an answer the model cannot back.
  if (index < 0) throw new UserError(unseenCategoryMessage(feature, String(value)), { field: where });
  if (feature.encoding === 'index') {
    out[offset] = index;
    return offset + 1;
  }
  out[offset + index] = 1;
  return offset + featureWidth(feature);
}

/** How many known categories an unseen-category message lists. */
const LISTED_CATEGORIES = 20;

/** Names the feature, the value (escaped, cut short) and the categories seen in training (the first few). */
export function unseenCategoryMessage(feature: CategoricalFeature, value: string): string {
  const { categories } = feature;
  const listed = categories.slice(0, LISTED_CATEGORIES).map(quote).join(', ');
  const more = categories.length > LISTED_CATEGORIES ? ` and ${categories.length - LISTED_CATEGORIES} more` : '';
  return `category ${quote(value)} of feature ${quote(feature.name)} was not seen in training, so the model cannot predict it; known categories (${categories.length}): ${listed}${more}`;
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'string') return `the string ${quote(value)}`;
  // A request's nested value could be megabytes: name its kind, never echo it.
  if (Array.isArray(value)) return 'a list';
  if (value !== null && typeof value === 'object') return 'an object';
  return excerpt(String(value));
}
