import assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { Deployment } from 'kubernetes-models/apps/v1';
import { parseAllDocuments } from 'yaml';
import { runCli } from './helpers.ts';

const IMAGE = `127.0.0.1:5000/acme/churn@sha256:${'0f'.repeat(32)}`;

test('model-ci manifests --out writes both files whole, named from run.json', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'model-ci-manifests-'));
  await writeFile(join(dir, 'run.json'), JSON.stringify({ name: 'churn_v2' }));
  const result = await runCli(['manifests', '--image', IMAGE, '--model', dir, '--out', join(dir, 'k8s'), '--min-replicas', '2', '--max-replicas', '4']);
  assert.equal(result.code, 0, result.stderr);
  assert.deepEqual((await readdir(join(dir, 'k8s'))).sort(), ['deployment.yaml', 'inferenceservice.yaml'], 'no temporary files left');
  const [deployment, , hpa] = parseAllDocuments(await readFile(join(dir, 'k8s', 'deployment.yaml'), 'utf8')).map((d) => d.toJS());
  new Deployment(deployment).validate();
  assert.equal(deployment.metadata.name, 'churn-v2');
  assert.equal(deployment.spec.replicas, 2);
  assert.equal(hpa.spec.maxReplicas, 4);
});

test('model-ci manifests: a tag instead of a digest, a bad number or a missing name exits 2 and names the problem', async () => {
  const cases: [string[], RegExp][] = [
    [['--image', 'ghcr.io/acme/churn:latest', '--name', 'churn'], /pinned by digest/],
    [['--image', IMAGE, '--name', 'churn', '--canary', 'ten'], /--canary expects a whole number/],
    [['--image', IMAGE, '--name', 'churn', '--min-replicas', '5', '--max-replicas', '2'], /at least min-replicas \(5\)/],
    [['--image', IMAGE], /needs --name <model> or --model <dir>/],
    [['--image', IMAGE, '--model', '/nonexistent'], /run\.json is missing/],
  ];
  for (const [args, message] of cases) {
    const result = await runCli(['manifests', ...args]);
    assert.equal(result.code, 2, `${args.join(' ')}: ${result.stderr}`);
    assert.match(result.stderr, message);
    assert.doesNotMatch(result.stderr, /\n\s+at /, 'no stack trace');
    assert.equal(result.stdout, '');
  }
});
