/** Test helpers: files in a fresh temporary folder, and assertions on UserError messages. */
import assert from 'node:assert/strict';
import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { UserError } from '../../src/errors.ts';

/** Writes `files` (relative path → content) under a new temporary folder and returns the folder. */
export async function tempFiles(files: Record<string, string | Buffer>): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'model-ci-test-'));
  for (const [path, content] of Object.entries(files)) {
    await mkdir(dirname(join(root, path)), { recursive: true });
    await writeFile(join(root, path), content);
  }
  return root;
}

/** Asserts that `action` throws a UserError whose `describe()` contains every fragment; returns that text. */
export async function userError(action: () => unknown, ...fragments: (string | RegExp)[]): Promise<string> {
  let caught: unknown;
  try {
    await action();
  } catch (error) {
    caught = error;
  }
  assert.ok(caught instanceof UserError, `expected a UserError, got ${caught instanceof Error ? caught.stack : String(caught)}`);
  const text = caught.describe();
  for (const fragment of fragments) {
    if (typeof fragment === 'string') assert.ok(text.includes(fragment), `expected ${JSON.stringify(fragment)} in: ${text}`);
    else assert.match(text, fragment);
  }
  return text;
}

/** Runs `action` with environment variables set (a limit raised or lowered), restoring them after. */
export async function withEnv<T>(vars: Record<string, string>, action: () => T | Promise<T>): Promise<T> {
  const saved = Object.fromEntries(Object.keys(vars).map((key) => [key, process.env[key]]));
  Object.assign(process.env, vars);
  try {
    return await action();
  } finally {
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  }
}
