import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { loadEngine } from '../../src/train/engine.ts';
import { gpuLibraryVersions, NATIVE_VERSION, nativeFolder, toolCacheFolder } from '../../src/train/native.ts';

let root: string;
before(async () => {
  root = await mkdtemp(join(tmpdir(), 'model-ci-native-'));
});
after(() => rm(root, { recursive: true, force: true }));

describe('native backends from the tool cache', () => {
  test('installed once from npm into the tool cache, found there next time, and loaded from there by the engine', async () => {
    // A stand-in for @tensorflow/tfjs-node whose addon cannot load, as on a runner without libtensorflow.
    const pkg = join(root, 'fake');
    await mkdir(pkg, { recursive: true });
    await writeFile(join(pkg, 'package.json'), JSON.stringify({ name: '@tensorflow/tfjs-node', version: NATIVE_VERSION, main: 'index.js' }));
    await writeFile(join(pkg, 'index.js'), "throw new Error('libtensorflow.so.2: cannot open shared object file (fake)');\n");
    const tarball = join(root, execFileSync('npm', ['pack', '--silent', pkg], { cwd: root, encoding: 'utf8' }).trim().split('\n').at(-1)!);
    const workspace = join(root, 'workspace');
    await mkdir(workspace);
    const toolCache = join(root, 'tool-cache');

    assert.equal(await nativeFolder('@tensorflow/tfjs-node', workspace, { toolCache }), undefined, 'not installed unless asked');
    const logged: string[] = [];
    const folder = await nativeFolder('@tensorflow/tfjs-node', workspace, { install: true, toolCache, source: tarball, log: (l) => logged.push(l) });
    assert.equal(folder, toolCacheFolder('@tensorflow/tfjs-node', toolCache));
    assert.ok(existsSync(join(folder!, 'node_modules', '@tensorflow', 'tfjs-node', 'package.json')));
    assert.match(logged[0], /^installing @tensorflow\/tfjs-node 4\.22\.0 into the tool cache/);

    const again: string[] = [];
    assert.equal(await nativeFolder('@tensorflow/tfjs-node', workspace, { toolCache, log: (l) => again.push(l) }), folder);
    assert.match(again[0], /found in the tool cache/);

    const previous = process.env.RUNNER_TOOL_CACHE;
    process.env.RUNNER_TOOL_CACHE = toolCache;
    try {
      const engine = await loadEngine('tensorflow', { workspace });
      assert.equal(engine.backend, 'wasm');
      assert.match(engine.notices[0], /backend tensorflow could not be loaded, using wasm instead: .*libtensorflow\.so\.2: cannot open shared object file \(fake\)/);
      assert.ok(engine.notices[0].includes(`@tensorflow/tfjs-node failed to load from ${folder}:`), `names the tool cache, not the workspace: ${engine.notices[0]}`);
    } finally {
      if (previous === undefined) delete process.env.RUNNER_TOOL_CACHE;
      else process.env.RUNNER_TOOL_CACHE = previous;
    }
  });
});

describe('gpuLibraryVersions', () => {
  test('reads the CUDA and cuDNN versions the NVIDIA packages install, and leaves out what is absent', async () => {
    const machine = join(root, 'machine');
    await mkdir(join(machine, 'usr/local/cuda'), { recursive: true });
    await mkdir(join(machine, 'usr/include'), { recursive: true });
    await writeFile(join(machine, 'usr/local/cuda/version.json'), JSON.stringify({ cuda: { name: 'CUDA SDK', version: '11.2.152' } }));
    await writeFile(join(machine, 'usr/include/cudnn_version.h'), '#define CUDNN_MAJOR 8\n#define CUDNN_MINOR 1\n#define CUDNN_PATCHLEVEL 1\n');
    assert.deepEqual(await gpuLibraryVersions(machine), { cuda: '11.2.152', cudnn: '8.1.1' });
    assert.deepEqual(await gpuLibraryVersions(join(root, 'bare')), {});
  });
});
