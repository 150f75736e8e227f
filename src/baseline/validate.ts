/**
 * Pure: is a stored baseline record one this model-ci can compare against?
 *
 * Records outlive the model-ci version that wrote them, so reading one never
 * throws: the answer is `{ record }` or `{ unusable: why }`, and on `unusable`
 * the PR flow trains the base commit itself and says so. A record is usable
 * when its `schema` is `RECORD_SCHEMA` and every field the comparison and the
 * report read has the right type. Fields this version does not know are kept:
 * a newer model-ci may add optional fields without raising the schema.
 * A record of an older schema is upgraded here when that is lossless; schema 1
 * is the first, so there is no upgrade yet and any other schema is unusable.
 */
import { parseImageName } from '../docker/reference.ts';
import { VERSION } from '../version.ts';
import { FULL_SHA, MODEL_NAME, RECORD_SCHEMA, type BaselineRecord } from './record.ts';

export type StoredRecord = { record: BaselineRecord } | { unusable: string };

type Json = Record<string, unknown>;
type Check = (value: unknown) => string | null;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const got = (value: unknown) => (value === undefined ? 'nothing' : (JSON.stringify(value)?.slice(0, 60) ?? String(value)));

const string: Check = (v) => (typeof v === 'string' && v !== '' ? null : `expected a non-empty string, got ${got(v)}`);
const finite: Check = (v) => (typeof v === 'number' && Number.isFinite(v) ? null : `expected a finite number, got ${got(v)}`);
const count: Check = (v) => (Number.isInteger(v) && (v as number) >= 0 ? null : `expected a whole number ≥ 0, got ${got(v)}`);
const matching =
  (pattern: RegExp, expected: string): Check =>
  (v) =>
    typeof v === 'string' && pattern.test(v) ? null : `expected ${expected}, got ${got(v)}`;
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?(?:Z|[+-]\d{2}:\d{2})$/;
const date: Check = (v) =>
  typeof v === 'string' && ISO_TIME.test(v) && !Number.isNaN(Date.parse(v)) ? null : `expected an ISO 8601 time such as 2025-03-04T05:06:07Z, got ${got(v)}`;
const digest = matching(/^sha256:[0-9a-f]{64}$/, 'sha256:<64 hex digits>');
const commitSha = matching(FULL_SHA, 'a full commit SHA (40 hex digits)');
const modelName = matching(MODEL_NAME, 'a model name of letters, digits, ".", "_" and "-"');
const version = matching(/^\d+\.\d+\.\d+(?:[-+][0-9A-Za-z.+-]{1,60})?$/, 'a model-ci version such as 1.2.3');
const backend = matching(/^[a-z0-9][a-z0-9-]{0,39}$/, 'a backend name such as wasm');
const imageName: Check = (v) => parses(v, (text) => Boolean(parseImageName(text)), 'an image name without tag or digest');
const scalar: Check = (v) =>
  v === null || ['string', 'number', 'boolean'].includes(typeof v) ? null : `expected a string, number, boolean or null, got ${got(v)}`;
const MAX_PROBLEMS = 8;

function parses(value: unknown, accept: (text: string) => boolean, expected: string): string | null {
  if (typeof value === 'string') {
    try {
      if (accept(value)) return null;
    } catch {
      // The parser's own message quotes the whole value: ours is bounded.
    }
  }
  return `expected ${expected}, got ${got(value)}`;
}

