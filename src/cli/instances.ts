/**
 * Rows to predict from JSON (an array of instances, or TF Serving's `{"instances": [...]}`);
 * a CSV is streamed by src/data/csv-batches.ts.
 */
import { readFile } from 'node:fs/promises';
import { displayPath } from '../display-path.ts';
import { UserError } from '../errors.ts';

/** `text` came from `source` (a file name, or "stdin"). */
export function instancesFromJson(text: string, source: string): unknown[] {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new UserError(`is not valid JSON (${(error as Error).message})`, { file: source });
  }
  const instances = Array.isArray(value) ? value : (value as { instances?: unknown } | null)?.instances;
  if (!Array.isArray(instances)) {
    throw new UserError('expected a JSON array of instances or an object {"instances": [...]}', { file: source });
  }
  return instances;
}

export async function readJsonFile(file: string): Promise<unknown[]> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UserError(code === 'ENOENT' ? 'no such file' : `cannot be read (${code ?? String(error)})`, { file: displayPath(file) });
  }
  return instancesFromJson(text, displayPath(file));
}
