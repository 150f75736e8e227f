import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { loadEngine } from '../../src/model/engine.ts';
import { gpuLibraryVersions, NATIVE_INTEGRITY, NATIVE_VERSION, nativeFolder, toolCacheFolder } from '../../src/model/native.ts';

const NODE = '@tensorflow/tfjs-node';
let root: string;
before(async () => {
  root = await mkdtemp(join(tmpdir(), 'model-ci-native-'));
});
after(() => rm(root, { recursive: true, force: true }));

/**
 * A stand-in for @tensorflow/tfjs-node packed by npm: loading it writes `marker` (so a test can tell it
 * was imported) and then throws, as tfjs-node does on a runner without libtensorflow.
 */
async function fakePackage(name: string, marker: string): Promise<{ dir: string; tarball: string; integrity: string }> {
  const dir = join(root, name);
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, 'package.json'), JSON.stringify({ name: NODE, version: NATIVE_VERSION, main: 'index.js' }));
  await writeFile(
    join(dir, 'index.js'),
    `require('node:fs').writeFileSync(${JSON.stringify(marker)}, 'imported');\nthrow new Error('libtensorflow.so.2: cannot open shared object file (fake)');\n`,
  );
  const [packed] = JSON.parse(execFileSync('npm', ['pack', '--json', dir], { cwd: root, encoding: 'utf8' })) as Array<{ filename: string; integrity: string }>;
  return { dir, tarball: join(root, packed.filename), integrity: packed.integrity };
}

/** Runs `body` with the fake package's integrity pinned in place of the published one. */
async function pinned<T>(integrity: string, body: () => Promise<T>): Promise<T> {
  const published = NATIVE_INTEGRITY[NODE];
  NATIVE_INTEGRITY[NODE] = integrity;
  try {
    return await body();
  } finally {
    NATIVE_INTEGRITY[NODE] = published;
  }
}

describe('native backends from the tool cache', () => {
  test('installed once from npm into the tool cache, found there next time, and loaded from there by the engine', async () => {
    const { tarball, integrity } = await fakePackage('fake', join(root, 'fake-imported'));
    const workspace = join(root, 'workspace');
    await mkdir(workspace);
    const toolCache = join(root, 'tool-cache');

    assert.equal(await nativeFolder('@tensorflow/tfjs-node', workspace, { toolCache }), undefined, 'not installed unless asked');
    const logged: string[] = [];
    const folder = await pinned(integrity, () =>
      nativeFolder('@tensorflow/tfjs-node', workspace, { install: true, toolCache, source: tarball, log: (l) => logged.push(l) }),
    );
    assert.equal(folder, toolCacheFolder('@tensorflow/tfjs-node', toolCache));
    assert.ok(existsSync(join(folder!, 'node_modules', '@tensorflow', 'tfjs-node', 'package.json')));
    assert.equal(logged[0], `installing @tensorflow/tfjs-node 4.22.0 into ${folder}; its install script downloads libtensorflow`);

    const again: string[] = [];
    assert.equal(await pinned(integrity, () => nativeFolder('@tensorflow/tfjs-node', workspace, { toolCache, log: (l) => again.push(l) })), folder);
    assert.equal(again[0], `@tensorflow/tfjs-node 4.22.0 verified in ${folder}`);

    const previous = process.env.RUNNER_TOOL_CACHE;
    process.env.RUNNER_TOOL_CACHE = toolCache;
    try {
      const engine = await pinned(integrity, () => loadEngine('tensorflow', { workspace, secrets: false }));
      assert.equal(engine.backend, 'wasm');
      assert.match(
        engine.notices[0],
        /backend tensorflow could not be loaded, using wasm instead: .*libtensorflow\.so\.2: cannot open shared object file \(fake\)/,
      );
      assert.ok(
        engine.notices[0].includes(`@tensorflow/tfjs-node failed to load from ${folder}:`),
        `names the tool cache, not the workspace: ${engine.notices[0]}`,
      );
    } finally {
      if (previous === undefined) delete process.env.RUNNER_TOOL_CACHE;
      else process.env.RUNNER_TOOL_CACHE = previous;
    }
  });
});