/** Validates a record as the problems it has, each `path: what is wrong`. */
function recordProblems(raw: Json): string[] {
  const problems: string[] = [];
  const check = (path: string, value: unknown, rule: Check) => {
    const problem = rule(value);
    if (problem) problems.push(`${path}: ${problem}`);
  };
  const object = (path: string, value: unknown): value is Json => {
    if (isObject(value)) return true;
    problems.push(`${path}: expected an object, got ${got(value)}`);
    return false;
  };
  const map = (path: string, value: unknown, each: (key: string, item: unknown) => void) => {
    if (object(path, value)) for (const [key, item] of Object.entries(value)) each(`${path}.${key}`, item);
  };
  const list = (path: string, value: unknown, rule: Check, optional = false) => {
    if (optional && value === undefined) return;
    if (!Array.isArray(value)) return problems.push(`${path}: expected an array, got ${got(value)}`);
    value.forEach((item, i) => check(`${path}[${i}]`, item, rule));
  };

  check('modelCiVersion', raw.modelCiVersion, version);
  check('model', raw.model, modelName);
  check('commit', raw.commit, commitSha);
  check('backend', raw.backend, backend);
  for (const key of ['inputsHash', 'modelHash'] as const) check(key, raw[key], string);
  check('createdAt', raw.createdAt, date);
  map('metrics', raw.metrics, (path, value) => check(path, value, finite));
  map('params', raw.params, (path, value) => check(path, value, scalar));
  map('data', raw.data, (path, value) => {
    if (!isObject(value)) return problems.push(`${path}: expected { hash, rows }, got ${got(value)}`);
    check(`${path}.hash`, value.hash, string);
    check(`${path}.rows`, value.rows, count);
  });
  if (raw.trainingMs !== undefined) check('trainingMs', raw.trainingMs, finite);
  if (raw.runUrl !== undefined) check('runUrl', raw.runUrl, string);
  for (const key of ['rollbackOf', 'reusedFrom'] as const) if (raw[key] !== undefined) check(key, raw[key], commitSha);
  if (raw.history !== undefined && object('history', raw.history)) {
    check('history.epochs', raw.history.epochs, count);
    list('history.loss', raw.history.loss, finite);
    list('history.val_loss', raw.history.val_loss, finite, true);
  }
  if (raw.evaluation !== undefined && object('evaluation', raw.evaluation)) {
    check('evaluation.task', raw.evaluation.task, string);
    check('evaluation.testRows', raw.evaluation.testRows, count);
    list('evaluation.classes', raw.evaluation.classes, string, true);
    const matrix = raw.evaluation.confusionMatrix;
    if (matrix !== undefined && Array.isArray(matrix)) matrix.forEach((row, i) => list(`evaluation.confusionMatrix[${i}]`, row, count));
    else if (matrix !== undefined) problems.push(`evaluation.confusionMatrix: expected an array of rows, got ${got(matrix)}`);
  }
  if (raw.image !== undefined && object('image', raw.image)) {
    check('image.name', raw.image.name, imageName);
    check('image.digest', raw.image.digest, digest);
    list('image.tags', raw.image.tags, string);
  }
  return problems;
}

/**
 * Parses a stored record. `key` is where it was stored (model and commit from
 * its path) and must agree with what the record says, so a record copied to
 * the wrong place is not mistaken for another commit's; `where` names it in messages.
 */
export function parseRecord(text: string, key: { model: string; commit: string }, where: string): StoredRecord {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return { unusable: `${where} is not valid JSON (${(error as Error).message})` };
  }
  if (!isObject(raw)) return { unusable: `${where} is not a baseline record (expected a JSON object, got ${got(raw)})` };
  const writer = version(raw.modelCiVersion) === null ? `model-ci ${raw.modelCiVersion}` : 'an unknown model-ci version';
  if (typeof raw.schema !== 'number' || !Number.isInteger(raw.schema)) {
    return { unusable: `${where} has no record schema number (written by ${writer}); model-ci ${VERSION} reads schema ${RECORD_SCHEMA}` };
  }
  if (raw.schema > RECORD_SCHEMA) {
    return {
      unusable: `${where} was written by ${writer} with record schema ${raw.schema}; model-ci ${VERSION} reads schema ${RECORD_SCHEMA} — upgrade model-ci to compare against it`,
    };
  }
  if (raw.schema < RECORD_SCHEMA) {
    return {
      unusable: `${where} was written by an older ${writer} with record schema ${raw.schema}; model-ci ${VERSION} reads schema ${RECORD_SCHEMA} and cannot upgrade it without losing information`,
    };
  }
  const problems = recordProblems(raw);
  if (typeof raw.model === 'string' && raw.model !== key.model) problems.push(`model: the record says ${got(raw.model)} but is stored under ${got(key.model)}`);
  if (typeof raw.commit === 'string' && raw.commit !== key.commit)
    problems.push(`commit: the record says ${got(raw.commit)} but is stored under ${got(key.commit)}`);
  if (problems.length > 0) return { unusable: `${where} (written by ${writer}) cannot be used: ${listed(problems)}` };
  return { record: raw as unknown as BaselineRecord };
}

/** The first few problems: a record with thousands of bad fields must not make a message of them all. */
function listed(problems: string[]): string {
  const more = problems.length - MAX_PROBLEMS;
  return problems.slice(0, MAX_PROBLEMS).join('; ') + (more > 0 ? `; and ${more} more` : '');
}

/** Problems that would make `record` unreadable once stored; empty when it may be written. */
export function writeProblems(record: BaselineRecord): string[] {
  // Through JSON first: NaN becomes null, undefined disappears — exactly what a reader would see.
  const raw = JSON.parse(JSON.stringify(record)) as Json;
  const problems = recordProblems(raw);
  if (raw.schema !== RECORD_SCHEMA) problems.unshift(`schema: expected ${RECORD_SCHEMA}, got ${got(raw.schema)}`);
  return problems;
}
