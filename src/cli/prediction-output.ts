/**
 * Where `model-ci predict` writes: stdout as it goes, or a file that appears whole or not at all
 * (written to a temporary file beside it and renamed into place once every row is predicted).
 */
import { randomBytes } from 'node:crypto';
import { open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { displayPath } from '../display-path.ts';
import { fileErrorReason, UserError } from '../errors.ts';
import type { ByteSink } from '../model/batch-predict.ts';
import type { CliIO } from './command-spec.ts';

export async function writeOutput<T>(out: string | undefined, io: CliIO, produce: (sink: ByteSink) => Promise<T>): Promise<T> {
  if (out === undefined) {
    return produce(async (bytes) => {
      if (bytes.length === 0) return;
      if (io.writeStdout) await io.writeStdout(bytes);
      else io.stdout(Buffer.from(bytes).toString('utf8'));
    });
  }
  const temporary = join(dirname(out), `.${basename(out)}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  let handle: Awaited<ReturnType<typeof open>>;
  try {
    // wx: never follow or truncate something already there.
    handle = await open(temporary, 'wx', 0o644);
  } catch (error) {
    throw new UserError(`cannot write ${displayPath(out)}: ${fileErrorReason(error)}`, { file: displayPath(out) });
  }
  try {
    const result = await produce(async (bytes) => {
      if (bytes.length > 0) await handle.write(bytes);
    });
    await handle.close();
    await rename(temporary, out).catch((error: unknown) => {
      throw new UserError(`cannot write ${displayPath(out)}: ${fileErrorReason(error)}`, { file: displayPath(out) });
    });
    return result;
  } catch (error) {
    await handle.close().catch(() => {});
    await rm(temporary, { force: true });
    throw error;
  }
}
