/**
 * Main's model files as they travel with its baseline record: the three files a prediction needs
 * (model.json, weights.bin, preprocessing.json), content-addressed on the baselines branch under
 * `models/<hex of the model hash>/`. Anyone who can push that branch can write there, so what is read
 * back is checked here before it reaches a loader: the path comes from a hash the schema validated, the
 * sizes are bounded before reading, and the bytes must hash to the record's model hash.
 */
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { formatBytes, limit, overLimit } from '../limits.ts';
import { hashModel } from '../model/artifacts.ts';
import { ARTIFACT_FILES } from '../domain/run-artifacts.ts';
import { MODEL_HASH, type StoredModel } from '../domain/record.ts';

export const STORED_MODEL_FILES = [ARTIFACT_FILES.modelJson, ARTIFACT_FILES.weights, ARTIFACT_FILES.preprocessing] as const;

export interface ModelBundle {
  stored: StoredModel;
  /** File name → bytes, for each of `STORED_MODEL_FILES`. */
  files: Map<string, Buffer>;
}

/** Where one file of a stored model lives on the baselines branch: derived from the hash alone. */
export function storedModelPath(hash: string, file: (typeof STORED_MODEL_FILES)[number]): string {
  if (!MODEL_HASH.test(hash)) throw new Error(`not a model hash: ${JSON.stringify(hash.slice(0, 80))}`);
  return `models/${hash.slice('sha256:'.length)}/${file}`;
}

/**
 * The model of a run folder, ready to store: `{ skipped }` when it is over the size limit (the record is
 * then written without it, and PRs train the base as before).
 */
export async function bundleModel(dir: string): Promise<ModelBundle | { skipped: string }> {
  const sizes = await Promise.all(STORED_MODEL_FILES.map(async (file) => (await stat(join(dir, file))).size));
  const bytes = sizes.reduce((a, b) => a + b, 0);
  if (bytes > limit('storedModelBytes')) return { skipped: `the model's files are ${formatBytes(bytes)}, ${overLimit('storedModelBytes')}` };
  const files = new Map<string, Buffer>();
  for (const file of STORED_MODEL_FILES) files.set(file, await readFile(join(dir, file)));
  return { stored: { hash: hashOf(files), bytes }, files };
}

/** Why `files` are not the model `stored` names (null when they are). */
export function storedModelProblem(stored: StoredModel, files: Map<string, Buffer>): string | null {
  const bytes = [...files.values()].reduce((sum, data) => sum + data.length, 0);
  if (bytes !== stored.bytes) return `its files hold ${bytes} bytes, the record says ${stored.bytes}`;
  const preprocessing = files.get(ARTIFACT_FILES.preprocessing) ?? Buffer.alloc(0);
  if (!Buffer.from(preprocessing.toString('utf8'), 'utf8').equals(preprocessing)) return `its ${ARTIFACT_FILES.preprocessing} is not UTF-8 text`;
  const actual = hashOf(files);
  if (actual !== stored.hash) return `its files hash to ${actual.slice(0, 19)}…, not the record's model hash ${stored.hash.slice(0, 19)}…`;
  return null;
}

function hashOf(files: Map<string, Buffer>): string {
  const part = (file: string) => files.get(file) ?? Buffer.alloc(0);
  // preprocessing.json as text, as hashModel hashed it when the model was saved (invalid UTF-8 cannot match).
  return hashModel({
    modelJson: part(ARTIFACT_FILES.modelJson),
    weights: part(ARTIFACT_FILES.weights),
    preprocessing: part(ARTIFACT_FILES.preprocessing).toString('utf8'),
  });
}
