import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import tarStream from 'tar-stream';
import { buildContext, modelFiles, serverBundleFiles } from '../../src/docker/build-context.ts';
import { UserError } from '../../src/errors.ts';
import { writeModelDir } from './model-fixture.ts';

const root = mkdtempSync(join(tmpdir(), 'model-ci-context-'));
after(() => rmSync(root, { recursive: true, force: true }));

async function entries(tar: Buffer) {
  const out: { name: string; mode?: number; mtime?: Date; uid?: number; type?: string | null; body: string }[] = [];
  const extract = tarStream.extract();
  const done = (async () => {
    for await (const entry of extract) {
      const chunks: Buffer[] = [];
      for await (const chunk of entry) chunks.push(chunk as Buffer);
      const { name, mode, mtime, uid, type } = entry.header;
      out.push({ name, mode, mtime, uid, type, body: Buffer.concat(chunks).toString('latin1') });
    }
  })();
  extract.end(tar);
  await done;
  return out;
}

test('the context holds Dockerfile, server/ and model/ in sorted order with fixed metadata', async () => {
  const modelDir = writeModelDir(join(root, 'm1'));
  writeFileSync(join(modelDir, 'notes.txt'), 'not shipped');
  const tar = await buildContext({
    dockerfile: 'FROM x\n',
    serverFiles: [
      { name: 'server.js', content: 'console.log(1)' },
      { name: 'a.wasm', content: Buffer.from([0, 97, 115, 109]) },
    ],
    modelDir,
  });
  const list = await entries(tar);
  assert.deepEqual(
    list.map((e) => e.name),
    [
      'Dockerfile',
      'model/',
      'model/model/',
      'model/model/metrics.json',
      'model/model/model.json',
      'model/model/preprocessing.json',
      'model/model/weights.bin',
      'server/',
      'server/srv/',
      'server/srv/a.wasm',
      'server/srv/server.js',
    ],
  );
  for (const e of list) {
    assert.equal(e.mtime?.getTime(), 0);
    assert.equal(e.uid, 0);
    assert.equal(e.mode, e.type === 'directory' ? 0o755 : 0o644);
  }
  assert.equal(list.find((e) => e.name === 'server/srv/server.js')?.body, 'console.log(1)');
});

test('identical inputs give an identical tar; a model change changes it', async () => {
  const weights = Buffer.alloc(1024, 7);
  const make = (dir: string, w: Buffer) =>
    buildContext({ dockerfile: 'FROM x\n', serverFiles: [{ name: 'server.js', content: 's' }], modelDir: writeModelDir(join(root, dir), { weights: w }) });
  const first = await make('d1', weights);
  const second = await make('d2', weights);
  assert.ok(first.equals(second));
  assert.ok(!first.equals(await make('d3', Buffer.alloc(1024, 8))));
});

test('SOURCE_DATE_EPOCH sets the timestamps', async () => {
  process.env.SOURCE_DATE_EPOCH = '1700000000';
  try {
    const tar = await buildContext({ dockerfile: 'FROM x\n', serverFiles: [], modelDir: writeModelDir(join(root, 'epoch')) });
    assert.equal((await entries(tar))[0].mtime?.getTime(), 1700000000 * 1000);
  } finally {
    delete process.env.SOURCE_DATE_EPOCH;
  }
});

test('a model folder without weights.bin is a user error naming the folder and the file', async () => {
  const dir = writeModelDir(join(root, 'noweights'), { omit: ['weights.bin'] });
  await assert.rejects(modelFiles(dir), (e: unknown) => {
    assert.ok(e instanceof UserError);
    assert.equal(e.location.file, dir);
    assert.match(e.message, /missing weights\.bin/);
    return true;
  });
});

test('weight shards that model.json lists must be present; other damage is named too', async () => {
  const dir = writeModelDir(join(root, 'shards'));
  writeFileSync(join(dir, 'model.json'), JSON.stringify({ weightsManifest: [{ paths: ['weights.bin', 'group1-shard2of2.bin'] }] }));
  await assert.rejects(modelFiles(dir), /lists weight file group1-shard2of2\.bin/);
  writeFileSync(join(dir, 'group1-shard2of2.bin'), 'x');
  assert.deepEqual(
    (await modelFiles(dir)).map((f) => f.name),
    ['group1-shard2of2.bin', 'metrics.json', 'model.json', 'preprocessing.json', 'weights.bin'],
  );
  writeFileSync(join(dir, 'model.json'), '{"weightsManifest": [{"paths": ["../etc/passwd"]}]}');
  await assert.rejects(modelFiles(dir), /expected a plain file name/);
  writeFileSync(join(dir, 'model.json'), '{not json');
  await assert.rejects(modelFiles(dir), /not valid JSON/);
  await assert.rejects(modelFiles(join(root, 'nowhere')), /model folder not found/);
});

test('the server bundle is server.js plus the wasm binaries, and nothing else', async () => {
  const dist = join(root, 'dist');
  writeModelDir(dist, { omit: ['model.json', 'weights.bin', 'preprocessing.json', 'metrics.json'] });
  await assert.rejects(serverBundleFiles(dist), /run `npm run bundle` first/);
  for (const name of ['server.js', 'index.js', 'cli.js', 'tfjs-backend-wasm.wasm', 'tfjs-backend-wasm-simd.wasm']) writeFileSync(join(dist, name), name);
  assert.deepEqual(
    (await serverBundleFiles(dist)).map((f) => f.name),
    ['server.js', 'tfjs-backend-wasm-simd.wasm', 'tfjs-backend-wasm.wasm'],
  );
});
