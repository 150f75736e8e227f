import assert from 'node:assert/strict';
import { test } from 'node:test';
import { RECORD_SCHEMA, type BaselineRecord } from '../../src/baseline/record.ts';
import { parseRecord, writeProblems } from '../../src/baseline/validate.ts';

const commit = '0123456789abcdef0123456789abcdef01234567';
const record: BaselineRecord = {
  schema: RECORD_SCHEMA,
  modelCiVersion: '0.1.0',
  model: 'iris',
  commit,
  createdAt: '2025-03-04T05:06:07Z',
  backend: 'wasm',
  metrics: { accuracy: 0.97 },
  params: { 'train.epochs': 30, 'train.earlyStopping': null },
  data: { 'iris.csv': { hash: 'sha256:ff', rows: 150 } },
  inputsHash: 'sha256:1',
  modelHash: 'sha256:2',
};
const key = { model: 'iris', commit };

test('a valid record parses as is, keeping fields a newer model-ci added within the same schema', () => {
  const withExtra = { ...record, notes: 'added by a later version' };
  assert.deepEqual(parseRecord(JSON.stringify(withExtra), key, 'here'), { record: withExtra });
  assert.deepEqual(writeProblems(record), []);
});

test('optional parts are checked when present', () => {
  const bad = {
    ...record,
    image: { name: 'ghcr.io/a/b', digest: 'latest', tags: ['x', 3] },
    history: { epochs: 2, loss: [0.5, 'x'] },
    evaluation: { task: 'multiclass-classification', testRows: 30, confusionMatrix: 'none' },
  };
  const result = parseRecord(JSON.stringify(bad), key, 'here');
  assert.ok('unusable' in result);
  assert.match(result.unusable, /image\.digest: expected sha256:<64 hex digits>, got "latest"/);
  assert.match(result.unusable, /image\.tags\[1\]: expected a non-empty string, got 3/);
  assert.match(result.unusable, /history\.loss\[1\]: expected a finite number, got "x"/);
  assert.match(result.unusable, /evaluation\.confusionMatrix: expected an array of rows/);
});

test('a record without a schema number, or not an object, is unusable', () => {
  const { schema: _schema, ...noSchema } = record;
  const missing = parseRecord(JSON.stringify(noSchema), key, 'here');
  assert.ok('unusable' in missing);
  assert.match(missing.unusable, /has no record schema number \(written by model-ci 0\.1\.0\)/);
  const array = parseRecord('[1,2]', key, 'here');
  assert.ok('unusable' in array && /expected a JSON object/.test(array.unusable));
});

test('writeProblems sees what JSON would lose', () => {
  assert.deepEqual(writeProblems({ ...record, metrics: { f1: Number.POSITIVE_INFINITY } }), ['metrics.f1: expected a finite number, got null']);
  assert.deepEqual(writeProblems({ ...record, schema: 0 }), ['schema: expected 1, got 0']);
});
