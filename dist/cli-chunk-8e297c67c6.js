import { createRequire as __mcCreateRequire } from 'node:module'; import { fileURLToPath as __mcFileURLToPath } from 'node:url'; import { dirname as __mcDirname } from 'node:path'; const require = __mcCreateRequire(import.meta.url); const __filename = __mcFileURLToPath(import.meta.url); const __dirname = __mcDirname(__filename);
import {
  featureWidth
} from "./cli-chunk-5cf8645060.js";
import {
  UserError,
  excerpt,
  quote
} from "./cli-chunk-55db69e02f.js";

// src/data/encode.ts
function encodeInstances(pre, instances, field = "instances") {
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
function valuesInFeatureOrder(features, instance, where) {
  if (Array.isArray(instance)) {
    if (instance.length !== features.length) {
      throw new UserError(`expected ${features.length} values in feature order (${features.map((f) => f.name).join(", ")}), got ${instance.length}`, {
        field: where
      });
    }
    return instance;
  }
  if (instance === null || typeof instance !== "object") {
    throw new UserError(`expected an array of ${features.length} values or an object keyed by feature name`, { field: where });
  }
  const record = instance;
  const known = new Set(features.map((f) => f.name));
  const unknown = Object.keys(record).filter((key) => !known.has(key));
  if (unknown.length > 0) {
    throw new UserError(
      `unknown feature ${unknown.slice(0, 10).map(quote).join(", ")}${unknown.length > 10 ? ", \u2026" : ""}; features are ${[...known].join(", ")}`,
      {
        field: where
      }
    );
  }
  const missing = features.filter((f) => !(f.name in record)).map((f) => f.name);
  if (missing.length > 0) throw new UserError(`missing feature ${missing.join(", ")}`, { field: where });
  return features.map((f) => record[f.name]);
}
function encodeValue(feature, value, out, offset, where) {
  if (feature.kind === "numeric") {
    if (typeof value !== "number" || !Number.isFinite(value)) {
      throw new UserError(`expected a finite number, got ${describe(value)}`, { field: where });
    }
    out[offset] = (value - feature.mean) / feature.std;
    return offset + 1;
  }
  if (typeof value !== "string" && typeof value !== "number") {
    throw new UserError(`expected a category (string), got ${describe(value)}`, { field: where });
  }
  const index = feature.categories.indexOf(String(value));
  if (index < 0) throw new UserError(unseenCategoryMessage(feature, String(value)), { field: where });
  if (feature.encoding === "index") {
    out[offset] = index;
    return offset + 1;
  }
  out[offset + index] = 1;
  return offset + featureWidth(feature);
}
var LISTED_CATEGORIES = 20;
function unseenCategoryMessage(feature, value) {
  const { categories } = feature;
  const listed = categories.slice(0, LISTED_CATEGORIES).map(quote).join(", ");
  const more = categories.length > LISTED_CATEGORIES ? ` and ${categories.length - LISTED_CATEGORIES} more` : "";
  return `category ${quote(value)} of feature ${quote(feature.name)} was not seen in training, so the model cannot predict it; known categories (${categories.length}): ${listed}${more}`;
}
function describe(value) {
  if (value === void 0) return "nothing";
  if (typeof value === "string") return `the string ${quote(value)}`;
  if (Array.isArray(value)) return "a list";
  if (value !== null && typeof value === "object") return "an object";
  return excerpt(String(value));
}

export {
  encodeInstances,
  unseenCategoryMessage
};
