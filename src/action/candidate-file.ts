/**
 * The file a sweep candidate's job leaves for the sweep job (through an artifact): what it trained and
 * measured. Read back as untrusted data: exact shape, bounded sizes, the commit it claims to be for.
 */
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { UserError } from '../errors.ts';
import type { CandidateResult } from '../flow/sweep-candidates.ts';
import { CANDIDATE_SCHEMA, type CandidateFile, candidateSchema } from '../schemas/candidate.ts';
import { schemaProblems, validator } from '../schemas/validator.ts';

const PREFIX = 'candidate-';

export async function writeCandidateFile(dir: string, headSha: string, result: CandidateResult): Promise<string> {
  await mkdir(dir, { recursive: true });
  const file = join(dir, `${PREFIX}${result.id}.json`);
  await writeFile(file, `${JSON.stringify({ schema: CANDIDATE_SCHEMA, headSha, ...result } satisfies CandidateFile)}\n`);
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
    } catch {
      // JSON.parse's message quotes the text: an untrusted file is never echoed, not even a fragment.
      throw new UserError('not a candidate result: the file is not JSON', { file });
    }
    const validate = await validator(candidateSchema);
    if (!validate(value)) {
      const [first] = schemaProblems(validate.errors, value);
      throw new UserError(`not a candidate result: ${first?.path || '(root)'}: ${first?.message ?? 'unknown problem'}`, {
        file,
        field: first?.path || undefined,
      });
    }
    const { schema: _schema, headSha: sha, ...result } = value;
    if (sha !== headSha) throw new UserError(`the candidate result is for commit ${sha.slice(0, 12)}, not ${headSha.slice(0, 12)}`, { file });
    results.push(result);
  }
  return results;
}
