/**
 * The data diff of a pull request's files: main's version read from the base commit's git objects, the
 * PR's as it trained (its validated, confined paths), both parsed as model-ci parses training data.
 * Anything that keeps a file from being compared is said in a note, never a failure of the run: the
 * diff informs the reviewer, training and gates decide.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { readCsvFile } from '../data/csv.ts';
import { dataFileKey } from '../data/dataset.ts';
import type { ModelCiConfig } from '../domain/config.ts';
import { isUserError, shorten } from '../errors.ts';
import { readBlobAt } from '../git/blob.ts';
import { formatBytes, limit } from '../limits.ts';
import { diffData, type DataDiff } from './data-diff.ts';

/** git's output buffer (src/git/git.ts) bounds what can be read from an object. */
const MAX_BLOB_BYTES = 512 * 1024 * 1024;

export interface DataFilesDiff {
  diffs: DataDiff[];
  /** Files not compared, and why. */
  notes: string[];
}

export async function diffDataFiles(options: { repoRoot: string; baseSha: string; config: ModelCiConfig }): Promise<DataFilesDiff> {
  const { repoRoot, baseSha, config } = options;
  const files = [config.data.train, ...(config.data.test ? [config.data.test] : [])];
  const categorical = [...(config.data.categoricalColumns ?? []), ...(config.task !== 'regression' ? [config.data.target] : [])];
  const result: DataFilesDiff = { diffs: [], notes: [] };
  const scratch = await mkdtemp(join(tmpdir(), 'model-ci-data-diff-'));
  try {
    for (const file of files) {
      const key = dataFileKey(config, file);
      const inRepo = relative(repoRoot, file).split(sep).join('/');
      const blob = await readBlobAt(repoRoot, baseSha, inRepo, Math.min(limit('csvBytes'), MAX_BLOB_BYTES));
      if (blob.kind === 'missing') {
        result.notes.push(`${key} is new in this PR: main has no such file to compare with`);
        continue;
      }
      if (blob.kind === 'not-a-file') {
        result.notes.push(`${key} is not a regular file at main's commit (git mode ${blob.mode}): not compared`);
        continue;
      }
      if (blob.kind === 'too-big') {
        result.notes.push(`main's ${key} is ${formatBytes(blob.bytes)}, more than the data diff reads: not compared`);
        continue;
      }
      const baseFile = join(scratch, `base-${result.diffs.length}.csv`);
      await writeFile(baseFile, blob.bytes);
      let base: Awaited<ReturnType<typeof readCsvFile>>;
      try {
        base = await readCsvFile(baseFile, { categorical });
      } catch (error) {
        if (!isUserError(error)) throw error;
        // The message names a line and a column; its location would name the scratch file.
        result.notes.push(shorten(`main's ${key} could not be read as a CSV, so it is not compared: ${error.message}`, 500));
        continue;
      }
      // The PR's file trained, so it parses; read again with its exact text (training reads float32).
      const head = await readCsvFile(file, { categorical });
      result.diffs.push(diffData({ file: key, base: base.table, head: head.table, target: config.data.target, task: config.task }));
    }
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
  return result;
}
