import assert from 'node:assert/strict';
import { test } from 'node:test';
import { computeLabels, metricsFromLabels } from '../../src/docker/labels.ts';
import { VERSION } from '../../src/version.ts';

const input = {
  model: 'breast-cancer',
  source: 'https://github.com/acme/models',
  revision: 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678',
  created: '2026-01-02T03:04:05.000Z',
  version: 'main',
  licenses: 'MIT',
  metrics: { recall: 0.97, accuracy: 0.96 },
  hashes: { data: 'sha256:d', params: 'sha256:p', model: 'sha256:m' },
  backend: 'wasm',
};

test('OCI labels and ours, with metrics as sorted compact JSON', () => {
  assert.deepEqual(computeLabels(input), {
    'org.opencontainers.image.title': 'breast-cancer',
    'org.opencontainers.image.source': 'https://github.com/acme/models',
    'org.opencontainers.image.url': 'https://github.com/acme/models',
    'org.opencontainers.image.revision': input.revision,
    'org.opencontainers.image.created': '2026-01-02T03:04:05.000Z',
    'org.opencontainers.image.version': 'main',
    'org.opencontainers.image.licenses': 'MIT',
    'dev.model-ci.model': 'breast-cancer',
    'dev.model-ci.metrics': '{"accuracy":0.96,"recall":0.97}',
    'dev.model-ci.data-hash': 'sha256:d',
    'dev.model-ci.params-hash': 'sha256:p',
    'dev.model-ci.model-hash': 'sha256:m',
    'dev.model-ci.backend': 'wasm',
    'dev.model-ci.version': VERSION,
  });
});

test('metrics read back from labels equal what went in', () => {
  assert.deepEqual(metricsFromLabels(computeLabels(input)), input.metrics);
  assert.equal(metricsFromLabels({}), undefined);
});