/** Runs `body` with RUNNER_TOOL_CACHE and RUNNER_TEMP set as on a runner. */
async function onRunner<T>(env: { toolCache: string; temp: string }, body: () => Promise<T>): Promise<T> {
  const previous = { RUNNER_TOOL_CACHE: process.env.RUNNER_TOOL_CACHE, RUNNER_TEMP: process.env.RUNNER_TEMP };
  process.env.RUNNER_TOOL_CACHE = env.toolCache;
  process.env.RUNNER_TEMP = env.temp;
  try {
    return await body();
  } finally {
    for (const [key, value] of Object.entries(previous)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  }
}

/** What a PR job can do to a shared tool cache: write a package tree where model-ci looks for one. */
async function plant(toolCache: string, from: string): Promise<string> {
  const folder = toolCacheFolder(NODE, toolCache)!;
  await cp(from, join(folder, 'node_modules', NODE), { recursive: true });
  return folder;
}

describe('the tool cache and the workspace cannot hand a job a native package model-ci did not verify', () => {
  test('a tree planted in the tool cache without model-ci’s manifest is never imported, and is reinstalled when asked', async () => {
    const base = join(root, 'planted');
    const marker = join(base, 'planted-imported');
    const planted = await fakePackage('planted/pkg', marker);
    const toolCache = join(base, 'tool-cache');
    const workspace = join(base, 'workspace');
    await mkdir(workspace, { recursive: true });
    const folder = await plant(toolCache, planted.dir);

    const engine = await onRunner({ toolCache, temp: join(base, 'temp') }, () => loadEngine('tensorflow', { workspace, secrets: false }));
    assert.equal(existsSync(marker), false, 'the planted package was imported');
    assert.equal(engine.backend, 'wasm');
    assert.equal(
      engine.notices[0],
      `backend tensorflow could not be loaded, using wasm instead: ${NODE} failed to load from ${folder}: refused: it has no readable model-ci-manifest.json: model-ci did not install it`,
    );

    // Asked to install: the planted tree is replaced by the pinned tarball's.
    const genuine = await fakePackage('planted/genuine', join(base, 'genuine-imported'));
    const logged: string[] = [];
    await pinned(genuine.integrity, () =>
      nativeFolder(NODE, workspace, { install: true, toolCache, source: genuine.tarball, secrets: false, log: (l) => logged.push(l) }),
    );
    assert.match(
      logged[0],
      /^notice: refusing @tensorflow\/tfjs-node in .*: it has no readable model-ci-manifest\.json: model-ci did not install it; reinstalling it$/,
    );
    assert.equal(await readFile(join(folder, 'node_modules', NODE, 'index.js'), 'utf8'), await readFile(join(genuine.dir, 'index.js'), 'utf8'));
  });

  test('a tree model-ci installed and a PR job then changed is refused; a tarball that is not the pinned one is not installed', async () => {
    const base = join(root, 'tampered');
    const genuine = await fakePackage('tampered/genuine', join(base, 'genuine-imported'));
    const toolCache = join(base, 'tool-cache');
    const workspace = join(base, 'workspace');
    await mkdir(workspace, { recursive: true });
    const folder = (await pinned(genuine.integrity, () =>
      nativeFolder(NODE, workspace, { install: true, toolCache, source: genuine.tarball, secrets: false }),
    ))!;
    const manifest = JSON.parse(await readFile(join(folder, 'model-ci-manifest.json'), 'utf8'));
    assert.deepEqual(Object.keys(manifest), ['package', 'version', 'integrity', 'tree']);
    assert.equal(manifest.integrity, genuine.integrity);

    const marker = join(base, 'tampered-imported');
    await writeFile(join(folder, 'node_modules', NODE, 'index.js'), `require('node:fs').writeFileSync(${JSON.stringify(marker)}, 'imported');\n`);
    const engine = await pinned(genuine.integrity, () =>
      onRunner({ toolCache, temp: join(base, 'temp') }, () => loadEngine('tensorflow', { workspace, secrets: false })),
    );
    assert.equal(existsSync(marker), false, 'the tampered package was imported');
    assert.match(engine.notices[0], /refused: its files do not match the hash recorded when model-ci installed it$/);

    // Without the fake's integrity pinned, model-ci pins the published tarball's: the fake is refused.
    const other = join(base, 'other-cache');
    await assert.rejects(nativeFolder(NODE, workspace, { install: true, toolCache: other, source: genuine.tarball, secrets: false }), (error: Error) => {
      assert.equal(
        error.message,
        `the ${NODE} tarball's integrity ${genuine.integrity} is not the ${NATIVE_INTEGRITY[NODE]} model-ci pins for ${NATIVE_VERSION}; not installed`,
      );
      return true;
    });
    assert.equal(existsSync(join(toolCacheFolder(NODE, other)!, 'node_modules')), false);
  });

  test('a job that holds secrets loads neither the workspace’s package nor the shared cache’s, only the tree it installed itself', async () => {
    const base = join(root, 'secrets');
    const toolCache = join(base, 'tool-cache');
    const temp = join(base, 'temp');
    const workspace = join(base, 'workspace');
    const inWorkspace = join(base, 'workspace-imported');
    await cp((await fakePackage('secrets/pr', inWorkspace)).dir, join(workspace, 'node_modules', NODE), { recursive: true });
    // A PR job (no secrets) installs into the shared cache, with a valid manifest — which it could forge.
    const shared = await fakePackage('secrets/shared', join(base, 'shared-imported'));
    await pinned(shared.integrity, () => nativeFolder(NODE, join(base, 'elsewhere'), { install: true, toolCache, source: shared.tarball, secrets: false }));

    const engine = await pinned(shared.integrity, () => onRunner({ toolCache, temp }, () => loadEngine('tensorflow', { workspace, secrets: true })));
    assert.equal(engine.backend, 'wasm');
    assert.equal(existsSync(inWorkspace), false, 'the workspace’s package was imported in a job that holds secrets');
    assert.equal(existsSync(join(base, 'shared-imported')), false, 'the shared cache’s package was imported in a job that holds secrets');

    // What the job installs itself into RUNNER_TEMP is loaded (the positive control: this fake is seen when imported).
    const own = await fakePackage('secrets/own', join(base, 'own-imported'));
    const folder = await pinned(own.integrity, () => nativeFolder(NODE, workspace, { install: true, runnerTemp: temp, source: own.tarball, secrets: true }));
    assert.equal(folder, join(temp, 'model-ci-native', '@tensorflow+tfjs-node', NATIVE_VERSION));
    const loaded = await pinned(own.integrity, () => onRunner({ toolCache, temp }, () => loadEngine('tensorflow', { workspace, secrets: true })));
    assert.equal(existsSync(join(base, 'own-imported')), true, 'the tree this job installed was not loaded');
    assert.match(loaded.notices[0], /libtensorflow\.so\.2: cannot open shared object file \(fake\)/);

    // Changed after this job installed it (by another step of the same job): refused too.
    await writeFile(
      join(folder!, 'node_modules', NODE, 'index.js'),
      `require('node:fs').writeFileSync(${JSON.stringify(join(base, 'late-imported'))}, 'x');\n`,
    );
    await assert.rejects(nativeFolder(NODE, workspace, { runnerTemp: temp, secrets: true }), /refused: its files changed since this job installed them/);
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
