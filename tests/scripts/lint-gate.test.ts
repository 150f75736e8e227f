/**
 * The lint gate `.ci/run` runs (Biome with biome.json, then tsc's noUnused* checks) fails on what it
 * is there to catch: a file with an unused import does not pass.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';

const root = join(import.meta.dirname, '..', '..');
const biome = join(root, 'node_modules', '.bin', 'biome');

function lint(source: string): { status: number | null; output: string } {
  const dir = mkdtempSync(join(tmpdir(), 'model-ci-lint-'));
  try {
    mkdirSync(join(dir, 'src'));
    // The repository's settings, minus the schema path and VCS lookup that only make sense at its root.
    const config = JSON.parse(readFileSync(join(root, 'biome.json'), 'utf8'));
    delete config.$schema;
    delete config.vcs;
    writeFileSync(join(dir, 'biome.json'), JSON.stringify(config));
    writeFileSync(join(dir, 'src', 'sample.ts'), source);
    const run = spawnSync(biome, ['lint', 'src'], { cwd: dir, encoding: 'utf8' });
    return { status: run.status, output: run.stdout + run.stderr };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('an unused import fails the lint gate, naming the rule', () => {
  const failed = lint("import { join } from 'node:path';\n\nexport const answer = 42;\n");
  assert.notEqual(failed.status, 0, failed.output);
  assert.match(failed.output, /noUnusedImports/);
});

test('the same file without it passes', () => {
  const passed = lint('export const answer = 42;\n');
  assert.equal(passed.status, 0, passed.output);
});
