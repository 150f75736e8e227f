import assert from 'node:assert/strict';
import { test } from 'node:test';
import { renameImports, stableChunkNames, type SplitMetafile } from '../../scripts/stable-chunks.ts';

/** Two builds of the same graph: esbuild's content hashes differ wherever an import's target changed. */
const build = (hashes: [string, string, string]): SplitMetafile => ({
  outputs: {
    'dist/index.js': { entryPoint: 'src/index.ts', inputs: { 'src/index.ts': {} } },
    [`dist/action-pr-${hashes[0]}.js`]: { entryPoint: 'src/action/pr.ts', inputs: { 'src/action/pr.ts': {} } },
    [`dist/action-chunk-${hashes[1]}.js`]: { inputs: { 'src/errors.ts': {}, '../main/node_modules/yaml/browser/index.js': {} } },
    [`dist/action-tfjs-${hashes[2]}.js`]: { entryPoint: '../main/node_modules/@tensorflow/tfjs/dist/index.js', inputs: {} },
  },
});

test('a chunk keeps its name while it holds the same modules, whatever esbuild hashed', () => {
  const before = stableChunkNames(build(['AAAA', 'BBBB', 'CCCC']), ['src/index.ts'], 'action');
  const after = stableChunkNames(build(['DDDD', 'EEEE', 'FFFF']), ['src/index.ts'], 'action');
  assert.deepEqual([...before.values()], [...after.values()]);
  assert.deepEqual([...before.values()].slice(0, 2), ['index.js', 'action-action-pr.js']);
  assert.match(before.get('action-chunk-BBBB.js')!, /^action-chunk-[0-9a-f]{10}\.js$/);
  assert.equal(before.get('action-tfjs-CCCC.js'), 'action-tensorflow-tfjs-dist-index.js');
});

test('a shared chunk is named by its module list, the same with node_modules symlinked or not', () => {
  const here = stableChunkNames(
    { outputs: { 'dist/action-chunk-X.js': { inputs: { 'src/a.ts': {}, 'node_modules/yaml/browser/index.js': {} } } } },
    [],
    'action',
  );
  const linked = stableChunkNames(
    { outputs: { 'dist/action-chunk-Y.js': { inputs: { '../main/node_modules/yaml/browser/index.js': {}, 'src/a.ts': {} } } } },
    [],
    'action',
  );
  const other = stableChunkNames(
    { outputs: { 'dist/action-chunk-Z.js': { inputs: { 'src/b.ts': {}, 'node_modules/yaml/browser/index.js': {} } } } },
    [],
    'action',
  );
  assert.equal(here.get('action-chunk-X.js'), linked.get('action-chunk-Y.js'));
  assert.notEqual(here.get('action-chunk-X.js'), other.get('action-chunk-Z.js'));
});

test('two chunks that would share a name stop the bundle', () => {
  const metafile: SplitMetafile = {
    outputs: {
      'dist/cli-a-1.js': { entryPoint: 'src/a-b.ts', inputs: {} },
      'dist/cli-a-2.js': { entryPoint: 'src/a/b.ts', inputs: {} },
    },
  };
  assert.throws(() => stableChunkNames(metafile, [], 'cli'), /chunks cli-a-1\.js and cli-a-2\.js would both be named cli-a-b\.js/);
});

test('static and dynamic imports of a renamed chunk point at its new name; other strings are left alone', () => {
  const renames = new Map([['action-chunk-2EDNZ64B.js', 'action-chunk-0123456789.js']]);
  const text =
    'import { a } from "./action-chunk-2EDNZ64B.js";\nconst m = await import(\'./action-chunk-2EDNZ64B.js\');\nlog("./other.js", "action-chunk-2EDNZ64B.js");\n';
  assert.equal(
    renameImports(text, renames),
    'import { a } from "./action-chunk-0123456789.js";\nconst m = await import(\'./action-chunk-0123456789.js\');\nlog("./other.js", "action-chunk-2EDNZ64B.js");\n',
  );
});
