/**
 * Main's model travels with its record: stored content-addressed on the baselines branch, deduplicated,
 * size-limited, and refused when what is read back is not what the record names.
 */
import assert from 'node:assert/strict';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { createBaselineStore, type BaselineStore } from '../../src/baseline/store.ts';
import { bundleModel, storedModelPath, type ModelBundle } from '../../src/baseline/stored-model.ts';
import { parseRecord } from '../../src/baseline/validate.ts';
import { RECORD_SCHEMA, type BaselineRecord } from '../../src/domain/record.ts';
import { git } from '../../src/git/git.ts';
import { hashModel } from '../../src/model/artifacts.ts';
import { withEnv } from '../config/temp-files.ts';
import { createSandbox, type Repo, type Sandbox } from '../support/git-repo.ts';

const BRANCH = 'model-ci/baselines';

async function modelFolder(weights: Buffer): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'model-ci-model-'));
  await writeFile(join(dir, 'model.json'), '{"format":"layers-model"}');
  await writeFile(join(dir, 'weights.bin'), weights);
  await writeFile(join(dir, 'preprocessing.json'), '{"version":1}\n');
  return dir;
}

function recordOf(commit: string, bundle: ModelBundle): BaselineRecord {
  return {
    schema: RECORD_SCHEMA,
    modelCiVersion: '0.1.0',
    model: 'churn',
    commit,
    createdAt: '2025-01-02T03:04:05.000Z',
    backend: 'cpu',
    metrics: { accuracy: 0.9 },
    params: {},
    data: {},
    inputsHash: `sha256:${commit.slice(0, 8)}`,
    modelHash: bundle.stored.hash,
    storedModel: bundle.stored,
  };
}

/** Commits `files` onto the baselines branch by hand, as anyone with push access could. */
async function forge(repo: Repo, files: Record<string, string | Buffer>): Promise<void> {
  const env = { GIT_INDEX_FILE: join(repo.dir, '.git', 'forge-index') };
  const tip = (await git(['rev-parse', `refs/heads/${BRANCH}`], { cwd: repo.dir })).trim();
  await git(['read-tree', tip], { cwd: repo.dir, env });
  for (const [path, content] of Object.entries(files)) {
    const blob = (await git(['hash-object', '-w', '--stdin'], { cwd: repo.dir, input: content })).trim();
    await git(['update-index', '--add', '--cacheinfo', `100644,${blob},${path}`], { cwd: repo.dir, env });
  }
  const tree = (await git(['write-tree'], { cwd: repo.dir, env })).trim();
  const commit = (await git(['commit-tree', tree, '-p', tip, '-m', 'forged'], { cwd: repo.dir })).trim();
  await git(['update-ref', `refs/heads/${BRANCH}`, commit], { cwd: repo.dir });
}

