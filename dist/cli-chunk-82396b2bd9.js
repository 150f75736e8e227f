import { createRequire as __mcCreateRequire } from 'node:module'; import { fileURLToPath as __mcFileURLToPath } from 'node:url'; import { dirname as __mcDirname } from 'node:path'; const require = __mcCreateRequire(import.meta.url); const __filename = __mcFileURLToPath(import.meta.url); const __dirname = __mcDirname(__filename);
import {
  UserError
} from "./cli-chunk-55db69e02f.js";

// src/limits.ts
var KiB = 1024;
var MiB = 1024 * KiB;
var GiB = 1024 * MiB;
var LIMITS = {
  /** model-ci.yml and params.yaml: hand-written files of a few KB. */
  yamlBytes: { env: "MODEL_CI_MAX_YAML_BYTES", value: 1 * MiB, what: "a YAML file", bytes: true },
  /**
   * Alias nodes (`*name`) in one YAML document, and the expansion the `yaml` package allows them
   * (its `maxAliasCount`): each alias costs a walk of the document, and nested ones multiply.
   */
  yamlAliases: { env: "MODEL_CI_MAX_YAML_ALIASES", value: 100, what: "YAML aliases (*name) in a file" },
  /** Checked with fstat before reading; parsing holds about the file's size in typed arrays. */
  csvBytes: { env: "MODEL_CI_MAX_CSV_BYTES", value: 1 * GiB, what: "a data file", bytes: true },
  /** Columns of a CSV, checked as the header is read, before a column is allocated. */
  columns: { env: "MODEL_CI_MAX_COLUMNS", value: 1e4, what: "columns in a data file" },
  rows: { env: "MODEL_CI_MAX_ROWS", value: 1e7, what: "rows in a data file" },
  /** Network inputs after encoding: one-hot turns a column of n categories into n inputs. */
  inputs: { env: "MODEL_CI_MAX_INPUTS", value: 1e4, what: "network inputs (features after one-hot encoding)" },
  /** Outputs of a multiclass network, one per class. */
  classes: { env: "MODEL_CI_MAX_CLASSES", value: 1e3, what: "classes" },
  units: { env: "MODEL_CI_MAX_UNITS", value: 4096, what: "hidden units per layer" },
  layers: { env: "MODEL_CI_MAX_LAYERS", value: 16, what: "hidden layers" },
  batchSize: { env: "MODEL_CI_MAX_BATCH_SIZE", value: 65536, what: "rows per batch" },
  epochs: { env: "MODEL_CI_MAX_EPOCHS", value: 1e4, what: "epochs" },
  /**
   * Main's model files stored with its record on the baselines branch, and read back by PR runs (anyone who
   * can push that branch writes them). GitHub warns about files over 50 MB; a larger model is recorded
   * without its files and PRs train the base instead.
   */
  storedModelBytes: {
    env: "MODEL_CI_MAX_STORED_MODEL_BYTES",
    value: 50 * MiB,
    what: "a stored model (model.json, weights.bin, preprocessing.json)",
    bytes: true
  }
};
var UNITS = { "": 1, k: 1e3, kb: 1e3, kib: KiB, m: 1e3 ** 2, mb: 1e3 ** 2, mib: MiB, g: 1e3 ** 3, gb: 1e3 ** 3, gib: GiB };
function limit(name, env = process.env) {
  const spec = LIMITS[name];
  const raw = env[spec.env]?.trim();
  if (!raw) return spec.value;
  const match = /^(\d+)\s*([a-z]*)$/i.exec(raw);
  const factor = match && spec.bytes ? UNITS[match[2].toLowerCase()] : match && match[2] === "" ? 1 : void 0;
  const value = match && factor !== void 0 ? Number(match[1]) * factor : NaN;
  if (!Number.isSafeInteger(value) || value < 1) {
    const example = spec.bytes ? " (bytes, or with a unit: 512MiB, 2GiB)" : "";
    throw new UserError(`the environment variable ${spec.env} must be a positive whole number${example}, got ${JSON.stringify(raw.slice(0, 40))}`, {
      field: spec.env
    });
  }
  return value;
}
function formatBytes(value) {
  for (const [unit, size] of [
    ["GiB", GiB],
    ["MiB", MiB],
    ["KiB", KiB]
  ]) {
    if (value >= size) return `${Number((value / size).toFixed(1))} ${unit}`;
  }
  return `${value} bytes`;
}
function overLimit(name, env = process.env) {
  const spec = LIMITS[name];
  const value = limit(name, env);
  const amount = spec.bytes ? `${formatBytes(value)} for ${spec.what}` : `${value} ${spec.what}`;
  return `over model-ci's limit of ${amount}; the workflow owner can raise it with the environment variable ${spec.env}`;
}

export {
  limit,
  formatBytes,
  overLimit
};
