/**
 * The folder-cycle check `.ci/run` runs (scripts/check-imports.ts) finds what it is there to catch: a
 * folder of src/ importing from one that imports it back, directly or through others, by a static,
 * type-only or dynamic import; and stays quiet on a tree whose folders are layers.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, test } from 'node:test';
import { folderCycles, folderEdges, sourceFiles } from '../../scripts/check-imports.ts';

const repo = join(import.meta.dirname, '..', '..');
const node = join(repo, 'node_modules', '.bin', 'node');
const temp = mkdtempSync(join(tmpdir(), 'model-ci-check-imports-'));
after(() => rmSync(temp, { recursive: true, force: true }));

let trees = 0;
/** A src/ tree of the given files (path → source), in a fresh folder. */
function tree(files: Record<string, string>): string {
  const root = join(temp, `tree-${++trees}`, 'src');
  for (const [path, source] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), source);
  }
  return root;
}

function cycles(root: string): string[][] {
  return folderCycles(folderEdges(root, sourceFiles(root)));
}

function checkScript(root: string): { status: number | null; output: string } {
  const run = spawnSync(node, [join(repo, 'scripts', 'check-imports.ts'), root], { cwd: repo, encoding: 'utf8' });
  return { status: run.status, output: run.stdout + run.stderr };
}

const layered = {
  'errors.ts': 'export class UserError extends Error {}\n',
  'domain/types.ts': "export type Task = 'regression';\n",
  'model/load.ts': "import type { Task } from '../domain/types.ts';\nimport { UserError } from '../errors.ts';\nimport { helper } from './helper.ts';\n",
  'model/helper.ts': "export { UserError } from '../errors.ts';\nexport const helper = 1;\n",
  'train/pipeline.ts': "import { load } from '../model/load.ts';\nconst lazy = () => import('../model/helper.ts');\n",
  'serve/server.ts': "import { load } from '../model/load.ts';\nimport type { Task } from '../domain/types.ts';\n",
};

test('folders that only import downwards make no cycle, and imports inside a folder are not edges', () => {
  const root = tree(layered);
  const edges = folderEdges(root, sourceFiles(root));
  assert.deepEqual([...(edges.get('train')?.keys() ?? [])], ['model']);
  assert.deepEqual([...(edges.get('model')?.keys() ?? [])].sort(), ['domain', 'errors.ts']);
  assert.deepEqual(cycles(root), []);
  const run = checkScript(root);
  assert.equal(run.status, 0, run.output);
  assert.match(run.output, /no folder of .* imports from one that imports it back/);
});

test('two folders importing each other are reported with the import that makes each edge', () => {
  // model/ reaches back into train/ by a type-only import: it still couples the folders.
  const root = tree({ ...layered, 'model/load.ts': `${layered['model/load.ts']}import type { Run } from '../train/pipeline.ts';\n` });
  assert.deepEqual(cycles(root), [['model', 'train']]);
  const edges = folderEdges(root, sourceFiles(root));
  assert.match(edges.get('model')?.get('train')?.example ?? '', /model\/load\.ts:4$/);
  const run = checkScript(root);
  assert.equal(run.status, 1, run.output);
  assert.match(run.output, /these folders import each other: model, train/);
  assert.match(run.output, /model → train {2}\(.*model\/load\.ts:4\)/);
  assert.match(run.output, /train → model {2}\(.*train\/pipeline\.ts:1\)/);
});

test('a cycle through three folders, closed by a dynamic import, is one cycle', () => {
  const root = tree({ ...layered, 'domain/types.ts': `${layered['domain/types.ts']}export const lazy = () => import('../serve/server.ts');\n` });
  // serve → model → domain → serve; train only imports into it.
  assert.deepEqual(cycles(root), [['domain', 'model', 'serve']]);
  assert.equal(checkScript(root).status, 1);
});

test("model-ci's own src/ has no folder importing from one that imports it back", () => {
  const run = checkScript(join(repo, 'src'));
  assert.equal(run.status, 0, run.output);
});
