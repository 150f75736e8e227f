import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { RECORD_SCHEMA, type BaselineRecord } from '../../src/domain/record.ts';
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

test('a valid record parses as is, keeping fields a newer model-ci added within the same schema', async () => {
  const withExtra = { ...record, notes: 'added by a later version' };
  assert.deepEqual(await parseRecord(JSON.stringify(withExtra), key, 'here'), { record: withExtra });
  assert.deepEqual(await writeProblems(record), []);
});

test('optional parts are checked when present', async () => {
  const bad = {
    ...record,
    image: { name: 'ghcr.io/a/b', digest: 'latest', tags: ['x', 3] },
    history: { epochs: 2, loss: [0.5, 'x'] },
    evaluation: { task: 'multiclass-classification', testRows: 30, confusionMatrix: 'none' },
  };
  const result = await parseRecord(JSON.stringify(bad), key, 'here');
  assert.ok('unusable' in result);
  assert.match(result.unusable, /image\.digest: expected sha256:<64 hex digits>, got "latest"/);
  assert.match(result.unusable, /image\.tags\[1\]: expected a non-empty string, got 3/);
  assert.match(result.unusable, /history\.loss\[1\]: expected a finite number, got "x"/);
  assert.match(result.unusable, /evaluation\.confusionMatrix: expected an array of rows/);
});

test('a record without a schema number, or not an object, is unusable', async () => {
  const { schema: _schema, ...noSchema } = record;
  const missing = await parseRecord(JSON.stringify(noSchema), key, 'here');
  assert.ok('unusable' in missing);
  assert.match(missing.unusable, /has no record schema number \(written by model-ci 0\.1\.0\)/);
  const array = await parseRecord('[1,2]', key, 'here');
  assert.ok('unusable' in array && /expected a JSON object/.test(array.unusable));
});

test('writeProblems sees what JSON would lose', async () => {
  assert.deepEqual(await writeProblems({ ...record, metrics: { f1: Number.POSITIVE_INFINITY } }), ['metrics.f1: expected a finite number, got null']);
  assert.deepEqual(await writeProblems({ ...record, schema: 0 }), ['schema: expected 1, got 0']);
});

describe('a record from the baselines branch is checked field by field before anything uses it', () => {
  const image = { name: 'ghcr.io/acme/iris', digest: `sha256:${'0f'.repeat(32)}`, tags: ['ghcr.io/acme/iris:latest'] };
  const unusable = async (changes: Record<string, unknown>) => {
    const result = await parseRecord(JSON.stringify({ ...record, image, ...changes }), key, 'baselines:iris/x.json');
    assert.ok('unusable' in result, `accepted: ${JSON.stringify(changes)}`);
    return result.unusable;
  };

  test('a record with an image, as the deploy writes it, is usable', async () => {
    assert.deepEqual(await parseRecord(JSON.stringify({ ...record, image, reusedFrom: commit, rollbackOf: commit }), key, 'here'), {
      record: { ...record, image, reusedFrom: commit, rollbackOf: commit },
    });
  });

  const cases: [string, Record<string, unknown>, RegExp][] = [
    ['a short digest', { image: { ...image, digest: 'sha256:0f0f' } }, /image\.digest: expected sha256:<64 hex digits>, got "sha256:0f0f"/],
    ['an upper-case digest', { image: { ...image, digest: `sha256:${'0F'.repeat(32)}` } }, /image\.digest: expected sha256:<64 hex digits>/],
    ['a tag for a digest', { image: { ...image, digest: 'latest' } }, /image\.digest: expected sha256:<64 hex digits>, got "latest"/],
    [
      'an image name with a tag',
      { image: { ...image, name: 'ghcr.io/acme/iris:latest' } },
      /image\.name: expected an image name without tag or digest, got "ghcr\.io\/acme\/iris:latest"/,
    ],
    ['an image name with userinfo', { image: { ...image, name: 'ghcr.io@evil.io/acme/iris' } }, /image\.name: expected an image name without tag or digest/],
    ['an image name as a URL', { image: { ...image, name: 'https://evil.io/x' } }, /image\.name: expected an image name/],
    [
      'an image name of the wrong type',
      { image: { ...image, name: ['ghcr.io/acme/iris'] } },
      /image\.name: expected an image name without tag or digest, got \["ghcr\.io\/acme\/iris"\]/,
    ],
    ['an abbreviated commit', { commit: commit.slice(0, 7) }, /commit: expected a full commit SHA \(40 hex digits\), got "0123456"/],
    ['a commit that is a ref', { commit: 'main' }, /commit: expected a full commit SHA/],
    ['a commit of the wrong type', { commit: 123 }, /commit: expected a full commit SHA \(40 hex digits\), got 123/],
    ['a rollbackOf that is not a commit', { rollbackOf: 'HEAD~1' }, /rollbackOf: expected a full commit SHA \(40 hex digits\), got "HEAD~1"/],
    ['a reusedFrom that is not a commit', { reusedFrom: '../../etc' }, /reusedFrom: expected a full commit SHA/],
    ['a model name with a slash', { model: 'iris/../x' }, /model: expected a model name of letters, digits/],
    ['a time that is not ISO 8601', { createdAt: '1' }, /createdAt: expected an ISO 8601 time such as 2025-03-04T05:06:07Z, got "1"/],
    ['a time in words', { createdAt: 'March 4, 2025' }, /createdAt: expected an ISO 8601 time/],
    ['a metric as text', { metrics: { accuracy: '0.97' } }, /metrics\.accuracy: expected a finite number, got "0\.97"/],
    ['a metric that is null (NaN written as JSON)', { metrics: { accuracy: null } }, /metrics\.accuracy: expected a finite number, got null/],
    ['metrics as a list', { metrics: [0.97] }, /metrics: expected an object, got \[0\.97\]/],
    ['a version with a line break', { modelCiVersion: '1.0.0\n::error::x' }, /modelCiVersion: expected a model-ci version such as 1\.2\.3/],
    ['a backend with markup', { backend: '<b>gpu</b>' }, /backend: expected a backend name such as wasm/],
    ['image tags that are not a list', { image: { ...image, tags: 'latest' } }, /image\.tags: expected an array, got "latest"/],
    ['an image that is text', { image: 'ghcr.io/acme/iris' }, /image: expected an object, got "ghcr\.io\/acme\/iris"/],
  ];
  for (const [what, changes, expected] of cases) {
    test(`unusable, with the reason: ${what}`, async () => {
      const reason = await unusable(changes);
      assert.match(reason, /^baselines:iris\/x\.json \(written by [^)]+\) cannot be used: /);
      assert.match(reason, expected);
    });
  }

  test('a version that is not one is not echoed as the writer', async () => {
    assert.match(await unusable({ modelCiVersion: 'x'.repeat(500), commit: 'main' }), /written by an unknown model-ci version\) cannot be used/);
  });

  test('a record with thousands of bad fields gives a reason of a few of them', async () => {
    const metrics = Object.fromEntries(Array.from({ length: 5000 }, (_, i) => [`m${i}`, 'bad']));
    const reason = await unusable({ metrics });
    assert.match(reason, /; and 4992 more$/);
    assert.ok(reason.length < 2000, `${reason.length} characters`);
  });
});
