import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import type { ModelCiConfig } from '../../src/domain/config.ts';
import { sha256 } from '../../src/model/artifacts.ts';
import { hashInputs, hashJson, portableConfig, sha256File, stableJson } from '../../src/train/hash.ts';

function config(root: string): ModelCiConfig {
  return {
    file: join(root, 'model-ci.yml'),
    root,
    name: 'cancer',
    task: 'binary-classification',
    data: {
      train: join(root, 'data', 'train.csv'),
      target: 'diagnosis',
      categorical: 'one-hot',
      split: { test: 0.2, seed: 1, stratify: true, method: 'hash' },
    },
    params: join(root, 'params.yaml'),
    watch: ['data/**'],
    metrics: [{ name: 'accuracy', direction: 'higher' }],
    backend: 'auto',
  };
}

test('sha256 matches node:crypto over the concatenated parts, with its prefix', async () => {
  const expected = `sha256:${createHash('sha256').update('hello world').digest('hex')}`;
  assert.equal(sha256('hello ', Buffer.from('world')), expected);
  const dir = await mkdtemp(join(tmpdir(), 'hash-'));
  try {
    await writeFile(join(dir, 'f.txt'), 'hello world');
    assert.equal(await sha256File(join(dir, 'f.txt')), expected);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('stable JSON sorts keys at every level but keeps array order', () => {
  assert.equal(stableJson({ b: 1, a: { d: [2, { z: 1, y: 0 }], c: null } }), '{"a":{"c":null,"d":[2,{"y":0,"z":1}]},"b":1}');
  assert.equal(hashJson({ x: 1, y: 2 }), hashJson({ y: 2, x: 1 }));
  assert.notEqual(hashJson([1, 2]), hashJson([2, 1]));
});

test('the config hash does not depend on where the checkout lives', () => {
  const a = config('/home/alice/repo/models/cancer');
  const b = config('/runner/work/repo/models/cancer');
  assert.deepEqual(portableConfig(a).data.train, 'data/train.csv');
  assert.equal(portableConfig(a).file, 'model-ci.yml');
  assert.equal('root' in portableConfig(a), false);
  const parts = { data: { 'data/train.csv': 'sha256:1' }, params: { 'train.epochs': 5 }, trainerVersion: '0.1.0', backend: 'cpu' as const };
  assert.deepEqual(hashInputs({ ...parts, config: a }), hashInputs({ ...parts, config: b }));
});

test('every input changes the inputs hash', () => {
  const base = {
    data: { 'data/train.csv': 'sha256:1' },
    params: { 'train.epochs': 5 },
    config: config('/r'),
    trainerVersion: '0.1.0',
    backend: 'cpu' as const,
  };
  const reference = hashInputs(base);
  const variants = [
    { ...base, data: { 'data/train.csv': 'sha256:2' } },
    { ...base, params: { 'train.epochs': 6 } },
    { ...base, config: { ...config('/r'), task: 'regression' as const } },
    { ...base, trainerVersion: '0.1.1' },
    { ...base, backend: 'wasm' as const },
  ];
  for (const variant of variants) assert.notEqual(hashInputs(variant).inputs, reference.inputs);
  assert.equal(hashInputs({ ...base, backend: 'wasm' }).params, reference.params);
});
