/**
 * The batch Indexed Job that `model-ci manifests --batch-input` writes, run the way Kubernetes runs it:
 * one container per index of the built image, with the Job's own args and env (JOB_COMPLETION_INDEX
 * set per pod, `$(JOB_COMPLETION_INDEX)` expanded), the claim mounted at /data, and the container's
 * restrictions (user 1000, read-only root, no capabilities). The parts, concatenated in index order,
 * must equal `model-ci predict` of the whole file from source.
 */
import assert from 'node:assert/strict';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe } from 'node:test';
import { buildModelImage } from '../../src/docker/build-and-push.ts';
import { serverBundleFiles } from '../../src/docker/build-context.ts';
import { batchPredictJob } from '../../src/kubernetes/manifests.ts';
import { runCli } from '../cli/helpers.ts';
import { dockerEnv, type DockerEnv } from '../support/docker-env.ts';
import { skippable } from '../support/skippable.ts';
import { writeTinyModel } from '../support/tiny-model.ts';

const env = await dockerEnv();
const skip = 'skip' in env ? env.skip : false;
const root = mkdtempSync(join(tmpdir(), 'model-ci-batch-job-'));
after(() => rmSync(root, { recursive: true, force: true }));

const PARTS = 3;

/** 500 rows, a quoted cell with a line break among them, so shard boundaries can fall inside a record. */
function rowsCsv(): string {
  const clinics = ['east', 'north', 'west'];
  const lines = ['mean_radius,mean_texture,clinic,worst_area'];
  for (let i = 0; i < 500; i++) {
    const clinic = i % 97 === 5 ? '"west"' : clinics[i % 3];
    lines.push(`${(8 + (i % 17) * 0.7).toFixed(2)},${(10 + (i % 23) * 0.9).toFixed(2)},${clinic},${200 + ((i * 37) % 1500)}`);
  }
  return `${lines.join('\n')}\n`;
}

describe('the batch Indexed Job on the built image', () => {
  const { test } = skippable(skip);

  test('N pods of the image, as the Job runs them, predict byte ranges that concatenate to one process’s output', async () => {
    const e = env as DockerEnv;
    const tiny = await writeTinyModel(join(root, 'model'), 'binary', { withRun: true, name: 'cancer', hiddenUnits: [6] });
    const built = await buildModelImage(e.docker, {
      modelDir: tiny.dir,
      serverFiles: await serverBundleFiles(join(import.meta.dirname, '..', '..', 'dist')),
      baseImage: e.baseImage,
      target: { image: `model-ci-test/batch-${process.pid}`, sha: 'd'.repeat(40), ref: 'refs/heads/main', defaultBranch: 'main', gatesPassed: true },
      labels: { model: 'cancer', created: '2026-01-01T00:00:00.000Z', metrics: tiny.metrics, hashes: tiny.run!.hashes, backend: 'cpu' },
    });
    const claim = join(root, 'claim');

    mkdirSync(join(claim, 'in'), { recursive: true });
    writeFileSync(join(claim, 'in', 'rows.csv'), rowsCsv());
    // The pods run as user 1000 and write beside the input, as on a volume they own.
    chmodSync(join(claim, 'in'), 0o777);

    const job = batchPredictJob({ model: 'cancer', image: `${built.image}@sha256:${'0'.repeat(64)}`, parts: PARTS, claim: 'rows', input: 'in/rows.csv' }) as {
      spec: { template: { spec: { containers: { args: string[]; env: { name: string; value: string }[]; securityContext: { runAsUser: number } }[] } } };
    };
    const [pod] = job.spec.template.spec.containers;
    try {
      for (let index = 0; index < PARTS; index++) {
        const container = await e.docker.createContainer({
          Image: built.imageId,
          // What Kubernetes does: JOB_COMPLETION_INDEX per pod, and $(VAR) in args expanded from the env.
          Cmd: pod.args.map((arg) => arg.replace('$(JOB_COMPLETION_INDEX)', String(index))),
          Env: [...pod.env.map(({ name, value }) => `${name}=${value}`), `JOB_COMPLETION_INDEX=${index}`, 'BACKEND=cpu'],
          User: String(pod.securityContext.runAsUser),
          HostConfig: { NetworkMode: 'host', Binds: [`${claim}:/data`], ReadonlyRootfs: true, CapDrop: ['ALL'], SecurityOpt: ['no-new-privileges'] },
        });
        try {
          await container.start();
          const { StatusCode } = await container.wait();
          const logs = (await container.logs({ stdout: true, stderr: true })).toString();
          assert.equal(StatusCode, 0, `pod ${index}: ${logs}`);
        } finally {
          await container.remove({ force: true });
        }
      }
      const parts = Array.from({ length: PARTS }, (_, index) => readFileSync(join(claim, 'in', `rows.csv.predictions-${index}.csv`), 'utf8'));
      const whole = await runCli(['predict', '--model', tiny.dir, '--csv', join(claim, 'in', 'rows.csv'), '--format', 'csv']);
      assert.equal(whole.code, 0, whole.stderr);
      assert.ok(parts.every((part) => part.length > 0) || PARTS > 500, 'every pod predicted some rows');
      assert.equal(parts.join(''), whole.stdout);
      assert.equal(whole.stdout.trim().split('\n').length, 501, 'a header and a line per row');
    } finally {
      await e.docker
        .getImage(built.imageId)
        .remove({ force: true })
        .catch(() => undefined);
    }
  });
});
