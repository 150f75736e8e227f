import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Sandbox } from '../support/git-repo.ts';

/**
 * The git commands started while `run` runs, read from GIT_TRACE: the ones model-ci starts and the
 * housekeeping a fetch may start after itself, not the transport's helpers. What every pull request pays for.
 */
export async function gitCommands<T>(sandbox: Sandbox, run: () => Promise<T>): Promise<{ result: T; commands: string[] }> {
  const file = join(sandbox.root, 'git-trace.log');
  await rm(file, { force: true });
  process.env.GIT_TRACE = file;
  try {
    const result = await run();
    const trace = await readFile(file, 'utf8').catch(() => '');
    const commands = [...trace.matchAll(/trace: built-in: git (rev-parse|cat-file|fetch|merge-base|diff|remote|maintenance|gc)\b/g)].map((match) => match[1]);
    return { result, commands };
  } finally {
    delete process.env.GIT_TRACE;
  }
}
