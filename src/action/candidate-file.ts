/**
 * The file a sweep candidate's job leaves for the sweep job (through an artifact): what it trained and
 * measured. Read back as untrusted data: exact shape, bounded sizes, the commit it claims to be for.
 */
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import { UserError } from '../errors.ts';
import type { CandidateResult } from '../flow/sweep-candidates.ts';

const SCHEMA_VERSION = 1;
const PREFIX = 'candidate-';

export async function writeCandidateFile(dir: string, headSha: string, result: CandidateResult): Promise<string> {
  await mkdir(dir, { recursive: true });
  const file = join(dir, `${PREFIX}${result.id}.json`);
  await writeFile(file, `${JSON.stringify({ schema: SCHEMA_VERSION, headSha, ...result })}\n`);
  return file;
}

/** Every candidate file under `dir` (download-artifact may nest them one folder deep), for commit `headSha`. */
export async function readCandidateFiles(dir: string, headSha: string): Promise<CandidateResult[]> {
  const entries = await readdir(dir, { recursive: true }).catch(() => {
    throw new UserError('no candidate results: the folder is missing (did the candidate jobs upload their report-dir?)', { file: dir });
  });
  const files = entries.filter((entry) => /(^|\/)candidate-[a-z0-9]+\.json$/.test(entry)).sort();
  if (files.length === 0) throw new UserError('no candidate results (candidate-*.json) found', { file: dir });
  const results: CandidateResult[] = [];
  for (const name of files) {
    const file = join(dir, name);
    let value: unknown;
    try {
      value = JSON.parse(await readFile(file, 'utf8'));
    } catch (error) {
      throw new UserError(`not a candidate result: ${(error as Error).message}`, { file });
    }
    const validate = validator();
    if (!validate(value))
      throw new UserError(`not a candidate result: ${validate.errors?.[0]?.instancePath || '(root)'} ${validate.errors?.[0]?.message ?? ''}`, { file });
    const { schema: _schema, headSha: sha, ...result } = value as CandidateResult & { schema: number; headSha: string };
    if (sha !== headSha) throw new UserError(`the candidate result is for commit ${sha.slice(0, 12)}, not ${headSha.slice(0, 12)}`, { file });
    results.push(result);
  }
  return results;
}

const str = (maxLength = 500) => ({ type: 'string', maxLength });
const num = { type: 'number' };
const object = (properties: Record<string, object>, required: string[]) => ({ type: 'object', properties, required, additionalProperties: false });
const record = (values: object, maxProperties = 1000) => ({ type: 'object', additionalProperties: values, maxProperties });
const schema = object(
  {
    schema: { const: SCHEMA_VERSION },
    headSha: { type: 'string', pattern: '^[0-9a-f]{40}([0-9a-f]{24})?$' },
    id: { type: 'string', pattern: '^c[0-9]{1,3}$' },
    name: str(),
    params: record({}, 50),
    backend: str(50),
    run: object(
      {
        metrics: record(num, 100),
        params: record({ anyOf: [str(2000), num, { type: 'boolean' }, { type: 'null' }] }),
        data: record(object({ hash: str(100), rows: num }, ['hash', 'rows']), 1000),
      },
      ['metrics', 'params', 'data'],
    ),
  },
  ['schema', 'headSha', 'id', 'name', 'params', 'backend', 'run'],
);
let compiled: ValidateFunction | undefined;
const validator = () => (compiled ??= new Ajv({ strict: true }).compile(schema));
