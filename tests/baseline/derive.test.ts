import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { reusedRecord, rolledBackRecord } from '../../src/baseline/derive.ts';
import { RECORD_SCHEMA, type BaselineRecord } from '../../src/domain/record.ts';
import { writeProblems } from '../../src/baseline/validate.ts';

const OLD = 'a'.repeat(40);
const NOW = 'b'.repeat(40);
const DIGEST = `sha256:${'c'.repeat(64)}`;

// A record that was itself carried over: it holds every field a carry-over must not keep.
const recorded: BaselineRecord = {
  schema: RECORD_SCHEMA,
  modelCiVersion: '0.0.0',
  model: 'churn',
  commit: OLD,
  createdAt: '2026-01-01T00:00:00.000Z',
  backend: 'cpu',
  metrics: { accuracy: 0.9 },
  params: { 'model.hidden_units': '[16]' },
  data: {},
  inputsHash: 'i'.repeat(64),
  modelHash: 'm'.repeat(64),
  image: { name: 'registry.example/acme/churn', digest: `sha256:${'d'.repeat(64)}`, tags: ['registry.example/acme/churn:sha-aaaaaaa'] },
  runUrl: 'https://github.example/acme/churn/actions/runs/1',
  rollbackOf: 'e'.repeat(40),
  reusedFrom: 'f'.repeat(40),
};
const image = { name: 'registry.example/acme/churn', digest: DIGEST, tags: ['registry.example/acme/churn:latest'] };

describe('records carried over to another commit', () => {
  test('a rollback records the target model for the current commit, and says only that it is a rollback', async () => {
    const record = rolledBackRecord(recorded, { commit: NOW, image, createdAt: '2026-02-01T00:00:00.000Z' });
    assert.equal(record.commit, NOW);
    assert.equal(record.rollbackOf, OLD);
    assert.deepEqual(record.image, image);
    assert.equal(record.reusedFrom, undefined, "the target's reuse note is about another commit");
    assert.equal(record.runUrl, undefined, "the target's run did not write this record");
    assert.deepEqual(record.metrics, recorded.metrics);
    assert.equal(record.modelHash, recorded.modelHash);
    assert.equal(record.createdAt, '2026-02-01T00:00:00.000Z');
    assert.deepEqual(await writeProblems(record), [], 'the store would accept it');
  });

  test('a deploy with unchanged inputs records the previous model again, naming where it came from', () => {
    const record = reusedRecord(recorded, { commit: NOW, image, runUrl: 'https://github.example/acme/churn/actions/runs/2' });
    assert.equal(record.commit, NOW);
    assert.equal(record.reusedFrom, OLD);
    assert.equal(record.rollbackOf, undefined);
    assert.equal(record.runUrl, 'https://github.example/acme/churn/actions/runs/2');
    assert.equal(record.inputsHash, recorded.inputsHash);
    assert.notEqual(record.createdAt, recorded.createdAt);
  });
});
