/**
 * Deploy benchmark, printed in one run against the real engine and a fresh registry of its own
 * (start them with `bash .ci/docker.sh`):
 *   1. a first full build + push (no build cache, empty registry) against a model-only rebuild +
 *      push: seconds, and bytes that reached the registry's storage (goal: the rebuild uploads
 *      under 5% of the image and takes under 30% of the time);
 *   2. image size above the base image (goal: under 30 MB);
 *   3. cold start: from `docker run` (create + start) to the first 200 from /healthz, with the
 *      real server bundle dist/server.js and the breast-cancer model.
 *
 * Run: node_modules/.bin/node bench/deploy.ts   (needs dist/server.js: `npm run bundle`)
 * Build and push are timed apart: `deployImage` is exactly `buildModelImage` then `pushImage`.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serverBundleFiles } from '../src/docker/build-context.ts';
import { buildModelImage, type DeployInput, type DeployResult } from '../src/docker/build-and-push.ts';
import { pushImage } from '../src/docker/push.ts';
import type { RunManifest } from '../src/domain/run-artifacts.ts';
import { dockerEnv, folderBytes, ownRegistry } from '../tests/support/docker-env.ts';

const root = join(import.meta.dirname, '..');
const env = await dockerEnv();
if ('skip' in env) {
  console.error(env.skip);
  process.exit(1);
}
const { docker } = env;
const work = mkdtempSync(join(tmpdir(), 'model-ci-bench-deploy-'));
const registry = await ownRegistry();
const images = new Set<string>();

try {
  // Read once: both builds must ship the same bundle even if dist/ is rebuilt meanwhile.
  const serverFiles = (await serverBundleFiles(join(root, 'dist'))).map((f) => ({ name: f.name, content: readFileSync(f.path!) }));
  const modelA = join(work, 'model-a');
  console.log('training fixtures/breast-cancer (cpu) …');
  execFileSync(
    process.execPath,
    [join(root, 'src/cli.ts'), 'train', '--config', join(root, 'fixtures/breast-cancer/model-ci.yml'), '--backend', 'cpu', '--out', modelA],
    {
      stdio: 'ignore',
    },
  );
  // A retrain as the deploy sees it: same files, other weights and metrics.
  const modelB = join(work, 'model-b');
  cpSync(modelA, modelB, { recursive: true });
  const weights = readFileSync(join(modelB, 'weights.bin'));
  for (let i = 0; i < weights.length; i += 4) weights[i] ^= 0x01;
  writeFileSync(join(modelB, 'weights.bin'), weights);

  const image = `${registry.address}/bench/breast-cancer`;
  const deploy = async (modelDir: string, sha: string, noCache: boolean) => {
    const run = JSON.parse(readFileSync(join(modelDir, 'run.json'), 'utf8')) as RunManifest;
    const input: DeployInput = {
      modelDir,
      serverFiles,
      baseImage: env.baseImage,
      noCache,
      target: { image, sha, ref: 'refs/heads/main', defaultBranch: 'main', gatesPassed: true },
      labels: {
        model: run.name,
        created: new Date().toISOString(),
        metrics: JSON.parse(readFileSync(join(modelDir, 'metrics.json'), 'utf8')) as Record<string, number>,
        hashes: run.hashes,
        backend: run.backend,
      },
      auth: { username: registry.username, password: registry.password },
    };
    const storedBefore = folderBytes(registry.storage);
    const started = performance.now();
    // deployImage's two halves, timed apart.
    const built = await buildModelImage(docker, {
      ...input,
      log: process.env.BENCH_LOG ? (l) => console.log(((performance.now() - started) / 1000).toFixed(1), l) : undefined,
    });
    const builtAt = performance.now();
    for (const tag of built.tags) images.add(tag);
    const pushed = await pushImage(docker, { tags: built.tags, auth: input.auth });
    const done = performance.now();
    return {
      result: { ...built, ...pushed },
      seconds: (done - started) / 1000,
      build: (builtAt - started) / 1000,
      push: (done - builtAt) / 1000,
      stored: folderBytes(registry.storage) - storedBefore,
    };
  };

  console.log('first full build + push (no cache, empty registry) …');
  const full = await deploy(modelA, 'a'.repeat(40), true);
  console.log('model-only rebuild + push …');
  const rebuild = await deploy(modelB, 'b'.repeat(40), false);

  const size = (await docker.getImage(full.result.imageId).inspect()).Size;
  const baseSize = (await docker.getImage(env.baseImage).inspect()).Size;
  const starts = [];
  for (let i = 0; i < 3; i++) starts.push(await coldStart(`${image}@${rebuild.result.digest}`, 18501 + i));

  const mb = (bytes: number) => (bytes < 1e6 ? `${(bytes / 1e3).toFixed(1)} kB` : `${(bytes / 1e6).toFixed(2)} MB`);
  const row = (name: string, run: { result: DeployResult; seconds: number; build: number; push: number; stored: number }) =>
    `| ${name} | ${run.seconds.toFixed(1)} s (build ${run.build.toFixed(1)} + push ${run.push.toFixed(1)}) | ${mb(run.stored)} | ${mb(run.result.bytesPushed)} | ${run.result.layersPushed} |`;
  console.log(`
engine: ${(await docker.version()).Version} (vfs storage driver), base image ${env.baseImage} ${mb(baseSize)}, server bundle ${serverFiles.map((f) => f.name).join(' + ')}

| deploy | time | bytes stored in the registry | bytes the engine reported pushing | layers pushed |
| --- | --- | --- | --- | --- |
${row('first full build + push', full)}
${row('model-only rebuild + push', rebuild)}

model-only rebuild / first: time ${pct(rebuild.seconds / full.seconds)} (goal < 30%), bytes stored ${pct(rebuild.stored / full.stored, 3)} (goal < 5%)
image size above the base: ${mb(size - baseSize)} (goal < 30 MB; image ${mb(size)})
cold start, docker run → first 200 from /healthz: ${starts.map((s) => `${s.total.toFixed(2)} s`).join(', ')} (of which create: ${starts.map((s) => `${s.create.toFixed(2)} s`).join(', ')})`);
} finally {
  for (const ref of images)
    await docker
      .getImage(ref)
      .remove({ force: true })
      .catch(() => {});
  await registry.dispose();
  rmSync(work, { recursive: true, force: true });
}

async function coldStart(ref: string, port: number): Promise<{ create: number; total: number }> {
  const started = performance.now();
  const container = await docker.createContainer({ Image: ref, Env: [`PORT=${port}`], HostConfig: { NetworkMode: 'host' } });
  const created = performance.now();
  try {
    await container.start();
    for (;;) {
      const status = await fetch(`http://127.0.0.1:${port}/healthz`).then(
        (r) => r.status,
        () => 0,
      );
      if (status === 200) break;
      if (performance.now() - started > 60_000) {
        const logs = await container.logs({ stdout: true, stderr: true });
        throw new Error(`no 200 from /healthz within 60 s; container log:\n${logs.toString()}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    return { create: (created - started) / 1000, total: (performance.now() - started) / 1000 };
  } finally {
    await container.remove({ force: true });
  }
}

function pct(ratio: number, digits = 1): string {
  return `${(ratio * 100).toFixed(digits)}%`;
}
