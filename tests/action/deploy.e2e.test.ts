/**
 * The deploy mode end to end against a real Docker engine and an authenticated registry: a push to main
 * trains, builds, pushes and records; the image pulled by digest serves the same predictions as the
 * model in-process. A deploy that fails half-way records nothing.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { parseAllDocuments } from 'yaml';
import { describe } from 'node:test';
import { createBaselineStore } from '../../src/baseline/store.ts';
import { loadConfig } from '../../src/config/load.ts';
import { loadDataset } from '../../src/data/dataset.ts';
import { cellText } from '../../src/data/table.ts';
import { createPredictor, loadModel } from '../../src/model/predictor.ts';
import { dockerEnv, freePort, type DockerEnv } from '../support/docker-env.ts';
import { skippable } from '../support/skippable.ts';
import { createModelRepo, FAST_PARAMS, type ModelRepo } from '../support/model-repo.ts';
import { dispatchRollback, pushToMain } from '../support/deploy-runs.ts';
import { parseImageName } from '../../src/docker/reference.ts';
import { registryClient } from '../../src/docker/registry.ts';

const env = await dockerEnv();
const skip = 'skip' in env ? env.skip : false;

describe('mode deploy', () => {
  const { test, before, after } = skippable(skip);
  const docker = env as DockerEnv;
  let repo: ModelRepo;
  const image = `${docker.registry?.address}/model-ci-e2e/breast-cancer-${process.pid}`;

  before(async () => {
    repo = await createModelRepo();
  });
  after(async () => {
    await repo.sandbox.dispose();
  });

  const deploy = async (sha: string, password: string) => {
    const workspace = await repo.checkout('main', `ws-deploy-${sha.slice(0, 7)}-${password.length}`);
    const run = await pushToMain({
      workspace: workspace.dir,
      sha,
      inputs: { image, 'registry-username': docker.registry.username, 'registry-password': password, 'base-image': docker.baseImage },
      env: { DOCKER_HOST: docker.host },
    });
    return { run, workspace: workspace.dir };
  };
  const recordOf = async (sha: string) => {
    const store = createBaselineStore({ cwd: repo.source.dir });
    await store.fetch();
    return store.read('breast-cancer', sha);
  };

  let firstDigest = '';

  test('a push to main ships an image that serves the model, and records it', async () => {
    const { run, workspace } = await deploy(repo.mainSha, docker.registry.password);
    assert.equal(run.code, 0, run.stdout + run.stderr);
    firstDigest = run.outputs.digest;
    assert.equal(run.outputs.retrained, 'true');
    assert.match(run.outputs.digest, /^sha256:[0-9a-f]{64}$/);
    assert.deepEqual(
      run.outputs.tags.split('\n').map((t) => t.slice(t.lastIndexOf(':') + 1)),
      [`sha-${repo.mainSha.slice(0, 7)}`, 'main', 'latest'],
    );
    assert.equal(run.outputs['model-version'], 'main');

    const stored = await recordOf(repo.mainSha);
    assert.ok(stored && 'record' in stored, 'the commit has a baseline record');
    assert.equal(stored.record.image?.digest, run.outputs.digest);
    assert.deepEqual(stored.record.metrics, JSON.parse(run.outputs.metrics));

    // Pull by digest, as a deployment would, and serve it.
    const reference = `${image}@${run.outputs.digest}`;
    await docker.docker
      .getImage(reference)
      .remove({ force: true })
      .catch(() => undefined);
    const auth = { username: docker.registry.username, password: docker.registry.password, serveraddress: docker.registry.address };
    await new Promise<void>((resolve, reject) =>
      docker.docker.pull(reference, { authconfig: auth }, (error: Error | null, stream?: NodeJS.ReadableStream) => {
        if (error || !stream) return reject(error ?? new Error('no pull stream'));
        docker.docker.modem.followProgress(stream, (e: Error | null) => (e ? reject(e) : resolve()));
      }),
    );
    // The manifests output names this digest, and the container runs as they say: as user 1000, on a
    // read-only root file system, with no capabilities and no privilege escalation; both probes answer.
    const [deployment] = parseAllDocuments(readFileSync(join(run.outputs.manifests, 'deployment.yaml'), 'utf8')).map((d) => d.toJS());
    const [isvc] = parseAllDocuments(readFileSync(join(run.outputs.manifests, 'inferenceservice.yaml'), 'utf8')).map((d) => d.toJS());
    const spec = deployment.spec.template.spec.containers[0];
    assert.equal(spec.image, reference);
    assert.equal(isvc.spec.predictor.containers[0].image, reference);
    const port = await freePort();
    const container = await docker.docker.createContainer({
      Image: reference,
      Env: [`PORT=${port}`],
      User: String(spec.securityContext.runAsUser),
      HostConfig: { NetworkMode: 'host', ReadonlyRootfs: spec.securityContext.readOnlyRootFilesystem, CapDrop: ['ALL'], SecurityOpt: ['no-new-privileges'] },
    });
    try {
      await container.start();
      const url = `http://127.0.0.1:${port}`;
      await waitFor(`${url}${spec.readinessProbe.httpGet.path}`);
      assert.equal((await fetch(`${url}${spec.livenessProbe.httpGet.path}`)).status, 200);
      // The model card the deploy wrote ships in the image, and the job summary shows it with the digest.
      const card = await fetch(`${url}/v1/models/breast-cancer/card`);
      assert.equal(card.status, 200);
      const cardText = await card.text();
      assert.match(cardText, /^---\nlibrary_name: tensorflowjs\n[\s\S]*model-index:[\s\S]*\n---\n\n# breast-cancer\n/);
      assert.ok(cardText.includes(repo.mainSha.slice(0, 12)), 'the card names the commit');
      assert.ok(run.summary.includes(`${image}@${run.outputs.digest}`), 'the summary names the pushed digest');

      // The test split, as the trainer held it out, predicted in-process and by the container.
      const config = await loadConfig(join(workspace, 'model-ci.yml'));
      const { test: split } = await loadDataset(config);
      const features = split.table.columns.filter((c) => c.name !== config.data.target);
      const instances = Array.from(split.rows, (row) => Object.fromEntries(features.map((c) => [c.name, Number(cellText(c, row))])));
      const local = createPredictor(await loadModel(join(workspace, '.model-ci', 'main'), { backend: 'cpu' })).predict(instances);
      const response = await fetch(`${url}/v1/models/breast-cancer:predict`, { method: 'POST', body: JSON.stringify({ instances }) });
      assert.equal(response.status, 200);
      const { predictions } = (await response.json()) as { predictions: { label: string; probabilities: number[] }[] };
      assert.equal(predictions.length, split.rows.length);
      predictions.forEach((p, i) => {
        const expected = local[i] as { label: string; probabilities: number[] };
        assert.equal(p.label, expected.label, `row ${i}`);
        p.probabilities.forEach((q, k) => {
          assert.ok(Math.abs(q - expected.probabilities[k]) < 1e-5, `row ${i}: ${q} vs ${expected.probabilities[k]}`);
        });
      });

      const metrics = await (await fetch(`${url}/metrics`)).text();
      const predicted = /^model_ci_requests_total\{[^}]*route="predict"[^}]*code="200"[^}]*\} (\d+)$/m.exec(metrics);
      assert.ok(predicted, metrics.slice(0, 2000));
      assert.equal(Number(predicted[1]), 1);
    } finally {
      await container.remove({ force: true });
    }
  });

  test('a push that changes no input reuses the model and image: nothing is trained or built twice', async () => {
    assert.ok(firstDigest, 'runs after the first deploy');
    await repo.source.commit({ 'README.md': '# a model\n\nBetter docs.\n' }, 'docs only');
    await repo.source.git('push', '--quiet', 'origin', 'main');
    const sha = await repo.source.sha();
    const { run } = await deploy(sha, docker.registry.password);
    assert.equal(run.code, 0, run.stdout + run.stderr);
    assert.equal(run.outputs.retrained, 'false', run.stdout);
    assert.equal(run.outputs.digest, firstDigest, 'the same image');
    assert.doesNotMatch(run.stdout, /epoch \d+\/|building /, 'no training, no build');
    assert.match(run.stdout, new RegExp(`inputs unchanged since ${repo.mainSha.slice(0, 7)}`));
    assert.deepEqual(
      run.outputs.tags.split('\n').map((t) => t.slice(t.lastIndexOf(':') + 1)),
      [`sha-${sha.slice(0, 7)}`, 'main', 'latest'],
    );
    const stored = await recordOf(sha);
    assert.ok(stored && 'record' in stored);
    assert.equal(stored.record.reusedFrom, repo.mainSha);
    assert.equal(stored.record.image?.digest, firstDigest);
  });

  test('rollback points latest back at an earlier commit’s image without rebuilding, and records it', async () => {
    // Smaller batches: the same accuracy and a better ROC AUC here, so the gates pass and `latest` moves.
    await repo.source.commit({ 'params.yaml': FAST_PARAMS.replace('batch_size: 32', 'batch_size: 16') }, 'smaller batches');
    await repo.source.git('push', '--quiet', 'origin', 'main');
    const head = await repo.source.sha();
    const deployed = await deploy(head, docker.registry.password);
    assert.equal(deployed.run.code, 0, deployed.run.stdout);
    assert.notEqual(deployed.run.outputs.digest, firstDigest, 'a new model, a new image');
    const registry = registryClient(docker.registry.address, docker.registry);
    const path = parseImageName(image).path;
    const latest = async () => (await registry.getManifest(path, 'latest')).digest;
    assert.match(deployed.run.outputs.tags, /:latest$/);
    assert.equal(await latest(), deployed.run.outputs.digest);

    const workspace = await repo.checkout('main', 'ws-rollback');
    const run = await dispatchRollback({
      workspace: workspace.dir,
      head,
      to: repo.mainSha,
      inputs: { image, 'registry-username': docker.registry.username, 'registry-password': docker.registry.password },
      env: { DOCKER_HOST: docker.host },
    });
    assert.equal(run.code, 0, run.stdout + run.stderr);
    assert.equal(run.outputs.digest, firstDigest);
    assert.equal(await latest(), firstDigest, '`latest` serves the earlier model again');
    const stored = await recordOf(head);
    assert.ok(stored && 'record' in stored);
    assert.equal(stored.record.rollbackOf, repo.mainSha);
    assert.equal(stored.record.image?.digest, firstDigest, 'PRs now compare against the model that serves');
  });

  test('a deploy refused by the registry fails clearly and records nothing', async () => {
    await repo.source.commit({ 'params.yaml': FAST_PARAMS.replace('epochs: 12', 'epochs: 10') }, 'fewer epochs');
    await repo.source.git('push', '--quiet', 'origin', 'main');
    const sha = await repo.source.sha();
    const { run } = await deploy(sha, 'wrong-password');
    assert.equal(run.code, 1);
    assert.match(run.stdout, /::error::.*registry refused credentials for/);
    assert.doesNotMatch(run.stdout, /\n\s+at /, 'no stack trace');
    assert.equal(await recordOf(sha), null);
  });
});

async function waitFor(url: string): Promise<void> {
  for (let i = 0; i < 240; i++) {
    if (
      await fetch(url).then(
        (r) => r.ok,
        () => false,
      )
    )
      return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not answer 200 within 60 s`);
}