describe("main's model stored with its record", () => {
  let sandbox: Sandbox;
  let repo: Repo;
  let store: BaselineStore;
  const main: string[] = [];
  let bundle: ModelBundle;

  before(async () => {
    sandbox = await createSandbox();
    repo = await sandbox.repo('work', { 'params.yaml': 'epochs: 1\n' });
    main.push(await repo.sha(), await repo.commit({ 'params.yaml': 'epochs: 2\n' }, 'two'), await repo.commit({ 'params.yaml': 'epochs: 3\n' }, 'three'));
    store = createBaselineStore({ cwd: repo.dir });
    const made = await bundleModel(await modelFolder(Buffer.alloc(4096, 7)));
    assert.ok('stored' in made);
    bundle = made;
  });

  after(() => sandbox.dispose());

  test('is stored content-addressed, once for two records of the same model, and read back verified', async () => {
    assert.equal(
      bundle.stored.hash,
      hashModel({ modelJson: bundle.files.get('model.json')!, weights: bundle.files.get('weights.bin')!, preprocessing: '{"version":1}\n' }),
    );
    assert.equal(bundle.stored.bytes, 25 + 4096 + 14);
    await store.write(recordOf(main[0], bundle), { model: bundle });
    await store.write(recordOf(main[1], bundle), { model: bundle });
    const files = (await git(['ls-tree', '-r', '--name-only', `refs/heads/${BRANCH}`], { cwd: repo.dir })).trim().split('\n');
    const modelFiles = files.filter((file) => file.startsWith('models/'));
    assert.deepEqual(
      modelFiles.sort(),
      ['model.json', 'preprocessing.json', 'weights.bin'].map((file) => `models/${bundle.stored.hash.slice(7)}/${file}`),
    );
    const found = await store.read('churn', main[1]);
    assert.ok(found && 'record' in found);
    assert.deepEqual(found.record.storedModel, bundle.stored);
    const dir = await mkdtemp(join(tmpdir(), 'model-ci-read-'));
    assert.deepEqual(await store.readModel(bundle.stored, dir), { dir });
    assert.deepEqual(await readFile(join(dir, 'weights.bin')), Buffer.alloc(4096, 7));
  });

  test('a model over the size limit is not stored, and a record claiming one is refused unread', async () => {
    await withEnv({ MODEL_CI_MAX_STORED_MODEL_BYTES: '1KiB' }, async () => {
      const big = await bundleModel(await modelFolder(Buffer.alloc(4096)));
      assert.ok('skipped' in big);
      assert.match(big.skipped, /over model-ci's limit of 1 KiB .*MODEL_CI_MAX_STORED_MODEL_BYTES/);
      const refused = await store.readModel(bundle.stored, await mkdtemp(join(tmpdir(), 'model-ci-read-')));
      assert.ok('refused' in refused);
      assert.match(refused.refused, /the record says its model is 4 KiB, over model-ci's limit of 1 KiB/);
      // A record that lies about its size is still bounded: the blobs' sizes are checked before reading.
      const lying = await store.readModel({ ...bundle.stored, bytes: 10 }, await mkdtemp(join(tmpdir(), 'model-ci-read-')));
      assert.ok('refused' in lying);
      assert.match(lying.refused, /its files are 4 KiB, over model-ci's limit/);
    });
  });

  test('forged weights, a missing file or a hash that is a path are refused with the reason', async () => {
    const forgedDir = await mkdtemp(join(tmpdir(), 'model-ci-read-'));
    await forge(repo, { [storedModelPath(bundle.stored.hash, 'weights.bin')]: Buffer.alloc(4096, 8) });
    const forged = await store.readModel(bundle.stored, forgedDir);
    assert.ok('refused' in forged);
    assert.match(forged.refused, /its files hash to sha256:[0-9a-f]{12}…, not the record's model hash/);
    await assert.rejects(readFile(join(forgedDir, 'weights.bin')), /ENOENT/, 'nothing forged is written');

    const other = { hash: `sha256:${'c'.repeat(64)}`, bytes: 10 };
    const missing = await store.readModel(other, forgedDir);
    assert.deepEqual(missing, { refused: `model.json is not on ${BRANCH} under models/${'c'.repeat(64)}/model.json` });

    const path = await store.readModel({ hash: 'sha256:../../etc', bytes: 1 }, forgedDir);
    assert.deepEqual(path, { refused: 'its model hash is not sha256:<64 hex digits>' });
  });

  test('a record whose storedModel is malformed or names another model is unusable', async () => {
    const wrongHash = { ...recordOf(main[2], bundle), storedModel: { hash: `sha256:${'d'.repeat(64)}`, bytes: 1 } };
    const unusable = await parseRecord(JSON.stringify(wrongHash), { model: 'churn', commit: main[2] }, 'x');
    assert.ok('unusable' in unusable);
    assert.match(unusable.unusable, /storedModel\.hash: expected the record's modelHash/);
    const notAHash = { ...recordOf(main[2], bundle), storedModel: { hash: '../weights', bytes: 1 } };
    const bad = await parseRecord(JSON.stringify(notAHash), { model: 'churn', commit: main[2] }, 'x');
    assert.ok('unusable' in bad);
    assert.match(bad.unusable, /storedModel\/hash|storedModel\.hash/);
  });
});
