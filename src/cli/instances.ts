/**
 * Rows to predict from JSON (an array of instances, or TF Serving's `{"instances": [...]}`);
 * a CSV is streamed by src/data/csv-batches.ts.
 */
import { readFile } from 'node:fs/promises';
import { readCsv } from '../data/csv.ts';
import type { Preprocessing } from '../data/preprocessing.ts';
import { cellText } from '../data/table.ts';
import { displayPath } from '../display-path.ts';
import { UserError } from '../errors.ts';

/**
 * One object per CSV row keyed by column name (the target column, when present, is ignored), for
 * `model-ci monitor --inputs`: logged requests are counted as sent, unseen categories included.
 */
export async function instancesFromCsv(file: string, pre: Preprocessing): Promise<Record<string, unknown>[]> {
  // Categorical features are read as text even when they look like numbers ("007" stays "007").
  const categorical = pre.features.filter((f) => f.kind === 'categorical').map((f) => f.name);
  const table = await readCsv(file, { categorical });
  const columns = table.columns.filter((c) => c.name !== pre.target);
  const instances: Record<string, unknown>[] = [];
  for (let row = 0; row < table.rowCount; row++) {
    const instance: Record<string, unknown> = {};
    for (const col of columns) instance[col.name] = col.kind === 'numeric' ? col.values[row] : cellText(col, row);
    instances.push(instance);
  }
  return instances;
}

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
