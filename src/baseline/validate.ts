/**
 * Is a stored baseline record one this model-ci can compare against? (No I/O: Ajv is imported on first use.)
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
import { recordSchema } from '../schemas/record.ts';
import { got, schemaProblems, validator } from '../schemas/validator.ts';
import { VERSION } from '../version.ts';
import { type BaselineRecord, MODEL_CI_VERSION, RECORD_SCHEMA } from '../domain/record.ts';

export type StoredRecord = { record: BaselineRecord } | { unusable: string };

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const MAX_PROBLEMS = 8;

/** Validates a record as the problems it has, each `path: what is wrong`: the schema, then what it cannot say. */
async function recordProblems(raw: Json): Promise<string[]> {
  const validate = await validator(recordSchema);
  if (validate(raw)) return consistencyProblems(raw);
  const problems = schemaProblems(validate.errors, raw).map(({ path, message }) => `${path}: ${message}`);
  return problems.concat(isObject(raw) ? consistencyProblems(raw as unknown as BaselineRecord) : []);
}

/** What a schema cannot say: a time that is a real date, an image name our reference parser accepts. */
function consistencyProblems(record: BaselineRecord): string[] {
  const problems: string[] = [];
  if (typeof record.createdAt === 'string' && Number.isNaN(Date.parse(record.createdAt))) {
    problems.push(`createdAt: expected an ISO 8601 time such as 2025-03-04T05:06:07Z, got ${got(record.createdAt)}`);
  }
  if (isObject(record.storedModel) && record.storedModel.hash !== record.modelHash) {
    problems.push(`storedModel.hash: expected the record's modelHash, got ${got(record.storedModel.hash)}`);
  }
  const name = isObject(record.image) ? record.image.name : undefined;
  if (typeof name === 'string' && !imageName(name)) problems.push(`image.name: expected an image name without tag or digest, got ${got(name)}`);
  return problems;
}

function imageName(text: string): boolean {
  try {
    return Boolean(parseImageName(text));
  } catch {
    // The parser's own message quotes the whole value: ours is bounded.
    return false;
  }
}

/**
 * Parses a stored record. `key` is where it was stored (model and commit from
 * its path) and must agree with what the record says, so a record copied to
 * the wrong place is not mistaken for another commit's; `where` names it in messages.
 */
export async function parseRecord(text: string, key: { model: string; commit: string }, where: string): Promise<StoredRecord> {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return { unusable: `${where} is not valid JSON (${(error as Error).message})` };
  }
  if (!isObject(raw)) return { unusable: `${where} is not a baseline record (expected a JSON object, got ${got(raw)})` };
  const writer =
    typeof raw.modelCiVersion === 'string' && MODEL_CI_VERSION.test(raw.modelCiVersion) ? `model-ci ${raw.modelCiVersion}` : 'an unknown model-ci version';
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
  const problems = await recordProblems(raw);
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
export async function writeProblems(record: BaselineRecord): Promise<string[]> {
  // Through JSON first: NaN becomes null, undefined disappears — exactly what a reader would see.
  const raw = JSON.parse(JSON.stringify(record)) as Json;
  const problems = await recordProblems(raw);
  if (raw.schema !== RECORD_SCHEMA) problems.unshift(`schema: expected ${RECORD_SCHEMA}, got ${got(raw.schema)}`);
  return problems;
}
