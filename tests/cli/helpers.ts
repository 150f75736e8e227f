/** Runs `node src/cli.ts …` as a user would, and makes throwaway model repositories from the fixtures. */
import { execFile } from 'node:child_process';
import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const ROOT = join(import.meta.dirname, '..', '..');
const CLI = join(ROOT, 'src', 'cli.ts');

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export function runCli(args: string[], opts: { cwd?: string; stdin?: string; env?: NodeJS.ProcessEnv } = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      process.execPath,
      [CLI, ...args],
      { cwd: opts.cwd ?? ROOT, env: opts.env ?? process.env, encoding: 'utf8', maxBuffer: 16 << 20 },
      (error, stdout, stderr) => {
        if (error && typeof error.code !== 'number') reject(error);
        else resolve({ code: error ? (error.code as number) : 0, stdout, stderr });
      },
    );
    child.stdin?.end(opts.stdin ?? '');
  });
}

/** A copy of fixtures/<name> in a temp folder, with files rewritten by `edit` (path → new text, or a function of the old). */
export async function fixtureCopy(name: string, edits: Record<string, string | ((old: string) => string)> = {}): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), `cli-${name}-`));
  await cp(join(ROOT, 'fixtures', name), dir, { recursive: true });
  for (const [file, edit] of Object.entries(edits)) {
    const path = join(dir, file);
    await writeFile(path, typeof edit === 'string' ? edit : edit(await readFile(path, 'utf8')));
  }
  return dir;
}
