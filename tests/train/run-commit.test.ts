/**
 * run.json names the commit it trained when every input is as committed at HEAD (so the server's
 * metadata and a record can point back at it), and names none when the work tree differs.
 */
import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { trainModel } from '../../src/train/pipeline.ts';
import { createModelRepo, FAST_PARAMS, type ModelRepo } from '../support/model-repo.ts';

let repo: ModelRepo;
before(async () => {
  repo = await createModelRepo();
});
after(() => repo.sandbox.dispose());

const runJson = async (dir: string) => JSON.parse(await readFile(join(dir, 'run.json'), 'utf8')) as { commit?: string };

test('a clean work tree: run.json records HEAD', async () => {
  const out = join(repo.sandbox.root, 'clean');
  const run = await trainModel(join(repo.source.dir, 'model-ci.yml'), { out, backend: 'cpu' });
  assert.equal(run.manifest.commit, repo.mainSha);
  assert.equal((await runJson(out)).commit, repo.mainSha);
});

test('an input changed since HEAD: no commit is claimed', async () => {
  await writeFile(join(repo.source.dir, 'params.yaml'), FAST_PARAMS.replace('hidden_units: [16]', 'hidden_units: [8]'));
  const out = join(repo.sandbox.root, 'dirty');
  const run = await trainModel(join(repo.source.dir, 'model-ci.yml'), { out, backend: 'cpu' });
  assert.equal(run.manifest.commit, undefined);
  assert.equal((await runJson(out)).commit, undefined);
});
