/**
 * Every bound on what a pull request controls (file sizes, YAML aliases, data shape, network size,
 * training length), in one table. A PR's files are data: without bounds, an 80 KB params.yaml of
 * aliases or a 24 MB CSV of 100,000 columns takes the runner down instead of failing with a message.
 *
 * A limit is raised by the environment variable named in its row, set by whoever owns the workflow
 * (`env:` on the step, or in the shell for the CLI). Never from model-ci.yml or params.yaml: in a run
 * that holds secrets the workflow comes from the default branch, so a PR cannot raise its own limits.
 */
import { UserError } from './errors.ts';

export interface LimitSpec {
  /** The environment variable that raises (or lowers) it. */
  env: string;
  value: number;
  /** What is counted ("10000 epochs"), or for bytes what they are in ("1 MiB for a YAML file"). */
  what: string;
  /** Shown with binary units (KiB, MiB, GiB), and the variable accepts them. */
  bytes?: boolean;
}

const KiB = 1024;
const MiB = 1024 * KiB;
const GiB = 1024 * MiB;

export const LIMITS = {
  /** model-ci.yml and params.yaml: hand-written files of a few KB. */
  yamlBytes: { env: 'MODEL_CI_MAX_YAML_BYTES', value: 1 * MiB, what: 'a YAML file', bytes: true },
  /**
   * Alias nodes (`*name`) in one YAML document, and the expansion the `yaml` package allows them
   * (its `maxAliasCount`): each alias costs a walk of the document, and nested ones multiply.
   */
  yamlAliases: { env: 'MODEL_CI_MAX_YAML_ALIASES', value: 100, what: 'YAML aliases (*name) in a file' },
  /** Checked with fstat before reading; parsing holds about the file's size in typed arrays. */
  csvBytes: { env: 'MODEL_CI_MAX_CSV_BYTES', value: 1 * GiB, what: 'a data file', bytes: true },
  /** Columns of a CSV, checked as the header is read, before a column is allocated. */
  columns: { env: 'MODEL_CI_MAX_COLUMNS', value: 10_000, what: 'columns in a data file' },
  rows: { env: 'MODEL_CI_MAX_ROWS', value: 10_000_000, what: 'rows in a data file' },
  /** Network inputs after encoding: one-hot turns a column of n categories into n inputs. */
  inputs: { env: 'MODEL_CI_MAX_INPUTS', value: 10_000, what: 'network inputs (features after one-hot encoding)' },
  /** Outputs of a multiclass network, one per class. */
  classes: { env: 'MODEL_CI_MAX_CLASSES', value: 1_000, what: 'classes' },
  units: { env: 'MODEL_CI_MAX_UNITS', value: 4_096, what: 'hidden units per layer' },
  layers: { env: 'MODEL_CI_MAX_LAYERS', value: 16, what: 'hidden layers' },
  batchSize: { env: 'MODEL_CI_MAX_BATCH_SIZE', value: 65_536, what: 'rows per batch' },
  epochs: { env: 'MODEL_CI_MAX_EPOCHS', value: 10_000, what: 'epochs' },
  /**
   * Main's model files stored with its record on the baselines branch, and read back by PR runs (anyone who
   * can push that branch writes them). GitHub warns about files over 50 MB; a larger model is recorded
   * without its files and PRs train the base instead.
   */
  storedModelBytes: {
    env: 'MODEL_CI_MAX_STORED_MODEL_BYTES',
    value: 50 * MiB,
    what: 'a stored model (model.json, weights.bin, preprocessing.json)',
    bytes: true,
  },
} as const satisfies Record<string, LimitSpec>;

export type LimitName = keyof typeof LIMITS;

const UNITS: Record<string, number> = { '': 1, k: 1000, kb: 1000, kib: KiB, m: 1000 ** 2, mb: 1000 ** 2, mib: MiB, g: 1000 ** 3, gb: 1000 ** 3, gib: GiB };

/** The limit in force: the environment variable's value when set, else the default. Read per call, never at import. */
export function limit(name: LimitName, env: NodeJS.ProcessEnv = process.env): number {
  const spec: LimitSpec = LIMITS[name];
  const raw = env[spec.env]?.trim();
  if (!raw) return spec.value;
  const match = /^(\d+)\s*([a-z]*)$/i.exec(raw);
  const factor = match && spec.bytes ? UNITS[match[2].toLowerCase()] : match && match[2] === '' ? 1 : undefined;
  const value = match && factor !== undefined ? Number(match[1]) * factor : NaN;
  if (!Number.isSafeInteger(value) || value < 1) {
    const example = spec.bytes ? ' (bytes, or with a unit: 512MiB, 2GiB)' : '';
    throw new UserError(`the environment variable ${spec.env} must be a positive whole number${example}, got ${JSON.stringify(raw.slice(0, 40))}`, {
      field: spec.env,
    });
  }
  return value;
}

/** `1 GiB`, `1.5 MiB`, `900 bytes`. */
export function formatBytes(value: number): string {
  for (const [unit, size] of [
    ['GiB', GiB],
    ['MiB', MiB],
    ['KiB', KiB],
  ] as const) {
    if (value >= size) return `${Number((value / size).toFixed(1))} ${unit}`;
  }
  return `${value} bytes`;
}

/**
 * The end of a message about a value over a limit: "over model-ci's limit of 10000 epochs; the workflow
 * owner can raise it with the environment variable MODEL_CI_MAX_EPOCHS".
 */
export function overLimit(name: LimitName, env: NodeJS.ProcessEnv = process.env): string {
  const spec: LimitSpec = LIMITS[name];
  const value = limit(name, env);
  const amount = spec.bytes ? `${formatBytes(value)} for ${spec.what}` : `${value} ${spec.what}`;
  return `over model-ci's limit of ${amount}; the workflow owner can raise it with the environment variable ${spec.env}`;
}
